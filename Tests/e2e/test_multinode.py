"""Several nodes on one PostgreSQL behind a load balancer, for real.

PostgreSQL runs on loopback with TLS (a certificate authority made for the test; the nodes connect
with sslmode=verify-full) and password authentication. The demo publication is made in SQLite and
moved in with `kiosk copy`. Two `kiosk serve` nodes, each with its own media folder and node id,
run behind nginx as a round-robin load balancer that forwards the client's address.

Through the balancer and against each node directly:
- an editor signed in through one node works through the other (sessions live in the database);
- a publication made through one node reaches both nodes' cached home pages within 3 s;
- an image uploaded through one node is served by the other, which never had the file, and once
  deleted through one, is served by neither within a second;
- PostgreSQL restarted between a commit and the next request leaves no node stale;
- with PostgreSQL stopped, cached pages are served, uncached ones get the themed 503 page, writes a
  clear 503, and everything comes back by itself, nothing committed lost;
- a round-up falling due with both nodes up is drafted once and received once by each subscriber;
- an issue to 5,000 subscribers is sent by both nodes together while one is killed with SIGKILL and
  restarted: every subscriber gets it, repeats within the stated bound (one per connection per crash);
- the demo copied into PostgreSQL serves every public page type as SQLite serves it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from playwright.sync_api import Page, expect

from conftest import ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, REPO_ROOT, _free_port, copy_database, _stop, _tail, _wait_until_healthy
from helpers import fetch
from test_newsletter import Inbox, send_new_issue, smtp  # noqa: F401  (smtp is a fixture used here)
from test_newsroom import png_image, sign_in, upload_image
from test_wordpress_import import export_file

CONNECTIONS = 4  # SMTP connections per node, which bounds the repeats of one crash


# --------------------------------------------------------------------------- PostgreSQL, nodes, nginx


class Postgres:
    """A PostgreSQL server of the test's own (scripts/postgres-cluster), with TLS and a password."""

    def __init__(self) -> None:
        # Not under pytest's temporary folder: PostgreSQL runs as `postgres`, which must reach this one.
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-multinode-pg-", dir="/tmp"))
        self.folder.chmod(0o755)
        self.port = _free_port()
        self.server_url = subprocess.run(
            [str(REPO_ROOT / "scripts" / "postgres-cluster"), "start", str(self.folder / "cluster"), str(self.port)],
            check=True, capture_output=True, text=True).stdout.strip()

    def url(self, database: str) -> str:
        return self.server_url.replace("/postgres?", f"/{database}?")

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.server_url, autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([str(REPO_ROOT / "scripts" / "postgres-cluster"), "stop", str(self.folder / "cluster")], check=True)

    def resume(self) -> None:
        subprocess.run([str(REPO_ROOT / "scripts" / "postgres-cluster"), "resume", str(self.folder / "cluster")], check=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Node:
    """One `kiosk serve` process on the shared database, with its own media folder and node id."""

    def __init__(self, kiosk_bin: str, workdir: Path, node_id: str, database_url: str, public_url: str) -> None:
        self.kiosk_bin, self.node_id = kiosk_bin, node_id
        self.workdir = workdir / node_id
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.media = self.workdir / "media"
        # The URL, password included, reaches the node through a file, as a secret would.
        self.database_file = self.workdir / "database-url"
        self.database_file.write_text(database_url + "\n")
        self.database_file.chmod(0o600)
        self.port = _free_port()
        self.metrics_port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.public_url = public_url
        self.smtp_url: str | None = None
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        self.log_path = self.workdir / f"server-{self.starts}.log"
        self._log = open(self.log_path, "wb")
        environment = {**os.environ, "KIOSK_DATABASE_FILE": str(self.database_file), "KIOSK_SMTP_CONNECTIONS": str(CONNECTIONS)}
        environment.pop("KIOSK_DATABASE", None)
        arguments = [
            self.kiosk_bin, "serve", "--media", str(self.media), "--host", "127.0.0.1", "--port", str(self.port),
            "--public-url", self.public_url, "--node-id", self.node_id, "--trusted-proxies", "127.0.0.1",
            "--metrics-address", f"127.0.0.1:{self.metrics_port}",
        ]
        if self.smtp_url:
            arguments += ["--smtp-url", self.smtp_url]
        self.process = subprocess.Popen(arguments, cwd=REPO_ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _wait_until_healthy(self.process, self.url, self.log_path)

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self._log.close()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self._log.close()
            self.process = None


class Balancer:
    """nginx from Debian as a round-robin load balancer in front of the nodes."""

    def __init__(self, workdir: Path, nodes: list[Node]) -> None:
        self.folder = workdir / "nginx"
        for sub in ("logs", "temp"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder / "temp", 0o777)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        servers = "\n".join(f"        server 127.0.0.1:{node.port} max_fails=1 fail_timeout=2s;" for node in nodes)
        temp = self.folder / "temp"
        (self.folder / "nginx.conf").write_text(f"""
worker_processes 1;
pid {self.folder}/nginx.pid;
error_log {self.folder}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {self.folder}/logs/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    client_max_body_size 20m;
    upstream kiosk {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            proxy_pass http://kiosk;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout http_502;
        }}
        location = /admin/imports {{
            client_max_body_size 1g;
            proxy_request_buffering off;
            proxy_pass http://kiosk;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
""")
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"nginx did not start: {self.process.stderr.read().decode() if self.process.stderr else ''}", pytrace=False)
                time.sleep(0.05)  # waiting for nginx to listen

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Cluster:
    def __init__(self, postgres: Postgres, database_url: str, nodes: list[Node], balancer: Balancer) -> None:
        self.postgres, self.database_url, self.nodes, self.balancer = postgres, database_url, nodes, balancer

    def db(self) -> psycopg.Connection:
        return psycopg.connect(self.database_url, autocommit=True)


def kiosk(kiosk_bin: str, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([kiosk_bin, *arguments], cwd=REPO_ROOT, input=stdin, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"kiosk {arguments[0]} exited with {result.returncode}:\n{result.stdout}{result.stderr}"
    return result


@pytest.fixture(scope="module")
def postgres():
    server = Postgres()
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="module")
def demo_sqlite(kiosk_bin: str, demo_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo publication in SQLite, renditions made, with our administrator."""
    database = copy_database(demo_database, tmp_path_factory.mktemp("sqlite-demo") / "kiosk.sqlite")
    kiosk(kiosk_bin, "user", "create", "--database", str(database), "--email", ADMIN_EMAIL, "--name", ADMIN_NAME, "--role", "admin",
          stdin=ADMIN_PASSWORD + "\n")
    return database


@pytest.fixture(scope="module")
def cluster(kiosk_bin: str, postgres: Postgres, demo_sqlite: Path, tmp_path_factory: pytest.TempPathFactory):
    """Two nodes on a PostgreSQL copy of the demo, behind nginx."""
    workdir = tmp_path_factory.mktemp("multinode")
    url = postgres.create_database("meridian")
    copied = kiosk(kiosk_bin, "copy", "--from", str(demo_sqlite), "--to", url)
    assert "the same number in each table of both databases" in copied.stdout, copied.stdout
    password = url.split("@")[0].rsplit(":", 1)[-1]
    assert password not in copied.stdout + copied.stderr, "kiosk copy printed the password"
    nodes = [Node(kiosk_bin, workdir, name, url, public_url="") for name in ("node-a", "node-b")]
    balancer = Balancer(workdir, nodes)
    for node in nodes:
        node.public_url = balancer.url
        node.start()
    try:
        yield Cluster(postgres, url, nodes, balancer)
    finally:
        balancer.stop()
        for node in nodes:
            node.stop()


# --------------------------------------------------------------------------- helpers


def wait_until(check, timeout: float, interval: float = 0.05):
    """Polls `check` until it returns something true, or `timeout` seconds pass; returns the last result."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)  # polling a server that has no notification to wait on


def editor_page(open_context, base_url: str) -> Page:
    page = open_context("desktop", base_url=base_url).new_page()
    sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
    return page


def publish(page: Page, base_url: str, title: str, body: str = "A paragraph written for the multi-node test.") -> None:
    """Writes an article in the editor at `base_url` and publishes it with one press ("save and publish")."""
    page.goto(base_url + "/admin/articles/new")
    editor = page.locator("form#editor")
    editor.locator("[name=title]").fill(title)
    editor.locator("[name=dek]").fill("Written by one node, read on every node.")
    editor.locator("textarea[name=body]").fill(body)
    editor.locator("select[name=section]").select_option(label="Europe")
    editor.get_by_role("button", name="Create draft").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/\d+\?done=created$"))
    page.locator("form#editor button[name=action][value=publish]").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/\d+\?done=published$"))


def home_shows(node: Node, title: str) -> bool:
    return title in fetch(node.url, "/").text


def seconds_until_all_show(cluster: Cluster, title: str, timeout: float = 3) -> list[float]:
    """How long after now each node's home page took to show `title`; fails when one did not within `timeout`."""
    started = time.monotonic()
    delays = []
    for node in cluster.nodes:
        assert wait_until(lambda: home_shows(node, title), timeout), f"{node.node_id} still serves a stale home page after {timeout} s"
        delays.append(time.monotonic() - started)
    return delays


def add_subscribers(cluster: Cluster, count: int, prefix: str) -> list[str]:
    addresses = [f"{prefix}{number:05d}@example.org" for number in range(count)]
    with cluster.db() as db, db.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO subscriber (email, status, source, created_at, consent_at, confirmed_at) VALUES (%s, 'active', 'import', now(), now(), now())",
            [(address,) for address in addresses])
        cursor.execute(
            "INSERT INTO subscription (subscriber_id, newsletter_id) SELECT id, 1 FROM subscriber WHERE email LIKE %s", (prefix + "%",))
    return addresses


def with_mail(cluster: Cluster, smtp_inbox: Inbox) -> None:
    for node in cluster.nodes:
        node.stop()
        node.smtp_url = smtp_inbox.url
        node.start()


# --------------------------------------------------------------------------- the tests


def test_every_response_names_its_node_and_the_balancer_uses_both(cluster: Cluster) -> None:
    for node in cluster.nodes:
        assert fetch(node.url, "/").header("X-Kiosk-Node") == node.node_id
        assert fetch(node.url, "/no-such-page").header("X-Kiosk-Node") == node.node_id
    seen = {fetch(cluster.balancer.url, "/latest").header("X-Kiosk-Node") for _ in range(8)}
    assert seen == {"node-a", "node-b"}


def test_signed_in_through_one_node_a_publication_through_the_other_reaches_both_within_3_s(cluster: Cluster, open_context) -> None:
    a, b = cluster.nodes
    title = "Harbour pilots agree a night rota after a week of talks"
    for node in cluster.nodes:
        assert not home_shows(node, title)  # both home pages are now cached
    page = editor_page(open_context, a.url)
    # The session made through node A works on node B: sessions live in the database.
    page.goto(b.url + "/admin/articles")
    expect(page.get_by_role("heading", level=1)).to_have_text("Articles")
    publish(page, b.url, title)
    delays = seconds_until_all_show(cluster, title)
    print(f"\npublished through node-b; home pages current after {', '.join(f'{d:.3f} s' for d in delays)}")
    assert title in fetch(cluster.balancer.url, "/").text


def test_an_image_uploaded_through_one_node_is_served_by_the_other(cluster: Cluster, open_context) -> None:
    a, b = cluster.nodes
    png = png_image(seed=77)
    page = editor_page(open_context, a.url)
    media_id = upload_image(page, png, "A pilot boat leaving the harbour at night", "Night duty.", "Photo: Kiosk tests")
    with cluster.db() as db:
        name = db.execute("SELECT file_name FROM media WHERE id = %s", (media_id,)).fetchone()[0]
    assert (a.media / name).exists() and not (b.media / name).exists()
    # Readers asking node B for the original wait for its renditions, made once by one node, and
    # are sent to the largest, which node B serves from the database and keeps a copy of.
    redirect = fetch(b.url, "/media/" + name, timeout=30)
    assert redirect.status == 301, redirect.status
    rendition = redirect.header("Location")
    assert rendition.startswith("/media/r/") and rendition.endswith(".png"), rendition
    def made() -> bool:
        with cluster.db() as db:
            made, wanted, count = db.execute(
                "SELECT renditions_made, renditions_wanted, (SELECT count(*) FROM media_rendition WHERE media_id = %s) FROM media WHERE id = %s",
                (media_id, media_id)).fetchone()
        return made == wanted and count > 0
    assert wait_until(made, 60, interval=0.5), "the renditions were not all made"
    served = fetch(b.url, rendition)
    assert served.status == 200 and served.header("Content-Type") == "image/png" and served.body[:8] == png[:8]
    assert (b.media / rendition.removeprefix("/media/")).read_bytes() == served.body, "node B keeps a copy in its own folder"
    for _ in range(4):
        reply = fetch(cluster.balancer.url, rendition)
        assert reply.body == served.body and reply.header("ETag") == f'"{rendition.removeprefix("/media/r/")}"', "the same ETag from either node"
    # Signed-in staff get the original itself, in the newsroom, through either node.
    original = page.request.get(b.url + "/admin/media/file/" + name)
    assert original.status == 200 and original.body() == png
    # Deleted through A, it stops being served by B (which has its own copy) within a second.
    page.goto(f"{a.url}/admin/media/{media_id}")
    page.get_by_role("button", name="Delete image").click()
    expect(page).to_have_url(re.compile(r"/admin/media\?done=deleted$"))
    assert wait_until(lambda: fetch(b.url, rendition).status == 404, 1.5), "node B still serves a deleted image's rendition"
    assert fetch(b.url, "/media/" + name).status == 404
    assert not (a.media / name).exists() and not (b.media / name).exists()


def test_postgres_restarted_between_a_commit_and_the_next_request_leaves_no_node_stale(cluster: Cluster, open_context) -> None:
    title = "Port authority publishes the new night rota"
    for node in cluster.nodes:
        assert not home_shows(node, title)
    page = editor_page(open_context, cluster.balancer.url)
    publish(page, cluster.balancer.url, title)
    cluster.postgres.stop()
    cluster.postgres.resume()
    seconds_until_all_show(cluster, title)
    # A commit no node was told about (no NOTIFY): the generation kept in PostgreSQL, read every
    # second, still brings it to every node.
    with cluster.db() as db:
        db.execute("UPDATE article SET title = title || ' (updated)' WHERE title = %s", (title,))
        db.execute("UPDATE change_generation SET value = value + 1")
    seconds_until_all_show(cluster, title + " (updated)")


def test_with_postgres_down_cached_pages_are_served_the_rest_get_503_and_all_recovers(cluster: Cluster, open_context) -> None:
    page = editor_page(open_context, cluster.nodes[0].url)
    for node in cluster.nodes:
        assert fetch(node.url, "/latest").status == 200
    with cluster.db() as db:
        articles = db.execute("SELECT count(*) FROM article").fetchone()[0]
    cluster.postgres.stop()
    try:
        for node in cluster.nodes:
            assert fetch(node.url, "/latest").status == 200, "a cached page is served while the database is down"
            started = time.monotonic()
            reply = wait_until(lambda: (r := fetch(node.url, "/search?q=election")).status == 503 and r, 5)
            assert reply, f"{node.node_id} did not answer 503"
            assert "Back in a moment" in reply.text and "The Meridian" in reply.text and "PostgreSQL" not in reply.text
            assert time.monotonic() - started < 5
            assert fetch(node.url, "/readyz").status == 503, "not ready while the database is down"
            assert fetch(node.url, "/healthz").status == 200, "but alive"
            problem = fetch(node.url, "/api/content/v1/articles?page=3")
            assert problem.status == 503 and problem.header("Content-Type") == "application/problem+json"
        response = page.goto(cluster.nodes[0].url + "/admin/articles/new")
        assert response is not None and response.status == 503
        expect(page.locator("main")).to_contain_text("nothing was saved")
    finally:
        cluster.postgres.resume()
    for node in cluster.nodes:
        assert wait_until(lambda: fetch(node.url, "/search?q=election").status == 200, 10), f"{node.node_id} did not recover"
        assert fetch(node.url, "/readyz").status == 200
        metrics = urllib.request.urlopen(f"http://127.0.0.1:{node.metrics_port}/metrics", timeout=5).read().decode()
        errors = sum(float(line.split()[-1]) for line in metrics.splitlines()
                     if line.startswith('kiosk_database_errors_total{engine="postgres"'))
        assert errors > 0, "the outage shows in the database error count"
    with cluster.db() as db:
        assert db.execute("SELECT count(*) FROM article").fetchone()[0] == articles, "nothing committed was lost"
    page.goto(cluster.nodes[1].url + "/admin/articles/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("New article")


def test_a_round_up_falling_due_with_both_nodes_up_is_drafted_once_and_received_once(cluster: Cluster, smtp: Inbox, open_context) -> None:  # noqa: F811
    with_mail(cluster, smtp)
    readers = add_subscribers(cluster, 3, "weekly")
    publish(editor_page(open_context, cluster.balancer.url), cluster.balancer.url, "Pilots and port agree the winter schedule")
    now = datetime.now(ZoneInfo("Europe/London"))
    weekday = now.isoweekday() % 7 + 1  # Calendar's weekday: 1 is Sunday
    due = now.replace(second=0, microsecond=0)
    with cluster.db() as db:
        db.execute(
            "UPDATE newsletter SET send_weekday = %s, send_minute = %s, sends_automatically = true WHERE slug = 'weekly-roundup'",
            (weekday, now.hour * 60 + now.minute))
    for reader in readers:
        smtp.wait_for(reader, timeout=30)
    time.sleep(3)  # both nodes tick every second: give a second issue every chance to appear
    with cluster.db() as db:
        drafted = db.execute("SELECT count(*) FROM newsletter_issue WHERE roundup_due = %s", (due,)).fetchone()[0]
        db.execute("UPDATE newsletter SET sends_automatically = false WHERE slug = 'weekly-roundup'")
    assert drafted == 1
    for reader in readers:
        round_ups = [message for message in smtp.to(reader) if message["Subject"].startswith("The Weekly Round-up: ")]
        assert len(round_ups) == 1, f"{reader} received {len(round_ups)} round-ups"


def test_both_nodes_send_one_issue_to_5000_while_one_is_killed(cluster: Cluster, smtp: Inbox, open_context) -> None:  # noqa: F811
    with_mail(cluster, smtp)
    addresses = add_subscribers(cluster, 5000, "reader")
    with cluster.db() as db:
        audience = db.execute(
            "SELECT count(*) FROM subscription JOIN subscriber ON subscriber.id = subscriber_id WHERE status = 'active' AND newsletter_id = 1"
        ).fetchone()[0]
    editor = editor_page(open_context, cluster.balancer.url)
    send_new_issue(editor)
    with cluster.db() as db:
        issue = db.execute("SELECT max(id) FROM newsletter_issue").fetchone()[0]
    victim = cluster.nodes[0]
    assert wait_until(lambda: len(smtp.messages) >= 1500, 120, interval=0.02), "sending did not get going"
    victim.kill()
    victim.start()
    def finished():
        with cluster.db() as db:
            return db.execute("SELECT count(*) FROM delivery WHERE issue_id = %s AND state IN ('queued', 'sending')", (issue,)).fetchone()[0] == 0
    assert wait_until(finished, 300, interval=0.5), "the issue did not finish"
    received = smtp.recipient_counts()
    ours = set(addresses)
    missing = [address for address in addresses if received[address] == 0]
    repeats = sum(count - 1 for address, count in received.items() if address in ours and count > 1)
    with cluster.db() as db:
        senders = dict(db.execute("SELECT node_id, count(*) FROM delivery WHERE issue_id = %s GROUP BY node_id", (issue,)).fetchall())
        states = dict(db.execute("SELECT state, count(*) FROM delivery WHERE issue_id = %s GROUP BY state", (issue,)).fetchall())
    print(f"\nmulti-node send: 5000 subscribers, 1 kill -9, deliveries by node {senders}, {repeats} repeats (bound {CONNECTIONS})")
    assert not missing, f"{len(missing)} subscribers never received the issue, e.g. {missing[:3]}"
    assert repeats <= CONNECTIONS
    assert states == {"sent": audience}, "every subscriber has one delivery, sent"
    assert set(senders) == {"node-a", "node-b"}, "both nodes sent part of the issue"


def test_an_import_started_in_the_newsroom_runs_on_one_node_only(cluster: Cluster, open_context, tmp_path: Path) -> None:
    export = tmp_path / "river-desk.xml"
    export_file(export)
    page = editor_page(open_context, cluster.balancer.url)
    page.goto(cluster.balancer.url + "/admin/imports")
    page.locator("select[name=platform]").select_option("wordpress")
    page.locator("input[name=file]").set_input_files(str(export))
    page.get_by_role("button", name="Upload and import").click()
    expect(page).to_have_url(re.compile(r"/admin/imports/\d+\?done=import-queued$"))
    job = int(re.search(r"/admin/imports/(\d+)", page.url).group(1))

    def status() -> str:
        with cluster.db() as db:
            return db.execute("SELECT status FROM import_job WHERE id = %s", (job,)).fetchone()[0]

    assert wait_until(lambda: status() in ("finished", "failed"), 300, interval=0.5), "the import did not end"
    assert status() == "finished"
    expect(page.get_by_text("Imported: 600 articles", exact=False)).to_be_visible(timeout=10_000)
    runners = [node.node_id for node in cluster.nodes if "Importing an archive asked for in the newsroom" in node.log_path.read_text()]
    assert len(runners) == 1, f"nodes that ran the import: {runners}"
    with cluster.db() as db:
        assert db.execute("SELECT count(*), count(DISTINCT slug) FROM article WHERE slug LIKE 'dispatch-%'").fetchone() == (600, 600)
        assert db.execute("SELECT count(*) FROM import_job_part WHERE job_id = %s", (job,)).fetchone()[0] == 0, "the file is deleted"
    for node in cluster.nodes:
        assert "Dispatch 600" in fetch(node.url, "/articles/dispatch-600").text


PAGES = [
    "/", "/latest", "/latest?page=2", "/articles/statecraft-red-sea-underwriters-return", "/sections/europe", "/sections/defense?page=2",
    "/topics/sanctions", "/series/week-in-statecraft", "/authors/nadia-rahimi", "/search?q=ceasefire", "/newsletter",
    "/feed.xml", "/feed.atom", "/feed.json", "/sections/europe/feed.xml", "/sitemap.xml", "/sitemaps/articles-1.xml",
    "/sitemaps/sections.xml", "/sitemaps/topics.xml", "/sitemaps/series.xml", "/sitemaps/authors.xml", "/sitemap-news.xml", "/robots.txt",
    "/api/content/v1/articles?limit=30", "/api/content/v1/articles/statecraft-red-sea-underwriters-return?include=html",
    "/api/content/v1/sections", "/api/content/v1/topics", "/api/content/v1/series", "/api/content/v1/authors",
    "/api/content/v1/settings", "/no-such-page",
]


def test_the_demo_copied_into_postgres_serves_every_page_as_sqlite_does(
    kiosk_bin: str, postgres: Postgres, demo_sqlite: Path, tmp_path: Path
) -> None:
    copy_url = postgres.create_database("meridian_copy")
    kiosk(kiosk_bin, "copy", "--from", str(demo_sqlite), "--to", copy_url)
    public_url = f"http://127.0.0.1:{_free_port()}"
    from_postgres = Node(kiosk_bin, tmp_path, "postgres-node", copy_url, public_url)
    from_sqlite = Node(kiosk_bin, tmp_path, "sqlite-node", str(demo_sqlite), public_url)
    for node in (from_postgres, from_sqlite):
        node.start()
    try:
        for path in PAGES:
            left, right = fetch(from_sqlite.url, path), fetch(from_postgres.url, path)
            assert (left.status, left.header("Content-Type")) == (right.status, right.header("Content-Type")), path
            if path.startswith("/search"):
                # Snippets are each engine's own (FTS5's snippet, ts_headline); the results are not.
                links = lambda reply: sorted(re.findall(r'<h3 class="teaser-title"><a href="([^"]+)"', reply.text))  # noqa: E731
                assert links(left) == links(right) and links(left), path
            else:
                assert left.text == right.text, f"{path} differs between SQLite and PostgreSQL"
    finally:
        for node in (from_postgres, from_sqlite):
            node.stop()


def test_pg_dump_and_pg_restore_carry_every_table_and_the_media(cluster: Cluster, kiosk_bin: str, tmp_path: Path) -> None:
    """The PostgreSQL backup the README describes: pg_dump's custom format, restored with pg_restore."""
    dump = tmp_path / "meridian.dump"
    # The demo's renditions were made before the copy; an image uploaded by an earlier test has its own.
    with cluster.db() as db:
        pending = db.execute(
            "SELECT count(*) FROM media WHERE renditions_wanted IS DISTINCT FROM renditions_made AND renditions_error IS NULL").fetchone()[0]
    assert pending == 0, f"{pending} images still without renditions"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), "--dbname", cluster.database_url], check=True, capture_output=True, timeout=300)
    restored_url = cluster.postgres.create_database("meridian_restored")
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored_url, str(dump)], check=True, capture_output=True, timeout=300)

    def rows(url: str) -> dict[str, int]:
        with psycopg.connect(url, autocommit=True) as db:
            tables = [name for (name,) in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")]
            return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    original = rows(cluster.database_url)
    assert original["media_file"] > 0 and original["article"] > 0
    assert rows(restored_url) == original

    node = Node(kiosk_bin, tmp_path, "restored", restored_url, public_url="")
    node.public_url = node.url
    node.start()
    try:
        front = urllib.request.urlopen(node.url + "/", timeout=20).read().decode()
        image = re.search(r'src="(/media/[^"]+)"', front).group(1)
        with urllib.request.urlopen(node.url + image, timeout=20) as response:
            assert response.status == 200 and len(response.read()) > 0
    finally:
        node.stop()
