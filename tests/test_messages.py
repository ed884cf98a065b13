"""One line naming the real cause: an encrypted Office file is not an old .doc/.xls, a text in
UTF-16 or UTF-32 without a BOM is read, and invisible format characters change nothing."""

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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-32"])
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
