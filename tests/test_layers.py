"""The pipeline is the layout, and the layout is enforced: no module imports a layer above its
own (imports inside functions count too), and renderers read only the result objects."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rectdiff"

#: lowest first; a module may import its own layer and the layers below it
LAYERS = ["zh", "read", "parsing", "align", "diff", "history", "doubts", "notes", "render", "api", "cli"]
#: importable from every layer (plain data, the exceptions and the catalogue of what the user reads)
SHARED = {"model", "errors", "rules", "records", "frozen", "catalogue", "xlsx"}
#: top-level modules that belong to a layer under another name
ALIASES = {"__init__": "api", "__main__": "cli", "batching": "api", "cli_help": "cli", "cli_outputs": "cli",
           "cli_args": "cli", "cli_errors": "cli"}  # fmt: skip
#: renderers read the result objects only: no parsing, aligning or diffing of their own
RENDER_MAY_IMPORT = {"render", "model", "errors", "zh"}
#: of the language's floor, renderers read word lists only: reading dates (or numbers) out of a
#: text is the stages' work, and the result carries what they found (``Lineage.deadline_date``);
#: a renderer's own pattern (what a workbook cannot store) is compiled where every pattern is
RENDER_MAY_IMPORT_ZH = {"rectdiff.zh.lexicon", "rectdiff.zh.compiled"}


def layer_of(module: str) -> str:
    """'rectdiff.parsing.status' -> 'parsing'; 'rectdiff' -> 'api'."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return ALIASES.get(top, top)


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1 and parts[-2] != "rectdiff":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, root: Path = PACKAGE) -> set[str]:
    """Every rectdiff module ``path`` imports, at the top or inside a function."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")  # the top package's own __init__
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "rectdiff"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "rectdiff":
                found |= {_submodule(target, a.name, root) for a in node.names} if not node.module else {target}
    return found


def _submodule(package: str, name: str, root: Path) -> str:
    """`from . import x`: x is a submodule when a file or folder holds it, else a name of the package."""
    folder = root.parent.joinpath(*package.split("."))
    return f"{package}.{name}" if (folder / f"{name}.py").exists() or (folder / name).is_dir() else package


def violations(path: Path, root: Path = PACKAGE) -> list[str]:
    """What in ``path`` breaks the layer contract (empty when nothing does)."""
    name = module_name(path, root)
    own = layer_of(name)
    targets = imports_of(path, root)
    if own in SHARED:
        return [f"{name} imports {t}: model/errors import only zh" for t in targets
                if layer_of(t) not in SHARED | {"zh"}]  # fmt: skip
    if own not in LAYERS:
        return [f"{name}: add its layer to LAYERS"]
    out = []
    for target in sorted(targets):
        other = layer_of(target)
        if other in SHARED:
            continue
        if other not in LAYERS or LAYERS.index(other) > LAYERS.index(own):
            out.append(f"{name} ({own}) imports {target} ({other})")
        elif own == "render" and (
            other not in RENDER_MAY_IMPORT or other == "zh" and target not in RENDER_MAY_IMPORT_ZH
        ):
            out.append(f"{name} imports {target}: renderers only read the results")
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_import_reaches_up(path):
    assert violations(path) == []


#: the modules that import openpyxl, each after ``xlsx.load_openpyxl`` (without numpy: 80 ms a run)
OPENPYXL_IMPORTERS = {"rectdiff/render/xl.py", "rectdiff/read/sheet.py", "rectdiff/notes/workbook.py",
                      "rectdiff/xlsx.py"}  # fmt: skip


def test_openpyxl_is_imported_in_three_places_only():
    """A renderer takes its openpyxl names from ``render/xl.py``; a new direct import would load
    numpy with openpyxl again on every workbook run."""
    assert importers_of("openpyxl") == OPENPYXL_IMPORTERS


def importers_of(package: str) -> set[str]:
    """The modules of rectdiff that import the third-party ``package``, at the top or in a function."""
    found = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(n.split(".")[0] == package for n in names):
                found.add(str(path.relative_to(PACKAGE.parent)))
    return found


def test_only_the_command_line_imports_click():
    """click is the command line's: its commands (cli.py), help (cli_help), outputs (cli_outputs)
    and errors (cli_errors); every stage and renderer is a plain function callable without it."""
    assert importers_of("click") == {"rectdiff/cli.py", "rectdiff/cli_help.py", "rectdiff/cli_outputs.py",
                                     "rectdiff/cli_errors.py"}  # fmt: skip


def test_the_contract_catches_a_violation(tmp_path):
    """The checker itself: a lower layer importing a higher one is found, lazily or not, and a
    renderer that reaches into parsing is found although render sits above parsing."""
    root = tmp_path / "rectdiff"
    status = root / "parsing" / "status.py"
    status.parent.mkdir(parents=True)
    status.write_text("from ..zh import lexicon\n\ndef f():\n    from ..diff import diff_reports\n", encoding="utf-8")
    assert violations(status, root) == ["rectdiff.parsing.status (parsing) imports rectdiff.diff (diff)"]
    sheet = root / "render" / "sheet.py"
    sheet.parent.mkdir()
    sheet.write_text("from ..model import Report\nfrom ..parsing.totals import parse_totals\n", encoding="utf-8")
    assert violations(sheet, root) == [
        "rectdiff.render.sheet imports rectdiff.parsing.totals: renderers only read the results"
    ]
    timeline = root / "render" / "timeline.py"
    timeline.write_text("from ..zh.lexicon import FRAME_ROWS\nfrom ..zh.dates import deadline_date\n", encoding="utf-8")
    assert violations(timeline, root) == [
        "rectdiff.render.timeline imports rectdiff.zh.dates: renderers only read the results"
    ]


#: the shared rules and their one home, as a second copy of each would be written
RULE_COPIES = {
    "status direction": re.compile(r"STATUS_ORDER\.index\(|def status_change\b|[\"']↑ [\"'] if"),
    "failed = error or warning": re.compile(r"[\"']error[\"'],\s*[\"']warning[\"']"),
    "status moves": re.compile(r"[\"']improved[\"'],\s*[\"']regressed[\"']"),
    "removable kinds": re.compile(r"[\"']section[\"'],\s*[\"']narrative[\"']"),
    "align then diff": re.compile(r"diff_reports\([^)]*align_items\("),
    # facts the results carry, found where they are built (a renderer reads them)
    "findings both versions raise": re.compile(r"def shared_findings\b"),
    "a quantity stated alike throughout": re.compile(r"len\(set\(\w*\.?texts\)\) == 1"),
}
RULE_HOMES = {"align then diff": "diff/__init__.py", "findings both versions raise": "diff/checks.py",
              "a quantity stated alike throughout": "history/trajectories.py"}  # fmt: skip


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_each_rule_has_one_home(path):
    """Status direction, severity order, failed checks and removable kinds live in rules.py only;
    aligning then diffing two reports is ``diff.compare_reports`` only."""
    here = str(path.relative_to(PACKAGE))
    text = path.read_text(encoding="utf-8")
    copies = [rule for rule, pattern in RULE_COPIES.items() if pattern.search(text)]
    assert [rule for rule in copies if RULE_HOMES.get(rule, "rules.py") != here] == []


def test_the_rule_check_catches_a_copy():
    assert RULE_COPIES["failed = error or warning"].search('x.isin(["error", "warning"])')
    assert RULE_COPIES["status direction"].search("STATUS_ORDER.index(new) > STATUS_ORDER.index(old)")
    assert RULE_COPIES["align then diff"].search("diff_reports(a, b, align_items(a.compared, b.compared))")
    assert RULE_COPIES["a quantity stated alike throughout"].search("return len(set(metric.texts)) == 1 and")
    home = (PACKAGE / RULE_HOMES["a quantity stated alike throughout"]).read_text(encoding="utf-8")
    assert RULE_COPIES["a quantity stated alike throughout"].search(home)  # the home itself is seen


#: a CJK ideograph (the input language's words and the user's messages are made of them)
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: where Chinese may be written in code: the language's own floor, the catalogue of what the user
#: reads, and the help texts
CJK_HOMES = ("zh/", "catalogue/", "cli_help.py")


def code_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant in ``source``: the parts of f-strings count, docstrings
    and comments do not (they explain, the user never reads them)."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    )  # fmt: skip


def cjk_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant outside docstrings that holds a CJK character."""
    return [(line, text) for line, text in code_strings(source) if CJK.search(text)]


