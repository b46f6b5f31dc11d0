"""Folding and tokenisation shared by storage, full-text search and duplicate detection.

`fold` (armswatch.nlp) lower-cases, strips diacritics and folds đ→d, keeping the string length, so an
offset in the folded body is an offset in the original. Tokens are runs of letters/digits of the folded
text; the same tokens feed SQLite FTS5 (unicode61) and PostgreSQL to_tsvector('simple'), so both
backends match the same documents.
"""
from __future__ import annotations

import re

from ..nlp import fold as _fold_slow

TOKEN_RE = re.compile(r"[^\W_]+")


class _FoldTable(dict):
    """str.translate table computing `nlp.fold` once per distinct character."""

    def __missing__(self, code: int) -> str:
        v = _fold_slow(chr(code))
        self[code] = v
        return v


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Same result as `armswatch.nlp.fold` (a per-character mapping), ~20x faster on long bodies."""
    return text.translate(_TABLE)


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(text))


def folded_index_text(text: str) -> str:
    """What the full-text index stores: folded tokens joined by single spaces."""
    return " ".join(tokens(text))
