"""`kiosk import wordpress`: the export of a real WordPress imported, and an import killed part way.

Must show 1: the fixture made by Debian's WordPress (Tests/fixtures/wordpress) comes in with its
counts, dates, taxonomy, images and captions; an old permalink answers 301; the imported pages pass
the Nu validator and axe in Chromium. Must show 3:
A generated export of 600 posts (classic and block bodies, categories, tags, two authors) is
imported; the first run is killed once it has stored some posts. The second run finishes, a third
changes nothing, and every post is there once, with its old address answering 301. With
--media-base, images are fetched from a web server on loopback holding the uploads folder; a missing
one and one that is not an image are reported and the rest come in.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sqlite3
import subprocess
import threading
import urllib.request
from pathlib import Path

from helpers import assert_moved, assert_valid_and_accessible, kill_part_way

POSTS = 600


def export_file(path: Path) -> None:
    items = []
    for number in range(1, POSTS + 1):
        body = (f"<!-- wp:paragraph --><p>Dispatch {number} from the river desk.</p><!-- /wp:paragraph -->" if number % 2
                else f"Dispatch {number}, written the classic way.\nA second line.\n\nA second paragraph.")
        items.append(f"""
        <item><title>Dispatch {number}</title><link>https://old.example/2025/06/dispatch-{number}/</link>
            <dc:creator>{"mira" if number % 3 else "tomas"}</dc:creator>
            <content:encoded><![CDATA[{body}]]></content:encoded>
            <wp:post_id>{1000 + number}</wp:post_id><wp:post_date_gmt>2025-06-{1 + number % 28:02d} 09:00:00</wp:post_date_gmt>
            <wp:post_name>dispatch-{number}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <category domain="category" nicename="{"rivers" if number % 2 else "ports"}">x</category>
            <category domain="post_tag" nicename="barges">Barges</category></item>""")
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>The River Desk</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
    <wp:base_blog_url>https://old.example</wp:base_blog_url>
    <wp:author><wp:author_login>mira</wp:author_login><wp:author_display_name>Mira Voss</wp:author_display_name></wp:author>
    <wp:author><wp:author_login>tomas</wp:author_login><wp:author_display_name>Tomas Ferreira</wp:author_display_name></wp:author>
    <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>rivers</wp:category_nicename><wp:cat_name>Rivers</wp:cat_name></wp:category>
    <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>ports</wp:category_nicename><wp:cat_name>Ports</wp:cat_name></wp:category>
    <wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>barges</wp:tag_slug><wp:tag_name>Barges</wp:tag_name></wp:tag>
    {"".join(items)}
</channel></rss>
""")


