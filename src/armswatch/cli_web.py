"""Web commands of the CLI (serve): registered on `cli.app`."""
from __future__ import annotations

from .cli import app  # noqa: F401
