"""Images as readers get them: resized, stripped renditions only, sized to the screen.

A photo with a GPS position, a camera serial number and an author field is uploaded through the
newsroom and made the top image of a published article. Every image address the public can find
for it (the article page's `<picture>`, share tags and JSON-LD, the feeds, the Content API) is
fetched and read with exiftool: none may carry any metadata. Chromium at phone and desktop widths
loads a rendition fitting the screen, never the original. A decompression bomb, a PDF and an SVG
named `.jpg` are refused, and the server's peak memory stays low.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, expect

from conftest import ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, REPO_ROOT, NewsroomServer
from test_newsroom import action_button, choose_from_library, newsroom_page, sign_in, write_draft

FIXTURES = REPO_ROOT / "Tests" / "fixtures" / "images"
ALT = "Fishing boats moored along a stone quay"
TITLE = "Quay walls give way as the tide tables change"


def upload(page: Page, name: str, alt: str = ALT) -> Page:
    """Uploads the fixture `name` through the media library; the page shows the outcome."""
    page.goto("/admin/media")
    form = page.locator("form[method=post][action='/admin/media']")
    form.locator("[name=file]").set_input_files(str(FIXTURES / name))
    form.locator("[name=alt]").fill(alt)
    form.locator("[name=caption]").fill("The harbour at low water.")
    form.locator("[name=credit]").fill("Photo: Test Desk")
    form.get_by_role("button", name="Upload").click()
    return page


def wait_for_renditions(page: Page, media_id: int, seconds: float = 120) -> None:
    """Waits until the media page says the image's renditions are made."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page.goto(f"/admin/media/{media_id}")
        if "Resized copies made" in page.locator("main").inner_text():
            return
        time.sleep(1)
    raise AssertionError(f"the renditions of image {media_id} were not made within {seconds} s")


