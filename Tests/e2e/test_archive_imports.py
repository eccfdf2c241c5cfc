"""`kiosk import ghost` and `kiosk import substack`: the fixtures in each platform's export format imported.

Must show 2: Ghost's content export with its members CSV (Tests/fixtures/ghost) and Substack's
export folder (Tests/fixtures/substack) come in through the command line, with subscribers keeping
their consent and an unsubscribed address staying unsubscribed; the imported pages pass the Nu
validator and axe in Chromium, and the old addresses answer 301. Must show 3: every import run a
second time changes nothing, and a Ghost import of 600 posts killed part way finishes correctly
when started again.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

from helpers import assert_moved, assert_valid_and_accessible, kill_part_way

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POSTS = 600


def run(server, *arguments: str) -> str:
    result = subprocess.run([server.kiosk_bin, "import", *arguments, "--database", str(server.database)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def subscriber_statuses(database: Path) -> dict[str, str]:
    with sqlite3.connect(database) as connection:
        return dict(connection.execute("SELECT email, status FROM subscriber").fetchall())


def test_a_ghost_export_and_its_members_import_into_valid_accessible_pages(fresh_newsroom, browser, tmp_path: Path) -> None:
    server = fresh_newsroom
    server.stop()
    arguments = ("ghost", str(FIXTURES / "ghost" / "export.json"), "--members", str(FIXTURES / "ghost" / "members.csv"))
    first = run(server, *arguments)
    assert "Imported: 6 articles, 2 authors, 7 images, 1 pages, 1 sections, 6 subscribers" in first, first
    assert "members only; it comes in as a draft" in first and "a page already lives at /about, so this one is at /about-2" in first, first
    assert "Nothing new" in run(server, *arguments)
    statuses = subscriber_statuses(server.database)
    assert statuses["chidi.okafor@example.com"] == "unsubscribed" and statuses["emil.sorensen@example.net"] == "active", statuses
    with sqlite3.connect(server.database) as connection:
        source, consent = connection.execute("SELECT source, consent_at FROM subscriber WHERE email = 'agnes.holt@example.org'").fetchone()
        assert source == "ghost" and consent.startswith("2023-04-11 07:12:40"), (source, consent)
    server.start()
    assert_moved(server.url + "/barges-queue-at-the-orsk-locks/", "/articles/barges-queue-at-the-orsk-locks")
    paths = ["/articles/barges-queue-at-the-orsk-locks", "/articles/election-day-notes-from-the-delta", "/articles/reading-the-river-tariff-tables",
             "/about-2", "/authors/ilse"]
    assert_valid_and_accessible(server.url, paths, browser, tmp_path)


def test_a_substack_export_imports_into_valid_accessible_pages(fresh_newsroom, browser, tmp_path: Path) -> None:
    server = fresh_newsroom
    server.stop()
    arguments = ("substack", str(FIXTURES / "substack"), "--author", "Ilse Varga")
    first = run(server, *arguments)
    assert "Imported: 4 articles, 1 authors, 2 images, 1 sections, 5 subscribers." in first, first
    assert "Nothing new" in run(server, *arguments)
    assert subscriber_statuses(server.database)["owen.fairley@example.org"] == "unsubscribed"
    server.start()
    assert_moved(server.url + "/p/barges-wait-at-orsk", "/articles/barges-wait-at-orsk")
    assert_valid_and_accessible(server.url, ["/articles/barges-wait-at-orsk"], browser, tmp_path)


def ghost_export(path: Path) -> None:
    posts = [{"id": f"p{number:05d}", "title": f"Dispatch {number}", "slug": f"dispatch-{number}", "type": "post", "status": "published",
              "visibility": "public", "html": f"<p>Dispatch {number} from the river desk.</p>", "lexical": None, "mobiledoc": None,
              "published_at": "2025-06-01T09:00:00.000Z", "created_at": "2025-06-01T08:00:00.000Z", "updated_at": "2025-06-01T09:00:00.000Z"}
             for number in range(1, POSTS + 1)]
    data = {"posts": posts, "users": [{"id": "1", "name": "Mira Voss", "slug": "mira"}],
            "posts_authors": [{"id": f"a{post['id']}", "post_id": post["id"], "author_id": "1", "sort_order": 0} for post in posts],
            "settings": [{"key": "title", "value": "The Generated Desk"}]}
    path.write_text(json.dumps({"db": [{"meta": {"exported_on": 1750419727318, "version": "5.116.2"}, "data": data}]}))


def test_a_ghost_import_killed_part_way_finishes_correctly_when_started_again(fresh_newsroom, tmp_path: Path) -> None:
    server = fresh_newsroom
    server.stop()
    export = tmp_path / "ghost.json"
    ghost_export(export)
    command = [server.kiosk_bin, "import", "ghost", str(export), "--database", str(server.database)]

    def stored() -> int:
        with sqlite3.connect(server.database) as connection:
            return connection.execute("SELECT count(*) FROM article WHERE slug LIKE 'dispatch-%'").fetchone()[0]

    kill_part_way(command, stored)
    assert 20 <= stored() < POSTS
    second = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0 and "Already imported before, left as they were" in second.stdout, second.stdout + second.stderr
    third = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert third.returncode == 0 and "Nothing new" in third.stdout, third.stdout
    with sqlite3.connect(server.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(DISTINCT slug) FROM article WHERE slug LIKE 'dispatch-%'").fetchone()[0] == POSTS
        assert connection.execute("SELECT count(*) FROM import_ledger WHERE kind = 'article'").fetchone()[0] == POSTS
        assert connection.execute("SELECT count(*) FROM author WHERE name = 'Mira Voss'").fetchone()[0] == 1


def test_what_is_not_a_ghost_or_substack_export_is_refused_in_one_line(kiosk_bin: str, tmp_path: Path) -> None:
    database = tmp_path / "kiosk.sqlite"
    original = (FIXTURES / "ghost" / "export.json").read_text()
    cases = {
        ("ghost", "missing.json"): (None, "there is nothing at"),
        ("ghost", "members.csv"): ("email,name\nsomeone@example.org,Someone\n", "members.csv is not a Ghost content export: the JSON is damaged"),
        ("ghost", "cut.json"): (original[:5000], "cut.json is not a Ghost content export: the JSON is damaged"),
        ("ghost", "old.json"): (original.replace('"5.116.2"', '"2.38.0"'), "was written by Ghost 2.38.0; Kiosk reads exports of Ghost 4 to 6"),
        ("substack", "not-an-export"): ("", "has no posts.csv: it is not an unzipped Substack export"),
    }
    for (platform, name), (text, fragment) in cases.items():
        path = tmp_path / name
        if text is not None and platform == "ghost":
            path.write_text(text)
        elif text is not None:
            path.mkdir()
        result = subprocess.run([kiosk_bin, "import", platform, str(path), "--database", str(database)], capture_output=True, text=True, timeout=60)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1 and fragment in lines[0], (name, result.stderr)
    if database.exists():
        with sqlite3.connect(database) as connection:
            assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == 0, "nothing half-imported"


def test_substack_zip_files_import_as_their_folders_do_and_hostile_zips_are_refused(fresh_newsroom, tmp_path: Path) -> None:
    import zipfile

    server = fresh_newsroom
    server.stop()
    archive = tmp_path / "riverdesk.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as packed:
        for path in sorted((FIXTURES / "substack").rglob("*")):
            if path.is_file() and path.name not in ("README.md", "make-fixture.py"):
                packed.write(path, "riverdesk/" + str(path.relative_to(FIXTURES / "substack")))
    first = run(server, "substack", str(archive), "--author", "Ilse Varga")
    assert "Imported: 4 articles, 1 authors, 2 images, 1 sections, 5 subscribers." in first, first
    assert "Nothing new" in run(server, "substack", str(archive), "--author", "Ilse Varga")

    escaping = tmp_path / "escaping.zip"
    with zipfile.ZipFile(escaping, "w") as packed:
        packed.writestr("posts.csv", "post_id\n")
        packed.writestr("../outside.txt", "nothing")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    for path, fragment in ((escaping, "outside its own folder"), (cut, "is not a zip file, or it was cut short")):
        result = subprocess.run([server.kiosk_bin, "import", "substack", str(path), "--database", str(server.database)], capture_output=True, text=True, timeout=60)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1 and fragment in lines[0], result.stderr
    assert not (tmp_path / "outside.txt").exists()
