"""Bytes -> clean Unicode text (placeholder: UTF-8 + NFC; encoding repair is issue #2)."""
from __future__ import annotations

import unicodedata


def decode_bytes(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        from . import IngestError

        raise IngestError("binary file (NUL bytes), not text")
    text = data.decode("utf-8-sig", errors="replace")
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
