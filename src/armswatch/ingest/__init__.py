"""Ingest stage: turn paths, folders, stdin, JSONL and HTML into `RawDoc`s, then into `Document`s.

`iter_inputs(paths)` yields one `RawDoc` per article, or one `ReadFailure` per input that cannot
be read (the caller reports it and goes on): a missing or unreadable path, a bad JSONL line
(named ``file:line``), a corrupt WARC record (``file#record-N``; `warc.py`: the HTML and text pages
of .warc/.warc.gz/.arc archives).
`to_document(raw)` decodes the bytes (`decode.decode_bytes`: BOMs, UTF-16, Windows-1258, TCVN3,
VNI, mojibake repair, NFC, new-style tone placement), turns HTML into main text and metadata
(`html.html_to_text`; a .txt file holding an HTML page is read as HTML), and returns a `Document`
whose `body` is still the raw text: the clean stage comes next. Container metadata (JSONL fields,
HTML meta) goes into `title` / `published` / `outlet` / `url`; a repaired encoding is noted in
`warnings`. Empty, binary and undecodable input raises `IngestError` with a one-line reason.
"""
from __future__ import annotations

import hashlib
import re
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
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


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
    elif p.name.lower().endswith(WARC_SUFFIXES):
        from .warc import iter_warc

        yield from iter_warc(data, str(p))
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


def failure_reason(exc: Exception) -> str:
    """The one-line reason shown for a document that failed: the message alone for an expected
    refusal (IngestError: "empty document"), the exception type too for a bug."""
    if isinstance(exc, IngestError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                            re.I | re.S)


def _looks_like_html(data: bytes | str) -> bool:
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "ignore")
    return bool(_HTML_START_RE.match(head.lstrip(b"\xef\xbb\xbf")))


def to_document(raw: RawDoc) -> Document:
    """Decode (encoding repair, NFC, tone placement), HTML -> main text, container metadata.

    Raises `IngestError` for empty, binary or undecodable input."""
    from .decode import decode_bytes, decode_text
    from .html import declared_charset

    kind = raw.kind
    if kind == "text" and _looks_like_html(raw.content):
        kind = "html"
    warnings = []
    if isinstance(raw.content, str):
        text = decode_text(raw.content)
    else:
        # the HTTP header's charset (WARC) wins over the page's own <meta>, as in a browser
        declared = raw.extra.get("charset") or (declared_charset(raw.content) if kind == "html" else None)
        text, label = decode_bytes(raw.content, declared=declared, with_label=True)
        if label not in ("utf-8", "utf-8-sig", "ascii"):
            warnings.append(f"encoding: decoded as {label}")
    if kind == "html":
        from .html import html_to_text

        text, meta = html_to_text(text, url=raw.url)
        text = decode_text(text) if text else text
        if raw.title is None and meta.get("title"):
            raw.title = meta["title"]
        if raw.published is None and meta.get("published"):
            raw.published = meta["published"]
        if raw.outlet is None and meta.get("sitename"):
            raw.outlet = meta["sitename"]
        if raw.url is None and meta.get("url"):
            raw.url = meta["url"]
        if not text.strip():
            raise IngestError("HTML page with no main text")
    if not text.strip():
        raise IngestError("empty document (no text)")
    return Document(doc_id=doc_id_for(raw.content), source=raw.source, body=text,
                    title=raw.title, published=raw.published, outlet=raw.outlet, url=raw.url, warnings=warnings)
