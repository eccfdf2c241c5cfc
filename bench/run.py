"""Kiosk's benchmark run: every figure of bench/README.md from one command, printed as tables.

Called by bench/run after a release build. Everything runs on loopback: Kiosk, nginx (Debian's,
serving a saved copy of Kiosk's own page) and wrk. Figures are measured, never asserted.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".build-release" / "release"
DATA = REPO / ".bench-data"
ARTICLE = "/articles/statecraft-red-sea-underwriters-return"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    """A `kiosk serve` process on a free loopback port."""

    def __init__(self, database: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [str(BIN / "kiosk"), "serve", "--database", str(database), "--port", str(self.port), *extra],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.first_response_ms = self._wait_for(ARTICLE)

    def _wait_for(self, path: str) -> float:
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            try:
                if get(self.url + path)[0] == 200:
                    return (time.perf_counter() - self.started) * 1000
            except OSError:
                time.sleep(0.002)
        raise SystemExit(f"kiosk did not answer {path} within 30 s")

    def resident_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Nginx:
    """Debian's nginx on a free loopback port: `directives` in its `http` block and one `server`
    with `server_directives`; `files` are written to `www/` in its folder (a relative `root www`)."""

    def __init__(self, directives: str, server_directives: str, probe: str, files: dict[str, bytes] | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-nginx-"))
        (self.folder / "www").mkdir()
        for name, content in (files or {}).items():
            (self.folder / "www" / name).write_bytes(content)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (self.folder / "nginx.conf").write_text(f"""
