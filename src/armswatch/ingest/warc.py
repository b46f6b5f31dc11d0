"""WARC (and ARC) web archives: one `RawDoc` per archived HTML or text page.

Read with warcio (streaming, plain or gzip-compressed per record). Kept: `response` records with
HTTP status 200 and `resource` records, whose content type is HTML, XHTML or plain text; the page's
URL (`WARC-Target-URI`) becomes its source and url, the HTTP charset its declared encoding. Skipped
without a word: requests, metadata, warcinfo, revisits, redirects and errors, images, scripts, CSS.
The crawl date (`WARC-Date`) is when the page was fetched, not when it was published: it goes into
`extra["crawled"]`, never into `published`.

A record that cannot be read (a truncated or corrupt archive; a payload that does not match its
recorded digest) becomes one `ReadFailure` naming
``file#record-N``; the pages read before it still come out.
"""
from __future__ import annotations

import io
import re
from typing import Iterator

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _content_type(record) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _page(record) -> tuple[bool, str]:
    """(is an article page, its content type)."""
    if record.rec_type not in ("response", "resource"):
        return False, ""
    if record.rec_type == "response":
        if record.http_headers is None:  # a response without HTTP headers (e.g. DNS): no page
            return False, ""
        status = (record.http_headers.get_statuscode() or "").strip()
        if status != "200":
            return False, ""
    ctype = _content_type(record)
    return ctype.split(";")[0].strip().lower() in _PAGE_TYPES, ctype


def _read(record, source: str, n: int):
    """The RawDoc of one record, or None when it is no article page."""
    from . import RawDoc

    if not record.rec_type:
        raise ValueError("a record without WARC-Type")
    ok, ctype = _page(record)
    if not ok:
        return None
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
        raise ValueError(f"truncated: {record.raw_stream.limit} bytes of the record missing")
    if not payload.strip():
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    charset = _CHARSET_RE.search(ctype)
    kind = "text" if ctype.lower().startswith("text/plain") else "html"
    extra = {"crawled": record.rec_headers.get_header("WARC-Date"), "archive": source}
    if charset:
        extra["charset"] = charset.group(1).lower()
    return RawDoc(source=uri or f"{source}#record-{n}", content=payload, kind=kind, url=uri, extra=extra)


def iter_warc(data: bytes, source: str) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator

    from . import ReadFailure

    if not data.strip():
        yield ReadFailure(source, "empty file")
        return
    records = iter(ArchiveIterator(io.BytesIO(data), arc2warc=True, check_digests="raise"))
    n = 0
    while True:
        n += 1
        try:  # warcio raises plain exceptions for truncated/corrupt archives: the rest is unreadable
            record = next(records)
            raw = _read(record, source, n)
        except StopIteration:
            return
        except Exception as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            yield ReadFailure(f"{source}#record-{n}", f"unreadable WARC record ({reason})")
            return
        if raw is not None:
            yield raw
