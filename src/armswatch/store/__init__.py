"""The knowledge base of a corpus: storage (SQLite / PostgreSQL), search, merging, series, exports.

    from armswatch.store import Store
    st = Store("sqlite:///kb.db")      # or postgresql://..., default $ARMSWATCH_DB or ./armswatch.db
    st.ingest(["../shared/seeds"])     # extract + store, idempotent, one transaction per document
"""
from __future__ import annotations

from .repo import IngestReport, Store, extractor_version

__all__ = ["Store", "IngestReport", "extractor_version"]
