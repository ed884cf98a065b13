"""One line naming the real cause: an encrypted Office file is not an old .doc/.xls, a text in
UTF-16 or UTF-32 with or without a BOM is read, and invisible format characters and a terminal's
escape sequences change nothing."""

from __future__ import annotations

import io

import pytest

import rectdiff
from rectdiff.errors import ReadError
from rectdiff.read import read_report

from .conftest import V1


def test_an_encrypted_office_file_is_called_password_protected(tmp_path):
    """Office keeps an encrypted .docx/.xlsx inside an OLE container, in a stream EncryptedPackage."""
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ReadError) as err:
        read_report(path)
    assert "密码保护" in str(err.value) and ".doc/.xls" not in str(err.value)
    assert "password-protected" in err.value.text("en")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(ReadError, match=r"旧版二进制 Word/Excel 文件\(\.doc/\.xls\)"):
        read_report(old)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-32", "utf-16"])
def test_wide_encodings_without_a_bom_are_read(encoding):
    text = V1.read_text(encoding="utf-8")
    doc = read_report(io.BytesIO(text.encode(encoding)))
    assert doc.encoding.startswith(encoding[:6]) and doc.paragraphs == read_report(V1).paragraphs


def test_invisible_format_characters_change_nothing():
    text = V1.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("1."))[2:8]
    hidden = text.replace(heading, heading[:2] + "\u202e" + heading[2:4] + "\u200d\ufeff" + heading[4:], 1)
    assert hidden != text
    result = rectdiff.compare(io.BytesIO(text.encode()), io.BytesIO(hidden.encode()))
    assert set(result.pairs["change"]) == {"unchanged"}


def test_a_terminal_s_colours_are_taken_out_of_a_text():
    """A report saved from a terminal that coloured it (CSI colours and bold, an OSC window title
    and link, a charset escape): read as the plain text, not refused as binary data (each line
    here holds an escape, 6 % of the characters: over the 5 % of control characters refused)."""
    text = V1.read_text(encoding="utf-8")
    coloured = "\x1b]0;整改报告\x07" + "\n".join(
        f"\x1b[1;31m{line[:2]}\x1b[0m\x1b(B{line[2:]}\x1b[m" if line else line for line in text.splitlines()
    ).replace("整改", "\x1b]8;;https://example.org/\x1b\\整改\x1b]8;;\x1b\\", 1)
    assert read_report(io.BytesIO(coloured.encode())).paragraphs == read_report(V1).paragraphs
    ledger = "\x1b[1m序号,问题,整改措施,完成情况\x1b[0m\n1,台账不清,清理台账3本,\x1b[32m已完成\x1b[0m\n"
    doc = read_report(io.BytesIO(ledger.encode()), "csv")
    assert doc.tables[0].rows[-1] == ("1", "台账不清", "清理台账3本", "已完成")
