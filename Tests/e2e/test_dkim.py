"""DKIM: `kiosk dkim keygen` makes a key and the DNS record for it; with the key set, every message
kiosk sends (the newsletter's confirmation, an issue, a newsroom password reset) arrives at a real
SMTP server signed, and dkimpy, an independent implementation, verifies each signature against the
printed record (looked up by a stand-in for DNS, not the network). Missing or broken DKIM settings
and bad keygen arguments are refused in one line.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import dkim
import pytest
from playwright.sync_api import expect

from conftest import ADMIN_EMAIL, NewsroomServer
from test_cli import kiosk, one_line_error
from test_newsletter import Inbox, link_in, send_new_issue, serve_with_mail, sign_in, smtp  # noqa: F401 (smtp is a fixture)

SELECTOR = "kiosk-e2e"
DOMAIN = "meridian.example"
READER = "reader@example.org"


def keygen(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return kiosk("dkim", "keygen", "--selector", SELECTOR, "--domain", DOMAIN, "--out", str(out), *extra)


def printed_record(output: str) -> tuple[str, str]:
    """The DNS name and TXT value that keygen printed."""
    name = re.search(r"^\s*name:\s+(\S+)$", output, re.MULTILINE)
    value = re.search(r"^\s*value:\s+(v=DKIM1;.+)$", output, re.MULTILINE)
    assert name and value, output
    return name.group(1), value.group(1)


@pytest.mark.parametrize(("algorithm", "key_type"), [("rsa", "rsa"), ("ed25519", "ed25519")])
def test_every_message_is_signed_and_verifies(
    algorithm: str, key_type: str, fresh_newsroom: NewsroomServer, smtp: Inbox, open_context, tmp_path: Path
) -> None:
    key_file = tmp_path / "dkim.pem"
    made = keygen(key_file, "--algorithm", algorithm)
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----\n")
    name, value = printed_record(made.stdout)
    assert name == f"{SELECTOR}._domainkey.{DOMAIN}"
    assert value.startswith(f"v=DKIM1; k={key_type}; p=")
    assert f"KIOSK_DKIM_SELECTOR={SELECTOR}" in made.stdout and f"KIOSK_DKIM_KEY_FILE={key_file}" in made.stdout

    fresh_newsroom.environment = {
        "KIOSK_MAIL_FROM": f"newsletter@{DOMAIN}", "KIOSK_DKIM_SELECTOR": SELECTOR, "KIOSK_DKIM_KEY_FILE": str(key_file)}
    serve_with_mail(fresh_newsroom, smtp)

    # The newsletter's confirmation, then an issue once confirmed.
    reader = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    reader.goto("/")
    signup = reader.locator("section.newsletter-signup")
    signup.locator("[name=email]").fill(READER)
    signup.get_by_role("button", name="Subscribe").click()
    expect(reader.locator("h1")).to_have_text("Check your inbox")
    confirmation = smtp.wait_for(READER)[0]
    reader.goto(link_in(confirmation, r"http://127\.0\.0\.1:\d+/newsletter/confirm/\S+"))
    reader.get_by_role("button", name="Confirm my subscription").click()
    expect(reader.locator("h1")).to_have_text("You are subscribed")
    editor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    sign_in(editor)
    send_new_issue(editor)
    smtp.wait_for(READER, count=2)

    # A newsroom email: a password reset link.
    visitor = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    visitor.goto("/admin/password-reset")
    visitor.locator("[name=email]").fill(ADMIN_EMAIL)
    visitor.get_by_role("button", name="Email me a link").click()
    smtp.wait_for(ADMIN_EMAIL)

    looked_up: list[bytes] = []

    def dns(query: bytes, timeout: int = 5) -> bytes | None:
        looked_up.append(query)
        return value.encode() if query.rstrip(b".") == name.encode() else None

    assert len(smtp.raw) == 3
    signed_fields = []
    for raw in smtp.raw:
        assert raw.startswith(b"DKIM-Signature: "), raw[:200]
        # The signature's field, first, ends where the Date field (the first Kiosk writes) begins.
        signature = re.sub(r"\s+", "", raw.split(b"\r\nDate: ", 1)[0].decode())
        assert f"a={key_type}-sha256;" in signature and f"d={DOMAIN};" in signature and f"s={SELECTOR};" in signature
        signed_fields.append(re.search(r";h=([^;]+);", signature).group(1).split(":"))
        assert dkim.verify(raw, dnsfunc=dns), f"dkimpy rejects:\n{raw[:2000].decode()}"
        # A changed subject breaks the signature.
        assert not dkim.verify(raw.replace(b"\r\nSubject: ", b"\r\nSubject: Re: ", 1), dnsfunc=dns)
    assert looked_up and all(query.rstrip(b".") == name.encode() for query in looked_up)
    subjects = [re.search(rb"\r\nSubject: ([^\r]*)", raw).group(1).decode() for raw in smtp.raw]
    assert subjects[0].startswith("Confirm your subscription") and subjects[1] == "The Weekly Round-up", subjects
    assert {"from", "to", "subject", "date", "message-id", "content-type"} <= set(signed_fields[0])
    assert {"list-id", "list-unsubscribe", "list-unsubscribe-post"} <= set(signed_fields[1]), "the issue's list headers are signed"


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"KIOSK_DKIM_SELECTOR": SELECTOR}, "needs both KIOSK_DKIM_SELECTOR and KIOSK_DKIM_KEY_FILE"),
        ({"KIOSK_DKIM_KEY_FILE": "KEY"}, "needs both KIOSK_DKIM_SELECTOR and KIOSK_DKIM_KEY_FILE"),
        ({"KIOSK_DKIM_SELECTOR": SELECTOR, "KIOSK_DKIM_KEY_FILE": "/nonexistent/dkim.pem"}, "/nonexistent/dkim.pem, which cannot be read"),
        ({"KIOSK_DKIM_SELECTOR": SELECTOR, "KIOSK_DKIM_KEY_FILE": "NOT-A-KEY"}, "no unencrypted PEM private key"),
        ({"KIOSK_DKIM_SELECTOR": SELECTOR, "KIOSK_DKIM_KEY_FILE": "PUBLIC-KEY"}, "no unencrypted PEM private key"),
        ({"KIOSK_DKIM_SELECTOR": "bad selector", "KIOSK_DKIM_KEY_FILE": "KEY"}, "selector “bad selector” is not a DNS name"),
        ({"KIOSK_DKIM_SELECTOR": SELECTOR, "KIOSK_DKIM_KEY_FILE": "KEY", "KIOSK_DKIM_DOMAIN": "-x.example"}, "domain “-x.example” is not"),
    ],
)
def test_serve_refuses_unusable_dkim_settings(tmp_path: Path, env: dict[str, str], fragment: str) -> None:
    key, not_a_key, public_key = tmp_path / "dkim.pem", tmp_path / "notes.txt", tmp_path / "public.pem"
    assert keygen(key, "--algorithm", "ed25519").returncode == 0
    not_a_key.write_text("these are not the keys you are looking for\n")
    subprocess.run(["openssl", "pkey", "-in", str(key), "-pubout", "-out", str(public_key)], check=True, capture_output=True)
    files = {"KEY": str(key), "NOT-A-KEY": str(not_a_key), "PUBLIC-KEY": str(public_key)}
    env = {setting: files.get(text, text) for setting, text in env.items()}
    database = tmp_path / "kiosk.sqlite"
    one_line_error(kiosk("serve", "--database", str(database), "--port", "1", env=env), fragment)
    assert not database.exists(), "kiosk opened the database before refusing"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--algorithm", "dsa"], "--algorithm must be rsa or ed25519"),
        (["--bits", "1024"], "2048, 3072 or 4096 bits, not 1024"),
        (["--bits", "many"], "see kiosk --help"),
        (["--algorithm", "ed25519", "--bits", "2048"], "--bits is for RSA keys"),
    ],
)
def test_keygen_refuses_bad_arguments(tmp_path: Path, args: list[str], fragment: str) -> None:
    out = tmp_path / "dkim.pem"
    one_line_error(keygen(out, *args), fragment)
    assert not out.exists()


def test_keygen_refuses_a_bad_selector_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "dkim.pem"
    one_line_error(kiosk("dkim", "keygen", "--selector", "a b", "--domain", DOMAIN, "--out", str(out)), "selector “a b” is not a DNS name")
    assert not out.exists()
    out.write_text("an older key\n")
    one_line_error(keygen(out), f"cannot write the key to {out}: it exists already")
    assert out.read_text() == "an older key\n"
    assert os.listdir(tmp_path) == ["dkim.pem"]
