"""The first run of a real publication: from an empty database to a signed-in administrator in Chromium.

kiosk is started from another folder with nothing but a database path; it keeps a one-time setup link
in a file only its user can read and says where in its log, never what. `kiosk setup-link` prints it,
and the page behind it names the publication and makes its first administrator.
"""

from __future__ import annotations

import os
import stat
import subprocess
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from conftest import _free_port, _stop, _wait_until_healthy


def test_an_empty_database_is_set_up_in_the_browser(kiosk_bin: str, open_context, tmp_path: Path) -> None:
    data = tmp_path / "ledger"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [kiosk_bin, "serve", "--database", str(data / "kiosk.sqlite"), "--port", str(port), "--metrics-address", "off"],
            cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            _wait_until_healthy(server, base, log_path)
            link_file = data / "setup-link"
            assert stat.S_IMODE(link_file.stat().st_mode) == 0o600
            printed = subprocess.run([kiosk_bin, "setup-link", "--database", str(data / "kiosk.sqlite")], cwd="/", capture_output=True, text=True, timeout=60)
            assert printed.returncode == 0, printed.stderr
            link = printed.stdout.strip()
            assert link == link_file.read_text().strip() and link.startswith(base + "/admin/setup/")

            page = open_context("desktop").new_page()
            page.goto(base + "/admin/login")
            expect(page.locator(".notice")).to_contain_text("kiosk setup-link")
            page.goto(link)
            page.get_by_label("Name", exact=True).fill("The Harbour Ledger")
            page.get_by_label("Public address").fill(base)
            page.get_by_label("Time zone").fill("Europe/Lisbon")
            page.get_by_label("Your name").fill("Ines Editor")
            page.get_by_label("Email address").fill("ines@ledger.example")
            page.get_by_label("Choose a password").fill("tide-clock-orchard-7")
            page.get_by_label("The same password again").fill("tide-clock-orchard-7")
            page.get_by_role("button", name="Create the newsroom").click()
            expect(page).to_have_url(base + "/admin/articles?done=welcome")
            expect(page.get_by_text("Welcome to your newsroom")).to_be_visible()
            page.goto(base + "/admin/account")
            expect(page.get_by_text("ines@ledger.example")).to_be_visible()

            with urllib.request.urlopen(base + "/", timeout=10) as response:
                assert "The Harbour Ledger" in response.read().decode()
            page.goto(link)
            expect(page.get_by_text("set up already")).to_be_visible()
            again = subprocess.run([kiosk_bin, "setup-link", "--database", str(data / "kiosk.sqlite")], capture_output=True, text=True, timeout=60)
            assert again.returncode != 0 and "has newsroom accounts already" in again.stderr and len(again.stderr.strip().splitlines()) == 1
        finally:
            _stop(server)
    log_text = log_path.read_text()
    assert str(link_file) in log_text, "the log says where the link is"
    assert link.rsplit("/", 1)[-1] not in log_text, "the link itself never reaches the log"
    assert sorted(os.listdir(tmp_path)) == ["ledger", "serve.log"], "nothing was written in the folder kiosk was started from"
