"""Shared fixtures: the seeds and gold beside the repo (../shared), the contract schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
GOLD_DIR = SHARED / "gold" / "dev"
SCHEMA = SHARED / "contract" / "document.schema.json"


def load_score():
    """../shared/contract/score.py as a module (its matching functions, for per-component checks)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SHARED / "contract" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def seed_path(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="session")
def contract_schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_docs():
    """Every seed through the full pipeline, keyed by file stem."""
    from armswatch.ingest import RawDoc
    from armswatch.pipeline import process

    return {p.stem: process(RawDoc(source=str(p), content=p.read_bytes())) for p in SEEDS}


def pytest_terminal_summary(terminalreporter):
    """Print the extraction scores (dev gold, demo gold, fresh, blind, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7) at the end of every run."""
    import sys

    mod = sys.modules.get("test_contract")
    if mod is not None and getattr(mod, "SCORES", None):
        terminalreporter.section("extraction scores (score.py F1 per component)")
        for line in mod.SCORES:
            terminalreporter.write_line(line)
