"""``@frozen``: a frozen dataclass declared at a fraction of its start-up cost.

``dataclasses.dataclass(frozen=True)`` writes the source of six methods per class and compiles
each (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), and
reads every annotation three times over (``ClassVar``? ``InitVar``? ``KW_ONLY``?); for the 26
record and result types of ``records`` and ``model`` that was about 22 ms of every run before any
work (about 6 ms when ``frozen`` still had dataclass collect the fields and compiled one statement
per field; 1.7 ms now, and 1.6 ms for the 17 types a compare builds).

``frozen`` makes the same declaration (typed fields, defaults, ``__dataclass_fields__`` and
``__dataclass_params__`` as dataclass writes them, so that ``fields``, ``replace``, ``asdict``, a
``dataclass(frozen=True)`` subclass and ``__match_args__`` work) and compiles only ``__init__``,
the one method whose parameters are the fields (a misspelt or missing field fails where the
object is built), as one statement, and only when the class is first built or its ``__init__``
first looked up: a type a run never builds costs no compile. The other methods are shared
functions that read the fields through one ``operator.attrgetter``; they compare, hash, show and
refuse assignment exactly as the dataclass's own would. ``mutable`` declares a dataclass whose
fields may be set (a working row, a parser's state) the same way.
"""

from __future__ import annotations

import dataclasses
import reprlib
from dataclasses import MISSING, FrozenInstanceError, dataclass, field
from functools import cache
from operator import attrgetter
from types import MemberDescriptorType

#: what ``dataclasses.fields`` takes for a field (not a ``ClassVar`` or an ``InitVar``)
_FIELD = dataclasses._FIELD


def frozen(cls=None, /, *, slots: bool = False):
    """Declare ``cls`` a frozen dataclass (``@frozen`` or ``@frozen(slots=True)``): the same
    behaviour as ``@dataclass(frozen=True, slots=slots)``, without compiling five of its methods."""

    return _declaration(cls, frozen=True, eq=True, slots=slots)


def mutable(cls=None, /, *, eq: bool = True, slots: bool = False):
    """Declare ``cls`` a dataclass whose fields may be set (``@mutable``, ``@mutable(eq=False)``,
    ``@mutable(slots=True)``): the behaviour of ``@dataclass(eq=eq, slots=slots)`` (so, compared
    field by field and unhashable unless ``eq=False``), at the cost of ``frozen``."""
    return _declaration(cls, frozen=False, eq=eq, slots=slots)


def _declaration(cls, frozen: bool, eq: bool, slots: bool):
    def wrap(cls):
        declared = _declare(cls, frozen)
        if slots:
            cls = _slotted(cls, [f.name for f in declared])
        cls.__dataclass_params__ = _params(frozen, eq, slots)
        _add_methods(cls, declared, slots, frozen, eq)
        return cls

    return wrap if cls is None else wrap(cls)


@cache
def _params(frozen: bool, eq: bool, slots: bool):
    """The ``__dataclass_params__`` of a ``dataclass(frozen=frozen, eq=eq, slots=slots)`` (init
    and repr; no order, no unsafe_hash), taken from a dataclass made without methods to compile."""
    made = dataclass(
        type("_Made", (), {"__doc__": "-"}), init=False, repr=False, eq=False, slots=slots
    ).__dataclass_params__
    made.init, made.repr, made.eq, made.frozen = True, True, eq, frozen
    return made


