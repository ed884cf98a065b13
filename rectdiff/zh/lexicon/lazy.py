"""Patterns compiled on first use, so that a process compiles only the patterns its path reads with.

Compiling the lexicon's patterns was most of what importing it cost (a class of Chinese characters
makes ``re``'s pure-Python compiler build a 64K-entry map), and a run reads with only some of them:
a ledger's labels, a title's date, a heading's note. A ``LazyPattern`` holds the pattern's text
(other patterns are built from ``.pattern`` without compiling it) and compiles it when a method is
first called; it then binds the compiled pattern's methods onto itself, so that every later call
costs what the compiled pattern's own does (no ``__getattr__``, which would slow every lookup).
"""

import re
from functools import cached_property

from ..compiled import regex

#: the methods of ``re.Pattern`` a lazy pattern offers; bound to the compiled pattern's once compiled
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A ``re.Pattern`` that compiles itself the first time it is used."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    @cached_property
    def compiled(self) -> re.Pattern:
        """The compiled pattern, compiled on the first use; its methods then replace this object's."""
        compiled = regex(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    @property
    def flags(self) -> int:
        """The compiled pattern's flags."""
        return self.compiled.flags

    @property
    def groups(self) -> int:
        """The number of capturing groups."""
        return self.compiled.groups

    @property
    def groupindex(self):
        """Group names to group numbers."""
        return self.compiled.groupindex

    def __repr__(self) -> str:
        return f"pattern({self.pattern!r})"

    def __format__(self, spec: str) -> str:
        """Refused: a pattern built with ``f"{lx.NAME}"`` would hold this object's repr, a regex that
        compiles and matches something else; patterns are built from ``.pattern``."""
        raise TypeError(f"a lazy pattern is not text: use its .pattern ({self!r})")


def _compiling(name: str):
    def method(self, *args, **kwargs):
        return getattr(self.compiled, name)(*args, **kwargs)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"``re.Pattern.{name}``, the pattern compiled first."
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _compiling(_name))


def pattern(text: str, flags: int = 0) -> LazyPattern:
    """The pattern ``text`` (``re`` syntax), compiled the first time it is used."""
    return LazyPattern(text, flags)
