"""JSONL: one article per line with `text` or `html`, optional url/title/published/outlet/language.

Every bad line becomes a `ReadFailure` naming ``file:line`` and why; the other lines still come out.
"""
from __future__ import annotations

import json
from typing import Iterator

_META_FIELDS = ("url", "title", "published", "outlet")


def iter_jsonl(data: bytes, source: str, first_line: int = 1) -> Iterator:
    from . import IngestError, RawDoc, ReadFailure
    from .decode import decode_bytes

    try:
        text = decode_bytes(data)
    except IngestError as exc:
        yield ReadFailure(source, str(exc))
        return
    for n, line in enumerate(text.split("\n"), first_line):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield ReadFailure(where, f"expected a JSON object, got {type(obj).__name__}")
            continue
        body = obj.get("text") if obj.get("text") is not None else obj.get("html")
        if body is None:
            yield ReadFailure(where, "no 'text' or 'html' field")
            continue
        if not isinstance(body, str):
            yield ReadFailure(where, f"'text'/'html' must be a string, got {type(body).__name__}")
            continue
        if not body.strip():
            yield ReadFailure(where, "empty 'text'/'html'")
            continue
        bad = [k for k in _META_FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
        if bad:
            yield ReadFailure(where, f"field(s) {', '.join(bad)} must be strings")
            continue
        kind = "html" if obj.get("text") is None else "text"
        extra = {k: v for k, v in obj.items() if k not in ("text", "html", *_META_FIELDS)}
        yield RawDoc(source=obj.get("url") or where, content=body, kind=kind, url=obj.get("url"),
                     title=obj.get("title") or None, published=obj.get("published") or None,
                     outlet=obj.get("outlet") or None, extra=extra)