def imported_posts(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM article WHERE slug LIKE 'dispatch-%'").fetchone()[0]


def test_an_import_killed_part_way_finishes_correctly_when_started_again(fresh_newsroom, tmp_path: Path) -> None:
    server = fresh_newsroom
    server.stop()
    export = tmp_path / "export.xml"
    export_file(export)
    command = [server.kiosk_bin, "import", "wordpress", str(export), "--database", str(server.database)]
    kill_part_way(command, lambda: imported_posts(server.database))
    stored = imported_posts(server.database)
    assert 20 <= stored < POSTS, stored

    second = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Already imported before, left as they were" in second.stdout, second.stdout
    third = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert third.returncode == 0 and "Nothing new" in third.stdout, third.stdout

    with sqlite3.connect(server.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM article WHERE slug LIKE 'dispatch-%'").fetchone()[0] == POSTS
        assert connection.execute("SELECT count(DISTINCT slug) FROM article WHERE slug LIKE 'dispatch-%'").fetchone()[0] == POSTS, "none twice"
        assert connection.execute("SELECT count(*) FROM import_ledger WHERE kind = 'article'").fetchone()[0] == POSTS
        assert connection.execute("SELECT count(*) FROM revision r JOIN article a ON a.id = r.article_id WHERE a.slug LIKE 'dispatch-%'").fetchone()[0] == POSTS
        assert connection.execute("SELECT count(*) FROM author WHERE name IN ('Mira Voss', 'Tomas Ferreira')").fetchone()[0] == 2
    server.start()
    for number in (1, 2, POSTS):
        assert_moved(f"{server.url}/2025/06/dispatch-{number}/", f"/articles/dispatch-{number}")
        with urllib.request.urlopen(f"{server.url}/articles/dispatch-{number}", timeout=20) as page:
            assert f"Dispatch {number}" in page.read().decode()


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


def test_a_real_wordpress_export_imports_into_valid_accessible_pages(fresh_newsroom, browser, tmp_path: Path) -> None:
    """Must show 1: the export made by a real WordPress (Tests/fixtures/wordpress), imported."""
    server = fresh_newsroom
    server.stop()
    command = [server.kiosk_bin, "import", "wordpress", str(FIXTURE / "export.xml"), "--uploads", str(FIXTURE / "uploads"),
               "--database", str(server.database)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Imported: 8 articles, 2 authors, 7 images, 3 pages, 6 sections, 9 topics." in result.stdout, result.stdout
    assert "[pullquote]" in result.stdout and "was private" in result.stdout, result.stdout
    assert "a page already lives at /about, so this one is at /about-2" in result.stdout, "the demo has an About page already"
    with sqlite3.connect(server.database) as connection:
        statuses = dict(connection.execute(
            "SELECT status, count(*) FROM article WHERE slug IN (SELECT a.slug FROM article a JOIN import_ledger l ON l.target_id = a.id "
            "AND l.kind = 'article') GROUP BY status").fetchall())
        assert statuses == {"published": 5, "scheduled": 1, "draft": 2}, statuses
        published, updated = connection.execute(
            "SELECT published_at, updated_at FROM article WHERE slug = 'low-water-on-the-vessa'").fetchone()
        assert published.startswith("2025-03-14 08:30") and updated.startswith("2025-04-04"), (published, updated)
        captions = dict(connection.execute("SELECT alt, caption FROM media WHERE caption <> ''").fetchall())
        assert captions["A sealed wooden ballot box on a school desk"] == "A sealed box at polling station 14, Kessel district."
        topics = {row[0] for row in connection.execute(
            "SELECT t.name FROM topic t JOIN article_topic l ON l.topic_id = t.id JOIN article a ON a.id = l.article_id "
            "WHERE a.slug = 'low-water-on-the-vessa'")}
        assert {"Barges", "Low water"} <= topics, topics
    server.start()
    assert_moved(server.url + "/2025/03/low-water-on-the-vessa/", "/articles/low-water-on-the-vessa")
    paths = ["/articles/low-water-on-the-vessa", "/articles/inside-the-saint-ormand-talks", "/articles/letters-readers-on-the-ceasefire-map", "/about-2"]
    assert_valid_and_accessible(server.url, paths, browser, tmp_path)


def test_what_is_not_a_wordpress_export_is_refused_in_one_line(kiosk_bin: str, tmp_path: Path) -> None:
    database = tmp_path / "kiosk.sqlite"
    cases = {
        "missing.xml": (None, "there is nothing at"),
        "notes.csv": ("email,date\nsomeone@example.org,2025-01-01\n", "The export is truncated or damaged"),
        "feed.xml": ("<?xml version='1.0'?><feed><entry/></feed>", "its root element is <feed>"),
        "cut.xml": ((FIXTURE / "export.xml").read_text()[:20000], "The export is truncated or damaged"),
        # One body of about 11 MB: more than libxml2 reads in one text, refused at once and by name.
        "huge.xml": (
            "<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'"
            " xmlns:wp='http://wordpress.org/export/1.2/'><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>Too long</title>"
            "<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>"
            + "word &amp; word " * 900_000 + "</content:encoded></item></channel></rss>",
            "one text there is longer than 10 MB",
        ),
    }
    for name, (text, fragment) in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text)
        result = subprocess.run([kiosk_bin, "import", "wordpress", str(path), "--database", str(database)], capture_output=True, text=True, timeout=60)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1 and fragment in lines[0], (name, result.stderr)
    if database.exists():
        with sqlite3.connect(database) as connection:
            assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == 0, "nothing half-imported"


def test_images_are_fetched_from_the_old_sites_address_with_media_base(kiosk_bin: str, tmp_path: Path) -> None:
    """The uploads folder served over HTTP on loopback: images come in as from a copy of the folder;
    one answering 404, one that is not an image and one that redirects are reported, not fatal; bad
    options are refused in one line."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE / "uploads", site / "wp-content" / "uploads")
    (site / "wp-content" / "uploads" / "2025" / "09" / "saint-ormand-talks-table.jpg").unlink()
    (site / "wp-content" / "uploads" / "2026" / "02" / "upper-vessa-customs-map.png").write_text("<html>not a picture</html>")
    moved = site / "wp-content" / "uploads" / "2025" / "06" / "marrenland-polling-queue.jpg"
    moved.unlink()
    moved.mkdir()  # the server answers a folder's address without its slash with 301: redirects are not followed
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/wp-content/uploads/"
    database = tmp_path / "kiosk.sqlite"
    try:
        command = [kiosk_bin, "import", "wordpress", str(FIXTURE / "export.xml"), "--media-base", base, "--database", str(database)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Imported: 8 articles, 2 authors, 4 images, 3 pages, 6 sections, 9 topics." in result.stdout, result.stdout
    assert f"saint-ormand-talks-table.jpg was not brought in: {base}2025/09/saint-ormand-talks-table.jpg answered 404" in result.stdout, result.stdout
    assert "upper-vessa-customs-map.png was refused" in result.stdout, result.stdout
    assert "marrenland-polling-queue.jpg answered 301" in result.stdout, result.stdout
    with sqlite3.connect(database) as connection:
        captions = dict(connection.execute("SELECT alt, caption FROM media WHERE caption <> ''").fetchall())
    assert captions["A sealed wooden ballot box on a school desk"] == "A sealed box at polling station 14, Kessel district."

    refusals = {
        ("--media-base", "ftp://old.example/uploads/"): "--media-base must be the http:// or https:// address",
        ("--media-base", "https://old.example/wp-content/uploads/?x=1"): "--media-base must be the http:// or https:// address",
        ("--uploads", str(FIXTURE / "uploads"), "--media-base", base): "give --uploads or --media-base, not both",
        ("--uploads", str(tmp_path / "nowhere")): "there is no folder at",
    }
    for options, fragment in refusals.items():
        result = subprocess.run([kiosk_bin, "import", "wordpress", str(FIXTURE / "export.xml"), *options, "--database", str(tmp_path / "other.sqlite")],
                                capture_output=True, text=True, timeout=60)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1 and fragment in lines[0], (options, result.stderr)
        assert not (tmp_path / "other.sqlite").exists(), "nothing is created for a refused command"
