"""What an article page costs a phone to load: bytes over the wire, measured in Chromium.

One Kiosk build is measured against another in the same run: by default this checkout's release
build against the build given with --before (for issue 14, the last commit before image renditions,
a6079da^, which served every image as uploaded). For each build, a throwaway demo database gets a
24-megapixel photograph (6000 × 4000, made with libvips's command-line tools as bench/renditions.py
makes it) uploaded through the newsroom as the top image of one article; then Chromium opens that
article at phone size (390 × 844 CSS px, device pixel ratio 3) and at desktop size (1280 × 800,
ratio 1). The Chrome DevTools Protocol counts every byte received (`encodedDataLength`: headers and
compressed bodies), first when the page has loaded and the network is idle, then after scrolling to
the end so that lazy images load too.

Usage: .venv-e2e/bin/python bench/page_weight.py --before PATH/TO/OLD/kiosk [--after PATH/TO/kiosk]
(Playwright and Chromium come with scripts/install-deps --test, libvips's tools with --bench; build
the old binary from a worktree: git worktree add /tmp/before14 a6079da^ && cd /tmp/before14 &&
swift build --product kiosk)
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from renditions import EMAIL, PASSWORD, free_port, photo, upload

REPO = Path(__file__).resolve().parent.parent
SLUG = "statecraft-danube-joint-customs-protocol"
DEVICES = {
    "phone 390 px": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True},
    "desktop 1280 px": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}


def serve(kiosk: Path, database: Path, port: int) -> subprocess.Popen:
    """Starts `kiosk serve` on the database and waits until it answers."""
    server = subprocess.Popen(
        [str(kiosk), "serve", "--database", str(database), "--port", str(port), "--host", "127.0.0.1"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"KIOSK_MAX_UPLOAD_MB": "50", "PATH": "/usr/bin:/bin"})
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"{kiosk} did not start")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=20)


def prepare(kiosk: Path, folder: Path, original: Path) -> Path:
    """A demo database whose article SLUG has the uploaded photograph on top, renditions made where the build makes them."""
    database = folder / "kiosk.sqlite"
    subprocess.run([str(kiosk), "demo", "--database", str(database)], cwd=REPO, check=True, capture_output=True)
    subprocess.run([str(kiosk), "user", "create", "--database", str(database), "--email", EMAIL, "--name", "Bench", "--role", "admin"],
                   cwd=REPO, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = free_port()
    server = serve(kiosk, database, port)
    try:
        upload(f"http://127.0.0.1:{port}", original)
    finally:
        stop(server)
    with sqlite3.connect(database) as db:
        media_id = db.execute("SELECT id FROM media WHERE alt = 'A test photograph'").fetchone()[0]
        db.execute("UPDATE article SET top_media_id = ? WHERE slug = ?", (media_id, SLUG))
    # Builds with renditions make them for the demo's images and the photograph; older ones have none to make.
    subprocess.run([str(kiosk), "media", "rebuild", "--database", str(database)], cwd=REPO, capture_output=True)
    return database


def measure(base: str, chromium: str) -> dict[str, dict[str, int]]:
    """Bytes received for the article in each device, on load and after scrolling to the end."""
    figures: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for device, options in DEVICES.items():
            context = browser.new_context(base_url=base, **options)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            kinds: dict[str, str] = {}
            received: list[tuple[str, int]] = []
            cdp.on("Network.responseReceived", lambda event, kinds=kinds: kinds.__setitem__(event["requestId"], event["type"]))
            cdp.on("Network.loadingFinished",
                   lambda event, kinds=kinds, received=received: received.append((kinds.get(event["requestId"], "Other"), int(event["encodedDataLength"]))))
            page.goto(f"/articles/{SLUG}")
            page.wait_for_load_state("networkidle")
            loaded = list(received)
            height = page.evaluate("document.documentElement.scrollHeight")
            for _ in range(0, height + 800, 400):
                page.evaluate("window.scrollBy(0, 400)")
                page.wait_for_timeout(50)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            figures[device] = {
                "load": sum(size for _, size in loaded),
                "load images": sum(size for kind, size in loaded if kind == "Image"),
                "load requests": len(loaded),
                "end": sum(size for _, size in received),
                "end images": sum(size for kind, size in received if kind == "Image"),
            }
            context.close()
        browser.close()
    return figures


def run(label: str, kiosk: Path, original: Path, chromium: str) -> dict[str, dict[str, int]]:
    folder = Path(tempfile.mkdtemp(prefix=f"kiosk-bench-weight-{label}-"))
    database = prepare(kiosk, folder, original)
    port = free_port()
    server = serve(kiosk, database, port)
    try:
        return measure(f"http://127.0.0.1:{port}", chromium)
    finally:
        stop(server)


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--before", type=Path, required=True, help="the kiosk binary measured as the reference")
    arguments.add_argument("--after", type=Path, default=REPO / ".build-release" / "release" / "kiosk", help="the kiosk binary measured against it")
    arguments.add_argument("--chromium", default="/usr/bin/chromium")
    options = arguments.parse_args()
    for binary in (options.before, options.after):
        if not binary.is_file():
            print(f"page_weight: no kiosk binary at {binary}", file=sys.stderr)
            return 2
    original = photo(Path(tempfile.mkdtemp(prefix="kiosk-bench-weight-photo-")))
    print(f"Article /articles/{SLUG} with a {original.stat().st_size / 1_048_576:.1f} MB 6000 × 4000 JPEG on top; bytes received in Chromium")
    results = {label: run(label, binary, original, options.chromium) for label, binary in (("before", options.before), ("after", options.after))}
    for device in DEVICES:
        before, after = results["before"][device], results["after"][device]
        print(f"  {device}:")
        print(f"    on load:          before {kb(before['load'])} ({before['load requests']} requests, images {kb(before['load images'])}), "
              f"after {kb(after['load'])} ({after['load requests']} requests, images {kb(after['load images'])}); "
              f"after / before {after['load'] / before['load']:.3f}")
        print(f"    scrolled to end:  before {kb(before['end'])} (images {kb(before['end images'])}), "
              f"after {kb(after['end'])} (images {kb(after['end images'])}); after / before {after['end'] / before['end']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