def get(url: str) -> tuple[int, str, bytes]:
    """GETs `url` without cookies, following redirects; returns the final status, address and body."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.url, response.read()


def metadata_of(path: Path) -> dict:
    """exiftool's view of the file at `path`, every tag named with its group."""
    result = subprocess.run(["exiftool", "-json", "-G", "-a", str(path)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)[0]


def metadata_groups(tags: dict) -> set[str]:
    """The metadata groups in exiftool's tags: everything but the file system's and the format's own."""
    kept = {"ExifTool", "File", "System", "Composite", "JFIF", "PNG", "RIFF", "QuickTime", "GIF"}
    return {key.split(":")[0] for key in tags if ":" in key and key.split(":")[0] not in kept}


def published_article_with_photo(server: NewsroomServer, open_context) -> tuple[Page, str, int]:
    """Signs in, uploads the GPS photo, publishes an article with it on top; returns the page, slug and image id."""
    page = newsroom_page(open_context, server)
    sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
    upload(page, "photo-gps.jpg")
    expect(page).to_have_url(re.compile(r"/admin/media/\d+\?done=uploaded$"))
    media_id = int(re.search(r"/admin/media/(\d+)", page.url).group(1))
    write_draft(page, TITLE, "Engineers say the old stone was never meant for this.", "The quay moved an inch overnight.",
                "Trade & Sanctions", ALT, first_author=ADMIN_NAME)
    slug = page.locator("form#editor [name=slug]").input_value()
    action_button(page, "publish").click()
    expect(page.locator(".heading-row .state")).to_have_text("Published")
    wait_for_renditions(page, media_id)
    return page, slug, media_id


def test_no_image_served_to_the_public_carries_metadata(fresh_newsroom: NewsroomServer, open_context, tmp_path: Path) -> None:
    server = fresh_newsroom
    original = metadata_of(FIXTURES / "photo-gps.jpg")
    assert "EXIF:GPSLatitude" in original and "EXIF:SerialNumber" in original, "the fixture has the metadata to strip"
    _, slug, media_id = published_article_with_photo(server, open_context)

    addresses: set[str] = set()
    _, _, article = get(f"{server.url}/articles/{slug}")
    html = article.decode()
    top = re.search(r'<figure class="top-image">(.*?)</figure>', html, re.S).group(1)
    assert "<picture>" in top and 'type="image/webp"' in top, top
    for srcset in re.findall(r'srcset="([^"]+)"', top):
        addresses.update(part.strip().split(" ")[0] for part in srcset.split(","))
    addresses.update(re.findall(r'<img src="([^"]+)"', top))
    addresses.update(re.findall(r'<meta (?:property="og:image"|name="twitter:image") content="([^"]+)"', html))
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "NewsArticle":
            addresses.update(image["url"] for image in data["image"])
    _, _, rss = get(f"{server.url}/feed.xml")
    addresses.update(re.findall(r'<media:content url="([^"]+)"', rss.decode()))
    _, _, feed = get(f"{server.url}/feed.json")
    addresses.update(item["image"] for item in json.loads(feed)["items"] if "image" in item and slug in item["url"])
    _, _, api = get(f"{server.url}/api/content/v1/articles/{slug}")
    addresses.add(json.loads(api)["article"]["image"]["url"])

    photo_addresses = {a for a in addresses if a.startswith(("/", server.url)) and "/media/" in a}
    assert len(photo_addresses) >= 8, photo_addresses
    checked = 0
    for address in sorted(photo_addresses):
        url = address if address.startswith("http") else server.url + address
        status, final, body = get(url)
        assert status == 200, f"{url} -> {status}"
        assert "/media/r/" in final, f"{url} was served from {final}, not a rendition"
        file = tmp_path / f"image-{checked}"
        file.write_bytes(body)
        tags = metadata_of(file)
        leaked = metadata_groups(tags)
        assert not leaked, f"{final} carries {sorted(leaked)}: {[k for k in tags if k.split(':')[0] in leaked]}"
        assert not any("GPS" in key or "Serial" in key or "Artist" in key for key in tags), f"{final}: {tags}"
        checked += 1
    assert checked >= 8

    # The original's own address, which newsletters sent earlier may hold, leads readers to a rendition too.
    with sqlite3.connect(server.database) as db:
        (name,) = db.execute("SELECT file_name FROM media WHERE id = ?", (media_id,)).fetchone()
    status, final, _ = get(f"{server.url}/media/{name}")
    assert status == 200 and "/media/r/" in final, final


def test_phones_load_a_rendition_no_wider_than_needed(fresh_newsroom: NewsroomServer, open_context) -> None:
    server = fresh_newsroom
    _, slug, _ = published_article_with_photo(server, open_context)
    widths = {}
    for device, viewport in (("phone", 390), ("desktop", 1280)):
        context = open_context(device, base_url=server.url)
        page = context.new_page()
        images: list[tuple[str, int]] = []
        page.on("response", lambda response, images=images: images.append((response.url, len(response.body())))
                if response.request.resource_type == "image" else None)
        page.goto(f"/articles/{slug}")
        page.wait_for_load_state("networkidle")
        top = [url for url, _ in images if re.search(r"/media/r/[0-9a-f]{12}-", url) and "1200x" not in url]
        assert top, f"{device}: no rendition of the top image loaded: {images}"
        assert not any(re.search(r"/media/[0-9a-f]{32}\.", url) for url, _ in images), f"{device} loaded an original: {images}"
        chosen = int(re.search(r"-(\d+)x\d+-", top[0]).group(1))
        ratio = page.evaluate("window.devicePixelRatio")
        rendered = page.locator(".top-image img").evaluate("img => img.getBoundingClientRect().width")
        assert chosen >= min(rendered * ratio, 1067) - 1, f"{device}: {chosen} px for {rendered} css px at {ratio}x"
        widths[device] = chosen
        context.close()
    assert widths["phone"] <= widths["desktop"], widths


def test_bombs_and_documents_named_like_images_are_refused_in_bounded_memory(fresh_newsroom: NewsroomServer, open_context) -> None:
    server = fresh_newsroom
    page = newsroom_page(open_context, server)
    sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
    for name, message in (
        ("bomb.png", "20000 × 20000 pixels, 400 megapixels; the limit is 100"),
        ("pdf-named.jpg", "This file is not a JPEG, PNG, WebP or GIF image."),
        ("svg-named.jpg", "This file is not a JPEG, PNG, WebP or GIF image."),
        ("truncated.jpg", "This image cannot be read: it is damaged or cut short"),
    ):
        upload(page, name, alt=f"Refused {name}")
        expect(page.locator("main")).to_contain_text(message)
    page.goto("/admin/media?q=Refused")
    expect(page.locator("main")).not_to_contain_text("Refused bomb.png")
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    peak_kb = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
    assert peak_kb < 300 * 1024, f"peak resident memory {peak_kb // 1024} MB"


def test_the_media_desk_uploads_several_files_with_progress_and_the_editor_places_them_from_the_grid(
    fresh_newsroom: NewsroomServer, open_context
) -> None:
    server = fresh_newsroom
    page = newsroom_page(open_context, server)
    sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto("/admin/media")
    form = page.locator("form[data-multi-upload]")
    form.locator("[name=file]").set_input_files([str(FIXTURES / name) for name in ("cmyk.jpg", "transparent.png", "pdf-named.jpg")])
    expect(form.locator(".shared-alt")).to_be_hidden()
    form.get_by_label("Alt text for cmyk.jpg").fill("Cranes over the container terminal")
    form.get_by_label("Alt text for transparent.png").fill("The harbour board emblem")
    form.get_by_label("Alt text for pdf-named.jpg").fill("A document dressed as a photograph")
    form.locator("[name=credit]").fill("Photo: Test Desk")
    form.get_by_role("button", name="Upload").click()
    expect(form.locator(".upload-summary")).to_have_text("2 image(s) uploaded; 1 refused: correct them and upload again.", timeout=30_000)
    rows = form.locator(".upload-queue li")
    for index in (0, 1):
        assert rows.nth(index).locator("progress").evaluate("bar => bar.value") == 100
        expect(rows.nth(index).get_by_role("link", name="Uploaded: open")).to_have_attribute("href", re.compile(r"^/admin/media/\d+$"))
    expect(rows.nth(2)).to_contain_text("This file is not a JPEG, PNG, WebP or GIF image.")
    page.goto("/admin/media?q=Test+Desk")
    expect(page.locator(".count")).to_have_text("2 image(s)")

    # The editor takes its top image from the library's grid and puts another in the text as a figure.
    write_draft(page, "Harbour board redraws the night shifts", "Cranes will stop at ten.", "The board met on Tuesday.",
                "Trade & Sanctions", "Cranes over the container terminal", first_author=ADMIN_NAME)
    body = page.locator("form#editor textarea[name=body]")
    body.press("End")
    page.locator("form#editor .toolbar").get_by_role("button", name="Image").click()
    choose_from_library(page, "The harbour board emblem")
    expect(body).to_have_value(re.compile(
        r"^The board met on Tuesday\.\n\n:::figure\n!\[The harbour board emblem\]\(/media/[0-9a-f]{32}\.png\)\nCredit: Photo: Test Desk\n:::\n\n$"))
    action_button(page, "save").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/\d+\?done=saved$"))
    slug = page.locator("form#editor [name=slug]").input_value()
    action_button(page, "publish").click()
    expect(page.locator(".heading-row .state")).to_have_text("Published")
    status, _, html = get(server.url + f"/articles/{slug}")
    text = html.decode()
    assert status == 200
    assert re.search(r'<figure class="body-figure">(<picture>.*?)?<img src="/media/[^"]+" [^>]*width="\d+" height="\d+"[^>]*alt="The harbour board emblem"', text), text
    assert '<span class="credit">Photo: Test Desk</span>' in text
