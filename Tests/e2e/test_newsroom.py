"""The newsroom under /admin, driven in Chromium against kiosk servers of its own.

- The acceptance test of the newsroom: an administrator invites an editor and a contributor; the
  contributor uploads an image and submits an article with it; the editor previews it and schedules
  it a minute ahead; the server is stopped and started again, and the article goes live on time.
- Script payloads typed into every kind of text field stay text, on the public site and in the
  newsroom, with the content security policy bypassed so that an injection would really run.
- Quick checks: a wrong password, two people saving the same article, and axe-core on the sign-in
  page and the editor.

These tests run their own servers (see `NewsroomServer` in conftest.py), never the shared demo
server, because they add accounts and content and the first one restarts its server.
"""

from __future__ import annotations

import json
import re
import struct
import time
import zlib
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from conftest import ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, REPO_ROOT, NewsroomServer
from helpers import describe_violations, fetch

AXE_DIR = REPO_ROOT / "test-artifacts" / "axe"
BLOCKING = {"serious", "critical"}

# How far ahead the article is scheduled: the first whole minute at least this many seconds away,
# so that the server can be stopped, started and checked once before the article is due.
SCHEDULE_LEAD_S = 40
# How long after its time a scheduled article may take to show up everywhere.
GO_LIVE_GRACE_S = 5.0


# --------------------------------------------------------------------------- helpers


def png_image(width: int = 48, height: int = 32, seed: int = 0) -> bytes:
    """A small valid RGB PNG with a gradient (different `seed`s give different files)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + bytes(value for x in range(width) for value in ((x * 5 + seed) % 256, (y * 7) % 256, (120 + seed * 31) % 256))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def newsroom_page(open_context, server: NewsroomServer, **options) -> Page:
    """A desktop page in a fresh browser context (its own cookies) on `server`."""
    context: BrowserContext = open_context("desktop", base_url=server.url, **options)
    return context.new_page()


def sign_in(page: Page, email: str, password: str) -> None:
    response = page.goto("/admin/login")
    assert response is not None and response.status == 200, f"GET /admin/login -> {response and response.status}"
    form = page.locator("form[action='/admin/login']")
    form.locator("[name=email]").fill(email)
    form.locator("[name=password]").fill(password)
    form.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/articles$"))


def invite(page: Page, server: NewsroomServer, email: str, role: str) -> str:
    """Creates an invitation on the people page and returns the link it shows."""
    page.goto("/admin/users")
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    form = page.locator("form[action='/admin/users/invite']")
    form.locator("[name=email]").fill(email)
    form.locator("select[name=role]").select_option(role)
    form.get_by_role("button", name="Create invitation").click()
    field = page.locator("#invite-link")
    expect(field).to_be_visible()
    link = field.input_value()
    assert re.fullmatch(re.escape(server.url) + r"/admin/invitations/[^/?#\s]+", link), link
    expect(page.locator("main")).to_contain_text(email)  # among the pending invitations
    return link


def accept_invitation(page: Page, link: str, name: str, password: str, role_name: str) -> None:
    response = page.goto(link)
    assert response is not None and response.status == 200, f"GET {link} -> {response and response.status}"
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the newsroom")
    expect(page.locator("main")).to_contain_text(role_name)
    page.locator("[name=name]").fill(name)
    page.locator("[name=password]").fill(password)
    page.locator("[name=password_again]").fill(password)
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(re.compile(r"/admin/articles(\?done=created)?$"))
    expect(page.locator(".who")).to_contain_text(f"{name} · {role_name}")


def upload_image(page: Page, png: bytes, alt: str, caption: str, credit: str) -> int:
    """Uploads an image through the media library and returns its id."""
    page.goto("/admin/media")
    form = page.locator("form[method=post][action='/admin/media']")
    form.locator("[name=file]").set_input_files({"name": "harbour.png", "mimeType": "image/png", "buffer": png})
    form.locator("[name=alt]").fill(alt)
    form.locator("[name=caption]").fill(caption)
    form.locator("[name=credit]").fill(credit)
    form.get_by_role("button", name="Upload").click()
    expect(page).to_have_url(re.compile(r"/admin/media/\d+\?done=uploaded$"))
    return int(re.search(r"/admin/media/(\d+)", page.url).group(1))


def write_draft(page: Page, title: str, dek: str, body: str, section: str, image_alt: str | None, first_author: str) -> int:
    """Writes a new article in the editor, creates the draft and returns its id."""
    page.goto("/admin/articles/new")
    editor = page.locator("form#editor")
    editor.locator("[name=title]").fill(title)
    editor.locator("[name=dek]").fill(dek)
    editor.locator("textarea[name=body]").fill(body)
    editor.locator("select[name=section]").select_option(label=section)
    # The first byline slot starts with the writer's own author profile.
    expect(editor.locator("select[name=authors]").first.locator("option:checked")).to_have_text(first_author)
    if image_alt is not None:
        choose_top_image(page, image_alt)
    editor.get_by_role("button", name="Create draft").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/\d+\?done=created$"))
    expect(state(page)).to_have_text("Draft")
    return int(re.search(r"/admin/articles/(\d+)", page.url).group(1))


def choose_from_library(page: Page, alt: str) -> None:
    """Picks the image described by `alt` in the open image chooser, found by searching its text."""
    dialog = page.get_by_role("dialog", name="Choose an image")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Search alt text, caption and credit").fill(alt)
    expect(dialog.locator(".chooser-status")).to_have_text("1 image(s) shown.")
    dialog.get_by_role("button", name=alt, exact=True).click()
    expect(dialog).to_be_hidden()


def choose_top_image(page: Page, alt: str) -> None:
    """Picks the top image from the library's grid in the editor, as an editor does."""
    page.get_by_role("button", name="Choose from the library").click()
    choose_from_library(page, alt)
    expect(page.locator(".chosen-image")).to_have_text(alt)


