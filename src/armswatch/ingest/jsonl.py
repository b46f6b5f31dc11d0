"""JSONL: one article per line with `text` or `html`, optional url/title/published/outlet."""
from __future__ import annotations

import json
from typing import Iterator


def iter_jsonl(data: bytes, source: str) -> Iterator:
    from . import RawDoc, ReadFailure

    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or not (obj.get("text") or obj.get("html")):
            yield ReadFailure(where, "no 'text' or 'html' field")
            continue
        kind = "html" if obj.get("html") and not obj.get("text") else "text"
        yield RawDoc(source=obj.get("url") or where, content=obj.get("text") or obj.get("html"), kind=kind,
                     url=obj.get("url"), title=obj.get("title"), published=obj.get("published"),
                     outlet=obj.get("outlet"))
