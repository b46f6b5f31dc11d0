"""Every seed extracts to output that validates against the contract schema; dev-gold score printed."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import GOLD_DIR, SEEDS, SHARED

pytestmark = pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")


def test_seeds_validate_against_contract(seed_docs, contract_schema):
    assert len(seed_docs) == len(SEEDS) == 5
    validator = jsonschema.Draft202012Validator(contract_schema)
    for stem, doc in seed_docs.items():
        obj = doc.to_contract()
        errors = [e.message for e in validator.iter_errors(obj)]
        assert not errors, f"{stem}: {errors[:3]}"
        body = obj["body"]
        for e in obj["entities"]:
            for m in e["mentions"]:
                assert body[m["start"]:m["end"]] == m["text"], (stem, m)
        for t in obj["timexes"]:
            assert body[t["start"]:t["end"]] == t["text"], (stem, t)
        for q in obj["quotes"]:
            assert 0 <= q["start"] <= q["end"] <= len(body)
        ids = {e["id"] for e in obj["entities"]}
        for ev in obj["events"]:
            assert set(ev["participants"]) <= ids and (ev["location"] is None or ev["location"] in ids)
        for c in obj["claims"]:
            assert c["subject"] in ids | {None} and c["source"] in ids | {None}


def test_cli_extract_and_dev_gold_score(tmp_path):
    out = tmp_path / "seeds.jsonl"
    r = subprocess.run([sys.executable, "-m", "armswatch.cli", "extract", *map(str, SEEDS), "--out", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(json.loads(ln)["doc_id"] for ln in lines)
    score = subprocess.run([sys.executable, str(SHARED / "contract" / "score.py"), str(out), str(GOLD_DIR), "--json"],
                           capture_output=True, text=True, timeout=60)
    assert score.returncode == 0, score.stderr
    figures = json.loads(score.stdout.rsplit("\n", 2)[0])  # --json prints the figures, then a summary line
    print("\ndev-gold score:", json.dumps({k: v for k, v in figures.items() if k != "missing_documents"}))
    assert figures["missing_documents"] == []