def state(page: Page):
    """The workflow state shown at the top of the editor."""
    return page.locator(".heading-row .state")


def action_button(page: Page, value: str):
    return page.locator(f"form#editor button[name=action][value={value}]")


def slug_from(title: str) -> str:
    """The slug Kiosk derives from a plain ASCII headline."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))


def next_minute_at_least(seconds: float) -> datetime:
    """The first whole minute (UTC) at least `seconds` from now."""
    moment = datetime.now(timezone.utc) + timedelta(seconds=seconds)
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


# --------------------------------------------------------------------------- 1. the acceptance test

EDITOR = ("editor@example.org", "Edith Editor", "ledger-orchard-violet-17")
CONTRIBUTOR = ("contributor@example.org", "Conrad Contributor", "copper-meadow-signal-58")
TITLE = "Harbour pilots walk out as Rotterdam halts night shipping"
DEK = "A dispute over rest rules stops the largest port in Europe after dark."
BODY = "Pilots at Rotterdam stopped guiding ships after dark on Monday.\n\nThe port authority said talks would resume on Thursday."
SECTION = ("Trade & Sanctions", "trade")
IMAGE = {
    "alt": "Container cranes at the Maasvlakte terminal at dusk",
    "caption": "Idle cranes at the Maasvlakte terminal on Monday evening.",
    "credit": "Photo: Joost de Wit for The Meridian",
}


def test_invited_team_schedules_an_article_that_goes_live_after_a_restart(
    fresh_newsroom: NewsroomServer, open_context, traffic, screenshot
) -> None:
    server = fresh_newsroom

    # The administrator invites an editor and a contributor.
    admin = newsroom_page(open_context, server)
    sign_in(admin, ADMIN_EMAIL, ADMIN_PASSWORD)
    expect(admin.locator(".who")).to_contain_text(f"{ADMIN_NAME} · Administrator")
    editor_link = invite(admin, server, EDITOR[0], "editor")
    contributor_link = invite(admin, server, CONTRIBUTOR[0], "contributor")
    assert editor_link != contributor_link

    # Each opens their link in a browser of their own and lands signed in.
    editor = newsroom_page(open_context, server)
    accept_invitation(editor, editor_link, EDITOR[1], EDITOR[2], "Editor")
    contributor = newsroom_page(open_context, server)
    accept_invitation(contributor, contributor_link, CONTRIBUTOR[1], CONTRIBUTOR[2], "Contributor")
    # A link works once.
    stranger = newsroom_page(open_context, server)
    response = stranger.goto(editor_link)
    assert response is not None and response.status == 410, f"reused invitation -> {response and response.status}"
    expect(stranger.locator("main")).to_contain_text("used already")

    # The contributor uploads an image and writes an article around it, then submits it.
    upload_image(contributor, png_image(seed=1), **IMAGE)
    article_id = write_draft(contributor, TITLE, DEK, BODY, SECTION[0], IMAGE["alt"], first_author=CONTRIBUTOR[1])
    slug = contributor.locator("form#editor [name=slug]").input_value()
    assert slug == slug_from(TITLE), slug
    action_button(contributor, "submit").click()
    expect(contributor).to_have_url(re.compile(rf"/admin/articles/{article_id}\?done=submitted$"))
    expect(state(contributor)).to_have_text("In review")

    # The editor finds it among the articles in review and previews it.
    editor.goto("/admin/articles?state=review")
    editor.get_by_role("link", name=TITLE, exact=True).click()
    expect(editor).to_have_url(re.compile(rf"/admin/articles/{article_id}$"))
    expect(state(editor)).to_have_text("In review")
    editor.get_by_role("link", name="Preview", exact=True).click()
    expect(editor).to_have_url(re.compile(rf"/admin/articles/{article_id}/preview$"))
    expect(editor.locator("iframe")).to_have_count(2)
    editor.wait_for_load_state("load")  # the frames and their images have loaded
    for frame_title in ("Preview at phone width", "Preview at desktop width"):
        expect(editor.locator(f"iframe[title='{frame_title}']")).to_have_attribute("src", f"/admin/articles/{article_id}/render")
        frame = editor.frame_locator(f"iframe[title='{frame_title}']")
        expect(frame.locator("h1.headline")).to_have_text(TITLE)
        figure = frame.locator("figure.top-image")
        expect(figure.locator("img")).to_have_attribute("alt", IMAGE["alt"])
        expect(figure.locator(".caption")).to_have_text(IMAGE["caption"])
        expect(figure.locator(".credit")).to_have_text(IMAGE["credit"])
        assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0"), f"top image not shown in {frame_title}"
    screenshot(editor, "preview")

    # Back in the editor, it is scheduled a minute ahead, in the publication's time zone.
    editor.get_by_role("link", name="Back to the editor").click()
    expect(editor).to_have_url(re.compile(rf"/admin/articles/{article_id}$"))
    zone_label = editor.locator("label[for=publish_at]").inner_text().strip()
    zone_match = re.fullmatch(r"or at \((.+)\)", zone_label)
    assert zone_match, f"no time zone next to the schedule field: {zone_label!r}"
    zone = ZoneInfo(zone_match.group(1))
    go_live = next_minute_at_least(SCHEDULE_LEAD_S)
    local = go_live.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    editor.locator("#publish_at").fill(local)
    action_button(editor, "schedule").click()
    expect(editor).to_have_url(re.compile(rf"/admin/articles/{article_id}\?done=scheduled$"))
    expect(state(editor)).to_have_text("Scheduled")
    shown = go_live.astimezone(zone)
    expect(editor.locator(".heading-row .meta")).to_contain_text(re.compile(rf"Live: .*\b0?{shown.hour}:{shown.minute:02d}\b"))
    expect(editor.locator("#publish_at")).to_have_value(local)
    screenshot(editor, "editor")

    # Until then readers see nothing of it.
    article_path = f"/articles/{slug}"
    section_path = f"/sections/{SECTION[1]}"

    def reader_view() -> tuple[int, bool, bool, bool, float]:
        """Status of the article page, whether the headline is on /latest, the section and the home page, and when all was fetched."""
        status = fetch(server.url, article_path).status
        listed = [TITLE in fetch(server.url, path).text for path in ("/latest", section_path, "/")]
        return status, listed[0], listed[1], listed[2], time.time()

    status, on_latest, on_section, on_home, fetched_at = reader_view()
    assert fetched_at < go_live.timestamp(), "the test was too slow to look at the site before the scheduled time"
    assert (status, on_latest, on_section, on_home) == (404, False, False, False), (
        f"scheduled article visible before its time: {article_path} -> {status}, on /latest {on_latest}, "
        f"on {section_path} {on_section}, on / {on_home}"
    )

    # The server goes down and comes back on the same database; the schedule must survive it.
    server.stop()
    server.start()

    checks_before = 0
    while True:
        status, on_latest, on_section, on_home, fetched_at = reader_view()
        if fetched_at >= go_live.timestamp():
            break
        assert (status, on_latest, on_section, on_home) == (404, False, False, False), (
            f"after the restart, {go_live.timestamp() - fetched_at:.1f} s before its time: {article_path} -> {status}, "
            f"on /latest {on_latest}, on {section_path} {on_section}, on / {on_home}"
        )
        checks_before += 1
        time.sleep(min(1.0, max(0.05, go_live.timestamp() - time.time())))
    assert checks_before >= 1, "the restart took so long that the article could not be checked before its time"

    deadline = go_live.timestamp() + GO_LIVE_GRACE_S
    while True:
        status, on_latest, on_section, on_home, fetched_at = reader_view()
        if status == 200 and on_latest and on_section:
            break
        assert fetched_at < deadline, (
            f"{GO_LIVE_GRACE_S:.0f} s after its scheduled time ({local} {zone.key}) the article is not live everywhere: "
            f"{article_path} -> {status}, on /latest {on_latest}, on {section_path} {on_section}\n"
            f"server log:\n{server.log_tail()}"
        )
        time.sleep(0.2)
    print(f"\nlive {fetched_at - go_live.timestamp():.2f} s after its time; {checks_before} check(s) before it after the restart")

    # A reader sees it with its top image.
    reader = newsroom_page(open_context, server)
    response = reader.goto(article_path)
    assert response is not None and response.status == 200
    expect(reader.locator("h1.headline")).to_have_text(TITLE)
    expect(reader.locator("p.dek")).to_have_text(DEK)
    expect(reader.locator(".byline")).to_contain_text(CONTRIBUTOR[1])
    figure = reader.locator("figure.top-image")
    expect(figure.locator("img")).to_have_attribute("alt", IMAGE["alt"])
    expect(figure.locator(".caption")).to_have_text(IMAGE["caption"])
    expect(figure.locator(".credit")).to_have_text(IMAGE["credit"])
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0"), "the top image did not load"
    for path in ("/latest", section_path):
        reader.goto(path)
        expect(reader.locator("main").get_by_role("link", name=TITLE, exact=True).first).to_be_visible()

    # And the newsroom shows it as published.
    editor.reload()
    expect(state(editor)).to_have_text("Published")

    assert not traffic.blocked, f"requests left loopback: {traffic.blocked}"
    assert not traffic.page_errors, f"script errors: {traffic.page_errors}"


# --------------------------------------------------------------------------- 2. script payloads


def payload(field: str) -> str:
    """Markup that would run a script, in element, attribute and script contexts, named after `field`."""
    return (
        f'{field}: <script>alert("{field}")</script> "><img src=x onerror=alert("{field}")> '
        f"'><svg onload=alert(\"{field}\")></svg> </script><script>alert(\"{field}\")</script>"
    )


P_TITLE, P_DEK, P_ALT, P_CAPTION, P_CREDIT, P_BIO, P_SECTION = (
    payload(name) for name in ("title", "dek", "alt", "caption", "credit", "bio", "section")
)

# What a page would hold if a payload had become markup rather than text.
INJECTED_MARKUP = """() => {
    const found = [];
    for (const element of document.querySelectorAll('[onerror], [onload], img[src="x"]')) found.push(element.outerHTML);
    for (const script of document.scripts) {
        if (script.type === 'application/ld+json') {
            try { JSON.parse(script.textContent); } catch (error) { found.push('broken JSON-LD: ' + script.textContent.slice(0, 200)); }
        } else if (script.textContent.includes('alert(')) {
            found.push(script.outerHTML);
        }
    }
    return found;
}"""


class Inertness:
    """Watches a browser context for dialogs and checks pages for payloads that became markup."""

    def __init__(self, context: BrowserContext) -> None:
        self.dialogs: list[str] = []
        context.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}({dialog.message!r}) on {dialog.page.url if dialog.page else '?'}")
        dialog.dismiss()

    def check(self, page: Page, texts: list[str]) -> None:
        """No dialog so far, no injected element in the page or its frames, each text shown literally."""
        assert not self.dialogs, f"a payload ran: {self.dialogs}"
        for frame in page.frames:
            injected = frame.evaluate(INJECTED_MARKUP)
            assert not injected, f"payload became markup on {frame.url}: {injected}"
        for text in texts:
            expect(page.locator("main").get_by_text(text, exact=True).first).to_be_visible()


def visit(page: Page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None and response.status == status, f"GET {path} -> {response and response.status}"
    page.wait_for_load_state("load")


def save_term(page: Page, kind: str, name: str, description: str) -> None:
    """Changes the description (or biography) of a section or author on its management page."""
    page.goto(f"/admin/{kind}")
    term = page.locator("section.term").filter(has=page.get_by_role("heading", name=name, exact=True))
    expect(term).to_have_count(1)
    term.locator("[name=description]").fill(description)
    term.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/admin/{kind}\?done=saved$"))


def test_script_payloads_stay_text(newsroom: NewsroomServer, open_context, traffic) -> None:
    # bypass_csp: the site's policy forbids inline scripts, which would hide an escaping mistake.
    page = newsroom_page(open_context, newsroom, bypass_csp=True)
    watch = Inertness(page.context)
    sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)

    save_term(page, "authors", ADMIN_NAME, P_BIO)
    save_term(page, "sections", "Africa", P_SECTION)

    media_id = upload_image(page, png_image(seed=2), alt="Ferry terminal at Mombasa", caption="Plain caption", credit="Plain credit")
    page.goto(f"/admin/media/{media_id}")
    form = page.locator(f"form[action='/admin/media/{media_id}']")
    form.locator("[name=alt]").fill(P_ALT)
    form.locator("[name=caption]").fill(P_CAPTION)
    form.locator("[name=credit]").fill(P_CREDIT)
    form.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/admin/media/{media_id}\?done=saved$"))

    article_id = write_draft(page, P_TITLE, P_DEK, "Ferries ran late all week.", "Africa", P_ALT, first_author=ADMIN_NAME)
    slug = page.locator("form#editor [name=slug]").input_value()
    action_button(page, "publish").click()
    expect(page).to_have_url(re.compile(rf"/admin/articles/{article_id}\?done=published$"))
    expect(state(page)).to_have_text("Published")

    # The public site.
    visit(page, f"/articles/{slug}")
    watch.check(page, [P_TITLE, P_DEK, P_CAPTION, P_CREDIT])
    expect(page.locator("h1.headline")).to_have_text(P_TITLE)
    expect(page.locator("figure.top-image img")).to_have_attribute("alt", P_ALT)
    assert P_TITLE in page.title(), page.title()
    visit(page, "/authors/ada-admin")
    watch.check(page, [P_BIO, P_TITLE])
    visit(page, "/sections/africa")
    watch.check(page, [P_SECTION, P_TITLE])
    visit(page, "/")
    watch.check(page, [P_TITLE])
    visit(page, "/latest")
    watch.check(page, [P_TITLE])

    # The newsroom.
    visit(page, "/admin/articles")
    watch.check(page, [P_TITLE])
    visit(page, f"/admin/articles/{article_id}")
    watch.check(page, [P_TITLE])
    expect(page.locator("form#editor [name=title]")).to_have_value(P_TITLE)
    expect(page.locator("form#editor [name=dek]")).to_have_value(P_DEK)
    expect(page.locator("form#editor select[name=top_media] option:checked")).to_have_text(P_ALT)
    assert P_TITLE in page.title(), page.title()
    visit(page, f"/admin/articles/{article_id}/preview")
    watch.check(page, [f"Preview: {P_TITLE}"])
    expect(page.frame_locator("iframe[title='Preview at desktop width']").locator("h1.headline")).to_have_text(P_TITLE)
    visit(page, f"/admin/articles/{article_id}/revisions")
    watch.check(page, [P_TITLE])
    visit(page, "/admin/media")
    watch.check(page, [P_ALT])
    visit(page, f"/admin/media/{media_id}")
    watch.check(page, [P_CREDIT])
    expect(page.locator("figure figcaption")).to_have_text(f"{P_CAPTION} {P_CREDIT}")
    expect(page.locator("figure img")).to_have_attribute("alt", P_ALT)
    for name, value in (("alt", P_ALT), ("caption", P_CAPTION), ("credit", P_CREDIT)):
        expect(page.locator(f"form[action='/admin/media/{media_id}'] [name={name}]")).to_have_value(value)
    visit(page, "/admin/authors")
    watch.check(page, [])
    expect(page.locator("section.term textarea[name=description]").filter(has_text="bio:")).to_have_value(P_BIO)
    visit(page, "/admin/sections")
    watch.check(page, [])
    expect(page.locator("section.term textarea[name=description]").filter(has_text="section:")).to_have_value(P_SECTION)

    assert not watch.dialogs, f"a payload ran: {watch.dialogs}"
    assert not traffic.blocked, f"requests left loopback: {traffic.blocked}"
    assert not traffic.page_errors, f"script errors: {traffic.page_errors}"


# --------------------------------------------------------------------------- 3. quick checks


def test_wrong_password_is_refused(newsroom: NewsroomServer, open_context) -> None:
    page = newsroom_page(open_context, newsroom)
    page.goto("/admin/login")
    page.locator("[name=email]").fill(ADMIN_EMAIL)
    page.locator("[name=password]").fill("not-the-right-password-1")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401, answer.value.status
    expect(page.locator("[role=alert]")).to_contain_text("do not match")
    expect(page.locator("[name=email]")).to_have_value(ADMIN_EMAIL)
    response = page.goto("/admin/articles")
    assert response is not None
    expect(page).to_have_url(re.compile(r"/admin/login(\?|$)"))  # still signed out


def test_second_save_of_the_same_article_is_refused(newsroom: NewsroomServer, open_context) -> None:
    first = newsroom_page(open_context, newsroom)
    sign_in(first, ADMIN_EMAIL, ADMIN_PASSWORD)
    article_id = write_draft(first, "Grain convoy waits at the Bosporus", "Inspections slow.", "First text.", "Europe", None, ADMIN_NAME)

    # The same person in a second browser opens the article before the first saves.
    second = newsroom_page(open_context, newsroom)
    sign_in(second, ADMIN_EMAIL, ADMIN_PASSWORD)
    second.goto(f"/admin/articles/{article_id}")

    first.goto(f"/admin/articles/{article_id}")
    first.locator("textarea[name=body]").fill("First text, with a correction from the first tab.")
    action_button(first, "save").click()
    expect(first).to_have_url(re.compile(rf"/admin/articles/{article_id}\?done=saved$"))

    second.locator("[name=title]").fill("Grain convoy still waits at the Bosporus")
    with second.expect_response(lambda response: response.request.method == "POST") as answer:
        action_button(second, "save").click()
    assert answer.value.status == 409, answer.value.status
    expect(second.locator("[role=alert]")).to_contain_text("Someone else saved")
    expect(second.locator("[name=title]")).to_have_value("Grain convoy still waits at the Bosporus")  # nothing typed is lost

    second.goto(f"/admin/articles/{article_id}/revisions")
    rows = second.locator("table tbody tr")
    expect(rows.filter(has_text="Not saved (conflict)")).to_have_count(1)
    expect(rows.filter(has_text="Not saved (conflict)")).to_contain_text("Grain convoy still waits at the Bosporus")
    first.reload()
    expect(first.locator("[name=title]")).to_have_value("Grain convoy waits at the Bosporus")  # the first save stands


_axe = Axe()


@pytest.mark.parametrize("name", ["login", "editor"])
def test_newsroom_has_no_serious_accessibility_violations(newsroom: NewsroomServer, open_context, device: str, name: str) -> None:
    page = open_context(device, base_url=newsroom.url).new_page()
    if name == "login":
        path = "/admin/login"
    else:
        sign_in(page, ADMIN_EMAIL, ADMIN_PASSWORD)
        path = "/admin/articles/1"  # a published demo article: every editor control is there
    response = page.goto(path)
    assert response is not None and response.status == 200, f"GET {path} -> {response and response.status}"
    page.wait_for_load_state("load")
    if name == "editor":
        expect(page.locator("#live-preview > *").first).to_be_attached()  # the script has filled the live preview

    results = _axe.run(page).response
    assert results["passes"], "axe-core checked nothing"
    violations = results["violations"]
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    (AXE_DIR / f"admin-{name}-{page.viewport_size['width']}px.json").write_text(json.dumps(violations, indent=2))

    minor = [v for v in violations if v.get("impact") not in BLOCKING]
    if minor:
        print(f"\naxe, lower impact, {path} at {device}:\n{describe_violations(minor)}")
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert not blocking, (
        f"axe found {len(blocking)} serious/critical violation(s) on {path} at {device} width:\n{describe_violations(blocking)}"
    )
