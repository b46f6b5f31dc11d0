"""Batch extraction on Dask distributed: from a laptop (LocalCluster) to a cluster.

No cluster code of our own: the client lists the input files, groups them in
batches (one task costs ~1.7 ms of scheduler overhead here, one document
~5-10 ms of extraction, so a task carries many documents), workers read and
extract each batch with the ordinary single-process pipeline, and results come
back to one consumer in input order. The output is therefore byte-identical to
the single-process path.

    for item in dask_process(["corpus/"], scheduler=None, batch_size=64):
        ...  # a Document, or a ReadFailure for an input that could not be read
"""
from __future__ import annotations

import logging
import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .ingest import ReadFailure, failure_reason, iter_inputs
from .model import Document


@dataclass(frozen=True)
class JsonlSlice:
    """Lines [first_line, first_line + n_lines) of a JSONL file, at bytes [start, end): one unit of work."""

    path: str
    start: int
    end: int
    first_line: int
    n_lines: int


def _jsonl_slices(path: str, lines_per_slice: int) -> list[JsonlSlice]:
    """Cut a JSONL file at line boundaries, one pass over its bytes (workers then seek to their slice)."""
    out, start, first, n, pos = [], 0, 1, 0, 0
    with open(path, "rb") as f:
        for line in f:
            pos += len(line)
            n += 1
            if n == lines_per_slice:
                out.append(JsonlSlice(path, start, pos, first, n))
                start, first, n = pos, first + n, 0
    if n:
        out.append(JsonlSlice(path, start, pos, first, n))
    return out


def list_units(paths: Iterable[str], lines_per_slice: int = 32) -> list:
    """Expand folders and globs into units of work: file paths (read whole by a worker), and slices
    of large JSONL files, so a single 100,000-line file still spreads over every worker."""
    import glob

    files: list[str] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            files.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and not f.name.startswith("."))
        elif any(ch in arg for ch in "*?[") and not p.exists():
            files.extend(sorted(glob.glob(arg, recursive=True)))
        else:
            files.append(arg)
    units: list = []
    for f in files:
        if f.lower().endswith((".jsonl", ".ndjson")) and os.path.isfile(f) and os.path.getsize(f) > 256 * 1024:
            units.extend(_jsonl_slices(f, lines_per_slice))
        else:
            units.append(f)
    return units


def _iter_unit_inputs(units: list):
    from .ingest.jsonl import iter_jsonl

    for u in units:
        if isinstance(u, JsonlSlice):
            with open(u.path, "rb") as f:
                f.seek(u.start)
                yield from iter_jsonl(f.read(u.end - u.start), u.path, first_line=u.first_line)
        else:
            yield from iter_inputs([u])


def unit_size(u) -> int:
    return u.n_lines if isinstance(u, JsonlSlice) else 1


def process_units(units: list[str], with_raw: bool = False) -> list:
    """Worker side: read and extract every input of a batch, never raising.

    Returns Documents (or ReadFailures); with `with_raw`, `(raw, result)` pairs where `raw` is the
    RawDoc that was read (its bytes and container metadata, which a store keeps)."""
    from .pipeline import process

    out: list = []
    for item in _iter_unit_inputs(units):
        if isinstance(item, ReadFailure):
            out.append((None, item) if with_raw else item)
            continue
        try:
            res = process(item)
        except Exception as exc:  # one bad document never stops the batch
            res = ReadFailure(item.source, failure_reason(exc))
        out.append((item, res) if with_raw else res)
    return out


def batches(units: list, batch_size: int) -> list[list]:
    """Group units into tasks of about `batch_size` documents each."""
    out, cur, n = [], [], 0
    for u in units:
        cur.append(u)
        n += unit_size(u)
        if n >= batch_size:
            out.append(cur)
            cur, n = [], 0
    if cur:
        out.append(cur)
    return out


def make_client(scheduler: str | None = None, workers: int | None = None):
    """A client on `scheduler` (tcp://host:port), or on a LocalCluster with one worker per core."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    n = workers or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster)


def dask_process(paths: Iterable[str], scheduler: str | None = None, batch_size: int = 32,
                 workers: int | None = None, client=None, on_batch=None,
                 max_in_flight: int | None = None, with_raw: bool = False) -> Iterator:
    """Extract every input on Dask; yield results in input order.

    At most `max_in_flight` batches are submitted at a time (default: 4 per
    worker) so memory stays flat on corpora of millions of documents.
    `on_batch(n_units)` is called as each batch completes (progress bars).
    """
    units = list_units(paths, lines_per_slice=batch_size)
    own = client is None
    client = client or make_client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        limit = max_in_flight or 4 * n_workers
        pending: deque = deque()
        todo = deque(batches(units, batch_size))
        while todo or pending:
            while todo and len(pending) < limit:
                b = todo.popleft()
                pending.append((sum(map(unit_size, b)), client.submit(process_units, b, with_raw, pure=False)))
            n, fut = pending.popleft()
            results = fut.result()
            fut.release()
            if on_batch:
                on_batch(n)
            yield from results
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def write_shards(docs: Iterable[Document], out_dir: Path, fmt: str = "jsonl", shard_size: int = 10_000,
                 extras: bool = False) -> list[Path]:
    """Write contract objects as numbered JSONL or Parquet shards; returns the shard paths."""
    import json

    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    buf: list[dict] = []

    def flush():
        if not buf:
            return
        path = out_dir / f"part-{len(paths):05d}.{fmt}"
        if fmt == "jsonl":
            with open(path, "w", encoding="utf-8") as f:
                for obj in buf:
                    f.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            # nested lists are stored as JSON strings: one flat, portable row per document
            rows = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                     for k, v in obj.items()} for obj in buf]
            pq.write_table(pa.Table.from_pylist(rows), path)
        paths.append(path)
        buf.clear()

    for d in docs:
        buf.append(d.to_contract(extras=extras))
        if len(buf) >= shard_size:
            flush()
    flush()
    return paths