def _declare(cls, frozen: bool = True) -> list:
    """The fields of ``cls`` in order, its bases' first (as dataclass collects them), each a
    ``dataclasses.Field``; written into ``__dataclass_fields__``, class attributes as dataclass
    leaves them. Refused, as the compiled ``__init__`` would get them wrong: a ``__post_init__``
    (never called), a ``ClassVar``, ``InitVar`` or ``KW_ONLY`` annotation, a ``field(init=False)``
    (taken as a parameter), a ``kw_only`` field (taken positionally); a mutable default, as by dataclass."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"@frozen and @mutable do not call __post_init__: {cls.__qualname__}")
    found = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields is not None:
            if base.__dataclass_params__.frozen != frozen:  # as dataclass refuses it, either way
                said = ("frozen", "non-frozen")
                raise TypeError(f"cannot inherit {said[not frozen]} dataclass from a {said[frozen]} one")
            found.update(base_fields)
    for name, kind in cls.__dict__.get("__annotations__", {}).items():
        found[name] = _field(cls, name, kind)
    defaulted = False
    for f in found.values():
        if f.default is MISSING and f.default_factory is MISSING:
            if defaulted:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            defaulted = True
    cls.__dataclass_fields__ = found
    return list(found.values())


def _field(cls, name: str, kind):
    said = str(kind)
    if "ClassVar" in said or "InitVar" in said or "KW_ONLY" in said:
        raise TypeError(f"@frozen takes no ClassVar, InitVar or KW_ONLY: {cls.__qualname__}.{name}")
    default = cls.__dict__.get(name, MISSING)
    made = default if isinstance(default, dataclasses.Field) else field(default=default)
    if not made.init or made.kw_only is True:
        raise TypeError(f"@frozen takes neither init=False nor kw_only fields: {cls.__qualname__}.{name}")
    if made.default is not MISSING and made.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(made.default)} for field {name} is not allowed: use default_factory")
    made.name, made.type, made.kw_only, made._field_type = name, kind, False, _FIELD
    if made is default:  # a field(...) in the class body: the class keeps its default, as with dataclass
        if made.default is MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, made.default)
    return made


def _slotted(cls, names: list[str]):
    """``cls`` made again with ``__slots__`` of its fields (less those a base has a slot for), as
    dataclass's ``slots=True`` does."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited = set()
    for base in cls.__mro__[1:-1]:
        held = base.__dict__.get("__slots__", ())
        inherited.update((held,) if isinstance(held, str) else held)
    namespace = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = tuple(n for n in names if n not in inherited)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def _values(names: list[str]):
    """A function giving the tuple of ``names``' values of an object (a tuple for one name too)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _add_methods(cls, declared, slots: bool, frozen: bool = True, eq: bool = True) -> None:
    names = [f.name for f in declared]
    compared = _values([f.name for f in declared if f.compare])
    hashed = _values([f.name for f in declared if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in declared if f.repr]
    shown_values = _values(shown)
    fields_set = frozenset(names)

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
        if type(self) is cls or name in fields_set:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in fields_set:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    methods = {"__repr__": __repr__, "__replace__": _replace}
    if eq:  # as dataclass: compared field by field; hashed by them when frozen, else unhashable
        methods |= {"__eq__": __eq__, "__hash__": __hash__ if frozen else None}
    if frozen:
        methods |= {"__setattr__": __setattr__, "__delattr__": __delattr__}
    if frozen and slots:  # as dataclass does for a frozen slotted class: pickle and copy set the slots directly
        methods |= {"__getstate__": _getstate, "__setstate__": _setstate}
    for name, method in methods.items():
        if method is not None and method.__qualname__.startswith("_add_methods"):
            method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(names)
    cls.__init__ = _FirstInit(cls, declared)


class _FirstInit:
    """A class's ``__init__`` until it is first needed (the class built, or its ``__init__`` looked
    up): then compiled (``_init``), put in its place on the class, and returned."""

    def __init__(self, cls, declared):
        self.cls, self.declared = cls, declared

    def __get__(self, instance, owner=None):
        init = _init(self.cls, self.declared)
        type.__setattr__(self.cls, "__init__", init)
        return init if instance is None else init.__get__(instance, owner)


def _init(cls, declared):
    """``__init__`` taking the fields in order (defaults and default factories as dataclass
    takes them) and setting them all in one call (one statement compiles several times faster
    than one per field)."""
    names = [f.name for f in declared]
    scope = {"_FACTORY": _FACTORY, "_fill": _filler(cls, names)}
    params, values = [], []
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
        values.append(value)
    source = f"def __init__(self, {', '.join(params)}):\n    _fill(self, ({''.join(v + ', ' for v in values)}))\n"
    exec(source, scope)  # the source is built from the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    # the signature dataclass gives (inspect, help(), an editor): each field's type, -> None
    init.__annotations__ = {**{f.name: f.type for f in declared}, "return": None}
    return init


class _Factory:
    """The default of a field with a default factory, as the signature shows it (dataclass's own
    marker reads <factory> too)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _filler(cls, names: list[str]):
    """A function setting ``names`` of an object to ``values`` past the frozen ``__setattr__``:
    through the slots' own setters where every field is a slot (a third faster), else by name."""
    slots = [getattr(cls, name, None) for name in names]
    if all(isinstance(slot, MemberDescriptorType) for slot in slots):
        setters = [slot.__set__ for slot in slots]

        def fill(self, values):
            for setter, value in zip(setters, values):
                setter(self, value)

    else:

        def fill(self, values):
            for name, value in zip(names, values):
                _set(self, name, value)

    return fill


_set = object.__setattr__


def _replace(self, /, **changes):
    """A copy with ``changes`` (``copy.replace``, as dataclass provides from Python 3.13)."""
    return dataclasses.replace(self, **changes)


def _getstate(self):
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self, state):
    for f, value in zip(dataclasses.fields(self), state):
        object.__setattr__(self, f.name, value)
