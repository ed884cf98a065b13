"""``@frozen``: a frozen dataclass declared at a fraction of its start-up cost.

``dataclasses.dataclass(frozen=True)`` writes the source of six methods per class and compiles
each (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``); for
the 26 record and result types of ``records`` and ``model`` that was about 22 ms of every run
before any work (8 ms with ``frozen``).
``frozen`` keeps the dataclass declaration (typed fields, defaults, ``dataclasses.fields``,
``replace``, ``__match_args__``) and compiles only ``__init__``, the one method whose parameters
are the fields: a misspelt or missing field still fails where the object is built. The other
methods are shared functions that read the fields through one ``operator.attrgetter``; they
compare, hash, show and refuse assignment exactly as the dataclass's own would.
"""

from __future__ import annotations

import reprlib
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter


def frozen(cls=None, /, *, slots: bool = False):
    """Declare ``cls`` a frozen dataclass (``@frozen`` or ``@frozen(slots=True)``): the same
    behaviour as ``@dataclass(frozen=True, slots=slots)``, without compiling five of its methods."""

    def wrap(cls):
        cls = dataclass(cls, init=False, repr=False, eq=False, slots=slots)
        _refuse_unsupported(cls)
        _add_methods(cls, fields(cls), slots)
        return cls

    return wrap if cls is None else wrap(cls)


def _refuse_unsupported(cls) -> None:
    """Refuse what the compiled ``__init__`` would silently get wrong: a ``__post_init__`` (never
    called; an ``InitVar`` is only for it), a ``field(init=False)`` (taken as a parameter) or a
    ``kw_only`` field (taken positionally): a class needing them is declared with ``dataclass``."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"@frozen does not call __post_init__: {cls.__qualname__}")
    for f in fields(cls):
        if not f.init or f.kw_only is True:
            raise TypeError(f"@frozen takes neither init=False nor kw_only fields: {cls.__qualname__}.{f.name}")


def _values(names: list[str]):
    """A function giving the tuple of ``names``' values of an object (a tuple for one name too)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _add_methods(cls, declared, slots: bool) -> None:
    cls.__init__ = _init(cls, declared)
    compared = _values([f.name for f in declared if f.compare])
    hashed = _values([f.name for f in declared if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in declared if f.repr]
    shown_values = _values(shown)
    names = frozenset(f.name for f in declared)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self):
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self):
        pairs = ", ".join(f"{n}={v!r}" for n, v in zip(shown, shown_values(self)))
        return f"{self.__class__.__qualname__}({pairs})"

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    methods = {"__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__, "__setattr__": __setattr__,
               "__delattr__": __delattr__}  # fmt: skip
    if slots:  # as dataclass does for a frozen slotted class: pickle and copy set the slots directly
        methods |= {"__getstate__": _getstate, "__setstate__": _setstate}
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _init(cls, declared):
    """``__init__`` taking the fields in order (defaults and default factories as dataclass
    takes them), compiled once: the only method written as source."""
    scope = {"_set": object.__setattr__, "_FACTORY": MISSING}
    params, body = [], []
    for f in declared:
        value = f.name
        if f.default is not MISSING:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            scope[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            params.append(f.name)
        body.append(f"    _set(self, {f.name!r}, {value})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, scope)  # the source is built from the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)
