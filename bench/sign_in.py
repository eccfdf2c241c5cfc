"""Time per newsroom sign-in at Kiosk's bcrypt cost, against Python's bcrypt (5.0) in the same run.

Called by bench/run after the release build. A throwaway demo database gets its newsroom accounts
(bcrypt cost 12, as in production); a real Kiosk server on loopback then answers sign-ins one at a
time and two at a time (this machine has two cores). The reference is `bcrypt.checkpw` at the same
cost in this process: the work every sign-in must do, with nothing around it.
"""

from __future__ import annotations

import http.cookiejar
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import bcrypt

REPO = Path(__file__).resolve().parent.parent
KIOSK = REPO / ".build-release" / "release" / "kiosk"
ROUNDS = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str, email: str, password: str) -> float:
    """One browser-like sign-in: fetch the form, then time the POST that checks the password."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    form = opener.open(base + "/admin/login").read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrf": token, "email": email, "password": password}).encode()
    start = time.perf_counter()
    try:
        opener.open(base + "/admin/login", data=body)
        raise SystemExit("sign-in did not redirect")
    except urllib.error.HTTPError as error:
        if error.code != 303:
            raise SystemExit(f"sign-in answered {error.code}")
    return time.perf_counter() - start


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-sign-in-"))
    database = folder / "kiosk.sqlite"
    demo = subprocess.run([str(KIOSK), "demo", "--database", str(database)], check=True, capture_output=True, text=True).stdout
    password = re.search(r"shown only now: (\S+)", demo).group(1)
    port = free_port()
    server = subprocess.Popen([str(KIOSK), "serve", "--database", str(database), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        sign_in(base, "editor@meridian.example", password)
        one = sorted(sign_in(base, "editor@meridian.example", password) for _ in range(ROUNDS))
        pair: list[float] = []
        def worker() -> None:
            for _ in range(ROUNDS // 2):
                pair.append(sign_in(base, "editor@meridian.example", password))
        threads = [threading.Thread(target=worker) for _ in range(2)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)

    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(12))
    reference = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        bcrypt.checkpw(password.encode(), hashed)
        reference.append(time.perf_counter() - start)
    reference.sort()

    p50 = statistics.median(one)
    ref50 = statistics.median(reference)
    print("Newsroom sign-in (bcrypt cost 12), release build")
    print(f"  Kiosk, one at a time   p50 {p50 * 1000:7.1f} ms   max {one[-1] * 1000:7.1f} ms   ({ROUNDS} sign-ins over HTTP)")
    print(f"  Kiosk, two at a time   {len(pair) / wall:7.1f} sign-ins/s   p50 {statistics.median(pair) * 1000:7.1f} ms")
    print(f"  Python bcrypt 5.0 checkpw p50 {ref50 * 1000:7.1f} ms (reference: the hash alone)")
    print(f"  ratio Kiosk sign-in / reference hash: {p50 / ref50:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
