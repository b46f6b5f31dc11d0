"""Clean stage: drop scraped-page furniture from plain text, keep every article line.

Placeholder until issue #2's scored line classifier lands: keeps all non-empty lines.
Entry point: `clean(doc)` replaces `doc.body` with the cleaned text, fills
`doc.removed`, and fills title / published / outlet / language through `meta`.
"""
from __future__ import annotations

from .model import Document


def clean(doc: Document) -> Document:
    lines = [ln.strip() for ln in doc.body.split("\n")]
    doc.body = "\n".join(ln for ln in lines if ln)
    return doc
