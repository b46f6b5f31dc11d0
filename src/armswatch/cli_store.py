"""Store commands of the CLI (ingest, search, timeline, claims, export...): registered on `cli.app`."""
from __future__ import annotations

from .cli import app  # noqa: F401  (commands are added with @app.command())
