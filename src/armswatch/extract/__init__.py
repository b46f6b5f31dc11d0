"""Extraction stages. Each takes a cleaned, NLP-annotated `Document` and fills one list.

Order matters: entities first (everyone refers to them), then time expressions
(claims and events take their dates from them), quotes, claims, events.
"""
from __future__ import annotations

from .claims import extract_claims
from .entities import extract_entities
from .events import extract_events
from .quotes import extract_quotes
from .timex import extract_timexes

STAGES = [
    ("entities", extract_entities),
    ("timexes", extract_timexes),
    ("quotes", extract_quotes),
    ("claims", extract_claims),
    ("events", extract_events),
]

__all__ = ["STAGES"]
