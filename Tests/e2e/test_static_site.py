"""`kiosk export --static`: the public site as files, served by nginx, with every link resolving.

The demo publication is written out as static files and served by Debian's nginx (a folder's
index.html answers for the folder). Every page is opened, and every address its links, images,
stylesheets and scripts point to on the site must answer 200 (after nginx's own redirect from a
folder without its slash).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import NewsroomServer


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.addresses.append(value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx(root: Path, workdir: Path) -> tuple[subprocess.Popen, str]:
    for sub in ("logs", "temp"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    os.chmod(workdir / "temp", 0o777)
    port = free_port()
    temp = workdir / "temp"
    # Started as root, nginx's workers would run as nobody, who cannot read pytest's private folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {workdir}/logs/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        absolute_redirect off;
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}", pytrace=False)
            time.sleep(0.05)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_static_site_served_by_nginx_has_no_broken_link(kiosk_bin: str, tmp_path: Path) -> None:
    source = NewsroomServer(kiosk_bin, tmp_path / "source")
    source.workdir.mkdir()
    source.prepare()
    site = tmp_path / "site"
    exported = source.kiosk("export", "--static", str(site), "--public-url", "https://meridian.example")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert re.search(r"Done: \d+ pages", exported.stdout), exported.stdout
    again = source.kiosk("export", "--static", str(site))
    assert again.returncode != 0 and "not empty" in again.stderr
    both = source.kiosk("export", "--static", str(tmp_path / "x"), "--to", str(tmp_path / "y"))
    assert both.returncode != 0 and "either --to" in both.stderr

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100, len(pages)
    for expected in ("index.html", "about/index.html", "latest/page/2/index.html", "sections/europe/index.html", "feed.xml", "sitemap.xml", "robots.txt"):
        assert (site / expected).exists(), expected
    process, base = nginx(site, tmp_path / "nginx")
    try:
        checked: dict[str, int] = {}
        for page in pages:
            parser = Links()
            parser.feed(page.read_text())
            for address in parser.addresses:
                if not address.startswith("/") or address.startswith("//"):
                    continue
                path = address.split("#")[0]
                if path and path not in checked:
                    checked[path] = status(base + path)
        broken = {path: code for path, code in checked.items() if code != 200}
        assert not broken, broken
        assert len(checked) > 150, len(checked)
        assert status(base + "/articles/statecraft-red-sea-underwriters-return") == 200, "a link without its slash still resolves"
    finally:
        process.terminate()
        process.wait(timeout=10)
