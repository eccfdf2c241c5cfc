"""PostgreSQL and several nodes: the figures of bench/README.md's "Growing beyond one machine".

Called by bench/run after the release build (or on its own: python3 bench/nodes.py). It starts a
PostgreSQL server of its own on loopback (scripts/postgres-cluster: TLS, verify-full, a password,
as a managed database would be), copies the 100,000-article publication into it with `kiosk copy`,
and measures, everything on loopback in the same run:

1. the uncached article page, front page, section page and searches, one request at a time, on
   PostgreSQL next to the same publication on SQLite;
2. cached and uncached throughput of one node and of two nodes behind nginx, next to one node
   reached directly;
3. how long a publication through one node takes to show on both nodes' cached home pages, over
   100 publishes (the target is one second at p99).

Figures are measured, never asserted.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import ARTICLE, ARTICLES, BIN, DATA, REPO, SECONDS, Nginx, Server, admin_session, database, free_port, table, wrk

PUBLISHES = 100
WORK = Path(tempfile.mkdtemp(prefix="kiosk-bench-nodes-"))  # the nodes' media folders, removed at the end


class Postgres:
    """A PostgreSQL server on loopback in a temporary folder, holding a copy of the publication."""

    def __init__(self, sqlite: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-pg-", dir="/tmp"))
        self.folder.chmod(0o755)  # the server runs as `postgres` when this runs as root
        cluster = subprocess.run([str(REPO / "scripts" / "postgres-cluster"), "start", str(self.folder / "cluster"), str(free_port())],
                                 check=True, capture_output=True, text=True)
        server_url = cluster.stdout.strip()
        subprocess.run(["psql", server_url, "-q", "-c", "CREATE DATABASE meridian"], check=True)
        self.url = server_url.replace("/postgres?", "/meridian?")
        started = time.perf_counter()
        subprocess.run([str(BIN / "kiosk"), "copy", "--from", str(sqlite), "--to", self.url], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        self.copy_seconds = time.perf_counter() - started
        subprocess.run(["psql", self.url, "-q", "-c", "VACUUM ANALYZE"], check=True)

    def stop(self) -> None:
        subprocess.run([str(REPO / "scripts" / "postgres-cluster"), "stop", str(self.folder / "cluster")], check=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def node(db: Path | str, name: str, *extra: str) -> Server:
    """A release `kiosk serve` on `db` with a media folder and node id of its own."""
    media = WORK / name
    return Server(db, "--media", str(media), "--node-id", name, *extra)


def balancer(nodes: list[Server]) -> Nginx:
    """Debian's nginx as a round-robin load balancer with keep-alive connections to the nodes."""
    servers = "".join(f"server 127.0.0.1:{n.port};" for n in nodes)
    return Nginx(
        f"upstream kiosk {{ {servers} keepalive 64; }}",
        """location / {
            proxy_pass http://kiosk;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }""",
        ARTICLE)