CODE_MODULES = [p for p in MODULES if not str(p.relative_to(PACKAGE)).startswith(CJK_HOMES)]


@pytest.mark.parametrize("path", CODE_MODULES, ids=[str(p.relative_to(PACKAGE)) for p in CODE_MODULES])
def test_no_chinese_outside_the_lexicon(path):
    """Every Chinese word the reader matches lives in zh/lexicon/ (with an example and a why), every
    message the user reads in the catalogue: a stage's code holds no Chinese literal."""
    assert cjk_literals(path.read_text(encoding="utf-8")) == []


#: a character class holding full-width or Chinese punctuation (，。；：“”…): what text is cut and
#: trimmed by belongs to the lexicon (zh/lexicon/punctuation.py), one name each
PUNCTUATION_CLASS = re.compile(r"\[[^\]]*[\u2014\u2018-\u201d\u2026\u3000-\u303f\uff00-\uffef][^\]]*\]")


def punctuation_classes(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant outside docstrings that writes a punctuation class."""
    return [(line, text) for line, text in code_strings(source) if PUNCTUATION_CLASS.search(text)]


@pytest.mark.parametrize("path", CODE_MODULES, ids=[str(p.relative_to(PACKAGE)) for p in CODE_MODULES])
def test_no_punctuation_class_outside_the_lexicon(path):
    """The classes of full-width punctuation a stage cuts or trims text by are the lexicon's names."""
    assert punctuation_classes(path.read_text(encoding="utf-8")) == []


def test_the_punctuation_check_catches_a_class():
    """A class with a full-width comma or a Chinese full stop is found; a half-width one is not."""
    source = '"""[。]"""\nimport re\nA = re.compile(r"[^，；]+")\nB = re.compile("[,;]")\nC = "[。:]"\n'
    assert punctuation_classes(source) == [(3, "[^，；]+"), (5, "[。:]")]


def test_the_chinese_check_catches_a_literal():
    """The checker itself: a word in a pattern, in a default argument and inside an f-string is found;
    a docstring, a comment and an escape that spells no CJK character are not."""
    source = (
        '"""模块说明"""\n'
        "import re\n"
        "# 注释\n"
        "_WORDS = re.compile(r'[\\u4e00-\\u9fff]+')\n"
        "def f(x, tail='问题'):\n"
        '    """函数说明"""\n'
        "    return re.match('^(?:该|此)', x) or f'{x}项'\n"
    )
    assert cjk_literals(source) == [(5, "问题"), (7, "^(?:该|此)"), (7, "项")]


def circles(modules: dict[str, set[str]], package: str) -> list[list[str]]:
    """Modules of ``package`` that import each other round a circle (each circle once, sorted); a
    package's ``__init__`` importing its own modules is no circle unless one imports it back."""
    inside = {m: {t for t in targets if t.startswith(package + ".")} for m, targets in modules.items()
              if m.startswith(package + ".")}  # fmt: skip
    reach = {m: _reach(m, inside) for m in inside}
    found = []
    for module in sorted(inside):
        circle = sorted(m for m in reach[module] if module in reach[m])
        if circle and circle not in found:
            found.append(circle)
    return found


def _reach(module: str, graph: dict[str, set[str]]) -> set[str]:
    """Every module of ``graph`` that ``module`` imports, directly or through others."""
    seen, todo = set(), list(graph.get(module, ()))
    while todo:
        m = todo.pop()
        if m in graph and m not in seen:
            seen.add(m)
            todo += graph[m]
    return seen


def test_no_import_circle():
    """Every module depends one way, across the whole package: the verdict reads the status grammar,
    never the reverse; ``model`` reads ``rules`` (which reads nothing of ours); a batch group
    declares the writer it is given, ``batching`` reads it from there (lazy imports inside
    functions count)."""
    assert circles({module_name(p): imports_of(p) for p in MODULES}, "rectdiff") == []


def test_the_top_package_imports_are_resolved():
    """``from .api import …`` in rectdiff/__init__.py is rectdiff.api (the circle check would
    otherwise miss every edge of the top package)."""
    assert imports_of(PACKAGE / "__init__.py") == {"rectdiff.api", "rectdiff.errors"}


def test_the_circle_check_catches_a_circle():
    graph = {"p.status": {"p.verdict"}, "p.verdict": {"p.status", "p.x"}, "p.x": set(), "p.y": {"p.x"}}
    assert circles(graph, "p") == [["p.status", "p.verdict"]]
    assert circles({"p.a": {"p.b"}, "p.b": set()}, "p") == []
