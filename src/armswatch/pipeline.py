"""The pipeline, in one place: ingest -> clean -> nlp -> extract -> (store).

    raw = RawDoc(...)                  # ingest: bytes + container metadata
    doc = ingest.to_document(raw)      # decode, repair encoding, HTML -> text
    clean.clean(doc)                   # drop furniture; title, date, outlet, language
    nlp.annotate(doc)                  # paragraphs, sentences
    for name, stage in extract.STAGES: # entities, timexes, quotes, claims, events
        stage(doc)
"""
from __future__ import annotations

import gc
import time
from collections import defaultdict

from . import clean, ingest, nlp
from .extract import STAGES
from .ingest import RawDoc
from .model import Document

#: cumulative seconds per stage, for `bench/` and `--timings`
TIMINGS: dict[str, float] = defaultdict(float)
_loaded = False  # the first document loads the stages' data (see `process`)


def process(raw: RawDoc, timings: bool = False) -> Document:
    """Run one raw document through every stage and return the filled `Document`."""
    t0 = time.perf_counter()
    doc = ingest.to_document(raw)
    t1 = time.perf_counter()
    clean.clean(doc)
    nlp.annotate(doc)
    t2 = time.perf_counter()
    if timings:
        TIMINGS["ingest"] += t1 - t0
        TIMINGS["clean+nlp"] += t2 - t1
    for name, stage in STAGES:
        ts = time.perf_counter()
        stage(doc)
        if timings:
            TIMINGS[name] += time.perf_counter() - ts
    global _loaded
    if not _loaded:
        # The first document loaded the KB, its automata, the lexicons and ~970 compiled patterns: ~200,000
        # objects kept for the life of the process. Moved out of the collector's generations, the full
        # collections a long run triggers no longer walk them all (they made ~1/4 of the collector's time).
        _loaded = True
        gc.freeze()
    return doc


def process_text(text: str, source: str = "<text>", published: str | None = None) -> Document:
    """Convenience for tests and the API: run plain text through the pipeline."""
    return process(RawDoc(source=source, content=text.encode("utf-8"), published=published))
