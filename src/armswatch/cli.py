"""The `armswatch` command line (Typer + Rich)."""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:
    from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="armswatch: nuclear arms-control diplomacy from the news, as a sourced knowledge base.")
kb_app = typer.Typer(no_args_is_help=True, help="Look up the curated knowledge base.")
app.add_typer(kb_app, name="kb")


class _LazyStderr:
    """`rich.console.Console(stderr=True)`, made on first use: importing rich costs ~35 ms of every
    cold start, and `armswatch extract` on inputs that all read prints nothing to stderr."""

    _console = None

    def console(self):
        """The real Console (for rich objects that take one)."""
        if _LazyStderr._console is None:
            from rich.console import Console

            _LazyStderr._console = Console(stderr=True)
        return _LazyStderr._console

    def __getattr__(self, name):
        return getattr(self.console(), name)


err = _LazyStderr()

#: width of tables written to a pipe or file (a terminal's own width is used on a terminal; COLUMNS wins)
PIPE_WIDTH = 200


def stdout_console():
    """A Rich console on stdout. On a terminal it takes the terminal's width; written to a pipe or a
    file, Rich would fold every table to 80 columns, so it takes $COLUMNS or `PIPE_WIDTH`."""
    from rich.console import Console

    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=PIPE_WIDTH)


def stderr_is_terminal() -> bool:
    """`err.is_terminal`, without importing rich where its answer is sure to be False: stderr is no
    tty and neither TTY_COMPATIBLE=1 nor FORCE_COLOR (which rich obeys) says otherwise."""
    isatty = getattr(sys.stderr, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:  # closed
        tty = False
    if not tty and os.environ.get("TTY_COMPATIBLE") != "1" and os.environ.get("FORCE_COLOR") is None:
        return False
    return err.is_terminal


class OutFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _progress(total: int | None):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err.console(), transient=True)


def iter_results(paths: list[str], dask: bool = False, scheduler: str | None = None, workers: int | None = None,
                 batch_size: int = 32, progress=None):
    """Documents (or ReadFailures) for every input, in input order, single-process or on Dask."""
    if dask or scheduler:
        from .scale import dask_process, list_units, unit_size

        total = sum(map(unit_size, list_units(paths, lines_per_slice=batch_size))) if progress else None
        task = progress.add_task("extracting (dask)", total=total) if progress else None
        yield from dask_process(paths, scheduler=scheduler, workers=workers, batch_size=batch_size,
                                on_batch=(lambda n: progress.advance(task, n)) if progress else None)
        return
    from .ingest import ReadFailure, failure_reason, iter_inputs
    from .pipeline import process

    items = list(iter_inputs(paths))
    task = progress.add_task("extracting", total=len(items)) if progress else None
    for item in items:
        if isinstance(item, ReadFailure):
            yield item
        else:
            try:
                yield process(item)
            except Exception as exc:  # one bad document never stops the others
                yield ReadFailure(item.source, failure_reason(exc))
        if progress:
            progress.advance(task)


