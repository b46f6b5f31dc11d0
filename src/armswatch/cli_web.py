"""Web commands of the CLI: `armswatch serve` (REST API + web UI). Registered on `cli.app`."""
from __future__ import annotations

from typing import Optional

import typer

from .cli import app


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="database URL or SQLite path (default: ARMSWATCH_DB or ./armswatch.db)"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
):
    """Serve the REST API (OpenAPI at /docs) and the web UI."""
    import uvicorn

    from .web.app import create_app

    typer.echo(f"armswatch: serving on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
