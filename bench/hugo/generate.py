"""Turns a Kiosk SQLite database into a Hugo site of the same publication, for bench/static_site.py.

    python3 bench/hugo/generate.py DATABASE SITE-FOLDER

SITE-FOLDER gets this folder's hugo.toml and layouts/, then content/ (one Markdown file with JSON
front matter per published article and standing page, and an _index.md per section, topic, series
and author, the taxonomy terms), data/kiosk.json (the publication's settings, navigation and
footer, which every page shows), static/media/ (the images, from the database) and static/assets/
(the default theme's CSS and script). Only the standard library is used.

What Kiosk computed when an article was saved and keeps in the database, the teaser's opening
paragraphs and plain-text excerpt, goes into the front matter as it is; the body goes in as its
Markdown, which Hugo renders on every build (Kiosk renders it once, on save). Kiosk's one Markdown
convention beyond CommonMark, the `:::roundup TITLE` block, is written as the HTML wrapper Kiosk
gives it with the list inside left as Markdown.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
THEME_ASSETS = REPO / "Themes" / "default" / "assets"
FORMATS = {"reporting": "Reporting", "analysis": "Analysis", "opinion": "Opinion",
           "explainer": "Explainer", "interview": "Interview", "review": "Review"}


def moment(stored: str, zone: ZoneInfo) -> datetime:
    """A date as Kiosk stores it (UTC, `YYYY-MM-DD HH:MM:SS.SSS`) in the publication's time zone, to the second."""
    return datetime.fromisoformat(stored).replace(tzinfo=timezone.utc, microsecond=0).astimezone(zone)


def roundups(markdown: str) -> str:
    """`markdown` with each `:::roundup TITLE` … `:::` block as Kiosk's `<section class="roundup">`."""
    out: list[str] = []
    inside = False
    for line in markdown.split("\n"):
        stripped = line.strip(" \t\r")
        if not inside and stripped.startswith(":::roundup"):
            title = stripped[len(":::roundup"):].strip() or "In brief"
            title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out += ["", f'<section class="roundup"><h2 class="roundup-title">{title}</h2>', ""]
            inside = True
        elif inside and stripped == ":::":
            out += ["", "</section>", ""]
            inside = False
        else:
            out.append(line)
    if inside:
        out += ["", "</section>", ""]
    return "\n".join(out)


def write(path: Path, front: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body, encoding="utf-8")


