"""``@frozen`` behaves as ``@dataclass(frozen=True)`` does: built, compared, hashed, shown,
copied and pickled alike, and refusing an unknown field or an assignment alike; ``@mutable`` as
``@dataclass`` does."""

from __future__ import annotations

import ast
import copy
import dataclasses
import inspect
import pickle
from functools import cached_property
from pathlib import Path

import pytest

import rectdiff
from rectdiff import model, records
from rectdiff.frozen import frozen, mutable


@frozen(slots=True)
class Row:
    """A slotted record."""

    name: str
    size: int | None
    tags: tuple = ()


@frozen
class Box:
    """A result object: defaults, a default factory, a property and a cached property."""

    label: str
    rows: tuple = ()
    notes: dict = dataclasses.field(default_factory=dict)
    hidden: int = dataclasses.field(default=0, repr=False, compare=False)

    @property
    def count(self) -> int:
        """How many rows."""
        return len(self.rows)

    @cached_property
    def total(self) -> int:
        """The rows summed, once (cached in the instance's __dict__ past the frozen __setattr__)."""
        return sum(self.rows)


@dataclasses.dataclass(frozen=True)
class Measured(Row):
    """A dataclass(frozen=True) subclass of a slotted ``frozen`` class."""

    unit: str = "m"


@dataclasses.dataclass(frozen=True)
class LabelledBox(Box):
    """A dataclass(frozen=True) subclass of a ``frozen`` class with a default factory."""

    colour: str = "red"


@frozen(slots=True)
class Tagged(Row):
    """A ``frozen`` subclass of a ``frozen`` class: its fields after the base's."""

    weight: int = 0


def reference(cls, slots: bool):
    """The same class declared by ``dataclasses`` itself."""
    spec = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
    made = dataclasses.make_dataclass(cls.__name__, spec, frozen=True, slots=slots, namespace={"__doc__": "x"})
    made.__qualname__ = cls.__qualname__
    return made


def test_built_compared_hashed_and_shown_as_a_dataclass():
    ref = reference(Row, slots=True)
    for args in (("a", 1), ("a", None, ("x", "y")), ("b", 2, (float("nan"),))):
        ours, theirs = Row(*args), ref(*args)
        assert repr(ours) == repr(theirs) and hash(ours) == hash(theirs)
        assert (ours == Row(*args)) == (theirs == ref(*args))
    assert Row("a", 1) != Row("a", 2) and Row("a", 1) != ("a", 1) and Row("a", 1).__eq__(("a", 1)) is NotImplemented
    assert Row(name="a", size=1) == Row("a", 1, ()) and Row.__match_args__ == ("name", "size", "tags")
    assert not hasattr(Row("a", 1), "__dict__") and Row.__slots__ == ("name", "size", "tags")
    box, ref_box = Box("b", (1, 2), hidden=3), reference(Box, slots=False)("b", (1, 2), hidden=3)
    assert repr(box) == repr(ref_box) == "Box(label='b', rows=(1, 2), notes={})"
    assert box == Box("b", (1, 2), hidden=4) and box.count == 2
    assert box.total == 3 and vars(box)["total"] == 3 and box.total == 3 and box == Box("b", (1, 2))
    assert Box("x").notes is not Box("x").notes  # a fresh dict each time, as default_factory makes
    with pytest.raises(TypeError, match="unhashable"):
        hash(box)  # a dict field, as with dataclass


def test_the_signature_is_the_dataclass_s():
    """What inspect, help() and an editor show: each field's type, its default, <factory> for a
    default factory (not dataclasses' private MISSING marker), -> None."""
    assert (
        str(inspect.signature(Box))
        == "(label: 'str', rows: 'tuple' = (), notes: 'dict' = <factory>, hidden: 'int' = 0) -> None"
    )
    for ours, slots in ((Row, True), (Box, False), (Tagged, True), (Measured, False), (LabelledBox, False)):
        twin = reference(ours, slots)
        assert str(inspect.signature(ours)) == str(inspect.signature(twin)), ours
        assert str(inspect.signature(ours.__init__)) == str(inspect.signature(twin.__init__)), ours


