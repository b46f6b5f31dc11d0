"""Extraction of claims (placeholder)."""
from __future__ import annotations

from ..model import Document


def extract_claims(doc: Document) -> Document:
    return doc