worker_processes 2;
daemon off;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.folder}; proxy_temp_path {self.folder}; fastcgi_temp_path {self.folder};
    uwsgi_temp_path {self.folder}; scgi_temp_path {self.folder};
    {directives}
    server {{
        listen 127.0.0.1:{self.port};
        {server_directives}
    }}
}}
""")
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.folder / "nginx.conf"), "-p", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                if get(self.url + probe)[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nginx did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def static_nginx(page: bytes) -> Nginx:
    """nginx serving `page` as /article.html with the headers Kiosk sends (sendfile, keep-alive)."""
    return Nginx(
        "sendfile on; tcp_nopush on; keepalive_requests 1000000; types { text/html html; }",
        'root www; add_header Cache-Control "public, max-age=0"; add_header Vary "Accept-Encoding";',
        "/article.html", files={"article.html": page})


def admin_session(base: str, database: str) -> tuple[urllib.request.OpenerDirector, str]:
    """An administrator made for the run in `database`, signed in at `base`: the browser-like
    opener holding the session, and a read-and-write Admin API token."""
    password = secrets.token_urlsafe(18)
    subprocess.run([str(BIN / "kiosk"), "user", "create", "--database", database, "--email", "bench@meridian.example",
                    "--name", "Bench Editor", "--role", "admin"], input=password + "\n", text=True, check=True, capture_output=True)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    def csrf(html: str) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    form = opener.open(base + "/admin/login").read().decode()
    opener.open(base + "/admin/login", data=urllib.parse.urlencode(
        {"csrf": csrf(form), "email": "bench@meridian.example", "password": password}).encode())
    page = opener.open(base + "/admin/integrations").read().decode()
    made = opener.open(base + "/admin/integrations", data=urllib.parse.urlencode(
        {"csrf": csrf(page), "name": "bench", "scope": "write"}).encode()).read().decode()
    return opener, re.search(r'id="new-token" readonly value="([^"]+)"', made).group(1)


def wrk(url: str, seconds: int = SECONDS, connections: int = 64) -> dict[str, float]:
    """Runs `wrk --latency` (2 threads and 64 connections unless told) and returns req/s, p50/p99 in ms and the error count."""
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percent in ("50", "99"):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output).groups()
        result[f"p{percent}"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["errors"] = (int(errors.group(1)) if errors else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return result


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    print(f"\n{title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))) + " |")


def database() -> Path:
    path = DATA / f"kiosk-{ARTICLES}.sqlite"
    if not path.exists():
        print(f"Generating a {ARTICLES:,}-article publication in {path} (once; kept for later runs)...", flush=True)
        started = time.perf_counter()
        subprocess.run([str(BIN / "kiosk"), "demo", "--database", str(path), "--articles", str(ARTICLES)],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def cold_start(db: Path) -> list[float]:
    times = []
    for _ in range(5):
        server = Server(db)
        times.append(server.first_response_ms)
        server.stop()
    return times


def cached_versus_nginx(db: Path) -> Server:
    server = Server(db)
    status, page = get(server.url + ARTICLE)
    assert status == 200
    nginx = static_nginx(page)
    kiosk_runs, nginx_runs = [], []
    try:
        for _ in range(ROUNDS):
            kiosk_runs.append(wrk(server.url + ARTICLE))
            nginx_runs.append(wrk(nginx.url + "/article.html"))
    finally:
        nginx.stop()
    kiosk_rps = statistics.median(r["rps"] for r in kiosk_runs)
    nginx_rps = statistics.median(r["rps"] for r in nginx_runs)
    table(
        f"Cached article page ({len(page):,} bytes) vs nginx serving the same bytes: wrk -t2 -c64 -d{SECONDS}s, {ROUNDS} interleaved rounds, median",
        ["server", "req/s", "p50 ms", "p99 ms", "errors", "× nginx"],
        [
            ["nginx (static file)", f"{nginx_rps:,.0f}", f"{statistics.median(r['p50'] for r in nginx_runs):.2f}",
             f"{statistics.median(r['p99'] for r in nginx_runs):.2f}", sum(r["errors"] for r in nginx_runs), "1.00"],
            ["Kiosk, page cache", f"{kiosk_rps:,.0f}", f"{statistics.median(r['p50'] for r in kiosk_runs):.2f}",
             f"{statistics.median(r['p99'] for r in kiosk_runs):.2f}", sum(r["errors"] for r in kiosk_runs), f"{kiosk_rps / nginx_rps:.2f}"],
        ])
    return server


def uncached(db: Path) -> float:
    server = Server(db, "--page-cache-mb", "0")
    pages = [("article", ARTICLE), ("front page", "/"), ("section, page 1", "/sections/europe"),
             ("section, page 500", "/sections/europe?page=500")]
    rows = []
    try:
        for name, path in pages:
            assert get(server.url + path)[0] == 200, path
            result = wrk(server.url + path)
            rows.append([name, path, f"{result['rps']:,.0f}", f"{result['p50']:.2f}", f"{result['p99']:.2f}", result["errors"]])
        rss = server.resident_mb()
    finally:
        server.stop()
    table(f"Uncached (--page-cache-mb 0), {ARTICLES:,} articles: wrk -t2 -c64 -d{SECONDS}s",
          ["page", "path", "req/s", "p50 ms", "p99 ms", "errors"], rows)
    return rss


def search(db: Path) -> None:
    """Search and Content API latency without the page cache, one request at a time, so the figures
    are the requests' own (no queueing)."""
    server = Server(db, "--page-cache-mb", "0")
    queries = [("one common word", "sanctions"), ("two words", "shipping+insurance"),
               ("word in a section", "ceasefire&section=africa"), ("three words", "baltic+air+defence"),
               ("rare word", "zanzibar"), ("only a stop word", "the")]
    rows = []
    try:
        for name, query in queries:
            result = wrk(f"{server.url}/search?q={query}", SECONDS // 2, connections=1)
            rows.append([name, query.replace("+", " "), f"{result['rps']:,.0f}", f"{result['p50']:.2f}", f"{result['p99']:.2f}", result["errors"]])
        api = [("articles, page 1", "/api/content/v1/articles"), ("articles, page 500", "/api/content/v1/articles?page=500"),
               ("a section, 100 a page", "/api/content/v1/articles?section=europe&limit=100"),
               ("one article with HTML", "/api/content/v1/articles/statecraft-red-sea-underwriters-return?include=html")]
        api_rows = []
        for name, path in api:
            result = wrk(f"{server.url}{path}", SECONDS // 2, connections=1)
            api_rows.append([name, path, f"{result['rps']:,.0f}", f"{result['p50']:.2f}", f"{result['p99']:.2f}", result["errors"]])
    finally:
        server.stop()
    table(f"Search, {ARTICLES:,} articles, one connection (wrk -t1 -c1 -d{SECONDS // 2}s)",
          ["query", "words", "req/s", "p50 ms", "p99 ms", "errors"], rows)
    table(f"Content API without the cache, {ARTICLES:,} articles, one connection (wrk -t1 -c1 -d{SECONDS // 2}s)",
          ["request", "path", "req/s", "p50 ms", "p99 ms", "errors"], api_rows)


def edit_under_load(db: Path) -> None:
    port = free_port()
    editor = subprocess.Popen([str(BIN / "KioskBench"), "edit-under-load", str(db), str(port), str(SECONDS + 2)],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = editor.stdout.readline().strip()
    if "ready" not in first:
        raise SystemExit(f"edit-under-load did not start: {first}")
    results = [wrk(f"http://127.0.0.1:{port}{path}", SECONDS // 2) for path in (ARTICLE, "/")]
    report = editor.stdout.read().strip().splitlines()
    editor.wait(timeout=60)
    print(f"\nEditing while wrk hammers cached pages ({SECONDS // 2} s each on the article and the front page):")
    print(f"  wrk: article {results[0]['rps']:,.0f} req/s, front page {results[1]['rps']:,.0f} req/s, "
          f"errors {results[0]['errors'] + results[1]['errors']}")
    for line in [first, *report]:
        print(f"  {line}")


def main() -> None:
    DATA.mkdir(exist_ok=True)
    db = database()
    starts = cold_start(db)
    print(f"\nCold start, process start to first 200 of the article page ({ARTICLES:,} articles), 5 runs: "
          f"median {statistics.median(starts):.0f} ms, max {max(starts):.0f} ms")
    server = cached_versus_nginx(db)
    cached_rss = server.resident_mb()
    server.stop()
    uncached_rss = uncached(db)
    print(f"\nResident memory after the runs above: cached server {cached_rss:.0f} MB, uncached server {uncached_rss:.0f} MB")
    search(db)
    edit_under_load(db)


if __name__ == "__main__":
    sys.exit(main())
