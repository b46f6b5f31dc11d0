"""Extraction of events (placeholder)."""
from __future__ import annotations

from ..model import Document


def extract_events(doc: Document) -> Document:
    return doc
