"""Every seed extracts to output that validates against the contract schema; dev-gold score printed."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import GOLD_DIR, ROOT, SEEDS, SHARED

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


def score(out, gold_dir) -> dict:
    r = subprocess.run([sys.executable, str(SHARED / "contract" / "score.py"), str(out), str(gold_dir), "--json"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.rsplit("\n", 2)[0])  # --json prints the figures, then a summary line


SCORES: list[str] = []  # printed at the end of the run by conftest.pytest_terminal_summary


def show(name: str, figures: dict) -> None:
    comps = ["entities", "timexes", "events", "events_nodate", "claims", "quotes"]
    line = " ".join(f"{c}={figures[c]['f1']:.2f}" for c in comps)
    accs = " ".join(f"{k}={figures[k]}" for k in ("entity_type_acc", "event_status_acc", "claim_detail_acc",
                                                   "published_acc", "title_acc", "outlet_acc", "language_acc"))
    SCORES.append(f"{name:>9}: {line} | {accs}")
    print(f"\n{SCORES[-1]}")


def test_cli_extract_and_dev_gold_score(tmp_path):
    out = tmp_path / "seeds.jsonl"
    r = subprocess.run([sys.executable, "-m", "armswatch.cli", "extract", *map(str, SEEDS), "--out", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(json.loads(ln)["doc_id"] for ln in lines)
    figures = score(out, GOLD_DIR)
    show("dev gold", figures)
    assert figures["missing_documents"] == []
    for k in ("published_acc", "title_acc", "language_acc", "outlet_acc"):
        assert figures[k] == 1.0, k



def test_cli_extract_imports_rich_only_to_print(tmp_path):
    """`armswatch extract` with nothing to report on stderr never imports rich (~35 ms of a cold start)."""
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "armswatch", "extract", str(SEEDS[0]),
                        "--out", str(tmp_path / "one.jsonl")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    imported = {ln.rsplit("|", 1)[-1].strip() for ln in r.stderr.splitlines() if ln.startswith("import time:")}
    assert "armswatch.extract.entities" in imported  # (the listing is the real one)
    assert not {m for m in imported if m == "rich" or m.startswith("rich.")}
    # a failure is printed through rich, as before
    r = subprocess.run([sys.executable, "-m", "armswatch", "extract", str(tmp_path / "missing.txt")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "0 extracted, 1 failed" in r.stderr


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}, {"TTY_COMPATIBLE": "0"},
                                 {"FORCE_COLOR": ""}])
def test_stderr_is_terminal_agrees_with_rich(monkeypatch, env):
    from rich.console import Console

    from armswatch.cli import stderr_is_terminal

    for k in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert stderr_is_terminal() == Console(stderr=True).is_terminal

# Floors that catch regressions on text we did not tune on first (the demo gold, tuned on in a later round;
# tests/fresh, the development set of session 2; tests/blind and tests/fresh2, held out in sessions 1-2 and
# development sets since session 3; tests/fresh3, held out in the first half of session 3; tests/fresh4, held
# out from the middle of session 3 to its end; tests/fresh5, held out through session 4; tests/fresh6, held out
# through session 5) and never tuned on (tests/fresh7, the held-out set since the start of session 6, only ever scored). They sit just below the
# latest figures, printed above.
FLOORS = {
    "ours": {"entities": 0.95, "timexes": 0.97, "events": 0.88, "events_nodate": 0.94, "claims": 0.97, "quotes": 0.97},
    "fresh": {"entities": 0.95, "timexes": 0.94, "events": 0.7, "events_nodate": 0.8, "claims": 0.97, "quotes": 0.94},
    "blind": {"entities": 0.95, "timexes": 0.95, "events": 0.64, "events_nodate": 0.75, "claims": 0.93, "quotes": 0.96},
    "fresh2": {"entities": 0.95, "timexes": 0.95, "events": 0.68, "events_nodate": 0.8, "claims": 0.94, "quotes": 0.92},
    "fresh3": {"entities": 0.95, "timexes": 0.94, "events": 0.66, "events_nodate": 0.73, "claims": 0.94, "quotes": 0.97},
    "fresh4": {"entities": 0.95, "timexes": 0.94, "events": 0.66, "events_nodate": 0.78, "claims": 0.94, "quotes": 0.96},
    "fresh5": {"entities": 0.95, "timexes": 0.93, "events": 0.68, "events_nodate": 0.8, "claims": 0.88, "quotes": 0.9},
    "fresh6": {"entities": 0.94, "timexes": 0.93, "events": 0.61, "events_nodate": 0.74, "claims": 0.82, "quotes": 0.9},
    "fresh7": {"entities": 0.93, "timexes": 0.92, "events": 0.5, "events_nodate": 0.69, "claims": 0.55, "quotes": 0.82},
}


@pytest.mark.parametrize("name,articles,gold", [
    ("ours", ROOT / "examples" / "corpus", ROOT / "tests" / "gold" / "ours"),
    ("fresh", ROOT / "tests" / "fresh" / "articles", ROOT / "tests" / "fresh" / "gold"),
    ("blind", ROOT / "tests" / "blind" / "articles", ROOT / "tests" / "blind" / "gold"),
    ("fresh2", ROOT / "tests" / "fresh2" / "articles", ROOT / "tests" / "fresh2" / "gold"),
    ("fresh3", ROOT / "tests" / "fresh3" / "articles", ROOT / "tests" / "fresh3" / "gold"),
    ("fresh4", ROOT / "tests" / "fresh4" / "articles", ROOT / "tests" / "fresh4" / "gold"),
    ("fresh5", ROOT / "tests" / "fresh5" / "articles", ROOT / "tests" / "fresh5" / "gold"),
    ("fresh6", ROOT / "tests" / "fresh6" / "articles", ROOT / "tests" / "fresh6" / "gold"),
    ("fresh7", ROOT / "tests" / "fresh7" / "articles", ROOT / "tests" / "fresh7" / "gold"),
])
def test_held_out_gold_scores(tmp_path, name, articles, gold):
    from armswatch.cli import run_extract

    out = tmp_path / f"{name}.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        ok, failed = run_extract([str(articles)], lambda d: f.write(json.dumps(d.to_contract(), ensure_ascii=False) + "\n"),
                                 lambda fail: None, show_progress=False)
    assert failed == 0
    figures = score(out, gold)
    show(name, figures)
    assert figures["missing_documents"] == []
    for comp, floor in FLOORS[name].items():
        assert figures[comp]["f1"] >= floor, (comp, figures[comp])
