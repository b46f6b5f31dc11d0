"""Ingest stage: turn paths, folders, stdin, JSONL and HTML into `RawDoc`s.

`iter_inputs(paths)` yields one `RawDoc` per article, or one `ReadFailure`
per input that cannot be read (the caller reports it and goes on).
`to_document(raw)` decodes the bytes (encoding detection and repair, NFC),
extracts main text from HTML, and returns a `Document` whose `body` is still
the raw text: the clean stage comes next.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document


@dataclass
class RawDoc:
    source: str  # path or URL as given
    content: bytes | str
    kind: str = "text"  # "text" | "html"
    url: str | None = None
    title: str | None = None  # metadata given by the container (JSONL fields, HTML meta)
    published: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class ReadFailure:
    source: str
    reason: str

    def __str__(self) -> str:  # the one line printed on stderr
        return f"{self.source}: {self.reason}"


def doc_id_for(content: bytes | str) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:16]


TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _iter_path(p: Path) -> Iterator[RawDoc | ReadFailure]:
    suffix = p.suffix.lower()
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield ReadFailure(str(p), exc.strerror or str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        from .jsonl import iter_jsonl

        yield from iter_jsonl(data, str(p))
    elif suffix in HTML_SUFFIXES:
        yield RawDoc(source=str(p), content=data, kind="html")
    else:
        yield RawDoc(source=str(p), content=data, kind="text")


def iter_inputs(paths: Iterable[str]) -> Iterator[RawDoc | ReadFailure]:
    """Files, folders (recursive, sorted) or '-' for stdin."""
    import sys

    for arg in paths:
        if arg == "-":
            yield RawDoc(source="<stdin>", content=sys.stdin.buffer.read(), kind="text")
            continue
        p = Path(arg)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            for f in files:
                yield from _iter_path(f)
        elif p.exists():
            yield from _iter_path(p)
        else:
            yield ReadFailure(arg, "no such file or directory")


class IngestError(ValueError):
    """A document that was read but cannot be turned into text (empty, binary...)."""


def to_document(raw: RawDoc) -> Document:
    from .decode import decode_bytes

    text = raw.content if isinstance(raw.content, str) else decode_bytes(raw.content)
    if raw.kind == "html":
        from .html import html_to_text

        text, meta = html_to_text(text)
        for k in ("title", "published", "outlet", "url"):
            if getattr(raw, k) is None and meta.get(k):
                setattr(raw, k, meta[k])
    if not text.strip():
        raise IngestError("empty document")
    return Document(doc_id=doc_id_for(raw.content), source=raw.source, body=text,
                    title=raw.title, published=raw.published, outlet=raw.outlet, url=raw.url)
