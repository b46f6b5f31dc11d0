"""HTML -> main text and metadata with trafilatura."""
from __future__ import annotations


def html_to_text(html: str) -> tuple[str, dict]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = {}
    md = trafilatura.extract_metadata(html)
    if md is not None:
        meta = {"title": md.title, "published": md.date, "outlet": md.sitename, "url": md.url}
    return text, meta
