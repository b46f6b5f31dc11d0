"""Extraction of quotes (placeholder)."""
from __future__ import annotations

from ..model import Document


def extract_quotes(doc: Document) -> Document:
    return doc