def test_unknown_missing_or_assigned_fields_fail_as_a_dataclass_does():
    with pytest.raises(TypeError, match=r"Row\.__init__\(\) got an unexpected keyword argument 'nmae'"):
        Row(nmae="a", size=1)
    with pytest.raises(TypeError, match=r"Row\.__init__\(\) missing 1 required positional argument: 'size'"):
        Row("a")
    row, box = Row("a", 1), Box("b")
    for obj, name in ((row, "name"), (row, "other"), (box, "label"), (box, "other")):
        with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{name}'"):
            setattr(obj, name, "z")
        with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{name}'"):
            delattr(obj, name)


def test_fields_replace_copy_and_pickle_work():
    row = Row("a", 1, ("t",))
    assert [f.name for f in dataclasses.fields(Row)] == ["name", "size", "tags"]
    assert dataclasses.replace(row, size=2) == Row("a", 2, ("t",))
    assert dataclasses.asdict(row) == {"name": "a", "size": 1, "tags": ("t",)}
    for again in (copy.copy(row), copy.deepcopy(row), pickle.loads(pickle.dumps(row))):
        assert again == row and again is not row
    box = Box("b", (1,), {"k": 1})
    assert pickle.loads(pickle.dumps(box)) == box and copy.deepcopy(box).notes == {"k": 1}


@pytest.mark.parametrize("module", [records, model])
def test_every_record_and_result_type_is_declared_so(module):
    """Each class of records and model shows, compares and hashes as its dataclass twin would."""
    declared = [c for c in vars(module).values() if dataclasses.is_dataclass(c) and isinstance(c, type)
                and c.__module__.startswith(module.__name__)]  # fmt: skip
    assert len(declared) >= 12
    for cls in declared:
        slots = "__slots__" in vars(cls)
        twin = reference(cls, slots)
        names = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING
                 and f.default_factory is dataclasses.MISSING]  # fmt: skip
        values = {n: (n, 1) for n in names}
        ours, theirs = cls(**values), twin(**values)
        assert repr(ours) == repr(theirs), cls
        assert str(inspect.signature(cls)) == str(inspect.signature(twin)), cls
        assert ours == cls(**values) and ours != twin(**values), cls
        assert _hash(ours) == _hash(theirs), cls
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours, dataclasses.fields(cls)[0].name, "z")


def _hash(obj):
    try:
        return hash(obj)
    except TypeError as err:  # a dict field: unhashable, as with dataclass
        return str(err)


def test_what_the_compiled_init_would_get_wrong_is_refused():
    """A __post_init__ would never run, an init=False field would be a parameter and a kw_only one
    positional: each is refused where the class is declared, not left to misbehave."""
    with pytest.raises(TypeError, match=r"__post_init__: .*Checked"):

        @frozen
        class Checked:
            size: int

            def __post_init__(self):
                raise AssertionError("never reached")

    with pytest.raises(TypeError, match=r"init=False nor kw_only fields: .*Derived\.total"):

        @frozen
        class Derived:
            size: int
            total: int = dataclasses.field(default=0, init=False)

    with pytest.raises(TypeError, match=r"init=False nor kw_only fields: .*Named\.size"):

        @frozen(slots=True)
        class Named:
            size: int = dataclasses.field(kw_only=True)


def test_dataclasses_see_a_frozen_dataclass():
    """``__dataclass_params__`` says what the class is (init, repr, eq, frozen; no order, no
    unsafe_hash), as for ``dataclass(frozen=True)``: so a ``dataclass(frozen=True)`` subclass is
    allowed (before, "cannot inherit frozen dataclass from a non-frozen one") and a non-frozen one refused."""
    for cls in (Row, Box, Tagged, records.Item, records.Pair, model.Report, model.Comparison):
        params = cls.__dataclass_params__
        assert (params.init, params.repr, params.eq, params.order, params.unsafe_hash, params.frozen) == (
            True, True, True, False, False, True), cls  # fmt: skip
    measured = Measured("a", 1, ("t",), "km")
    assert [f.name for f in dataclasses.fields(Measured)] == ["name", "size", "tags", "unit"]
    assert repr(measured) == "Measured(name='a', size=1, tags=('t',), unit='km')" and Measured("a", 1).unit == "m"
    assert dataclasses.replace(measured, size=2) == Measured("a", 2, ("t",), "km") != Row("a", 2, ("t",))
    assert dataclasses.asdict(measured) == {"name": "a", "size": 1, "tags": ("t",), "unit": "km"}
    assert hash(measured) == hash(Measured("a", 1, ("t",), "km"))
    for again in (pickle.loads(pickle.dumps(measured)), copy.deepcopy(measured)):
        assert again == measured and again.unit == "km"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'size'"):
        measured.size = 3
    box = LabelledBox("b", (1, 2), colour="blue")
    assert box.notes == {} and box.notes is not LabelledBox("b").notes and box.total == 3
    assert dataclasses.replace(box, label="c") == LabelledBox("c", (1, 2), colour="blue")
    assert pickle.loads(pickle.dumps(box)) == box
    with pytest.raises(TypeError, match="cannot inherit non-frozen dataclass from a frozen one"):

        @dataclasses.dataclass
        class Loose(Row):
            extra: int = 0


