"""``python -m rectdiff``: the same as the ``rectdiff`` command."""

from .cli import main

main()
