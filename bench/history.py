"""The worst History view anyone with an account can cause, and what it does to everyone else.

Called by bench/run after the release build (or on its own: python3 bench/history.py). A demo
publication gets an article whose two revisions are unrelated 400,000-character bodies (the
longest the editor accepts) of 200,000 one-letter lines drawn from two, the costliest input for a
line diff. The script times the History page comparing them, and measures the cached article
page with wrk twice: alone (the reference) and while a browser-like client keeps opening that
History page. Figures are measured, never asserted.
"""

from __future__ import annotations

import http.client
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from run import ARTICLE, BIN, REPO, SECONDS, Server, admin_session, table, wrk

VIEWS = 10


def api(port: int, token: str, method: str, path: str, body: dict) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(method, "/api/admin/v1" + path, body=json.dumps(body),
                       headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)["article"]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-history-"))
    database = folder / "kiosk.sqlite"
    subprocess.run([str(BIN / "kiosk"), "demo", "--database", str(database)], cwd=REPO, check=True, capture_output=True)
    server = Server(database)
    try:
        opener, token = admin_session(server.url, str(database))
        fields = {"title": "Two unrelated bodies", "section": "europe", "authors": ["nadia-rahimi"]}
        article = api(server.port, token, "POST", "/articles", {**fields, "markdown": "A first line."})
        generator = random.Random(15)
        for _ in range(2):
            body = "\n".join(generator.choice("ab") for _ in range(200_000))
            article = api(server.port, token, "PUT", f"/articles/{article['id']}", {**fields, "markdown": body, "version": article["version"]})
        history = f"{server.url}/admin/articles/{article['id']}/revisions"

        def view() -> tuple[float, int]:
            started = time.perf_counter()
            page = opener.open(history, timeout=60).read()
            return time.perf_counter() - started, len(page)

        view()
        alone = [view() for _ in range(VIEWS)]
        reference = wrk(server.url + ARTICLE, SECONDS // 2, connections=16)
        during: list[tuple[float, int]] = []
        stop = threading.Event()

        def keep_viewing() -> None:
            while not stop.is_set():
                during.append(view())

        viewer = threading.Thread(target=keep_viewing)
        viewer.start()
        loaded = wrk(server.url + ARTICLE, SECONDS // 2, connections=16)
        stop.set()
        viewer.join()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)

    times = sorted(seconds * 1000 for seconds, _ in alone)
    table(f"The History page comparing two unrelated 400,000-character bodies (200,000 lines each), {VIEWS} views one at a time",
          ["p50 ms", "max ms", "page bytes"], [[f"{statistics.median(times):.0f}", f"{times[-1]:.0f}", f"{alone[0][1]:,}"]])
    table(f"The cached article page, wrk -t2 -c16 -d{SECONDS // 2}s, alone and while History views of that article run back to back "
          f"({len(during)} views, p50 {statistics.median(s for s, _ in during) * 1000:.0f} ms)",
          ["while", "req/s", "p50 ms", "p99 ms", "errors", "× alone"],
          [["alone (reference)", f"{reference['rps']:,.0f}", f"{reference['p50']:.2f}", f"{reference['p99']:.2f}", reference["errors"], "1.00"],
           ["History views running", f"{loaded['rps']:,.0f}", f"{loaded['p50']:.2f}", f"{loaded['p99']:.2f}", loaded["errors"],
            f"{loaded['rps'] / reference['rps']:.2f}"]])


if __name__ == "__main__":
    sys.exit(main())
