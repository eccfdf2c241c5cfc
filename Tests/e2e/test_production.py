"""Kiosk as it runs in production, with the example configurations in deploy/ used for real.

nginx and Caddy (both Debian's) terminate TLS with a certificate from a CA the test makes, in front
of a kiosk that trusts only the proxy's address. Clients connect from different loopback addresses
(127.0.0.2, 127.0.0.3, …), as different people would from different networks. The systemd unit is
checked with `systemd-analyze verify` and its ExecStart is run with its environment, as an
unprivileged user, in a state folder of its own.
"""

from __future__ import annotations

import configparser
import http.client
import os
import re
import shutil
import ssl
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, _free_port, _free_ports, _stop, _tail, _wait_until_healthy

DEPLOY = REPO_ROOT / "deploy"


# --------------------------------------------------------------------------- certificates, clients


def make_certificates(folder: Path) -> dict[str, Path]:
    """A CA of the test's own and a certificate it signed for localhost and 127.0.0.1."""
    def openssl(*arguments: str) -> None:
        subprocess.run(["openssl", *arguments], cwd=folder, check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Kiosk test CA", "-keyout", "ca.key", "-out", "ca.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr")
    (folder / "server.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-extfile", "server.ext", "-out", "server.pem")
    return {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "server.key"}


class Client:
    """One person: connections from a loopback address of their own, and their cookies."""

    def __init__(self, source: str, port: int, ca: Path | None) -> None:
        self.source, self.port = source, port
        self.context = ssl.create_default_context(cafile=str(ca)) if ca else None
        self.cookies: dict[str, str] = {}

    def send(self, method: str, path: str, form: dict[str, str] | None = None,
             headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, str]:
        if self.context:
            connection = http.client.HTTPSConnection("localhost", self.port, context=self.context, source_address=(self.source, 0), timeout=20)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, source_address=(self.source, 0), timeout=20)
        fields = dict(headers or {})
        if self.cookies:
            fields["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            fields["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=fields)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response, text

    def sign_in(self, email: str, password: str) -> http.client.HTTPResponse:
        _, form = self.send("GET", "/admin/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        response, _ = self.send("POST", "/admin/login", {"csrf": token, "email": email, "password": password})
        return response

    def sign_up(self, number: int, headers: dict[str, str] | None = None) -> int:
        response, _ = self.send("POST", "/newsletter/subscribe", {"email": f"reader{number}@example.org", "newsletter": "weekly-roundup"}, headers)
        return response.status


# --------------------------------------------------------------------------- kiosk and the proxies


class Kiosk:
    """A kiosk serving a fresh demo publication on 127.0.0.1, trusting only 127.0.0.1 as a proxy."""

    def __init__(self, kiosk_bin: str, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        database = folder / "kiosk.sqlite"
        demo = subprocess.run([kiosk_bin, "demo", "--database", str(database)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
        assert demo.returncode == 0, demo.stderr
        user = subprocess.run([kiosk_bin, "user", "create", "--database", str(database), "--email", ADMIN_EMAIL, "--name", "Ada Admin",
                               "--role", "admin"], input=ADMIN_PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        assert user.returncode == 0, user.stderr
        self.command = [kiosk_bin, "serve", "--database", str(database), "--host", "127.0.0.1", "--port", str(self.port),
                        "--trusted-proxies", "127.0.0.1", "--metrics-address", "off"]

    def start(self, public_url: str) -> None:
        self.log_path = self.folder / "kiosk.log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([*self.command, "--public-url", public_url], cwd=REPO_ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        _wait_until_healthy(self.process, f"http://127.0.0.1:{self.port}", self.log_path)

    def stop(self) -> None:
        _stop(self.process)
        self.log.close()


def nginx_config(folder: Path, certificates: dict[str, Path], kiosk_port: int, http_port: int, https_port: int) -> Path:
    """deploy/nginx-kiosk.conf with the test's ports and certificate, inside a main configuration of the test's own."""
    site = (DEPLOY / "nginx-kiosk.conf").read_text()
    for old, new in [("server 127.0.0.1:8080;", f"server 127.0.0.1:{kiosk_port};"), ("listen 80;", f"listen 127.0.0.1:{http_port};"),
                     ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
                     ("/etc/ssl/kiosk/fullchain.pem", str(certificates["cert"])), ("/etc/ssl/kiosk/privkey.pem", str(certificates["key"]))]:
        assert old in site, old
        site = site.replace(old, new)
    temp = folder / "temp"
    temp.mkdir()
    config = folder / "nginx.conf"
    config.write_text(f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp}; uwsgi_temp_path {temp}; scgi_temp_path {temp};
{site}
}}
""")
    return config


def caddy_config(folder: Path, certificates: dict[str, Path], kiosk_port: int, http_port: int, https_port: int) -> Path:
    """deploy/Caddyfile with the test's address and certificate, after global options for a test (no admin API, free ports)."""
    site = (DEPLOY / "Caddyfile").read_text()
    for old, new in [("news.example.org {", f"https://localhost:{https_port} {{"), ("reverse_proxy 127.0.0.1:8080", f"reverse_proxy 127.0.0.1:{kiosk_port}"),
                     ("/etc/ssl/kiosk/fullchain.pem", str(certificates["cert"])), ("/etc/ssl/kiosk/privkey.pem", str(certificates["key"]))]:
        assert old in site, old
        site = site.replace(old, new)
    config = folder / "Caddyfile"
    config.write_text(f"{{\n\tadmin off\n\thttp_port {http_port}\n\thttps_port {https_port}\n\tstorage file_system {folder / 'caddy-data'}\n}}\n\n" + site)
    return config


def start_proxy(kind: str, config: Path, https_port: int, folder: Path) -> subprocess.Popen:
    log = open(folder / f"{kind}.log", "wb")
    if kind == "nginx":
        command = ["nginx", "-p", str(folder), "-c", str(config), "-g", "daemon off;"]
    else:
        command = [shutil.which("caddy") or "/usr/bin/caddy", "run", "--config", str(config), "--adapter", "caddyfile"]
    environment = {**os.environ, "XDG_DATA_HOME": str(folder / "xdg-data"), "XDG_CONFIG_HOME": str(folder / "xdg-config"), "HOME": str(folder)}
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", https_port, timeout=1).connect()
            return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)  # waiting for the proxy to listen
    process.kill()
    pytest.fail(f"{kind} did not start:\n{_tail(folder / f'{kind}.log')}", pytrace=False)


@pytest.fixture(params=["nginx", "caddy"])
def behind_proxy(request, kiosk_bin: str):
    kind = request.param
    folder = Path(tempfile.mkdtemp(prefix=f"kiosk-{kind}-"))
    certificates = make_certificates(folder)
    # The proxy's two ports and kiosk's, chosen together so that no two are the same.
    http_port, https_port, kiosk_port = _free_ports(3)
    kiosk = Kiosk(kiosk_bin, folder, kiosk_port)
    kiosk.start(f"https://localhost:{https_port}")
    make = nginx_config if kind == "nginx" else caddy_config
    proxy = start_proxy(kind, make(folder, certificates, kiosk.port, http_port, https_port), https_port, folder)
    try:
        yield {"kind": kind, "https": https_port, "http": http_port, "ca": certificates["ca"], "kiosk": kiosk}
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
        kiosk.stop()
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- the tests


def test_behind_a_tls_proxy_each_client_is_limited_alone_and_https_is_enforced(behind_proxy) -> None:
    https, ca = behind_proxy["https"], behind_proxy["ca"]
    first, second = Client("127.0.0.2", https, ca), Client("127.0.0.3", https, ca)

    page, _ = first.send("GET", "/")
    assert page.status == 200
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    form, _ = first.send("GET", "/admin/login")
    assert all("Secure" in cookie for cookie in form.headers.get_all("Set-Cookie")), form.headers.get_all("Set-Cookie")

    # Failed sign-ins from the first client's address slow it down, not the second client.
    for _ in range(3):
        assert first.sign_in("nobody@example.org", "not-the-password-1").status == 401
    assert first.sign_in("nobody@example.org", "not-the-password-1").status == 429
    signed_in = second.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    assert signed_in.status == 303
    assert any("kiosk_session" in cookie and "Secure" in cookie for cookie in signed_in.headers.get_all("Set-Cookie"))

    # Newsletter sign-ups: the first client reaches the limit of its network; the second is not blocked.
    for number in range(20):
        assert first.sign_up(number) == 200
    assert first.sign_up(99) == 429
    assert second.sign_up(100) == 200

    if behind_proxy["kind"] == "nginx":
        plain = Client("127.0.0.4", behind_proxy["http"], None)
        response, _ = plain.send("GET", "/latest?page=2")
        assert response.status == 301 and response.headers["Location"] == f"https://localhost:{https}/latest?page=2"
        # A peer that is not the proxy cannot pose as other clients: every claim counts as the peer itself.
        direct = Client("127.0.0.5", behind_proxy["kiosk"].port, None)
        for number in range(20):
            assert direct.sign_up(200 + number, {"X-Forwarded-For": f"198.51.100.{number}"}) == 200
        assert direct.sign_up(299, {"X-Forwarded-For": "198.51.100.200"}) == 429


def test_the_systemd_unit_verifies_and_its_command_serves_as_an_unprivileged_user(kiosk_bin: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-systemd-"))
    folder.chmod(0o755)
    try:
        prefix = folder / "prefix"
        installed = subprocess.run([str(REPO_ROOT / "scripts" / "install"), "--prefix", str(prefix), "--binary", kiosk_bin],
                                   capture_output=True, text=True, timeout=120)
        assert installed.returncode == 0, installed.stderr
        unit_text = (DEPLOY / "kiosk.service").read_text().replace("/usr/local/bin/kiosk", str(prefix / "bin" / "kiosk"))
        environment_file = folder / "kiosk.env"
        port = _free_port()
        environment_file.write_text(f"KIOSK_PORT={port}\nKIOSK_PUBLIC_URL=https://news.example.org\nKIOSK_METRICS_ADDRESS=off\n")
        unit_text = unit_text.replace("/etc/kiosk/kiosk.env", str(environment_file))
        unit = folder / "kiosk.service"
        unit.write_text(unit_text)
        verified = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
        assert verified.returncode == 0, verified.stdout + verified.stderr

        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str
        parser.read_string(unit_text)
        service = parser["Service"]
        environment = {"PATH": "/usr/bin:/bin"}
        for assignment in service["Environment"].split():
            name, _, value = assignment.partition("=")
            environment[name] = value
        for line in environment_file.read_text().splitlines():  # EnvironmentFile= wins over Environment=
            name, _, value = line.partition("=")
            environment[name] = value
        state = folder / "state"
        state.mkdir()
        environment["STATE_DIRECTORY"] = str(state)
        command = service["ExecStart"].split()
        if os.geteuid() == 0:
            shutil.chown(state, user="nobody")
            command = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "nobody", "--", *command]
        log_path = folder / "serve.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(command, cwd="/", env=environment, stdout=log, stderr=subprocess.STDOUT)
            try:
                _wait_until_healthy(process, f"http://127.0.0.1:{port}", log_path)
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/")
                assert connection.getresponse().status == 200
            finally:
                _stop(process)
        assert (state / "kiosk.sqlite").exists(), "the database went into the state folder"
        if os.geteuid() == 0:
            assert (state / "kiosk.sqlite").owner() == "nobody"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
