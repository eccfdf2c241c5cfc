"""Shared fixtures for Kiosk's end-to-end browser tests.

One real Kiosk server runs for the whole session, on loopback, over a throwaway
database filled with the demo publication (The Meridian). Tests drive Debian's
Chromium through Playwright at phone and desktop widths.

Environment:
    KIOSK_BIN      the kiosk binary (default .build/debug/kiosk in the repository)
    CHROMIUM_BIN   the Chromium executable (default /usr/bin/chromium)
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KIOSK_BIN = str(REPO_ROOT / ".build" / "debug" / "kiosk")
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
STARTUP_TIMEOUT_S = 30.0

# Viewports the site is tested at.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {
    "viewport": {"width": 1280, "height": 900},
}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


# --------------------------------------------------------------------------- server


def _free_port() -> int:
    return _free_ports(1)[0]


def _free_ports(count: int) -> list[int]:
    """`count` different free ports: all are held at once while chosen, so none repeats."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _wait_until_healthy(process: subprocess.Popen, base_url: str, server_log: Path) -> None:
    """Returns once GET /healthz answers "ok"; fails the test if the server exits or stays silent."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last_error = "no answer yet"
    while True:
        if process.poll() is not None:
            pytest.fail(
                f"`kiosk serve` exited with {process.returncode} before it was healthy:\n{_tail(server_log)}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                body = response.read().decode().strip()
                if response.status == 200 and body == "ok":
                    return
                last_error = f"HTTP {response.status} {body!r}"
        except (urllib.error.URLError, OSError) as error:
            last_error = repr(error)
        if time.monotonic() > deadline:
            pytest.fail(
                f"Kiosk did not answer GET /healthz with 'ok' within {STARTUP_TIMEOUT_S:.0f} s "
                f"(last: {last_error}):\n{_tail(server_log)}",
                pytrace=False,
            )
        time.sleep(0.1)  # polling the health check; the only wait the suite cannot hand to Playwright


@pytest.fixture(scope="session")
def kiosk_bin() -> str:
    binary = os.environ.get("KIOSK_BIN", DEFAULT_KIOSK_BIN)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        pytest.fail(
            f"Kiosk binary not found or not executable: {binary!r}. "
            "Build it first (swift build) or point KIOSK_BIN at it.",
            pytrace=False,
        )
    return binary


@pytest.fixture(scope="session")
def demo_database(kiosk_bin: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo publication with every image's renditions made, built once per session; copy it with `copy_database`."""
    workdir = tmp_path_factory.mktemp("demo")
    database = workdir / "kiosk.sqlite"
    demo_log = workdir / "demo.log"
    # Renditions are made before any server starts, so every page shows its `<picture>` and no
    # node commits renditions in the background while a test relies on its cached pages.
    for arguments, timeout in ((["demo"], 300), (["media", "rebuild"], 600)):
        with open(demo_log, "ab") as log:
            step = subprocess.run(
                [kiosk_bin, *arguments, "--database", str(database)],
                cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, timeout=timeout,
            )
        if step.returncode != 0:
            pytest.fail(f"`kiosk {' '.join(arguments)}` exited with {step.returncode}:\n{_tail(demo_log)}", pytrace=False)
    return database


def copy_database(source: Path, destination: Path) -> Path:
    """Copies a SQLite database with SQLite's own backup, so the copy is whole whatever its journal holds."""
    with contextlib.closing(sqlite3.connect(source)) as original, contextlib.closing(sqlite3.connect(destination)) as copy:
        original.backup(copy)
    return destination


