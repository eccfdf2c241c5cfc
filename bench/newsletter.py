"""Sending one issue to 100,000 subscribers into Postfix's smtp-sink, against Postfix's own
smtp-source sending as many messages of the same size to the same sink, in the same run.

Called by bench/run after the release build. Everything is on loopback. Kiosk's time runs from the
moment the issue is due until every delivery is recorded as sent in the database (claiming,
rendering each subscriber's copy with its own signed links, SMTP with pipelining, recording each
acceptance); smtp-source's is its wall-clock time.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KIOSK = REPO / ".build-release" / "release" / "kiosk"
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "100000"))
CONNECTIONS = int(os.environ.get("BENCH_SMTP_CONNECTIONS", "8"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(folder: Path, subscribers: int) -> Path:
    """A demo database with `subscribers` confirmed subscribers and a round-up issue due now."""
    database = folder / "kiosk.sqlite"
    subprocess.run([str(KIOSK), "demo", "--database", str(database)], check=True, capture_output=True)
    with sqlite3.connect(database) as db:
        weekly = db.execute("SELECT id FROM newsletter WHERE slug = 'weekly-roundup'").fetchone()[0]
        stamp = "2026-11-20 08:00:00.000"
        db.executemany(
            "INSERT INTO subscriber (email, status, source, created_at, consent_at, confirmed_at) VALUES (?, 'active', 'bench', ?, ?, ?)",
            ((f"reader{number:06d}@example.org", stamp, stamp, stamp) for number in range(subscribers)))
        db.execute("INSERT INTO subscription (subscriber_id, newsletter_id) SELECT id, ? FROM subscriber", (weekly,))
        articles = [row[0] for row in db.execute("SELECT id FROM article WHERE status = 'published' ORDER BY published_at DESC LIMIT 12")]
        db.execute(
            "INSERT INTO newsletter_issue (newsletter_id, subject, intro, article_ids, status, period_start, period_end, send_at, created_at) "
            "VALUES (?, 'The Weekly Round-up: benchmark', 'The week in twelve stories.', ?, 'scheduled', ?, ?, '2000-01-01 00:00:00.000', ?)",
            (weekly, "[" + ",".join(map(str, articles)) + "]", stamp, stamp, stamp))
    return database


def serve(database: Path, *arguments: str, environment: dict[str, str] | None = None) -> subprocess.Popen:
    port = free_port()
    process = subprocess.Popen(
        [str(KIOSK), "serve", "--database", str(database), "--port", str(port), *arguments],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(environment or {})})
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.05)
    raise SystemExit("kiosk serve did not start")


def sent(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT COUNT(*) FROM delivery WHERE state = 'sent'").fetchone()[0]


def message_size(folder: Path) -> int:
    """The size of one subscriber's copy, from a run that writes mail into the outbox folder."""
    database = prepare(folder, 1)
    process = serve(database)
    outbox = folder / "outbox"
    try:
        for _ in range(400):
            files = list(outbox.glob("*.eml")) if outbox.exists() else []
            if files:
                return files[0].stat().st_size
            time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=10)
    raise SystemExit("the issue never reached the outbox")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-newsletter-"))
    size = message_size(work / "size")
    sink_port = free_port()
    # smtp-sink refuses to run as root unless told which user to become.
    as_user = ["-u", "nobody"] if os.geteuid() == 0 else []
    sink = subprocess.Popen(["/usr/sbin/smtp-sink", *as_user, f"127.0.0.1:{sink_port}", "1024"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.3)
        start = time.perf_counter()
        subprocess.run(
            ["/usr/sbin/smtp-source", "-s", str(CONNECTIONS), "-m", str(SUBSCRIBERS), "-l", str(size),
             "-f", "newsletter@example.org", "-t", "reader@example.org", f"127.0.0.1:{sink_port}"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reference = time.perf_counter() - start

        (work / "big").mkdir()
        database = prepare(work / "big", SUBSCRIBERS)
        start = time.perf_counter()
        process = serve(database, "--smtp-url", f"smtp://127.0.0.1:{sink_port}?starttls=never",
                        environment={"KIOSK_SMTP_CONNECTIONS": str(CONNECTIONS)})
        try:
            while sent(database) < SUBSCRIBERS:
                if time.perf_counter() - start > 600:
                    raise SystemExit(f"only {sent(database)} of {SUBSCRIBERS} sent after 10 minutes")
                time.sleep(0.2)
            kiosk = time.perf_counter() - start
        finally:
            process.terminate()
            process.wait(timeout=30)
    finally:
        sink.terminate()
        sink.wait(timeout=10)

    print(f"One issue ({size:,} bytes a message) to {SUBSCRIBERS:,} subscribers into smtp-sink, {CONNECTIONS} connections, release build")
    print(f"  Kiosk (start, render, send, record each) {kiosk:7.1f} s   {SUBSCRIBERS / kiosk:8,.0f} messages/s")
    print(f"  Postfix smtp-source (same size, same sink) {reference:7.1f} s   {SUBSCRIBERS / reference:8,.0f} messages/s")
    print(f"  ratio Kiosk / smtp-source: {reference / kiosk:.2f}x the reference's rate (target: all in under 60 s)")


if __name__ == "__main__":
    sys.exit(main())
