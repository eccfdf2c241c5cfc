"""`kiosk backup` taken while wrk loads the site and an editor saves every second, then restored.

The restored database must pass SQLite's integrity check, a kiosk started on it must serve every kind
of page, and the last save that returned before the backup began must be in it.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import NewsroomServer, admin_token


def api(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        base + "/api/admin/v1" + path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.load(response)


class Editor(threading.Thread):
    """Saves one article with a new headline every second, recording when each save returned."""

    def __init__(self, base: str, token: str, article_id: int) -> None:
        super().__init__(daemon=True)
        self.base, self.token, self.article_id = base, token, article_id
        self.saved: list[tuple[int, float]] = []  # (edition, monotonic time the save returned)
        self.failures: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        edition = 0
        while not self.halt.is_set():
            edition += 1
            try:
                article = api(self.base, self.token, "GET", f"/articles/{self.article_id}")["article"]
                fields = {key: article[key] for key in ("slug", "dek", "format", "section", "series", "topics", "authors", "markdown")}
                api(self.base, self.token, "PUT", f"/articles/{self.article_id}",
                    {**fields, "title": f"Backup edition {edition}", "version": article["version"]})
                self.saved.append((edition, time.monotonic()))
            except Exception as error:  # noqa: BLE001 - every failure is reported by the test
                self.failures.append(repr(error))
            self.halt.wait(1)


def page_status(base: str, path: str) -> int:
    try:
        with urllib.request.urlopen(base + path, timeout=20) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_backup_under_load_restores_into_a_working_site(fresh_newsroom, tmp_path: Path) -> None:
    server = fresh_newsroom
    token = admin_token(server.url, "backup-test")
    article = api(server.url, token, "GET", "/articles?status=published&limit=1")["articles"][0]
    editor = Editor(server.url, token, article["id"])
    editor.start()
    load = subprocess.Popen(["wrk", "-t1", "-c8", "-d8s", server.url + "/"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(3.5)
        began = time.monotonic()
        last_before = max(edition for edition, returned in editor.saved if returned < began)
        archive = tmp_path / "backups" / "publication.tar"
        archive.parent.mkdir()
        backup = server.kiosk("backup", "--to", str(archive))
        finished = time.monotonic()
        assert backup.returncode == 0, backup.stdout + backup.stderr
        assert "copying the database: 100%" in backup.stdout and "Done:" in backup.stdout, backup.stdout
        time.sleep(2)  # the editor keeps saving after the backup
    finally:
        editor.halt.set()
        editor.join(timeout=30)
        wrk_output = load.communicate(timeout=60)[0]
    assert not editor.failures, editor.failures
    last_during = max(edition for edition, returned in editor.saved if returned <= finished)
    assert editor.saved[-1][0] > last_during, "the editor saved after the backup too"
    requests = re.search(r"(\d+) requests in", wrk_output)
    assert requests and int(requests.group(1)) > 100, wrk_output

    listing = subprocess.run(["tar", "-tf", str(archive)], capture_output=True, text=True, check=True).stdout.split()
    assert listing == ["manifest.json", "kiosk.sqlite"]

    restored = NewsroomServer(server.kiosk_bin, tmp_path / "restored")
    restored.workdir.mkdir()
    restore = restored.kiosk("restore", str(archive))
    assert restore.returncode == 0, restore.stdout + restore.stderr
    again = restored.kiosk("restore", str(archive))
    assert again.returncode != 0 and "--force" in again.stderr and len(again.stderr.strip().splitlines()) == 1, again.stderr

    with sqlite3.connect(restored.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        title = connection.execute("SELECT title FROM article WHERE id = ?", (article["id"],)).fetchone()[0]
    edition = int(title.removeprefix("Backup edition "))
    assert last_before <= edition <= last_during, (title, last_before, last_during)

    restored.start()
    try:
        base = restored.url
        restored_article = api(base, token, "GET", f"/articles/{article['id']}")["article"]
        assert restored_article["title"] == title
        front = urllib.request.urlopen(base + "/", timeout=20).read().decode()
        paths = ["/", "/latest", "/latest?page=2", "/search?q=minister", "/newsletter", "/robots.txt", "/sitemap.xml", "/sitemap-news.xml",
                 "/feed.xml", "/admin/login", f"/articles/{restored_article['slug']}"]
        story = urllib.request.urlopen(base + f"/articles/{restored_article['slug']}", timeout=20).read().decode()
        for kind in ("sections", "topics", "series", "authors"):
            found = re.search(rf'href="(?:{re.escape(base)})?(/{kind}/[a-z0-9-]+)"', front + story)
            if found:
                paths.append(found.group(1))
        media = re.search(r'src="(?:[^"]*)(/media/[^"]+)"', front)
        assert media, "the front page shows an image"
        paths.append(media.group(1))
        assert {"/sections", "/topics", "/authors"} <= {"/" + path.split("/")[1] for path in paths}, paths
        statuses = {path: page_status(base, path) for path in paths}
        assert all(status == 200 for status in statuses.values()), statuses
    finally:
        restored.stop()
        shutil.rmtree(restored.workdir / "media", ignore_errors=True)


def test_restore_refuses_what_is_not_a_whole_backup(kiosk_bin: str, tmp_path: Path) -> None:
    target = NewsroomServer(kiosk_bin, tmp_path)
    missing = target.kiosk("restore", str(tmp_path / "nothing.tar"))
    assert missing.returncode != 0 and missing.stderr.strip() == f"kiosk: there is no backup at {tmp_path / 'nothing.tar'}."
    not_tar = tmp_path / "notes.tar"
    not_tar.write_text("these are not the backups you are looking for\n" * 40)
    refused = target.kiosk("restore", str(not_tar))
    assert refused.returncode != 0 and "cannot restore" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert not target.database.exists()
    postgres = subprocess.run([kiosk_bin, "backup", "--to", str(tmp_path / "b.tar"), "--database", "postgres://kiosk@127.0.0.1:1/kiosk"],
                              capture_output=True, text=True, timeout=60)
    assert postgres.returncode != 0 and "pg_dump" in postgres.stderr, postgres.stderr