def test_a_frozen_subclass_takes_its_bases_fields_first():
    tagged = Tagged("a", 1, (), 5)
    assert [f.name for f in dataclasses.fields(Tagged)] == ["name", "size", "tags", "weight"]
    assert tagged == Tagged(name="a", size=1, weight=5) and tagged != Row("a", 1)
    assert repr(tagged) == "Tagged(name='a', size=1, tags=(), weight=5)" and Tagged.__slots__ == ("weight",)
    assert pickle.loads(pickle.dumps(tagged)) == tagged and dataclasses.replace(tagged, weight=6).weight == 6
    with pytest.raises(TypeError, match="cannot inherit frozen dataclass from a non-frozen one"):

        @frozen
        class OverLoose(Loose):
            more: int = 0


@dataclasses.dataclass
class Loose:
    """A dataclass that is not frozen."""

    extra: int = 0


def test_a_field_without_default_after_one_with_is_refused_where_declared():
    with pytest.raises(TypeError, match="non-default argument 'size' follows default argument"):

        @frozen
        class Backwards:
            name: str = ""
            size: int


@mutable(slots=True)
class Cursor:
    """A slotted working state."""

    at: int
    seen: list = dataclasses.field(default_factory=list)


@mutable(eq=False)
class Node:
    """A node compared by identity."""

    label: str
    children: list = dataclasses.field(default_factory=list)


def test_mutable_is_set_compared_and_unhashable_as_a_dataclass():
    cursor = Cursor(1)
    cursor.at = 2
    cursor.seen.append("x")
    twin = dataclasses.make_dataclass("Cursor", [("at", int), ("seen", list, dataclasses.field(default_factory=list))],
                                      slots=True, namespace={"__doc__": "x"})(2, ["x"])  # fmt: skip
    assert cursor == Cursor(2, ["x"]) and repr(cursor) == repr(twin) == "Cursor(at=2, seen=['x'])"
    assert Cursor(1).seen is not Cursor(1).seen and not hasattr(cursor, "__dict__")
    with pytest.raises(TypeError, match="unhashable"):
        hash(cursor)
    with pytest.raises(AttributeError):
        cursor.other = 1  # slots: a misspelt field fails where it is set
    assert pickle.loads(pickle.dumps(cursor)) == cursor and dataclasses.replace(cursor, at=5) == Cursor(5, ["x"])
    params = Cursor.__dataclass_params__
    assert (params.init, params.repr, params.eq, params.frozen, Node.__dataclass_params__.eq) == (
        True, True, True, False, False)  # fmt: skip
    node = Node("a")
    node.label = "b"
    assert (
        node != Node("b")
        and node == node
        and hash(node) == object.__hash__(node)
        and repr(node) == "Node(label='b', children=[])"
    )
    del node.children
    assert not hasattr(node, "children")


def test_mutable_and_frozen_do_not_inherit_from_each_other():
    """As dataclass refuses it: a frozen class from a mutable one, and a mutable one from a frozen one."""
    with pytest.raises(TypeError, match="cannot inherit non-frozen dataclass from a frozen one"):

        @mutable
        class Unfrozen(Row):
            extra: int = 0

    @dataclasses.dataclass
    class Grown(Node):
        weight: int = 0

    assert repr(Grown("a", [], 2)).endswith(".Grown(label='a', children=[], weight=2)")


PACKAGE = Path(rectdiff.__file__).parent


def test_the_package_declares_its_dataclasses_with_frozen():
    """``dataclass()`` and ``make_dataclass`` compile their methods when the module is imported
    (parsing's ``Draft`` by ``make_dataclass``: 1 ms of every start); the package's own classes
    are declared with ``frozen`` or ``mutable``. read/html.py's two working classes load only
    with an .html input."""
    users = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
            if name in ("dataclass", "make_dataclass"):
                users.add(path.relative_to(PACKAGE).as_posix())
    assert users == {"frozen.py", "read/html.py"}
