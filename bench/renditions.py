"""Making an uploaded photo's renditions, and serving pages while it happens, in the same run.

A 24-megapixel JPEG (6000 × 4000, made here with libvips's command-line tools: a smooth gradient
with grain, so that it compresses like a photo) is uploaded through the newsroom of a real Kiosk
server (release build) on a throwaway demo database whose own images are already resized. The
figures:

- how long the server takes from the upload's answer to the last rendition stored, how many files
  that is, and their total size against the original's;
- the server's resident memory before, and its peak (`VmHWM`) after;
- an article page under wrk (2 threads, 16 connections, 10 s) while nothing else happens, and
  again while the renditions are being made: requests per second, p99 and errors. The first run
  is the reference; the ratio says what resizing costs the readers.

The same is measured with libvips's own `vipsthumbnail` making the largest JPEG from the same file,
for scale: the work of one rendition with nothing around it.

Usage: python3 bench/renditions.py
(needs the release build: flock /tmp/kiosk-release.lock swift build -c release --product kiosk --scratch-path .build-release,
and wrk and libvips-tools: scripts/install-deps --bench)
"""

from __future__ import annotations

import http.cookiejar
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KIOSK = REPO / ".build-release" / "release" / "kiosk"
EMAIL = "bench@example.org"
PASSWORD = "quartz-ferry-meridian-4817"
ARTICLE = "/articles/statecraft-danube-joint-customs-protocol"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def photo(folder: Path) -> Path:
    """A 6000 × 4000 JPEG that compresses like a photograph."""
    steps = [
        ["vips", "xyz", "xyz.v", "6000", "4000"],
        ["vips", "linear", "xyz.v", "ramp.v", "0.04 0.06", "20 30"],
        ["vips", "extract_band", "ramp.v", "blue.v", "0"],
        ["vips", "bandjoin", "ramp.v blue.v", "rgb.v"],
        ["vips", "gaussnoise", "grain.v", "6000", "4000", "--sigma", "6", "--mean", "0"],
        ["vips", "add", "rgb.v", "grain.v", "photo.v"],
        ["vips", "cast", "photo.v", "photo8.v", "uchar"],
        ["vips", "copy", "photo8.v", "photo.jpg[Q=90]"],
    ]
    for step in steps:
        subprocess.run(step, cwd=folder, check=True, capture_output=True)
    return folder / "photo.jpg"


def upload(base: str, file: Path) -> float:
    """Signs in, uploads `file` through the media page; returns when the upload was answered."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/admin/login").read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    opener.open(base + "/admin/login", data=urllib.parse.urlencode({"csrf": token, "email": EMAIL, "password": PASSWORD}).encode())
    media = opener.open(base + "/admin/media").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', media).group(1)
    boundary = uuid.uuid4().hex
    body = b""
    for name, value in (("csrf", csrf), ("alt", "A test photograph"), ("caption", ""), ("credit", "")):
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
    body += file.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(base + "/admin/media", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    answer = opener.open(request)
    assert "/admin/media/" in answer.url, answer.url
    return time.monotonic()


def memory(pid: int, field: str) -> int:
    """A memory figure of process `pid` from /proc, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+) kB", status).group(1)) // 1024


def wrk_command(url: str) -> list[str]:
    return ["wrk", "-t2", "-c16", "-d10s", "--latency", url]


def wrk_figures(out: str) -> tuple[float, float, int]:
    """Requests per second, p99 in ms and errors (non-2xx/3xx answers and socket errors) from wrk's output."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    count = int(errors.group(1)) if errors else 0
    if socket_errors:
        count += sum(int(n) for n in socket_errors.groups())
    return rate, float(p99.group(1)) * scale, count


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-renditions-"))
    database = folder / "kiosk.sqlite"
    original = photo(folder)
    started = time.monotonic()
    subprocess.run(["vipsthumbnail", str(original), "--size", "1920", "-o", str(folder / "reference.jpg[Q=80,strip]")], check=True)
    reference = time.monotonic() - started
    subprocess.run([str(KIOSK), "demo", "--database", str(database)], check=True, capture_output=True)
    subprocess.run([str(KIOSK), "media", "rebuild", "--database", str(database)], check=True, capture_output=True)
    subprocess.run([str(KIOSK), "user", "create", "--database", str(database), "--email", EMAIL, "--name", "Bench", "--role", "admin"],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(KIOSK), "serve", "--database", str(database), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"KIOSK_MAX_UPLOAD_MB": "50", "PATH": "/usr/bin:/bin"})
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        idle = wrk_figures(subprocess.run(wrk_command(base + ARTICLE), check=True, capture_output=True, text=True).stdout)
        before = memory(server.pid, "VmRSS")
        uploaded = upload(base, original)
        busy = subprocess.Popen(wrk_command(base + ARTICLE), stdout=subprocess.PIPE, text=True)
        with sqlite3.connect(database) as db:
            while True:
                row = db.execute("SELECT renditions_made, id FROM media WHERE alt = 'A test photograph'").fetchone()
                if row and row[0]:
                    break
                time.sleep(0.05)
            made = time.monotonic() - uploaded
            files, size = db.execute("SELECT count(*), sum(length(bytes)) FROM media_rendition WHERE media_id = ?", (row[1],)).fetchone()
        out = busy.communicate()[0]
        peak = memory(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=10)
    rate, busy_p99, busy_errors = wrk_figures(out)

    megabytes = original.stat().st_size / 1_048_576
    print("Renditions of one 24-megapixel JPEG (6000 × 4000, %.1f MB), release build" % megabytes)
    print(f"  Kiosk: {files} files ({size / 1_048_576:.2f} MB in all) made in {made:.1f} s after the upload was answered")
    print(f"  reference: vipsthumbnail, the largest JPEG alone, {reference:.2f} s; ratio Kiosk all files / one file {made / reference:.1f}x")
    print(f"  server memory: {before} MB resident before the upload, peak {peak} MB (VmHWM)")
    print(f"  article page, idle:            {idle[0]:8.0f} req/s  p99 {idle[1]:6.1f} ms  errors {idle[2]}")
    print(f"  article page, while resizing:  {rate:8.0f} req/s  p99 {busy_p99:6.1f} ms  errors {busy_errors}")
    print(f"  ratio while resizing / idle: {rate / idle[0]:.2f}x throughput, {busy_p99 / idle[1]:.2f}x p99")
    return 0


if __name__ == "__main__":
    sys.exit(main())
