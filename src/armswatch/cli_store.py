"""Store commands of the CLI (ingest, search, timeline, claims, export...): registered on `cli.app`.

Every command takes `--db URL` (default: env ARMSWATCH_DB, else ./armswatch.db; a bare path is a
SQLite file; postgresql://... for PostgreSQL). Queries print a Rich table, or `--format json|csv`.
"""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .cli import app, err, stderr_is_terminal, stdout_console

DB_OPT = typer.Option(None, "--db", help="database URL or SQLite path (default $ARMSWATCH_DB or ./armswatch.db)")


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportWhat(str, Enum):
    events = "events"
    claims = "claims"
    documents = "documents"
    graph = "graph"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    jsonld = "jsonld"


def _store(db: str | None):
    from .store import Store

    try:
        return Store(db)
    except Exception as exc:  # bad URL, server down...
        err.print(f"[red]cannot open database[/red] {db or ''}: {type(exc).__name__}: {exc}", highlight=False)
        raise typer.Exit(2)


def _emit(objs: list[dict], rows: list[dict], cols: list[str], fmt: QueryFormat, title: str) -> None:
    if fmt == QueryFormat.json:
        sys.stdout.write(json.dumps(objs, ensure_ascii=False, indent=1) + "\n")
    elif fmt == QueryFormat.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
    else:
        from rich.table import Table  # (rich is imported only where it prints: see cli.err)

        t = Table(title=title)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        stdout_console().print(t)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files, folders (recursive), JSONL, HTML, WARC, or - for stdin"),
    db: Optional[str] = DB_OPT,
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="progress bar on stderr"),
    dask: bool = typer.Option(False, "--dask", help="extract on Dask (a LocalCluster, one worker per core)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (implies --dask)"),
    workers: Optional[int] = typer.Option(None, "--workers", help="LocalCluster workers (default: cores)"),
    batch_size: int = typer.Option(32, "--batch-size", help="documents per Dask task"),
    embed_too: bool = typer.Option(False, "--embed", help="then compute paragraph vectors (as `armswatch embed`)"),
):
    """Extract and store documents with all facts and evidence; idempotent, resumable after a crash.

    With --dask, extraction runs on Dask workers and this process writes the results in input order.
    With --embed, the vectors for semantic search are computed afterwards (~70x the extraction time)."""
    st = _store(db)
    show = stderr_is_terminal() if progress is None else progress

    def on_failure(msg: str) -> None:
        err.print(f"[red]error[/red] {msg}", highlight=False, soft_wrap=True)

    rep = st.ingest(paths, progress=show, on_failure=on_failure, dask=dask, scheduler=scheduler, workers=workers,
                    batch_size=batch_size)
    err.print(f"{rep.added} added, {rep.skipped} already stored, {rep.failed} failed "
              f"({st.url.split('@')[-1]})", highlight=False)
    if embed_too:
        _embed(st, show)
    if rep.failed:
        raise typer.Exit(1)


@app.command()
def reprocess(db: Optional[str] = DB_OPT,
              all_docs: bool = typer.Option(False, "--all", help="re-extract every document, not only stale ones"),
              progress: Optional[bool] = typer.Option(None, "--progress/--no-progress")):
    """Re-extract stored raw documents with the current extractor, then re-merge."""
    from .store import extractor_version

    st = _store(db)
    rep = st.reprocess(all_docs=all_docs, progress=stderr_is_terminal() if progress is None else progress)
    err.print(f"{rep.added} re-extracted with {extractor_version()}, {rep.failed} failed", highlight=False)
    if rep.failed:
        raise typer.Exit(1)


@app.command()
def merge(db: Optional[str] = DB_OPT,
          rebuild: bool = typer.Option(False, "--rebuild", help="merge every stored report anew, not only new ones")):
    """Bring merged corpus events and claim series up to date (incremental; --rebuild: from scratch)."""
    st = _store(db)
    st.merge(rebuild=rebuild)
    s = st.stats()
    err.print(f"{s['corpus_events']} corpus events from {s['events']} reports; {s['corpus_claims']} estimates",
              highlight=False)


