"""Writes a large WordPress export (WXR 1.2) and the wp-content/uploads folder it names, for
bench/wordpress_import.py.

The file has the shape of Tests/fixtures/wordpress/export.xml, which a real WordPress (Debian's
6.1.9) wrote: the same channel header, authors, categories (parents before children), tags, every
term listed a second time as <wp:term>, then the items in ID order, attachments right after the post
they were uploaded to. What is in it, all invented and all drawn from one seeded random generator
(the same size and seed give the same bytes):

- 2 authors, 13 categories (six of them under a parent, one named "Science &amp; Technology" as
  WordPress stores it), 60 tags (one with a non-ASCII name);
- POSTS posts of about 600 words: four in five classic-editor HTML without <p> (paragraphs are
  blank lines, with <h2>, lists, quotes, <strong>/<em>, links to earlier posts by permalink and by
  ?p=ID and to outside sites), one in five block-editor markup; one in ten has an inline image
  (a [caption] around a medium-size copy, or an image block); most have an excerpt; about 88 %
  publish, 7 % draft (half of them with no slug, their GMT date all zeros as WordPress writes it)
  and 5 % future (dated 2030 onwards); the site's time zone is Europe/Berlin;
- ATTACHMENTS images (three in four JPEG, one in four PNG), each a different file, shared as
  featured images (`_thumbnail_id`, on four posts in five) across all the posts; each has alt text,
  a caption, a credit in its description and the `_wp_attachment_metadata` WordPress writes, and
  the uploads folder holds the original with its 150x150 and 300x225 copies.

The JPEGs are the fixture's originals and copies with a comment segment naming the attachment
(so every file differs); the PNGs are drawn here with zlib and struct.

Usage: python3 bench/wordpress/make-export.py OUT [--posts 10000] [--seed 1] [--attachments 200]
writes OUT/export.xml, OUT/uploads/YEAR/MONTH/... and OUT/manifest.json (the counts to expect).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import struct
import sys
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURE_UPLOADS = REPO / "Tests" / "fixtures" / "wordpress" / "uploads"
SITE = "https://crosscurrents.example"
BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.timezone.utc

AUTHORS = [
    # id, login, email, display name, first, last
    (2, "ilse.marrow", "ilse.marrow@crosscurrents.example", "Ilse Marrow", "Ilse", "Marrow"),
    (3, "anouk.selavy", "anouk.selavy@crosscurrents.example", "Anouk Sélavy", "Anouk", "Sélavy"),
]

# slug, name as WordPress stores it (HTML-escaped), parent slug, description. Parents come first.
CATEGORIES = [
    ("uncategorized", "Uncategorized", "", ""),
    ("world", "World", "", "Reporting from the countries along the Vessa and beyond."),
    ("economy", "Economy", "", "Trade, money and work."),
    ("politics", "Politics", "", ""),
    ("culture", "Culture", "", "Books, film, music and the arts."),
    ("science-technology", "Science &amp; Technology", "", "Research, engineering and the tools that change the river."),
    ("opinion", "Opinion", "", "Columns and letters."),
    ("rivers-trade", "Rivers &amp; Trade", "economy", "Shipping, tolls and the economics of the Vessa basin."),
    ("inland-shipping", "Inland Shipping", "economy", "Barges, locks, pilots and the people who keep the river moving."),
    ("elections", "Elections", "politics", "Votes, campaigns and counts across the region."),
    ("ceasefire-talks", "Ceasefire Talks", "world", "Coverage of the Saint-Ormand negotiations."),
    ("energy", "Energy", "economy", ""),
    ("europe", "Europe", "world", ""),
]

TAG_NAMES = [
    "Barges", "Low water", "Grain", "Ballots", "Turnout", "Mediation", "Customs", "Saint-Ormand", "Dravič", "Tolls",
    "Locks", "Pilots", "Dredging", "Ferries", "Timber", "Harbours", "Rail", "Snowmelt", "Floods", "Drought",
    "Fisheries", "Budgets", "Coalitions", "Referendums", "Courts", "Borders", "Refugees", "Treaties", "Sanctions", "Tariffs",
    "Wages", "Unions", "Strikes", "Housing", "Schools", "Hospitals", "Broadband", "Railways", "Bridges", "Roads",
    "Hydropower", "Solar", "Wind", "Coal", "Gas", "Oil", "Batteries", "Mining", "Farming", "Forests",
    "Museums", "Festivals", "Theatre", "Cinema", "Poetry", "Music", "Football", "Rowing", "Weather", "Maps",
]

WORDS = """
river barge lock harbour quay pilot channel gauge water bank bridge ferry crew cargo grain timber toll customs
border treaty ministry council coalition vote ballot count district parliament minister mayor court budget tax
tariff port rail road valley ridge hill town village city market trade price wage union strike factory farm
forest season spring summer autumn winter week month year morning evening night report figure share margin
tonne metre kilometre season forecast bulletin authority office committee delegation mediator negotiator talks
agreement proposal plan schedule deadline map line separation region province state country neighbour people
family worker captain driver engineer teacher doctor farmer trader official spokesman resident reader editor
""".split()
VERBS = """
said argued warned insisted noted added explained reported estimated expected promised refused agreed decided
opened closed raised lowered carried moved waited sailed crossed counted published proposed rejected approved
""".split()
ADJECTIVES = """
low high narrow wide early late slow quick cheap costly new old upper lower northern southern eastern western
local regional national shared joint weekly daily final first second last small large dry wet quiet busy
""".split()
PLACES = ["Lune Harbour", "Dravic", "Kessel", "Hollin", "Saint-Ormand", "Marrenland", "the Tarrant Hills", "Oskovia", "the Kestrel Federation", "the Vessa"]
PEOPLE = ["Jurek Pallas", "Mira Odell", "Tomas Ferrant", "Hana Wolke", "Piet Arendse", "Lidia Varga", "Oren Castel", "Ruth Imbert"]


def cdata(text: str) -> str:
    assert "]]>" not in text
    return f"<![CDATA[{text}]]>"


def php_serialize(value: object) -> str:
    """PHP's serialize() for the few shapes attachment metadata has (lengths count UTF-8 bytes)."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode("utf-8"))}:"{value}";'
    if isinstance(value, dict):
        return f"a:{len(value)}:{{" + "".join(php_serialize(k) + php_serialize(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return php_serialize(dict(enumerate(value)))
    raise TypeError(value)


# --- images -----------------------------------------------------------------------------

def png(width: int, height: int, seed: int) -> bytes:
    """A valid RGB PNG: a sky gradient over a river band, colours from `seed`."""
    rng = random.Random(seed)
    top = [rng.randrange(90, 200) for _ in range(3)]
    bottom = [rng.randrange(20, 120) for _ in range(3)]
    river = [rng.randrange(30, 90), rng.randrange(60, 140), rng.randrange(120, 220)]
    band_top, band_bottom = int(height * rng.uniform(0.45, 0.6)), int(height * rng.uniform(0.7, 0.85))
    rows = []
    for y in range(height):
        if band_top <= y < band_bottom:
            shade = (y - band_top) * 40 // max(1, band_bottom - band_top)
            colour = bytes(max(0, c - shade) for c in river)
        else:
            t = y / max(1, height - 1)
            colour = bytes(int(a + (b - a) * t) for a, b in zip(top, bottom))
        rows.append(b"\x00" + colour * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00Kiosk benchmark image %d" % seed)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def jpeg_with_comment(original: bytes, comment: str) -> bytes:
    """The JPEG `original` with one more COM segment, after its APPn and COM segments (so JFIF's APP0
    still comes first), so that each copy is a different file."""
    assert original[:2] == b"\xff\xd8"
    at = 2
    while original[at] == 0xFF and (0xE0 <= original[at + 1] <= 0xEF or original[at + 1] == 0xFE):
        at += 2 + struct.unpack(">H", original[at + 2:at + 4])[0]
    text = comment.encode("ascii")
    return original[:at] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + original[at:]


def fixture_jpegs() -> list[tuple[Path, Path, Path]]:
    """The fixture's JPEG originals with their 150x150 and 300x225 copies."""
    found = []
    for original in sorted(FIXTURE_UPLOADS.rglob("*.jpg")):
        if original.stem.endswith(("-150x150", "-300x225")):
            continue
        small = original.with_name(original.stem + "-150x150.jpg")
        medium = original.with_name(original.stem + "-300x225.jpg")
        if small.exists() and medium.exists():
            found.append((original, small, medium))
    if not found:
        raise SystemExit(f"no JPEG originals with their copies under {FIXTURE_UPLOADS}")
    return found


# --- text ---------------------------------------------------------------------------------

class Prose:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self) -> str:
        r = self.rng
        words = []
        for _ in range(r.randrange(8, 22)):
            pick = r.random()
            words.append(r.choice(VERBS) if pick < 0.15 else r.choice(ADJECTIVES) if pick < 0.35 else r.choice(WORDS))
        if r.random() < 0.35:
            words.insert(r.randrange(len(words)), r.choice(PLACES))
        if r.random() < 0.12:
            words.insert(r.randrange(len(words)), r.choice(PEOPLE))
        text = " ".join(words)
        if r.random() < 0.1:
            text += f", {r.randrange(2, 98)} per cent"
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        r = self.rng
        words = [r.choice(ADJECTIVES if i % 3 == 1 else WORDS) for i in range(r.randrange(4, 9))]
        if r.random() < 0.5:
            words.insert(r.randrange(len(words)), r.choice(PLACES))
        return " ".join(w[0].upper() + w[1:] for w in words)


def slugify(title: str) -> str:
    table = str.maketrans({"č": "c", "é": "e", "ö": "o", "ü": "u"})
    out, dash = [], False
    for ch in title.lower().translate(table):
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:90].strip("-")


# --- the export -------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write export.xml, uploads/ and manifest.json into")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--attachments", type=int, default=200)
    args = parser.parse_args()
    make(args.out, args.posts, args.seed, args.attachments)


def make(out: Path, posts: int, seed: int, attachment_count: int) -> dict:
    rng = random.Random(seed)
    prose = Prose(rng)
    out.mkdir(parents=True, exist_ok=True)
    uploads = out / "uploads"
    jpegs = fixture_jpegs()

    tags = [(slugify(name) if name != "Dravič" else "dravic", name) for name in TAG_NAMES]
    categories = CATEGORIES
    term_ids: dict[tuple[str, str], int] = {}
    next_term = 1
    for slug, *_ in categories:
        term_ids[("category", slug)] = next_term
        next_term += 1
    for slug, _ in tags:
        term_ids[("post_tag", slug)] = next_term
        next_term += 1

    # IDs as a live site hands them out: in order, with gaps where revisions and autosaves were.
    # Posts run from 2014 to late 2026 (future ones from 2030); an attachment follows every
    # (posts / attachments)-th post, uploaded to it.
    start = dt.datetime(2014, 1, 6, 7, 0, tzinfo=UTC)
    end = dt.datetime(2026, 11, 28, 18, 0, tzinfo=UTC)
    future_from = int(posts * 0.95)
    step = (end - start) / max(1, future_from)
    every = max(1, posts // max(1, attachment_count)) if attachment_count else 0

    plan = []  # (kind, index) in ID order
    attachment_parent: dict[int, int] = {}
    made_attachments = 0
    for index in range(posts):
        plan.append(("post", index))
        if every and index % every == every - 1 and made_attachments < attachment_count:
            plan.append(("attachment", made_attachments))
            attachment_parent[made_attachments] = index
            made_attachments += 1
    while made_attachments < attachment_count:  # fewer posts than attachments: the rest hang off the last post
        plan.append(("attachment", made_attachments))
        attachment_parent[made_attachments] = posts - 1
        made_attachments += 1

    ids: dict[tuple[str, int], int] = {}
    next_id = 10
    for entry in plan:
        ids[entry] = next_id
        next_id += 1 + (rng.randrange(1, 4) if rng.random() < 0.3 else 0)

    # Each post's date, status and slug, decided up front so that links can point at earlier posts.
    post_info = []
    used_slugs: set[str] = set()
    for index in range(posts):
        if index >= future_from:
            when = dt.datetime(2030, 1, 1, 8, 0, tzinfo=UTC) + dt.timedelta(days=(index - future_from), minutes=rng.randrange(0, 600))
            status = "future"
        else:
            when = start + step * index + dt.timedelta(minutes=rng.randrange(0, 180))
            status = "draft" if rng.random() < 0.074 else "publish"
        title = prose.title()
        slug = slugify(title) or f"post-{index}"
        base, n = slug, 2
        while slug in used_slugs:
            slug = f"{base}-{n}"
            n += 1
        used_slugs.add(slug)
        post_info.append({"when": when.replace(second=0, microsecond=0), "status": status, "title": title, "slug": slug})

    def local(moment: dt.datetime) -> str:
        return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M:%S")

    def gmt(moment: dt.datetime) -> str:
        return moment.strftime("%Y-%m-%d %H:%M:%S")

    def permalink(index: int) -> str:
        info = post_info[index]
        if info["status"] != "publish":
            return f"{SITE}/?p={ids[('post', index)]}"
        moment = info["when"].astimezone(BERLIN)
        return f"{SITE}/{moment:%Y}/{moment:%m}/{info['slug']}/"

    # The attachments: file names, dates (their parent's), and the files themselves.
    attachments = []
    for number in range(attachment_count):
        parent = attachment_parent[number]
        moment = post_info[parent]["when"]
        if post_info[parent]["status"] == "future":
            moment = end
        folder = moment.astimezone(BERLIN).strftime("%Y/%m")
        is_png = number % 4 == 3
        stem = f"{slugify(prose.title())[:40].strip('-')}-{number + 1}"
        name = stem + (".png" if is_png else ".jpg")
        target = uploads / folder
        target.mkdir(parents=True, exist_ok=True)
        if is_png:
            files = {"": (png(400, 300, seed * 100_000 + number), 400, 300), "-300x225": (png(300, 225, seed * 100_000 + number), 300, 225),
                     "-150x150": (png(150, 150, seed * 100_000 + number), 150, 150)}
        else:
            original, small, medium = jpegs[number % len(jpegs)]
            tag = f"Kiosk benchmark attachment {number + 1}"
            files = {"": (jpeg_with_comment(original.read_bytes(), tag), 400, 300),
                     "-300x225": (jpeg_with_comment(medium.read_bytes(), tag), 300, 225),
                     "-150x150": (jpeg_with_comment(small.read_bytes(), tag), 150, 150)}
        extension = ".png" if is_png else ".jpg"
        for suffix, (data, _, _) in files.items():
            (target / (stem + suffix + extension)).write_bytes(data)
        mime = "image/png" if is_png else "image/jpeg"
        sizes = {}
        for size_name, suffix in (("medium", "-300x225"), ("thumbnail", "-150x150")):
            data, width, height = files[suffix]
            sizes[size_name] = {"file": stem + suffix + extension, "width": width, "height": height, "mime-type": mime, "filesize": len(data)}
        metadata = {
            "width": 400, "height": 300, "file": f"{folder}/{name}", "filesize": len(files[""][0]), "sizes": sizes,
            "image_meta": {"aperture": "0", "credit": "", "camera": "", "caption": "", "created_timestamp": "0", "copyright": "",
                           "focal_length": "0", "iso": "0", "shutter_speed": "0", "title": "", "orientation": "0", "keywords": []},
        }
        attachments.append({
            "id": ids[("attachment", number)], "parent": parent, "when": moment, "folder": folder, "name": name, "stem": stem,
            "extension": extension, "title": prose.title(), "alt": prose.sentence()[:-1], "caption": prose.sentence(),
            "credit": f"Photograph: {rng.choice(PEOPLE)} for Crosscurrents", "metadata": php_serialize(metadata),
            "url": f"{SITE}/wp-content/uploads/{folder}/{name}",
        })

    # Featured images and inline images, drawn before writing so the manifest can say what to expect.
    featured = {index: rng.randrange(attachment_count) for index in range(posts) if attachment_count and rng.random() < 0.8}
    inline = {index: rng.randrange(attachment_count) for index in range(posts) if attachment_count and rng.random() < 0.1}
    block_editor = {index for index in range(posts) if rng.random() < 0.2}

    # Written as it is generated, so memory stays small whatever the size.
    writer = (out / "export.xml").open("w", encoding="utf-8", newline="\n")
    write_header(writer, categories, tags, term_ids)
    for kind, index in plan:
        if kind == "post":
            write_post(writer, rng, prose, index, ids[("post", index)], post_info[index], permalink, local, gmt, categories, tags,
                       term_ids, featured.get(index), inline.get(index), index in block_editor, attachments, ids)
        else:
            write_attachment(writer, attachments[index], ids[("post", attachments[index]["parent"])], permalink(attachments[index]["parent"]), local, gmt)
    writer.write("\t\t\t\t</channel>\n</rss>\n\t")
    writer.close()

    referenced = set(featured.values()) | set(inline.values())
    statuses = {"publish": 0, "draft": 0, "future": 0}
    for info in post_info:
        statuses[info["status"]] += 1
    manifest = {
        "posts": posts, "seed": seed, "attachments": attachment_count, "referenced_attachments": len(referenced),
        "featured": len(featured), "inline_images": len(inline), "block_editor_posts": len(block_editor), "statuses": statuses,
        "authors": len(AUTHORS), "categories": len(categories), "tags": len(tags),
        "bytes": (out / "export.xml").stat().st_size,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def write_header(w, categories, tags, term_ids) -> None:
    w.write("""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->
<!-- You may use this file to transfer that content from one site to another. -->
<!-- This file is not intended to serve as a complete backup of your site. -->

	<!-- generator="WordPress/6.1.9" created="2026-12-03 07:56" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>Crosscurrents</title>
	<link>https://crosscurrents.example</link>
	<description>Foreign affairs, read from the river up</description>
	<pubDate>Thu, 03 Dec 2026 07:56:23 +0000</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://crosscurrents.example</wp:base_site_url>
	<wp:base_blog_url>https://crosscurrents.example</wp:base_blog_url>

""")
    for author_id, login, email, display, first, last in AUTHORS:
        w.write(f"\t\t<wp:author><wp:author_id>{author_id}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(display)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(first)}</wp:author_first_name><wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n")
    w.write("\n")
    for slug, name, parent, description in categories:
        w.write(f"\t\t<wp:category>\n\t\t<wp:term_id>{term_ids[('category', slug)]}</wp:term_id>\n"
                f"\t\t<wp:category_nicename>{cdata(slug)}</wp:category_nicename>\n\t\t<wp:category_parent>{cdata(parent)}</wp:category_parent>\n"
                f"\t\t<wp:cat_name>{cdata(name)}</wp:cat_name>\n")
        if description:
            w.write(f"<wp:category_description>{cdata(description)}</wp:category_description>\n")
        w.write("\t</wp:category>\n")
    for slug, name in tags:
        w.write(f"\t\t\t<wp:tag>\n\t\t<wp:term_id>{term_ids[('post_tag', slug)]}</wp:term_id>\n\t\t<wp:tag_slug>{cdata(slug)}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(name)}</wp:tag_name>\n\t</wp:tag>\n")
    # WordPress 6.1 lists every category and tag again as a <wp:term> (see the fixture's README).
    for taxonomy, slug, name, parent, description in sorted(
            [("category", s, n, p, d) for s, n, p, d in categories] + [("post_tag", s, n, "", "") for s, n in tags], key=lambda t: t[1]):
        w.write(f"\t\t<wp:term>\n\t\t<wp:term_id>{term_ids[(taxonomy, slug)]}</wp:term_id>\n\t\t<wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>\n"
                f"\t\t<wp:term_slug>{cdata(slug)}</wp:term_slug>\n\t\t<wp:term_parent>{cdata(parent)}</wp:term_parent>\n"
                f"\t\t<wp:term_name>{cdata(name)}</wp:term_name>\n")
        if description:
            w.write(f"\t\t<wp:term_description>{cdata(description)}</wp:term_description>\n")
        w.write("\t</wp:term>\n")
    w.write("\t\t\n\t<generator>https://wordpress.org/?v=6.1.9</generator>\n\n")


def body(rng: random.Random, prose: Prose, index: int, block: bool, links: list[str], image: dict | None) -> str:
    """About 600 words: classic HTML (paragraphs as blank lines) or block-editor markup."""
    paragraphs: list[tuple[str, str]] = []  # (kind, html)
    words = 0
    link_slots = set(rng.sample(range(8), k=min(len(links), 3))) if links else set()
    count = 0
    length = rng.randrange(560, 660)
    while words < length:
        sentences = [prose.sentence() for _ in range(rng.randrange(3, 7))]
        if count in link_slots:
            target = links[len([s for s in link_slots if s < count]) % len(links)]
            pick = rng.randrange(len(sentences))
            parts = sentences[pick].split(" ")
            cut = rng.randrange(0, max(1, len(parts) - 3))
            parts[cut:cut + 3] = [f'<a href="{target}">' + " ".join(parts[cut:cut + 3]) + "</a>"]
            sentences[pick] = " ".join(parts)
        if rng.random() < 0.3:
            pick = rng.randrange(len(sentences))
            tag = rng.choice(["strong", "em"])
            sentences[pick] = f"<{tag}>{sentences[pick]}</{tag}>"
        text = " ".join(sentences)
        words += text.count(" ") + 1
        paragraphs.append(("p", text))
        count += 1
        if count == 3 and rng.random() < 0.6:
            paragraphs.append(("h2", prose.title()))
        if count == 5 and rng.random() < 0.3:
            paragraphs.append(("ul", [prose.sentence() for _ in range(rng.randrange(3, 6))]))
        if count == 6 and rng.random() < 0.25:
            paragraphs.append(("quote", prose.sentence()))
    if image:
        paragraphs.insert(min(2, len(paragraphs)), ("img", image))
    if rng.random() < 0.05:
        paragraphs.append(("p", f'More at <a href="https://www.example.org/reports/{index}">the river authority</a>.'))

    out = []
    for kind, content in paragraphs:
        if block:
            if kind == "p":
                out.append(f"<!-- wp:paragraph -->\n<p>{content}</p>\n<!-- /wp:paragraph -->")
            elif kind == "h2":
                out.append(f"<!-- wp:heading -->\n<h2>{content}</h2>\n<!-- /wp:heading -->")
            elif kind == "ul":
                items = "\n\n".join(f"<!-- wp:list-item -->\n<li>{item}</li>\n<!-- /wp:list-item -->" for item in content)
                out.append(f"<!-- wp:list -->\n<ul>{items}</ul>\n<!-- /wp:list -->")
            elif kind == "quote":
                out.append(f'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>{content}</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->')
            else:
                a = content
                out.append(f'<!-- wp:image {{"id":{a["id"]},"sizeSlug":"full","linkDestination":"none"}} -->\n'
                           f'<figure class="wp-block-image size-full"><img src="{a["url"]}" alt="{a["alt"]}" class="wp-image-{a["id"]}"/>'
                           f'<figcaption class="wp-element-caption">{a["caption"]}</figcaption></figure>\n<!-- /wp:image -->')
        else:
            if kind == "p":
                out.append(content)
            elif kind == "h2":
                out.append(f"<h2>{content}</h2>")
            elif kind == "ul":
                out.append("<ul>\n" + "\n".join(f" \t<li>{item}</li>" for item in content) + "\n</ul>")
            elif kind == "quote":
                out.append(f"<blockquote>{content}</blockquote>")
            else:
                a = content
                medium = f'{SITE}/wp-content/uploads/{a["folder"]}/{a["stem"]}-300x225{a["extension"]}'
                out.append(f'[caption id="attachment_{a["id"]}" align="aligncenter" width="300"]<img class="size-medium wp-image-{a["id"]}" '
                           f'src="{medium}" alt="{a["alt"]}" width="300" height="225" /> {a["caption"]}[/caption]')
    return "\n\n".join(out)


def write_post(w, rng, prose, index, post_id, info, permalink, local, gmt, categories, tags, term_ids, featured, inline, block, attachments, ids) -> None:
    links = []
    for _ in range(rng.randrange(0, 4)):
        if index == 0:
            break
        earlier = rng.randrange(0, index)
        links.append(permalink(earlier) if rng.random() < 0.7 else f"{SITE}/?p={ids[('post', earlier)]}")
    if rng.random() < 0.3:
        links.append(f"https://news.example.net/{rng.choice(WORDS)}/{rng.randrange(1000, 99999)}")
    content = body(rng, prose, index, block, links, attachments[inline] if inline is not None else None)
    excerpt = prose.sentence() + " " + prose.sentence() if rng.random() < 0.75 else ""
    status = info["status"]
    no_slug = status == "draft" and rng.random() < 0.5
    date_gmt = "0000-00-00 00:00:00" if status == "draft" else gmt(info["when"])
    pub_date = "" if status == "draft" else info["when"].strftime("%a, %d %b %Y %H:%M:%S +0000")
    link = permalink(index)
    author = AUTHORS[rng.randrange(len(AUTHORS))][1]
    # Posts were edited after publication now and then.
    modified = info["when"] + (dt.timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.15 else dt.timedelta())

    chosen_categories = rng.sample(range(1, len(categories)), k=rng.choice([1, 1, 1, 2])) if rng.random() > 0.02 else [0]
    chosen_tags = rng.sample(range(len(tags)), k=rng.randrange(2, 6))
    terms = [("category", categories[c][0], categories[c][1]) for c in chosen_categories] + [("post_tag", tags[t][0], tags[t][1]) for t in chosen_tags]
    terms.sort(key=lambda t: t[2])

    w.write(f"""
		<item>
		<title>{cdata(info["title"])}</title>
		<link>{link}</link>
		<pubDate>{pub_date}</pubDate>
		<dc:creator>{cdata(author)}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(content)}</content:encoded>
		<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(local(info["when"]))}</wp:post_date>
		<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
		<wp:post_modified>{cdata(local(modified))}</wp:post_modified>
		<wp:post_modified_gmt>{cdata(gmt(modified))}</wp:post_modified_gmt>
		<wp:comment_status>{cdata("open" if rng.random() < 0.6 else "closed")}</wp:comment_status>
		<wp:ping_status>{cdata("closed")}</wp:ping_status>
		<wp:post_name>{cdata("" if no_slug else info["slug"])}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata("post")}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>{1 if status == "publish" and rng.random() < 0.002 else 0}</wp:is_sticky>
\t\t\t\t\t\t\t\t\t\t""")
    w.write("\n".join(f'\t\t<category domain="{domain}" nicename="{slug}">{cdata(name)}</category>' for domain, slug, name in terms).lstrip("\t"))
    w.write("\n")
    meta = [("_edit_last", str(2 if author == "ilse.marrow" else 3))]
    if featured is not None:
        meta.append(("_thumbnail_id", str(attachments[featured]["id"])))
    if rng.random() < 0.3:
        meta.append(("_yoast_wpseo_primary_category", str(term_ids[("category", categories[chosen_categories[0]][0])])))
        meta.append(("_yoast_wpseo_metadesc", prose.sentence()))
    for key, value in meta:
        w.write(f"\t\t\t\t\t\t<wp:postmeta>\n\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n")
    w.write("\t\t\t\t\t\t\t</item>")


def write_attachment(w, a: dict, parent_id: int, parent_link: str, local, gmt) -> None:
    when = a["when"]
    w.write(f"""
		<item>
		<title>{cdata(a["title"])}</title>
		<link>{parent_link.rstrip("/")}/{slugify(a["title"])}/</link>
		<pubDate>{when.strftime("%a, %d %b %Y %H:%M:%S +0000")}</pubDate>
		<dc:creator>{cdata(AUTHORS[a["id"] % 2][1])}</dc:creator>
		<guid isPermaLink="false">{a["url"]}</guid>
		<description></description>
		<content:encoded>{cdata(a["credit"])}</content:encoded>
		<excerpt:encoded>{cdata(a["caption"])}</excerpt:encoded>
		<wp:post_id>{a["id"]}</wp:post_id>
		<wp:post_date>{cdata(local(when))}</wp:post_date>
		<wp:post_date_gmt>{cdata(gmt(when))}</wp:post_date_gmt>
		<wp:post_modified>{cdata(local(when))}</wp:post_modified>
		<wp:post_modified_gmt>{cdata(gmt(when))}</wp:post_modified_gmt>
		<wp:comment_status>{cdata("open")}</wp:comment_status>
		<wp:ping_status>{cdata("closed")}</wp:ping_status>
		<wp:post_name>{cdata(slugify(a["title"]))}</wp:post_name>
		<wp:status>{cdata("inherit")}</wp:status>
		<wp:post_parent>{parent_id}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata("attachment")}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
						<wp:attachment_url>{cdata(a["url"])}</wp:attachment_url>
""")
    for key, value in (("_wp_attached_file", f'{a["folder"]}/{a["name"]}'), ("_wp_attachment_metadata", a["metadata"]), ("_wp_attachment_image_alt", a["alt"])):
        w.write(f"\t\t\t\t\t\t\t<wp:postmeta>\n\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n")
    w.write("\t\t\t\t\t\t\t</item>")


if __name__ == "__main__":
    sys.exit(main())
