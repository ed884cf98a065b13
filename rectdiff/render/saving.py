"""Finishing a workbook and writing it: every workbook rectdiff writes ends here."""

from __future__ import annotations

import io

from ..model import OUTPUT_CREATOR
from .carried import write_archive
from .labels import tr
from .output import Written, private_tempdir, write_bytes, write_failure
from .sheet import Book


def save(book: Book, path: str) -> Written:
    """Finish the book (长文本, the replaced-character note) and write it atomically."""
    write_archive(book)
    replaced = book.finish()
    if replaced:
        ws = book.wb.worksheets[0]
        book.put(ws, ws.max_row + 2, 1, tr("ov.replaced", book.lang).format(n=replaced))
    book.wb.properties.creator = OUTPUT_CREATOR  # so that a batch knows its own workbooks
    buffer = io.BytesIO()
    with private_tempdir(path):
        try:
            book.wb.save(buffer)  # in memory first: a failing disk never meets a half-written zip
        except Exception as exc:  # noqa: BLE001 - lxml wraps a failed scratch write in its own error
            raise write_failure(path, exc) from None
    write_bytes(path, buffer.getvalue())
    return Written(str(path), len(book.wb.worksheets), replaced)
