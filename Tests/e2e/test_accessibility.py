"""Must show #3: axe-core finds no serious or critical accessibility violation on any kind of page.

Runs at phone and desktop widths. Lower-impact findings (moderate, minor) do not fail the test;
they are printed and written to test-artifacts/axe/ for review.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import REPO_ROOT
from helpers import SERIES_ARTICLE, SERIES_PATH, describe_violations as describe

AXE_DIR = REPO_ROOT / "test-artifacts" / "axe"
BLOCKING = {"serious", "critical"}

PAGES = {
    "home": ("/", 200),
    "article": (SERIES_ARTICLE, 200),
    "article-with-table": ("/articles/europe-gas-storage-arithmetic-tighter", 200),
    "article-with-table-2": ("/articles/malacca-bottleneck-week-of-rerouted-tankers", 200),
    "article-with-table-3": ("/articles/who-watches-a-truce-ceasefire-monitors", 200),
    "section": ("/sections/europe", 200),
    "series": (SERIES_PATH, 200),
    "author": ("/authors/nadia-rahimi", 200),
    "latest": ("/latest", 200),
    "page": ("/masthead", 200),
    "search": ("/search?q=sanctions", 200),
    "newsletter": ("/newsletter", 200),
    "not-found": ("/no-such-page", 404),
}

_axe = Axe()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(any_page: Page, device: str, name: str) -> None:
    path, status = PAGES[name]
    page = any_page
    response = page.goto(path)
    assert response is not None and response.status == status, f"GET {path} -> {response and response.status}"
    page.wait_for_load_state("load")
    expect(page.locator("main h1")).to_have_count(1)

    results = _axe.run(page)
    violations = results.response["violations"]

    AXE_DIR.mkdir(parents=True, exist_ok=True)
    (AXE_DIR / f"{name}-{page.viewport_size['width']}px.json").write_text(json.dumps(violations, indent=2))

    minor = [v for v in violations if v.get("impact") not in BLOCKING]
    if minor:
        print(f"\naxe, lower impact, {path} at {device}:\n{describe(minor)}")

    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert not blocking, (
        f"axe found {len(blocking)} serious/critical violation(s) on {path} at {device} width:\n{describe(blocking)}"
    )


def demo_article_paths(base_url: str) -> list[str]:
    """Every article the demo publishes, from the sitemaps."""
    def locations(path: str) -> list[str]:
        with urllib.request.urlopen(base_url + path, timeout=20) as response:
            return [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.read().decode())]
    return sorted({path for sitemap in locations("/sitemap.xml") for path in locations(sitemap) if path.startswith("/articles/")})


def test_no_serious_accessibility_violations_in_any_demo_article(any_page: Page, device: str, base_url: str) -> None:
    """Must show #6 of issue 14: the article pages above are checked whole; here every other demo
    article's main content (its text, tables, figures and pictures: the rest of the page is the same
    on every article) is checked, at both widths."""
    paths = demo_article_paths(base_url)
    assert len(paths) >= 60, paths
    failures = []
    for path in paths:
        response = any_page.goto(path)
        assert response is not None and response.status == 200, path
        blocking = [v for v in _axe.run(any_page, context="main").response["violations"] if v.get("impact") in BLOCKING]
        if blocking:
            failures.append(f"{path}:\n{describe(blocking)}")
    assert not failures, f"axe found serious/critical violations at {device} width:\n" + "\n".join(failures)
