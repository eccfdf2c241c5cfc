"""The kiosk command line: bad arguments get one clear line on stderr and change nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import _free_port, _stop, _wait_until_healthy

REPO_ROOT = Path(__file__).resolve().parents[2]
KIOSK_BIN = os.environ.get("KIOSK_BIN", str(REPO_ROOT / ".build" / "debug" / "kiosk"))


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Runs the kiosk binary from the repository root and captures its output."""
    return subprocess.run(
        [KIOSK_BIN, *args],
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode != 0, result
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {result.stderr!r}"
    assert lines[0].startswith("kiosk: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def article_rows(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT id, slug, title, updated_at FROM article ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("cli") / "kiosk.sqlite"
    result = kiosk("demo", "--database", str(database))
    assert result.returncode == 0, result.stderr
    assert "Writing article 60 of 60" in result.stdout
    return database


def test_demo_refuses_a_database_with_content(demo_database: Path) -> None:
    before = article_rows(demo_database)
    one_line_error(kiosk("demo", "--database", str(demo_database)), "already holds 60 articles", "--force")
    assert article_rows(demo_database) == before


def test_demo_force_replaces_the_content(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.sqlite"
    assert kiosk("demo", "--database", str(database)).returncode == 0
    result = kiosk("demo", "--database", str(database), "--force")
    assert result.returncode == 0, result.stderr
    assert "Removing the existing content" in result.stdout
    assert len(article_rows(database)) == 60


@pytest.mark.parametrize(
    ("args", "env", "fragment"),
    [
        (["--port", "80a"], {}, "port must be a number from 1 to 65535"),
        (["--port", "70000"], {}, "port must be a number from 1 to 65535"),
        ([], {"KIOSK_PORT": "-1"}, "port must be a number from 1 to 65535"),
        (["--theme", "/nonexistent-theme"], {}, "No theme at /nonexistent-theme"),
        (["--public-url", "javascript:alert(1)"], {}, "public URL must start with http"),
        ([], {"KIOSK_LOG_LEVEL": "loud"}, "log level must be one of"),
        ([], {"KIOSK_SMTP_URL_FILE": "/nonexistent/smtp-url"}, "KIOSK_SMTP_URL_FILE names /nonexistent/smtp-url, which cannot be read"),
        ([], {"KIOSK_SECRET_KEY_FILE": "/etc/hostname"}, "the secret key must be 32 bytes in base64"),
        ([], {"KIOSK_SECRET_KEY_FILE": "/nonexistent/key"}, "KIOSK_SECRET_KEY_FILE names /nonexistent/key, which cannot be read"),
        ([], {"KIOSK_BACKUP_DIR": "/tmp/kiosk-backups", "KIOSK_BACKUP_KEEP": "0"}, "KIOSK_BACKUP_KEEP (backups kept) must be a whole number"),
    ],
)
def test_serve_rejects_bad_settings(demo_database: Path, args: list[str], env: dict[str, str], fragment: str) -> None:
    before = article_rows(demo_database)
    one_line_error(kiosk("serve", "--database", str(demo_database), *args, env=env), fragment)
    assert article_rows(demo_database) == before


@pytest.mark.parametrize("count", ["0", "-5", "lots", "1000001"])
def test_demo_rejects_a_bad_article_count(tmp_path: Path, count: str) -> None:
    database = tmp_path / "kiosk.sqlite"
    one_line_error(kiosk("demo", "--database", str(database), f"--articles={count}"), "--articles must be a whole number")
    assert not database.exists()


def test_demo_generates_a_larger_archive(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.sqlite"
    result = kiosk("demo", "--database", str(database), "--articles", "250")
    assert result.returncode == 0, result.stderr
    assert "Generated 190 of 190 more articles" in result.stdout
    rows = article_rows(database)
    assert len(rows) == 250 and len({slug for _, slug, _, _ in rows}) == 250


@pytest.mark.parametrize("args", [["serve", "--no-such-flag"], ["publish"], ["demo", "--articles"], ["serve", "--port"]])
def test_command_line_mistakes_get_one_line(args: list[str]) -> None:
    one_line_error(kiosk(*args), "see kiosk --help")


def test_help_is_still_complete() -> None:
    result = kiosk("--help")
    assert result.returncode == 0
    assert "serve" in result.stdout and "migrate" in result.stdout and "demo" in result.stdout


def test_migrate_reports_an_up_to_date_database(demo_database: Path) -> None:
    result = kiosk("migrate", "--database", str(demo_database))
    assert result.returncode == 0, result.stderr
    assert "is up to date" in result.stdout


def test_migrate_creates_a_new_database(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "new.sqlite"
    result = kiosk("migrate", "--database", str(database))
    assert result.returncode == 0, result.stderr
    assert "Applied to" in result.stdout and database.exists()


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path: Path) -> None:
    database = tmp_path / "notes.sqlite"
    database.write_text("these are my notes, not a database\n")
    one_line_error(kiosk("migrate", "--database", str(database)))
    assert database.read_text() == "these are my notes, not a database\n"


def test_an_installed_kiosk_runs_from_any_folder_with_its_own_themes(tmp_path: Path, demo_database: Path) -> None:
    prefix = tmp_path / "prefix"
    installed = subprocess.run([str(REPO_ROOT / "scripts" / "install"), "--prefix", str(prefix), "--binary", KIOSK_BIN],
                               capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr
    kiosk_bin = prefix / "bin" / "kiosk"
    # Mark the installed theme, so the page shows which theme was found.
    layout = prefix / "share" / "kiosk" / "Themes" / "default" / "templates" / "layout.mustache"
    layout.write_text(layout.read_text().replace("</body>", "<!-- installed-theme --></body>"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = subprocess.run([str(kiosk_bin), "--version"], cwd=elsewhere, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip()

    environment = {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_") and key != "STATE_DIRECTORY"}
    refused = subprocess.run([str(kiosk_bin), "serve"], cwd=elsewhere, env=environment, capture_output=True, text=True, timeout=60)
    one_line_error(refused, "no database given")
    assert list(elsewhere.iterdir()) == [], "nothing created in the working folder"

    port = _free_port()
    log = open(tmp_path / "serve.log", "wb")
    server = subprocess.Popen([str(kiosk_bin), "serve", "--database", str(demo_database), "--port", str(port)],
                              cwd=elsewhere, env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(server, f"http://127.0.0.1:{port}", tmp_path / "serve.log")
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert "<!-- installed-theme -->" in page, "the installed theme, found from another folder"
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login", timeout=10).status == 200
    finally:
        _stop(server)
        log.close()
    assert list(elsewhere.iterdir()) == [], "nothing created in the working folder"

    state = tmp_path / "state"
    state.mkdir()
    migrated = subprocess.run([str(kiosk_bin), "migrate"], cwd=elsewhere, env={**environment, "STATE_DIRECTORY": str(state)},
                              capture_output=True, text=True, timeout=60)
    assert migrated.returncode == 0, migrated.stderr
    assert (state / "kiosk.sqlite").exists(), "under systemd, the database goes in the state folder"
