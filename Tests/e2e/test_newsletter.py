"""The newsletter against a real SMTP server: aiosmtpd on loopback, requiring STARTTLS and AUTH.

- The acceptance flow: a reader subscribes on the site, the confirmation email arrives, its link
  opens a page whose button confirms; an editor sends a round-up; it arrives with both bodies and
  the unsubscribe headers; a one-click unsubscribe POST (RFC 8058) works, and the next issue skips
  that address.
- Crash test: an issue to 5,000 subscribers, the server killed with SIGKILL three times while
  sending and restarted; in the end every subscriber has the issue exactly once, give or take the
  stated bound of repeats (one per connection per crash).
- An SMTP server that refuses some recipients (550) and defers others (451): refused ones are
  recorded and suppressed, deferred ones retried, nothing lost.
"""

from __future__ import annotations

import email
import os
import email.policy
import re
import sqlite3
import ssl
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from playwright.sync_api import Page, expect

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, NewsroomServer, _free_port

SMTP_USER = "kiosk"
SMTP_PASSWORD = "mail-relay-secret"


class Inbox:
    """What the SMTP server received, parsed with Python's email package."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.raw: list[bytes] = []  # each message's bytes as received, in the same order
        self.lock = threading.Lock()
        self.refuse: dict[str, str] = {}  # address -> SMTP reply for RCPT TO
        self.drop_during_data: set[str] = set()  # addresses whose DATA the server cuts off
        self.end_of_data_reply: dict[str, str] = {}  # address -> reply after the message, instead of 250

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_during_data.intersection(envelope.rcpt_tos):
            server.transport.close()
            return "421 closing"
        for address in envelope.rcpt_tos:
            if address in self.end_of_data_reply:
                return self.end_of_data_reply[address]
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
            self.raw.append(envelope.content)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            return [message for recipients, message in self.messages if address in recipients]

    def wait_for(self, address: str, count: int = 1, timeout: float = 20) -> list[email.message.EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.to(address)
            if len(found) >= count:
                return found
            time.sleep(0.1)  # polling the SMTP server's inbox, which has no notification to wait on
        raise AssertionError(f"{count} message(s) to {address} did not arrive within {timeout} s; got {len(self.to(address))}")

    def recipient_counts(self) -> Counter:
        with self.lock:
            return Counter(address for recipients, _ in self.messages for address in recipients)


def _authenticate(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER and auth_data.password.decode() == SMTP_PASSWORD:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


@pytest.fixture
def smtp(tmp_path: Path):
    """aiosmtpd on a free loopback port with a self-signed certificate, requiring STARTTLS then AUTH."""
    certificate, key = tmp_path / "smtp-cert.pem", tmp_path / "smtp-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate), str(key))
    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
        authenticator=_authenticate, auth_required=True, auth_require_tls=True)
    controller.start()
    inbox.url = (f"smtp://{SMTP_USER}:{SMTP_PASSWORD}@127.0.0.1:{port}"
                 f"?starttls=required&ca={urllib.parse.quote(str(certificate))}")
    try:
        yield inbox
    finally:
        controller.stop()


def serve_with_mail(server: NewsroomServer, smtp: Inbox, *extra: str) -> None:
    server.serve_args = ["--smtp-url", smtp.url, *extra]
    server.stop()
    server.start()


def link_in(message: email.message.EmailMessage, pattern: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(pattern, text)
    assert match, f"no link matching {pattern} in:\n{text}"
    return match.group(0)


def sign_in(page: Page) -> None:
    page.goto("/admin/login")
    page.locator("[name=email]").fill(ADMIN_EMAIL)
    page.locator("[name=password]").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/articles$"))


def send_new_issue(page: Page, newsletter: str = "The Weekly Round-up") -> None:
    page.goto("/admin/newsletter")
    page.get_by_role("button", name=f"New issue of {newsletter}").click()
    expect(page).to_have_url(re.compile(r"/admin/newsletter/issues/\d+"))
    page.get_by_role("button", name="Send now").click()
    expect(page.locator("p.notice")).to_contain_text("Sending has started")


def test_subscribe_confirm_receive_and_unsubscribe_in_one_click(fresh_newsroom: NewsroomServer, smtp: Inbox, open_context) -> None:
    serve_with_mail(fresh_newsroom, smtp)
    reader = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    reader.goto("/")
    signup = reader.locator("section.newsletter-signup")
    expect(signup).to_contain_text("Subscribe now to our weekly round-up")
    signup.locator("[name=email]").fill("reader@example.org")
    signup.get_by_role("button", name="Subscribe").click()
    expect(reader.locator("h1")).to_have_text("Check your inbox")

    confirmation = smtp.wait_for("reader@example.org")[0]
    assert confirmation.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in confirmation.iter_parts()] == ["text/plain", "text/html"]
    assert confirmation["Subject"] == "Confirm your subscription to The Meridian"
    assert confirmation["Message-ID"] and confirmation["Date"] and "reader@example.org" in confirmation["To"]
    confirm = link_in(confirmation, r"http://127\.0\.0\.1:\d+/newsletter/confirm/\S+")
    assert confirm in confirmation.get_body(preferencelist=("html",)).get_content()

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    reader.goto(confirm)
    expect(reader.locator("h1")).to_have_text("Confirm your subscription")
    reader.get_by_role("button", name="Confirm my subscription").click()
    expect(reader.locator("h1")).to_have_text("You are subscribed")

    editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    sign_in(editor)
    # The weekly round-up was drafted on schedule from the demo's articles when the server started.
    editor.goto("/admin/newsletter")
    expect(editor.get_by_role("link", name=re.compile(r"^The Weekly Round-up: \d+ \w+ \d{4}$"))).to_be_visible()
    send_new_issue(editor)
    issue = smtp.wait_for("reader@example.org", count=2)[-1]
    assert issue["Subject"] == "The Weekly Round-up"
    assert issue["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert issue["List-Id"].startswith("<weekly-roundup.")
    https_link, mailto_link = re.findall(r"<([^>]+)>", issue["List-Unsubscribe"])
    assert https_link.startswith(fresh_newsroom.url + "/newsletter/unsubscribe/") and mailto_link.startswith("mailto:")
    html = issue.get_body(preferencelist=("html",)).get_content()
    text = issue.get_body(preferencelist=("plain",)).get_content()
    for article_link in re.findall(r'href="(http://127\.0\.0\.1:\d+/articles/[^"]+)"', html)[:3]:
        with urllib.request.urlopen(article_link, timeout=10) as response:
            assert response.status == 200
    assert "In other news" in html or "==" in text
    assert https_link in html and https_link in text

    # RFC 8058: a POST with this body unsubscribes at once, no page to click through.
    request = urllib.request.Request(https_link, data=b"List-Unsubscribe=One-Click", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    send_new_issue(editor)
    editor.reload()
    expect(editor.locator("#progress-heading + p")).to_contain_text("0 to go", timeout=20_000)
    time.sleep(1)  # the next issue's deliveries are all recorded; give a stray message time to arrive
    assert len(smtp.to("reader@example.org")) == 2, "an unsubscribed address received another issue"


def add_subscribers(database: Path, count: int) -> list[str]:
    """Imports `count` confirmed subscribers of the weekly round-up straight into the database."""
    addresses = [f"reader{number:05d}@example.org" for number in range(count)]
    with sqlite3.connect(database) as db:
        newsletter = db.execute("SELECT id FROM newsletter WHERE slug = 'weekly-roundup'").fetchone()[0]
        now = "2026-11-20 08:00:00.000"
        db.executemany(
            "INSERT INTO subscriber (email, status, source, created_at, consent_at, confirmed_at) VALUES (?, 'active', 'import', ?, ?, ?)",
            [(address, now, now, now) for address in addresses])
        db.execute("INSERT INTO subscription (subscriber_id, newsletter_id) SELECT id, ? FROM subscriber", (newsletter,))
    return addresses


def delivery_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        return dict(db.execute("SELECT state, COUNT(*) FROM delivery GROUP BY state").fetchall())


def test_kill_9_three_times_while_sending_5000(fresh_newsroom: NewsroomServer, smtp: Inbox, open_context) -> None:
    connections = 4
    fresh_newsroom.stop()
    addresses = add_subscribers(fresh_newsroom.database, 5000)
    fresh_newsroom.serve_args = ["--smtp-url", smtp.url]

    os.environ["KIOSK_SMTP_CONNECTIONS"] = str(connections)
    try:
        fresh_newsroom.start()
        editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
        sign_in(editor)
        send_new_issue(editor)
        crashes = 0
        for threshold in (800, 2000, 3200):
            deadline = time.monotonic() + 120
            while len(smtp.messages) < threshold and time.monotonic() < deadline:
                time.sleep(0.05)  # waiting for the server to get this far into the send
            fresh_newsroom.kill()
            crashes += 1
            fresh_newsroom.start()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            counts = delivery_counts(fresh_newsroom.database)
            if counts.get("queued", 0) == 0 and counts.get("sending", 0) == 0:
                break
            time.sleep(0.5)
    finally:
        os.environ.pop("KIOSK_SMTP_CONNECTIONS", None)
    received = smtp.recipient_counts()
    missing = [address for address in addresses if received[address] == 0]
    repeats = sum(count - 1 for address, count in received.items() if address in set(addresses) and count > 1)
    bound = crashes * connections
    print(f"\ncrash test: {len(addresses)} subscribers, {crashes} kill -9, {len(smtp.messages)} messages received, "
          f"{repeats} repeats (bound {bound})")
    assert not missing, f"{len(missing)} subscribers never received the issue, e.g. {missing[:3]}"
    assert repeats <= bound
    assert delivery_counts(fresh_newsroom.database) == {"sent": 5000}


def test_refused_and_deferred_recipients(fresh_newsroom: NewsroomServer, smtp: Inbox, open_context) -> None:
    fresh_newsroom.stop()
    add_subscribers(fresh_newsroom.database, 3)
    smtp.refuse = {"reader00000@example.org": "550 5.1.1 No such user", "reader00001@example.org": "451 4.3.0 Try again later"}
    fresh_newsroom.serve_args = ["--smtp-url", smtp.url]
    fresh_newsroom.start()
    editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    sign_in(editor)
    send_new_issue(editor)
    smtp.wait_for("reader00002@example.org")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with sqlite3.connect(fresh_newsroom.database) as db:
            rows = dict(db.execute(
                "SELECT s.email, d.state || ':' || d.attempts FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id").fetchall())
        # The sink has the message before the sender records the acceptance: wait for all three records.
        if (rows.get("reader00000@example.org", "").startswith("failed") and rows.get("reader00001@example.org") == "queued:1"
                and rows.get("reader00002@example.org") == "sent:1"):
            break
        time.sleep(0.2)
    assert rows["reader00000@example.org"] == "failed:1"
    assert rows["reader00001@example.org"] == "queued:1", "a 451 is retried later, not dropped"
    assert rows["reader00002@example.org"] == "sent:1"
    with sqlite3.connect(fresh_newsroom.database) as db:
        assert db.execute("SELECT status FROM subscriber WHERE email = 'reader00000@example.org'").fetchone()[0] == "bounced"
        assert db.execute("SELECT COUNT(*) FROM suppression WHERE email = 'reader00000@example.org'").fetchone()[0] == 1
    subprocess.run([fresh_newsroom.kiosk_bin, "newsletter", "status", "--database", str(fresh_newsroom.database)], check=True)


def delivery_rows(database: Path) -> dict[str, str]:
    with sqlite3.connect(database) as db:
        return dict(db.execute(
            "SELECT s.email, d.state || ':' || d.attempts FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id").fetchall())


def test_dropped_connection_and_421_are_retried_and_nothing_is_lost(fresh_newsroom: NewsroomServer, smtp: Inbox, open_context) -> None:
    fresh_newsroom.stop()
    add_subscribers(fresh_newsroom.database, 4)
    smtp.drop_during_data = {"reader00000@example.org"}
    smtp.end_of_data_reply = {"reader00001@example.org": "421 4.3.2 Service shutting down"}
    fresh_newsroom.serve_args = ["--smtp-url", smtp.url]
    fresh_newsroom.start()
    editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    sign_in(editor)
    send_new_issue(editor)
    smtp.wait_for("reader00003@example.org")
    smtp.wait_for("reader00002@example.org")
    deadline = time.monotonic() + 20
    rows = delivery_rows(fresh_newsroom.database)
    while time.monotonic() < deadline and not (rows.get("reader00000@example.org") == "queued:1" and rows.get("reader00001@example.org") == "queued:1"):
        time.sleep(0.2)
        rows = delivery_rows(fresh_newsroom.database)
    assert rows == {"reader00000@example.org": "queued:1", "reader00001@example.org": "queued:1",
                    "reader00002@example.org": "sent:1", "reader00003@example.org": "sent:1"}


def test_smtp_server_down(fresh_newsroom: NewsroomServer, open_context) -> None:
    """With the mail server down, a sign-up says so and keeps the subscriber; an issue's deliveries wait."""
    fresh_newsroom.stop()
    add_subscribers(fresh_newsroom.database, 2)
    fresh_newsroom.serve_args = ["--smtp-url", f"smtp://127.0.0.1:{_free_port()}?starttls=never"]
    fresh_newsroom.start()
    reader = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    reader.goto("/newsletter")
    reader.locator("#newsletter-page-email").fill("late@example.org")
    reader.locator("#main").get_by_role("button", name="Subscribe").click()
    expect(reader.locator("h1")).to_have_text("Not sent yet")
    editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    sign_in(editor)
    send_new_issue(editor)
    deadline = time.monotonic() + 20
    rows = delivery_rows(fresh_newsroom.database)
    while time.monotonic() < deadline and sorted(rows.values()) != ["queued:1", "queued:1"]:
        time.sleep(0.2)
        rows = delivery_rows(fresh_newsroom.database)
    assert sorted(rows.values()) == ["queued:1", "queued:1"], rows
    with sqlite3.connect(fresh_newsroom.database) as db:
        assert db.execute("SELECT status FROM subscriber WHERE email = 'late@example.org'").fetchone()[0] == "pending"
