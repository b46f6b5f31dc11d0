"""Extraction of entities (placeholder)."""
from __future__ import annotations

from ..model import Document


def extract_entities(doc: Document) -> Document:
    return doc