def run_extract(paths: list[str], on_doc, on_failure, show_progress: bool, **kw) -> tuple[int, int]:
    """Extract every input; call on_doc(Document) / on_failure(ReadFailure). Returns (ok, failed)."""
    from .ingest import ReadFailure

    ok = failed = 0
    progress = _progress(None) if show_progress else None
    if progress:
        progress.start()
    try:
        for item in iter_results(paths, progress=progress, **kw):
            if isinstance(item, ReadFailure):
                on_failure(item)
                failed += 1
            else:
                on_doc(item)
                ok += 1
    finally:
        if progress:
            progress.stop()
    return ok, failed


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, folders (recursive), globs or - for stdin"),
    format: OutFormat = typer.Option(OutFormat.jsonl, "--format", "-f", help="jsonl, json or table"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write to FILE instead of stdout"),
    extras: bool = typer.Option(False, "--extras", help="add non-contract fields (removed lines, warnings)"),
    dask: bool = typer.Option(False, "--dask", help="extract on Dask (a LocalCluster, one worker per core)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (implies --dask)"),
    workers: Optional[int] = typer.Option(None, "--workers", help="LocalCluster workers (default: cores)"),
    batch_size: int = typer.Option(32, "--batch-size", help="documents per Dask task"),
    shards: Optional[Path] = typer.Option(None, "--shards", help="write numbered shards to this folder"),
    shard_format: str = typer.Option("jsonl", "--shard-format", help="jsonl or parquet (with --shards)"),
    shard_size: int = typer.Option(10_000, "--shard-size", help="documents per shard"),
):
    """Extract entities, time, events, claims and quotes: one contract object per document."""
    if shard_format not in ("jsonl", "parquet"):
        raise typer.BadParameter("--shard-format must be jsonl or parquet")
    docs = []
    stream = open(out, "w", encoding="utf-8") if out and not shards else sys.stdout

    def on_doc(doc):
        if shards or format == OutFormat.table:
            docs.append(doc)
        elif format == OutFormat.jsonl:
            stream.write(json.dumps(doc.to_contract(extras=extras), ensure_ascii=False) + "\n")
        else:
            docs.append(doc.to_contract(extras=extras))

    def on_failure(f):
        err.print(f"[red]error[/red] {f}", highlight=False, soft_wrap=True)

    ok, failed = run_extract(paths, on_doc, on_failure, show_progress=stderr_is_terminal(), dask=dask,
                             scheduler=scheduler, workers=workers, batch_size=batch_size)
    if shards:
        from .scale import write_shards

        written = write_shards(docs, shards, shard_format, shard_size, extras=extras)
        err.print(f"{ok} documents in {len(written)} {shard_format} shard(s) under {shards}", highlight=False)
    elif format == OutFormat.json:
        json.dump(docs, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    elif format == OutFormat.table:
        from rich.console import Console

        Console(file=stream, width=160).print(summary_table(docs))
    if stream is not sys.stdout:
        stream.close()
    if failed:
        err.print(f"{ok} extracted, {failed} failed", highlight=False)
        raise typer.Exit(1)


def summary_table(docs) -> Table:
    from rich.table import Table

    t = Table(title="armswatch extraction", show_lines=False)
    for col in ("source", "lang", "published", "outlet", "title", "ent", "time", "ev", "claims", "quotes"):
        t.add_column(col, overflow="fold")
    for d in docs:
        t.add_row(Path(d.source).name, d.language, d.published or "", d.outlet or "", (d.title or "")[:50],
                  str(len(d.entities)), str(len(d.timexes)), str(len(d.events)), str(len(d.claims)),
                  str(len(d.quotes)))
    return t


@kb_app.command("search")
def kb_search(name: str, limit: int = typer.Option(10, "--limit", "-n")):
    """Find knowledge-base entries by any name, accent-insensitive (e.g. 'tap can binh')."""
    from rich.table import Table

    from .kb import load_kb

    t = Table(title=f"KB search: {name}")
    for col in ("id", "type", "name", "name_vi", "wikidata", "score"):
        t.add_column(col)
    for e, score in load_kb().search(name, limit=limit):
        t.add_row(e.id, e.type, e.name, e.name_vi or "", e.wikidata or "", f"{score:.0f}")
    stdout_console().print(t)


@kb_app.command("show")
def kb_show(kb_id: str):
    """Show one knowledge-base entry with all its names and roles."""
    from dataclasses import asdict

    from .kb import load_kb

    e = load_kb().get(kb_id)
    if e is None:
        err.print(f"no KB entry with id {kb_id!r} (try: armswatch kb search NAME)")
        raise typer.Exit(1)
    stdout_console().print_json(json.dumps({k: v for k, v in asdict(e).items() if v not in (None, (), "")},
                                           ensure_ascii=False))


def main() -> None:  # console-script entry: register the store and web commands, then run
    from . import cli_store, cli_web  # noqa: F401

    # run the app those modules registered on (under `python -m armswatch.cli` this module is
    # `__main__`, a different object from the `armswatch.cli` they import)
    cli_web.app()


if __name__ == "__main__":
    main()