@app.command()
def failures(db: Optional[str] = DB_OPT,
             format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """Documents that could not be read, extracted or stored, with their error."""
    rows = _store(db).failures()
    for r in rows:
        r["error_line"] = r["error"].splitlines()[0] if r["error"] else ""
    _emit(rows, rows, ["source", "doc_id", "stage", "error_line", "attempts", "at"], format, "failures")


@app.command()
def stats(db: Optional[str] = DB_OPT, format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """Counts of documents, entities, events, claims... in the knowledge base."""
    s = _store(db).stats()
    rows = [{"what": k, "value": json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v}
            for k, v in s.items()]
    _emit(s, rows, ["what", "value"], format, "armswatch stats")


class SearchMode(str, Enum):
    bm25 = "bm25"
    semantic = "semantic"
    hybrid = "hybrid"


def _embed(st, show: bool) -> None:
    from .store import semantic

    rep = semantic.embed(st, progress=show)
    with st.session() as sess:
        have, total = semantic.coverage(sess)
    err.print(f"{rep.documents} documents embedded ({rep.units} paragraphs, {rep.cpu_s:.1f} s CPU); "
              f"{have}/{total} documents have vectors", highlight=False)


@app.command()
def embed(db: Optional[str] = DB_OPT, progress: Optional[bool] = typer.Option(None, "--progress/--no-progress")):
    """Compute paragraph vectors (multilingual-e5-small, offline) for documents without current ones.

    Resumable: batches are committed as they finish and a re-run continues; a document whose text
    changed (reprocess) is embedded again. Enables `search --mode semantic|hybrid`."""
    _embed(_store(db), stderr_is_terminal() if progress is None else progress)


@app.command()
def search(query: str = typer.Argument(..., help="words, accents optional: 'dau dan' finds 'đầu đạn'"),
           db: Optional[str] = DB_OPT, limit: int = typer.Option(10, "--limit", "-n"),
           all_terms: bool = typer.Option(False, "--all-terms",
                                          help="every word anywhere (default: the phrase, else every word)"),
           mode: Optional[SearchMode] = typer.Option(
               None, "--mode", help="bm25, semantic or hybrid (default: hybrid when `armswatch embed` has run)"),
           format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """Search article bodies: BM25 on words (accent- and case-insensitive), by meaning across languages
    (semantic), or both fused by rank (hybrid); with snippets."""
    from .store.search import find

    st = _store(db)
    with st.session() as sess:
        used, found = find(sess, st.dialect, query, limit=limit, mode=mode.value if mode else None,
                           match="all" if all_terms else "auto")
    if mode and used != mode.value:
        err.print(f"no vectors stored (run `armswatch embed`): {used} search", highlight=False)
    hits = [h.as_dict() for h in found]
    rows = [dict(h, source=Path(h["source"]).name if "/" in h["source"] else h["source"]) for h in hits]
    cols = ["score", "published", "outlet", "source", "snippet"]
    if used != "bm25":
        cols = ["score", "found_by", "published", "outlet", "source", "snippet"]
    _emit(hits, rows, cols, format, f"search ({used}): {query}")


@app.command()
def timeline(db: Optional[str] = DB_OPT,
             country: Optional[str] = typer.Option(None, "--country", help="id or name: CN, China, Trung Quốc"),
             since: Optional[str] = typer.Option(None, "--since", help="2021 or 2021-07"),
             until: Optional[str] = typer.Option(None, "--until"),
             type: Optional[str] = typer.Option(None, "--type", help="talks, summit, call, visit, report..."),
             limit: Optional[int] = typer.Option(None, "--limit", "-n"),
             format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """Merged events in date order, each with every report of it."""
    from .store import queries as Q

    st = _store(db)
    with st.session() as sess:
        evs = Q.timeline(sess, country=country, since=since, until=until, type=type, limit=limit)
    rows = [{"date": e["date"] or "—", "type": e["type"], "status": e["status"],
             "participants": ", ".join(p["name"] for p in e["participants"]),
             "location": e["location"]["name"] if e["location"] else "",
             "track": e["attributes"].get("track"), "reports": len(e["reports"]),
             "outlets": ", ".join(sorted({r["outlet"] or Path(r["source"]).name for r in e["reports"]})),
             "conflicts": "; ".join(f"{c['field']}: {' / '.join(map(str, c['values']))}" for c in e["conflicts"]),
             "id": e["id"]} for e in evs]
    _emit(evs, rows, ["date", "type", "status", "participants", "location", "track", "reports", "outlets",
                      "conflicts", "id"], format, "timeline")


@app.command()
def entity(name: str = typer.Argument(..., help="id, name or alias, accents optional"), db: Optional[str] = DB_OPT,
           format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """One entity: identity, Wikidata, documents that mention it, its events and claims."""
    from .store import queries as Q

    st = _store(db)
    with st.session() as sess:
        e = Q.entity(sess, name)
    if e is None:
        err.print(f"no entity matches {name!r}")
        raise typer.Exit(1)
    if format == QueryFormat.table:
        c = stdout_console()
        c.print(f"[bold]{e['name']}[/bold] ({e['id']}, {e['type']}) {e['name_vi'] or ''} "
                f"wikidata={e['wikidata'] or '—'}  documents={e['documents']} mentions={e['mentions']} "
                f"events={e['n_events']} claims={e['claims_about']}", highlight=False)
        if e["titles"]:
            c.print("titles: " + "; ".join(e["titles"]), highlight=False)
        _emit([], e["events"], ["date", "type", "status", "participants", "n_reports", "id"], format, "events")
        _emit([], e["recent_documents"], ["published", "outlet", "source", "title", "mentions"], format, "documents")
        return
    rows = [dict(e, events=len(e["events"]), recent_documents=len(e["recent_documents"]), titles="; ".join(e["titles"]))]
    _emit(e, rows, ["id", "type", "name", "name_vi", "wikidata", "documents", "mentions", "n_events",
                    "claims_about", "titles"], format, "entity")


@app.command()
def claims(db: Optional[str] = DB_OPT,
           subject: Optional[str] = typer.Option(None, "--subject", help="China, cn, Trung Quốc..."),
           measure: Optional[str] = typer.Option(None, "--measure", help="nuclear_warheads, ..."),
           limit: Optional[int] = typer.Option(None, "--limit", "-n"),
           format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f")):
    """Claim series: every estimate with its date, qualifier, source and articles; conflicts flagged."""
    from .store import queries as Q

    st = _store(db)
    with st.session() as sess:
        cls = Q.claims(sess, subject=subject, measure=measure, limit=limit)
    rows = [{"date": c["date"], "subject": (c["subject"] or {}).get("name"), "measure": c["measure"],
             "qualifier": c["qualifier"], "value": c["value"], "target_time": c["target_time"],
             "source": (c["source"] or {}).get("name"), "unit": c["unit"], "reports": len(c["reports"]),
             "articles": ", ".join(r["outlet"] or Path(r["source"]).name for r in c["reports"]),
             "conflict": "CONFLICT" if c["conflict"] else ""} for c in cls]
    _emit(cls, rows, ["date", "subject", "measure", "qualifier", "value", "target_time", "source", "unit", "reports",
                      "articles", "conflict"], format, "claims")


@app.command()
def export(what: ExportWhat = typer.Argument(..., help="events, claims, documents or graph"),
           db: Optional[str] = DB_OPT,
           format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                               help="jsonl, csv, parquet (graph: jsonld)"),
           out: Optional[Path] = typer.Option(None, "--out", "-o", help="file (required for parquet)")):
    """Export the knowledge base: events/claims in the CORPUS.md shape, documents, the JSON-LD graph."""
    from .store import export as X

    if what == ExportWhat.graph and format not in (ExportFormat.jsonld, ExportFormat.jsonl):
        err.print("graph exports as --format jsonld")
        raise typer.Exit(2)
    if what != ExportWhat.graph and format == ExportFormat.jsonld:
        err.print("jsonld is for `export graph`")
        raise typer.Exit(2)
    if format == ExportFormat.parquet and out is None:
        err.print("--format parquet needs --out FILE")
        raise typer.Exit(2)
    st = _store(db)
    binary = format == ExportFormat.parquet
    stream = open(out, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "") \
        if out else sys.stdout
    try:
        with st.session() as sess:
            if what == ExportWhat.events:
                n = X.export_events(sess, format.value, stream)
            elif what == ExportWhat.claims:
                n = X.export_claims(sess, format.value, stream)
            elif what == ExportWhat.documents:
                n = X.export_documents(st, format.value, stream)
            else:
                n = X.export_graph(sess, stream)
    finally:
        if out:
            stream.close()
    err.print(f"{n} {what.value} exported", highlight=False)
