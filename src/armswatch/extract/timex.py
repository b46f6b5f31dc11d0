"""Extraction of timexes (placeholder)."""
from __future__ import annotations

from ..model import Document


def extract_timexes(doc: Document) -> Document:
    return doc