def engines(sqlite: Path, postgres: Postgres) -> None:
    """Uncached pages and searches, one request at a time, on each engine."""
    requests = [("article", ARTICLE), ("front page", "/"), ("section, page 1", "/sections/europe"),
                ("section, page 500", "/sections/europe?page=500"), ("search: one common word", "/search?q=sanctions"),
                ("search: two words", "/search?q=shipping+insurance"), ("search: rare word", "/search?q=zanzibar")]
    results: dict[str, list[dict[str, float]]] = {}
    for name, db in (("sqlite", sqlite), ("postgres", postgres.url)):
        server = node(db, name, "--page-cache-mb", "0")
        try:
            results[name] = [wrk(server.url + path, SECONDS // 2, connections=1) for _, path in requests]
            results[name + "-64"] = [wrk(server.url + path, SECONDS // 2) for _, path in requests[:2]]
        finally:
            server.stop()
    rows = []
    for index, (name, path) in enumerate(requests):
        lite, pg = results["sqlite"][index], results["postgres"][index]
        rows.append([name, f"{lite['p50']:.2f}", f"{lite['p99']:.2f}", f"{pg['p50']:.2f}", f"{pg['p99']:.2f}",
                     f"{pg['p50'] / lite['p50']:.2f}", lite["errors"] + pg["errors"]])
    table(f"Uncached, {ARTICLES:,} articles, one connection (wrk -t1 -c1 -d{SECONDS // 2}s), SQLite next to PostgreSQL (TLS, loopback)",
          ["request", "SQLite p50 ms", "SQLite p99 ms", "PostgreSQL p50 ms", "PostgreSQL p99 ms", "× SQLite (p50)", "errors"], rows)
    rows = [[name, f"{results['sqlite-64'][i]['rps']:,.0f}", f"{results['postgres-64'][i]['rps']:,.0f}",
             f"{results['postgres-64'][i]['rps'] / results['sqlite-64'][i]['rps']:.2f}"] for i, (name, _) in enumerate(requests[:2])]
    table(f"Uncached throughput, 64 connections (wrk -t2 -c64 -d{SECONDS // 2}s)", ["page", "SQLite req/s", "PostgreSQL req/s", "× SQLite"], rows)


def nodes(postgres: Postgres) -> None:
    """One node directly, one node behind nginx and two nodes behind nginx, cached and uncached."""
    rows = []
    for cache in ("64", "0"):
        runs = {}
        one = node(postgres.url, "node-1", "--page-cache-mb", cache)
        two = node(postgres.url, "node-2", "--page-cache-mb", cache)
        try:
            runs["one node, direct"] = wrk(one.url + ARTICLE)
            for name, behind in (("one node behind nginx", [one]), ("two nodes behind nginx", [one, two])):
                nginx = balancer(behind)
                runs[name] = wrk(nginx.url + ARTICLE)
                nginx.stop()
        finally:
            one.stop()
            two.stop()
        base = runs["one node behind nginx"]["rps"]
        for name, result in runs.items():
            rows.append(["cached" if cache != "0" else "uncached", name, f"{result['rps']:,.0f}", f"{result['p50']:.2f}",
                         f"{result['p99']:.2f}", result["errors"], f"{result['rps'] / base:.2f}"])
    table(f"The article page on PostgreSQL, {ARTICLES:,} articles: wrk -t2 -c64 -d{SECONDS}s (nginx, nodes, PostgreSQL and wrk share the 2 cores)",
          ["page cache", "setup", "req/s", "p50 ms", "p99 ms", "errors", "× one node behind nginx"], rows)


def api(connection: http.client.HTTPConnection, token: str, path: str, body: dict | None = None) -> dict:
    connection.request("POST", "/api/admin/v1" + path, body=json.dumps(body or {}),
                       headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)


def shows(connection: http.client.HTTPConnection, title: str) -> bool:
    connection.request("GET", "/")
    return title in connection.getresponse().read().decode()


def publish_to_visible(postgres: Postgres) -> None:
    """Publishes through node A, then times until both nodes' cached home pages show the article."""
    a, b = node(postgres.url, "node-a"), node(postgres.url, "node-b")
    try:
        token = admin_session(a.url, postgres.url)[1]
        writer = http.client.HTTPConnection("127.0.0.1", a.port)
        readers = {"a": http.client.HTTPConnection("127.0.0.1", a.port), "b": http.client.HTTPConnection("127.0.0.1", b.port)}
        seconds: dict[str, list[float]] = {"a": [], "b": []}
        for number in range(PUBLISHES):
            title = f"Harbour pilots report {number} for the benchmark"
            for reader in readers.values():
                shows(reader, title)  # both home pages are cached before the publication
            draft = api(writer, token, "/articles", {"title": title, "section": "europe", "authors": ["nadia-rahimi"],
                                                     "markdown": "A paragraph written for the benchmark."})
            api(writer, token, f"/articles/{draft['article']['id']}/publish")
            published = time.perf_counter()
            waiting = set(readers)
            while waiting:
                for name in sorted(waiting):
                    if shows(readers[name], title):
                        seconds[name].append(time.perf_counter() - published)
                        waiting.discard(name)
                if time.perf_counter() - published > 10:
                    raise SystemExit(f"publish {number} not visible on {waiting} after 10 s")
    finally:
        a.stop()
        b.stop()
    def quantile(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
    rows = [[label, f"{quantile(seconds[key], 0.5):.1f}", f"{quantile(seconds[key], 0.99):.1f}", f"{max(seconds[key]) * 1000:.1f}"]
            for key, label in (("a", "node A (published through it)"), ("b", "node B (told by NOTIFY)"))]
    table(f"From the publish call returning to the article on a node's cached home page, {PUBLISHES} publishes, two nodes on PostgreSQL",
          ["home page of", "p50 ms", "p99 ms", "max ms"], rows)


def main() -> None:
    DATA.mkdir(exist_ok=True)
    sqlite = database()
    postgres = Postgres(sqlite)
    try:
        print(f"kiosk copy of the {ARTICLES:,}-article publication from SQLite into PostgreSQL: {postgres.copy_seconds:.0f} s")
        engines(sqlite, postgres)
        nodes(postgres)
        publish_to_visible(postgres)
    finally:
        postgres.stop()
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
