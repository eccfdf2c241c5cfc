"""What an operator sees of a running node: logs with a request id on every line and no secret in
them; metrics that a real Prometheus scrapes; readiness.

The server writes JSON logs (KIOSK_LOG_FORMAT=json). Requests that carry secrets go through it (a
password, the Content API key, an invitation's one-time link), and a sign-up whose confirmation
email fails (the mail server's port is closed) logs an error inside the request. Debian's
Prometheus scrapes the node's metrics address every second.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, _free_port

CONTENT_KEY = "content-key-that-must-not-be-logged-7f3a"


def opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def request(open_url, url: str, data: dict[str, str] | None = None):
    try:
        return open_url.open(url, data=urllib.parse.urlencode(data).encode() if data is not None else None, timeout=20)
    except urllib.error.HTTPError as error:
        return error


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_json_logs_name_each_request_and_never_a_secret(fresh_newsroom) -> None:
    server = fresh_newsroom
    server.stop()
    server.environment = {"KIOSK_LOG_FORMAT": "json", "KIOSK_CONTENT_API_KEY": CONTENT_KEY}
    server.serve_args = ["--smtp-url", f"smtp://127.0.0.1:{_free_port()}?starttls=never"]
    server.start()

    admin = opener()
    form = request(admin, server.url + "/admin/login").read().decode()
    signed_in = request(admin, server.url + "/admin/login", {"csrf": csrf(form), "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert signed_in.status == 200 and "/admin" in signed_in.url
    page = request(admin, server.url + "/admin/users").read().decode()
    invited = request(admin, server.url + "/admin/users/invite", {"csrf": csrf(page), "email": "new.reporter@example.org", "role": "contributor"})
    link = re.search(r'id="invite-link" readonly value="([^"]+)"', invited.read().decode()).group(1)
    token = link.rsplit("/", 1)[1]
    assert request(opener(), link.replace("https://", "http://").replace(urllib.parse.urlsplit(link).netloc, f"127.0.0.1:{server.port}")).status == 200
    assert request(opener(), f"{server.url}/api/content/v1/articles?key={CONTENT_KEY}").status == 200
    reset_form = request(opener(), server.url + "/admin/password-reset")
    reset_page = reset_form.read().decode()

    guest = opener()
    signup_page = request(guest, server.url + "/newsletter").read().decode()
    signup = request(guest, server.url + "/newsletter/subscribe", {"email": "reader@example.org", "newsletter": "weekly-roundup"})
    signup_id = signup.headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{16}", signup_id or ""), signup.headers
    assert signup_page and reset_page

    server.stop()
    # Standard output carries one line for people (where the node serves); every log line is JSON.
    lines = [line for line in server.log_path.read_text().splitlines() if line.strip() and not line.startswith("Kiosk node ")]
    records = [json.loads(line) for line in lines]
    access = [record for record in records if "route" in record and "status" in record]
    assert any(record["route"] == "/newsletter/subscribe" and record["request"] == signup_id for record in access)
    failed_mail = [record for record in records if record["message"] == "Could not send a confirmation email"]
    assert failed_mail and failed_mail[0]["request"] == signup_id, "a line written inside a request names it"
    assert all(record["request"] for record in access)
    assert len({record["request"] for record in access}) == len(access), "one id per request"

    text = "\n".join(lines)
    for secret in [ADMIN_PASSWORD, CONTENT_KEY, token]:
        assert secret not in text, f"a secret reached the log: {secret[:6]}…"
    assert any(record["route"] == "/admin/invitations/{token}" for record in access), "a one-time link is logged by its route"


class Prometheus:
    """Debian's Prometheus on loopback, scraping one target every second, with its data in a temporary folder."""

    def __init__(self, folder, target: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = folder / "prometheus.yml"
        config.write_text(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            f"scrape_configs:\n  - job_name: kiosk\n    static_configs:\n      - targets: ['{target}']\n")
        self.log = open(folder / "prometheus.log", "wb")
        self.process = subprocess.Popen(
            [shutil.which("prometheus") or "/usr/bin/prometheus", f"--config.file={config}", f"--storage.tsdb.path={folder / 'data'}",
             f"--web.listen-address=127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT)

    def query(self, expression: str) -> float | None:
        try:
            with urllib.request.urlopen(f"{self.url}/api/v1/query?" + urllib.parse.urlencode({"query": expression}), timeout=5) as response:
                result = json.load(response)["data"]["result"]
        except (OSError, ValueError):
            return None
        return float(result[0]["value"][1]) if result else None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def wait_for(check, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    return None


def test_prometheus_scrapes_metrics_that_move_with_traffic_and_no_request_adds_a_series(fresh_newsroom, tmp_path) -> None:
    server = fresh_newsroom
    server.stop()
    metrics_port = _free_port()
    server.serve_args = ["--metrics-address", f"127.0.0.1:{metrics_port}"]
    server.start()
    assert request(opener(), f"{server.url}/metrics").status == 404, "metrics are never on the site's port"
    prometheus = Prometheus(tmp_path, f"127.0.0.1:{metrics_port}")
    try:
        front = 'sum(kiosk_http_requests_total{route="/",status="200"})'
        assert request(opener(), server.url + "/").status == 200
        before = wait_for(lambda: prometheus.query(front), 60)
        assert before, f"Prometheus never read the counter:\n{(tmp_path / 'prometheus.log').read_text()[-2000:]}"
        for _ in range(25):
            assert request(opener(), server.url + "/").status == 200
        after = wait_for(lambda: (value := prometheus.query(front)) and value >= before + 25 and value, 30)
        assert after and after >= before + 25, (before, after)
        assert wait_for(lambda: prometheus.query("sum(kiosk_page_cache_hits_total)"), 30)
        assert prometheus.query('up{job="kiosk"}') == 1.0
    finally:
        prometheus.stop()

    # Requests of every shape add no series: routes are patterns, methods a fixed set.
    def series() -> set[str]:
        text = urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).read().decode()
        return {line.split(" ")[0] for line in text.splitlines() if line.startswith("kiosk_http_requests_total")}
    for number in range(3):
        request(opener(), f"{server.url}/articles/no-such-{number}")
        request(opener(), f"{server.url}/x{number}/y/z?q={number}")
    known = series()
    for number in range(3, 60):
        request(opener(), f"{server.url}/articles/no-such-{number}")
        request(opener(), f"{server.url}/x{number}/y/z?q={number}")
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        connection.request(f"METHOD{number}", "/")
        connection.getresponse().read()
        connection.close()
    assert series() <= known | {s.replace('method="GET"', 'method="OTHER"') for s in known} | {
        'kiosk_http_requests_total{route="NotFound",method="OTHER",status="404"}',
        'kiosk_http_requests_total{route="/",method="OTHER",status="404"}',
        'kiosk_http_requests_total{route="/",method="OTHER",status="405"}'}, series() - known
