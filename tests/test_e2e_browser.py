"""End-to-end in real headless Chromium (Playwright + Debian's chromium): the analyst's path through
the UI. Screenshots go to artifacts/screenshots/ (kept as test artifacts)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

CHROMIUM = os.environ.get("ARMSWATCH_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                 reason="no chromium (CI installs it: apt-get install chromium)")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from armswatch.store.repo import Store

    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    held_back = SEEDS[2]  # uploaded through the UI by the test
    Store(f"sqlite:///{db}").ingest([str(p) for p in SEEDS if p != held_back] + [str(ROOT / "examples" / "corpus")])
    port = _free_port()
    env = dict(os.environ, ARMSWATCH_TOKEN="e2e-token")
    proc = subprocess.Popen([sys.executable, "-m", "armswatch.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield base, held_back
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_timeline_to_event_to_highlighted_article(server, browser):
    base, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/timeline?lang=en")
    page.select_option("#f-country", "cn")
    page.click("#f-submit")
    page.wait_for_url("**country=cn**")
    items = page.locator(".tl-item")
    assert items.count() > 0
    assert page.locator("#timeline-chart .main-svg").count() > 0  # the Plotly chart drew
    shot(page, "01-timeline-china")
    page.locator("a.ev-link", has_text="China").first.click()
    page.wait_for_url("**/events/**")
    assert "China" in page.inner_text("main")
    shot(page, "02-event")
    page.locator("a.open-article").first.click()
    page.wait_for_url("**/documents/**")
    target = page.locator("#hl-target")
    assert target.count() == 1 and target.is_visible()
    assert len(target.inner_text()) > 0
    assert page.locator(".hl.ent").count() > 0 and page.locator(".hl.time").count() > 0
    shot(page, "03-article-highlighted")
    page.close()


def test_search_without_accents(server, browser):
    base, _ = server
    page = browser.new_page()
    page.goto(base + "/search")
    page.fill("#search-q", "dau dan")
    page.click("#search-go")
    page.wait_for_selector("#search-results .hit")
    assert "đầu đạn" in page.inner_text("#search-results")
    assert page.locator("#search-results mark").count() > 0
    shot(page, "04-search-dau-dan")
    page.close()


def test_upload_a_seed_and_find_it(server, browser):
    base, held_back = server
    page = browser.new_page()
    page.goto(base + "/upload?lang=en")
    page.set_input_files("#upload-file", str(held_back))
    page.fill("#upload-token", "e2e-token")
    page.click("#upload-submit")
    page.wait_for_selector("#upload-message")
    assert "1 added" in page.inner_text("#upload-message")
    shot(page, "05-upload")
    page.click("#uploaded-link")
    page.wait_for_url("**/documents/**")
    assert "Vương Nghị" in page.inner_text("#article-body")
    page.goto(base + "/search?q=Vuong+Nghi")
    assert page.locator("#search-results .hit").count() >= 1
    page.close()


def test_phone_layout(server, browser):
    base, _ = server
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/timeline")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page scrolls sideways on a phone ({width}px)"
    shot(page, "06-phone-timeline")
    page.close()
