"""`kiosk export` then `kiosk import kiosk` into an empty database: every public page the same.

The demo publication (with pages, a renamed article, subscribers and our administrator) is
exported, imported into a new database, and both are served; every address in the sitemaps, the
listings, feeds, search, robots.txt and every image answer with the same bytes (the public
address, which differs by port, aside). Damaged or foreign exports are refused with one line and
leave nothing behind.
"""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import NewsroomServer


def fetch(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def without_base(body: bytes, base: str) -> bytes:
    """`body` with the public address written out as BASE, as it is, percent-encoded and JSON-escaped."""
    for form in (base, urllib.parse.quote(base, safe=""), base.replace("/", "\\/")):
        body = body.replace(form.encode(), b"BASE")
    return body


def public_paths(base: str) -> list[str]:
    """Every address the sitemaps list, with the listings' second pages, feeds and other site files."""
    index = fetch(base, "/sitemap.xml")[1].decode()
    paths = ["/", "/latest?page=2", "/search?q=ceasefire", "/newsletter", "/robots.txt", "/sitemap.xml", "/sitemap-news.xml",
             "/feed.xml", "/feed.atom", "/feed.json", "/sections/europe/feed.xml", "/latest?page=3"]
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", index):
        path = urllib.parse.urlsplit(sitemap).path
        paths.append(path)
        paths += [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", fetch(base, path)[1].decode())]
    return sorted(set(paths))


def test_export_then_import_gives_back_the_same_site(fresh_newsroom, kiosk_bin: str, tmp_path: Path) -> None:
    source = fresh_newsroom
    for address in ("first.reader@example.org", "second.reader@example.org"):
        urllib.request.urlopen(urllib.request.Request(
            source.url + "/newsletter/subscribe", data=urllib.parse.urlencode({"email": address, "newsletter": "weekly-roundup"}).encode()),
            timeout=20).read()
    with sqlite3.connect(source.database) as connection:
        subscribers = connection.execute("SELECT count(*) FROM subscriber").fetchone()[0]
    assert subscribers == 2
    source.stop()
    folder = tmp_path / "export"
    exported = source.kiosk("export", "--to", str(folder))
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert "60 articles, 3 pages, 62 media files, 2 subscribers" in exported.stdout, exported.stdout
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["kind"] == "kiosk-export" and manifest["format"] == 1
    assert (folder / "pages" / "masthead.md").read_text().startswith("## Editor")
    users = [json.loads(line) for line in (folder / "tables" / "user.jsonl").read_text().splitlines()]
    assert users and all("password_hash" not in user and "totp_secret" not in user for user in users), "no secrets leave"
    assert not (folder / "tables" / "session.jsonl").exists() and not (folder / "tables" / "api_token.jsonl").exists()
    again = source.kiosk("export", "--to", str(folder))
    assert again.returncode != 0 and "not empty" in again.stderr and len(again.stderr.strip().splitlines()) == 1

    target = NewsroomServer(kiosk_bin, tmp_path / "imported")
    target.workdir.mkdir()
    imported = target.kiosk("import", "kiosk", str(folder))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    refused = target.kiosk("import", "kiosk", str(folder))
    assert refused.returncode != 0 and "exists already" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    # An export leaves renditions out; made again from the originals, they get the same addresses.
    rebuilt = target.kiosk("media", "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr

    source.start()
    target.start()
    try:
        paths = public_paths(source.url)
        assert len(paths) > 90 and "/about" in paths and "/masthead" in paths, paths
        front = fetch(source.url, "/")[1].decode()
        paths += sorted(set(re.findall(r'src="(/media/[^"?]+)', front)))
        differences = []
        for path in paths:
            status, before = fetch(source.url, path)
            status_after, after = fetch(target.url, path)
            if status != status_after or without_base(before, source.url) != without_base(after, target.url):
                differences.append(f"{path}: {status} → {status_after}")
            assert status == 200, f"{path} answered {status} on the source"
        assert not differences, differences
    finally:
        target.stop()
    with sqlite3.connect(target.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM subscriber").fetchone()[0] == 2
        assert connection.execute("SELECT count(DISTINCT password_hash) FROM user").fetchone()[0] == 1, "no account can sign in until its password is set again"


def test_a_damaged_or_foreign_export_is_refused_and_leaves_nothing(fresh_newsroom, kiosk_bin: str, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    assert fresh_newsroom.kiosk("export", "--to", str(folder)).returncode == 0
    target = NewsroomServer(kiosk_bin, tmp_path / "target")
    target.workdir.mkdir()

    def refused(fragment: str) -> None:
        result = target.kiosk("import", "kiosk", str(folder))
        assert result.returncode != 0 and fragment in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert not target.database.exists() and not Path(str(target.database) + ".importing").exists(), "nothing is left behind"

    image = sorted((folder / "media").iterdir())[0]
    original = image.read_bytes()
    image.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    refused("does not match its checksum")
    image.write_bytes(original)

    table = folder / "tables" / "article.jsonl"
    lines = table.read_text().splitlines()
    table.write_text("\n".join(lines[:5] + ["{not json"] + lines[6:]) + "\n")
    refused("article.jsonl line 6 is not a JSON object")
    table.write_text("\n".join(lines[:-1]) + "\n")
    refused("has 59 rows, but the manifest says 60")
    table.write_text("\n".join(lines) + "\n")

    manifest = folder / "manifest.json"
    text = manifest.read_text()
    manifest.write_text(text.replace('"format":1', '"format":99'))
    refused("format 99")
    manifest.write_text(text.replace('"format":1', '"format":0'))
    refused("names format 0, which no Kiosk writes")
    manifest.write_text(json.dumps({"hello": "world"}))
    refused("is not the manifest of a Kiosk export")
    manifest.unlink()
    refused("has no manifest.json")