@pytest.fixture(scope="session")
def kiosk_server(kiosk_bin: str, demo_database: Path, tmp_path_factory: pytest.TempPathFactory):
    """Serves a copy of the demo publication, yields the base URL."""
    workdir = tmp_path_factory.mktemp("kiosk")
    database = copy_database(demo_database, workdir / "kiosk.sqlite")

    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    server_log = workdir / "server.log"
    log = open(server_log, "wb")
    process = subprocess.Popen(
        [kiosk_bin, "serve", "--database", str(database), "--port", str(port), "--host", "127.0.0.1"],
        cwd=REPO_ROOT,  # the theme is found at Themes/default relative to the working directory
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    try:
        _wait_until_healthy(process, base_url, server_log)
        yield base_url
    finally:
        _stop(process)
        log.close()


@pytest.fixture(scope="session")
def base_url(kiosk_server: str) -> str:
    return kiosk_server


# --------------------------------------------------------------------------- newsroom servers

ADMIN_EMAIL = "admin@example.org"
ADMIN_NAME = "Ada Admin"
ADMIN_PASSWORD = "quiet-harbour-lantern-42"


class NewsroomServer:
    """A kiosk server of its own over a throwaway demo database, with our administrator (ADMIN_EMAIL).

    Unlike the shared `kiosk_server`, it can be stopped and started again on the same database,
    port and media folder, as a deployment would be.
    """

    def __init__(self, kiosk_bin: str, workdir: Path) -> None:
        self.kiosk_bin = kiosk_bin
        self.workdir = workdir
        self.database = workdir / "kiosk.sqlite"
        self.media = workdir / "media"  # where `kiosk demo` puts its images: beside the database
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.starts = 0
        # Extra `kiosk serve` options, e.g. ["--smtp-url", ...], and environment variables.
        self.serve_args: list[str] = []
        self.environment: dict[str, str] = {}

    def kiosk(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Runs a kiosk command against this server's database."""
        return subprocess.run(
            [self.kiosk_bin, *args, "--database", str(self.database)],
            cwd=REPO_ROOT, input=stdin, capture_output=True, text=True, timeout=300,
        )

    def prepare(self, demo_copy: Path | None = None) -> None:
        """Fills the database with the demo publication (which brings its own demo accounts) and adds ours.

        Given `demo_copy` (the session's `demo_database`), the database starts as a copy of it, every
        image's renditions made; otherwise `kiosk demo` makes it, and the server makes the renditions.
        """
        if demo_copy is not None:
            copy_database(demo_copy, self.database)
        else:
            demo = self.kiosk("demo")
            if demo.returncode != 0:
                pytest.fail(f"`kiosk demo` exited with {demo.returncode}:\n{demo.stdout}{demo.stderr}", pytrace=False)
        user = self.kiosk("user", "create", "--email", ADMIN_EMAIL, "--name", ADMIN_NAME, "--role", "admin", stdin=ADMIN_PASSWORD + "\n")
        if user.returncode != 0:
            pytest.fail(f"`kiosk user create` exited with {user.returncode}:\n{user.stdout}{user.stderr}", pytrace=False)

    def start(self) -> None:
        assert self.process is None, "the server is running already"
        self.starts += 1
        self.log_path = self.workdir / f"server-{self.starts}.log"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [
                self.kiosk_bin, "serve", "--database", str(self.database), "--media", str(self.media),
                "--host", "127.0.0.1", "--port", str(self.port), "--public-url", self.url, *self.serve_args,
            ],
            cwd=REPO_ROOT, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env={**os.environ, **self.environment},
        )
        _wait_until_healthy(self.process, self.url, self.log_path)

    def kill(self) -> None:
        """Kills the server with SIGKILL, as a crash would."""
        if self.process is None:
            return
        self.process.kill()
        self.process.wait(timeout=10)
        self._log.close()
        self.process = None

    def stop(self) -> None:
        """Stops the server with SIGTERM (SIGKILL only if it does not exit within 10 s)."""
        if self.process is None:
            return
        _stop(self.process)
        self._log.close()
        self.process = None

    def log_tail(self) -> str:
        return _tail(self.log_path) if self.starts else "(never started)"


def admin_token(base: str, name: str = "integration") -> str:
    """Signs in as the newsroom's administrator and makes a read-and-write integration token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    def token_in(html: str, field: str) -> str:
        return re.search(rf'(?:name="csrf"|id="{field}" readonly) value="([^"]+)"', html).group(1)
    form = opener.open(base + "/admin/login").read().decode()
    opener.open(base + "/admin/login", data=urllib.parse.urlencode(
        {"csrf": token_in(form, "csrf"), "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).encode())
    page = opener.open(base + "/admin/integrations").read().decode()
    made = opener.open(base + "/admin/integrations", data=urllib.parse.urlencode(
        {"csrf": token_in(page, "csrf"), "name": name, "scope": "write"}).encode()).read().decode()
    return re.search(r'id="new-token" readonly value="([^"]+)"', made).group(1)


@contextlib.contextmanager
def _running_newsroom(kiosk_bin: str, workdir: Path, demo_database: Path):
    server = NewsroomServer(kiosk_bin, workdir)
    # A copy with renditions made: a server making the demo's renditions in the background would
    # hold pages' image requests (the original's address waits for its first rendition) for seconds.
    server.prepare(demo_database)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_newsroom(kiosk_bin: str, demo_database: Path, tmp_path: Path):
    """A newsroom server for one test alone, which the test may stop and start again."""
    with _running_newsroom(kiosk_bin, tmp_path, demo_database) as server:
        yield server


@pytest.fixture(scope="module")
def newsroom(kiosk_bin: str, demo_database: Path, tmp_path_factory: pytest.TempPathFactory):
    """A newsroom server shared by the tests of one module; tests must not stop it."""
    with _running_newsroom(kiosk_bin, tmp_path_factory.mktemp("newsroom"), demo_database) as server:
        yield server


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser() -> Browser:
    executable = os.environ.get("CHROMIUM_BIN", DEFAULT_CHROMIUM)
    if not os.path.exists(executable):
        pytest.fail(f"Chromium not found at {executable!r} (set CHROMIUM_BIN).", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class Traffic:
    """What the pages of one test did that they should not: leave loopback, throw."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.page_errors: list[str] = []


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def open_context(browser: Browser, traffic: Traffic):
    """Factory: a browser context for a device ("phone" or "desktop") and any Playwright context
    options (base_url among them); closed after the test.

    Every request that would leave loopback is aborted and recorded in `traffic.blocked`.
    """
    contexts: list[BrowserContext] = []

    def guard(route, request) -> None:
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            traffic.blocked.append(request.url)
            route.abort("blockedbyclient")

    def make(device: str, **options) -> BrowserContext:
        settings = {
            **DEVICES[device],
            "locale": "en-GB",
            "timezone_id": "Europe/London",
            "reduced_motion": "reduce",
            **options,
        }
        context = browser.new_context(**settings)
        context.set_default_timeout(10_000)
        context.route("**/*", guard)
        context.on("page", lambda page: page.on("pageerror", lambda error: traffic.page_errors.append(str(error))))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_context(open_context, base_url: str):
    """Factory: a browser context for a device ("phone" or "desktop") on the shared demo server."""

    def make(device: str, **options) -> BrowserContext:
        return open_context(device, **{"base_url": base_url, **options})

    return make


def _page(new_context, device: str) -> Page:
    context = new_context(device)
    return context.new_page()


@pytest.fixture
def phone_page(new_context) -> Page:
    """A page in a phone context: 390 x 844, mobile, touch."""
    return _page(new_context, "phone")


@pytest.fixture
def desktop_page(new_context) -> Page:
    """A page in a desktop context: 1280 x 900."""
    return _page(new_context, "desktop")


@pytest.fixture(params=["phone", "desktop"])
def device(request) -> str:
    """Parametrizes a test over both widths."""
    return request.param


@pytest.fixture
def any_page(new_context, device: str) -> Page:
    """A page at the width of the `device` parameter."""
    return _page(new_context, device)


# --------------------------------------------------------------------------- screenshots


@pytest.fixture
def screenshot(request):
    """Saves a full-page screenshot named by test and viewport width; returns its path."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def take(page: Page, label: str = "") -> Path:
        name = re.sub(r"\[.*\]$", "", request.node.name)
        width = page.viewport_size["width"] if page.viewport_size else 0
        suffix = f"-{label}" if label else ""
        path = SCREENSHOT_DIR / f"{name}-{width}px{suffix}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