def generate(database: Path, site: Path) -> dict[str, int]:
    """Writes the Hugo site of `database` into `site` (which must not exist) and returns what it wrote."""
    shutil.copytree(HERE, site, ignore=shutil.ignore_patterns("generate.py", "__pycache__", "README*"))
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    settings = db.execute("SELECT * FROM site_settings WHERE id = 1").fetchone()
    zone = ZoneInfo(settings["time_zone"])

    media = {row["id"]: row for row in db.execute("SELECT * FROM media")}
    (site / "static" / "media").mkdir(parents=True)
    for row in db.execute("SELECT m.file_name, f.bytes FROM media_file f JOIN media m ON m.id = f.media_id"):
        (site / "static" / "media" / row["file_name"]).write_bytes(row["bytes"])
    shutil.copytree(THEME_ASSETS, site / "static" / "assets")
    fingerprint = hashlib.sha256()
    for asset in sorted(THEME_ASSETS.iterdir()):
        fingerprint.update(asset.read_bytes())

    def image(media_id: int | None) -> dict | None:
        if media_id is None:
            return None
        row = media[media_id]
        return {"url": f"/media/{row['file_name']}", "fileName": row["file_name"], "contentType": row["content_type"],
                "alt": row["alt"], "width": row["width"], "height": row["height"], "caption": row["caption"], "credit": row["credit"]}

    sections = db.execute("SELECT * FROM section ORDER BY position, name").fetchall()
    pages = db.execute("SELECT * FROM page WHERE status = 'published' ORDER BY placement, position, title").fetchall()
    (site / "data").mkdir()
    (site / "data" / "kiosk.json").write_text(json.dumps({
        "name": settings["name"], "description": settings["description"], "about": settings["about"],
        "language": settings["locale"], "ogLocale": settings["locale"].replace("-", "_"),
        "logo": image(settings["logo_media_id"]), "assetVersion": fingerprint.hexdigest()[:16],
        "sections": [{"label": s["name"], "url": f"/sections/{s['slug']}/"} for s in sections],
        "navigation": [{"label": n["label"], "url": n["url"]} for n in json.loads(settings["navigation"])],
        "headerPages": [{"label": p["title"], "url": f"/{p['slug']}/"} for p in pages if p["placement"] == "header"],
        "footerPages": [{"label": p["title"], "url": f"/{p['slug']}/"} for p in pages if p["placement"] == "footer"],
        "socialProfiles": [{"label": s["label"], "url": s["url"]} for s in json.loads(settings["social_profiles"])],
    }, ensure_ascii=False), encoding="utf-8")

    content = site / "content"
    write(content / "articles" / "_index.md", {"title": "Latest", "url": "/latest/", "description": "Everything we have published, newest first."})
    names: dict[str, dict[int, tuple[str, str]]] = {}
    for table, plural, kind, about in (("section", "sections", "Section", "description"), ("topic", "topics", "Topic", "description"),
                                        ("series", "series", "Series", "description"), ("author", "authors", "Author", "bio")):
        names[table] = {}
        for row in db.execute(f"SELECT * FROM {table}"):
            names[table][row["id"]] = (row["slug"], row["name"])
            front = {"title": row["name"], "kind": kind, "description": row[about]}
            if table == "author":
                front["links"] = [{"label": link["label"], "url": link["url"]} for link in json.loads(row["links"])]
            write(content / plural / row["slug"] / "_index.md", front)

    topics: dict[int, list[int]] = {}
    for row in db.execute("SELECT at.article_id, at.topic_id FROM article_topic at JOIN topic t ON t.id = at.topic_id ORDER BY t.name"):
        topics.setdefault(row[0], []).append(row[1])
    authors: dict[int, list[int]] = {}
    for row in db.execute("SELECT article_id, author_id FROM article_author ORDER BY position"):
        authors.setdefault(row[0], []).append(row[1])

    articles = 0
    for row in db.execute("SELECT * FROM article WHERE status = 'published' AND trashed_at IS NULL"):
        published = moment(row["published_at"], zone)
        updated = moment(row["updated_at"], zone)
        section_slug, section_name = names["section"][row["section_id"]]
        series = names["series"].get(row["series_id"])
        front = {
            "title": row["title"], "slug": row["slug"], "date": published.isoformat(), "lastmod": max(updated, published).isoformat(),
            "wasUpdated": (updated - published).total_seconds() > 60, "kioskID": row["id"], "dek": row["dek"],
            "format": FORMATS[row["format"]], "sectionName": section_name, "seriesName": series[1] if series else None,
            "sections": [section_slug], "series": [series[0]] if series else [],
            "topics": [names["topic"][t][0] for t in topics.get(row["id"], [])],
            "topicNames": [names["topic"][t][1] for t in topics.get(row["id"], [])],
            "authors": [names["author"][a][0] for a in authors.get(row["id"], [])],
            "authorNames": [names["author"][a][1] for a in authors.get(row["id"], [])],
            "image": image(row["top_media_id"]), "excerpt": row["excerpt"], "openingHTML": row["opening_html"],
            "seoTitle": row["seo_title"], "seoDescription": row["seo_description"], "canonicalURL": row["canonical_url"],
        }
        write(content / "articles" / f"{row['slug']}.md", front, roundups(row["body_markdown"]))
        articles += 1

    for row in pages:
        write(content / f"{row['slug']}.md", {
            "title": row["title"], "date": moment(row["published_at"] or row["created_at"], zone).isoformat(),
            "lastmod": moment(row["updated_at"], zone).isoformat(), "excerpt": row["excerpt"], "image": image(row["top_media_id"]),
        }, roundups(row["body_markdown"]))
    newsletters = [{"name": n["name"], "slug": n["slug"], "description": n["description"], "checked": i == 0}
                   for i, n in enumerate(db.execute("SELECT * FROM newsletter ORDER BY id"))]
    write(content / "newsletter.md", {
        "title": "Newsletters", "layout": "newsletter", "newsletters": newsletters,
        "message": "Our journalism in your inbox. Choose one or more; every email has a link to change your mind."})
    write(content / "search.md", {"title": "Search", "layout": "search"})
    db.close()
    return {"articles": articles, "standing pages": len(pages), "media": len(media)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(generate(Path(sys.argv[1]), Path(sys.argv[2])))
