"""The costliest Markdown a contributor can send, and what it does to everyone else.

Called by bench/run after the release build (or on its own: python3 bench/markdown.py). A demo
publication is served; a signed-in administrator posts bodies of the longest length the editor
accepts (400,000 characters) built to be expensive for cmark-gfm to the live preview, which
renders them exactly as an article page would. The script times each shape, then measures the
cached article page with wrk alone (the reference) and while the slowest shape is previewed back
to back. Figures are measured, never asserted.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from run import ARTICLE, BIN, REPO, SECONDS, Server, admin_session, table, wrk

LENGTH = 400_000
VIEWS = 5


def filled(unit: str) -> str:
    """`unit` repeated up to the body length limit."""
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


def table_body(columns: int) -> str:
    """A table of `columns` one-letter columns with as many rows as the length limit allows."""
    row = "|" + "a|" * columns + "\n"
    head = row + "|" + "-|" * columns + "\n"
    return (head + row * ((LENGTH - len(head)) // len(row)))[:LENGTH]


SHAPES = {
    "widest table allowed (200 columns)": table_body(200),
    "one line wider than allowed (tables off)": filled("|a"),
    "tall two-column table": table_body(2),
    "`a@` repeated (autolinks)": filled("a@"),
    "`>` repeated (nested quotes)": filled(">"),
    "`[` repeated (open links)": filled("["),
    "`*_` repeated (emphasis)": filled("*_"),
    "`1. ` repeated (nested lists)": filled("1. "),
    "backticks of growing length": filled("`a``b```c"),
    "`<a` repeated (raw HTML)": filled("<a "),
}


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-markdown-"))
    database = folder / "kiosk.sqlite"
    subprocess.run([str(BIN / "kiosk"), "demo", "--database", str(database)], cwd=REPO, check=True, capture_output=True)
    server = Server(database)
    try:
        opener, _ = admin_session(server.url, str(database))
        page = opener.open(server.url + "/admin/articles/new").read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)

        def preview(body: str) -> tuple[float, int]:
            data = urllib.parse.urlencode({"csrf": csrf, "body": body}).encode()
            started = time.perf_counter()
            html = opener.open(server.url + "/admin/preview", data=data, timeout=120).read()
            return time.perf_counter() - started, len(html)

        rows = []
        for name, body in SHAPES.items():
            preview(body)
            runs = [preview(body) for _ in range(VIEWS)]
            times = sorted(seconds * 1000 for seconds, _ in runs)
            rows.append((times[len(times) // 2], name, [name, f"{times[len(times) // 2]:.0f}", f"{times[-1]:.0f}", f"{runs[0][1]:,}"]))
        _, slowest_name, _ = max(rows)
        slowest = SHAPES[slowest_name]

        reference = wrk(server.url + ARTICLE, SECONDS // 2, connections=16)
        during: list[tuple[float, int]] = []
        stop = threading.Event()

        def keep_previewing() -> None:
            while not stop.is_set():
                during.append(preview(slowest))

        previewer = threading.Thread(target=keep_previewing)
        previewer.start()
        loaded = wrk(server.url + ARTICLE, SECONDS // 2, connections=16)
        stop.set()
        previewer.join()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)

    table(f"The live preview of {LENGTH:,}-character bodies built to be slow, {VIEWS} previews each one at a time",
          ["body", "p50 ms", "max ms", "HTML bytes"], [row for _, _, row in rows])
    table(f"The cached article page, wrk -t2 -c16 -d{SECONDS // 2}s, alone and while the slowest shape ({slowest_name}) is "
          f"previewed back to back ({len(during)} previews, p50 {statistics.median(s for s, _ in during) * 1000:.0f} ms)",
          ["while", "req/s", "p50 ms", "p99 ms", "errors", "× alone"],
          [["alone (reference)", f"{reference['rps']:,.0f}", f"{reference['p50']:.2f}", f"{reference['p99']:.2f}", reference["errors"], "1.00"],
           ["previews running", f"{loaded['rps']:,.0f}", f"{loaded['p50']:.2f}", f"{loaded['p99']:.2f}", loaded["errors"],
            f"{loaded['rps'] / reference['rps']:.2f}"]])


if __name__ == "__main__":
    sys.exit(main())
