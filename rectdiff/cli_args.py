"""The command line before and beside click: the language asked for (known before click parses
anything), a --lang given before the command, and file patterns the shell left unexpanded."""

from __future__ import annotations

import os


def argv_language(argv: list[str]) -> str:
    """The language asked for on the command line (``--lang en``), else by ``RECTDIFF_LANG``,
    else Chinese: known before click parses anything, so that help and usage errors use it too."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else ""
        if value in ("zh", "en"):
            return value
    return "en" if os.environ.get("RECTDIFF_LANG", "").lower().startswith("en") else "zh"


def without_leading_lang(args: list[str]) -> list[str]:
    """``args`` less a --lang given before the command (``rectdiff --lang en compare …``): the
    language is already set from it (``argv_language``), and the group itself takes no --lang."""
    out, i = [], 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "--lang" and i + 1 < len(args):
            i += 2
            continue
        if not args[i].startswith("--lang="):
            out.append(args[i])
        i += 1
    return out + args[i:]


def expand(paths: tuple[str, ...]) -> list[str]:
    """Paths as given; a pattern (qinghe_*.txt) that names no file is expanded here, in order,
    for shells that do not expand it themselves."""
    import glob

    out = []
    for path in paths:
        matches = sorted(glob.glob(path)) if not os.path.exists(path) and glob.has_magic(path) else []
        out += matches or [path]
    return out
