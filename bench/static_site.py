"""Static site export against Hugo: `kiosk export --static` and Hugo building the same publication.

Run on its own after a release build of `kiosk` (bench/run makes one):

    python3 bench/static_site.py                 # 10,000 articles, 3 runs each
    BENCH_STATIC_ARTICLES=1000 BENCH_STATIC_ROUNDS=3 python3 bench/static_site.py

It makes a demo publication with `kiosk demo --articles N` on a tmpfs, writes the same articles
into a Hugo site (bench/hugo/generate.py: content files with front matter, taxonomies for sections,
topics, series and authors, and layouts in the default theme's markup, bench/hugo/layouts), then
times, alternately, `kiosk export --static OUT` and `hugo --destination OUT`, each as a whole
process from start to exit, into an emptied folder on the same tmpfs. It prints what each wrote by
page type, the medians, pages written per second and the ratio of Kiosk's time to Hugo's. Figures
are measured, never asserted. Everything is deleted at the end.
"""

from __future__ import annotations

import collections
import fcntl
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import BIN, REPO, table

sys.path.insert(0, str(REPO / "bench" / "hugo"))
from generate import generate  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_STATIC_ARTICLES", "10000"))
ROUNDS = int(os.environ.get("BENCH_STATIC_ROUNDS", "3"))
PUBLIC_URL = "http://127.0.0.1:8080"
TARGET = 0.5
LISTINGS = ("sections", "topics", "series", "authors")


def kind(path: str) -> str:
    """The page type of a file the export wrote, by its path in the output folder."""
    parts = path.split("/")
    if path == "index.html":
        return "home page"
    if parts[-1] in ("feed.xml", "feed.atom", "feed.json"):
        return {"xml": "feeds: RSS", "atom": "feeds: Atom", "json": "feeds: JSON Feed"}[parts[-1].split(".")[1]]
    if parts[0] == "sitemaps" or (len(parts) == 1 and parts[0].startswith("sitemap")):
        return "sitemaps"
    if parts[0] == "media":
        return "images"
    if parts[0] == "assets":
        return "theme assets"
    if parts[-1] != "index.html":
        return "other files (robots.txt)"
    if parts[0] == "articles" and len(parts) == 3:
        return "articles"
    if "page" in parts and parts[parts.index("page") + 1] == "1":
        return "redirects from page/1/ (Hugo's)"
    if parts[0] == "latest":
        return "latest, page 1" if len(parts) == 2 else "latest, pages 2+"
    if parts[0] in LISTINGS and len(parts) == 3:
        return f"{parts[0]}, page 1"
    if parts[0] in LISTINGS and len(parts) == 5:
        return f"{parts[0]}, pages 2+"
    return "other pages (standing, search, newsletter)"


ORDER = ["articles", "home page", "latest, page 1", "latest, pages 2+", *(f"{k}, {n}" for k in LISTINGS for n in ("page 1", "pages 2+")),
         "other pages (standing, search, newsletter)", "redirects from page/1/ (Hugo's)", "feeds: RSS", "feeds: Atom", "feeds: JSON Feed",
         "sitemaps", "other files (robots.txt)", "images", "theme assets"]


def census(folder: Path) -> tuple[collections.Counter, int]:
    """Files written by page type, and their bytes."""
    counts: collections.Counter = collections.Counter()
    size = 0
    for path in folder.rglob("*"):
        if path.is_file():
            counts[kind(path.relative_to(folder).as_posix())] += 1
            size += path.stat().st_size
    return counts, size


def pages(counts: collections.Counter) -> int:
    """HTML pages, not counting Hugo's redirect stubs."""
    return sum(n for k, n in counts.items() if k not in ("redirects from page/1/ (Hugo's)", "images", "theme assets", "sitemaps",
                                                           "other files (robots.txt)") and not k.startswith("feeds"))


def timed(command: list[str], out: Path) -> tuple[float, float, float]:
    """Runs `command` into an emptied `out`: wall seconds from start to exit, CPU seconds (user + system) and peak RSS in MB."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({process.returncode}):\n{output.decode(errors='replace')[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    hugo = shutil.which("hugo")
    if hugo is None:
        raise SystemExit("hugo is missing: apt-get install -y hugo")
    if subprocess.run([str(BIN / "kiosk"), "export", "--help"], capture_output=True).returncode != 0:
        raise SystemExit(f"{BIN / 'kiosk'} has no export command: build it with "
                         "swift build -c release --product kiosk --scratch-path .build-release")
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-static-", dir=shm if shm.is_dir() else None))
    load_before = os.getloadavg()
    try:
        # A copy of the binary, taken while no release build runs (the lock the builds take), so that a
        # rebuild of .build-release during the runs cannot change what is measured.
        kiosk = work / "kiosk"
        with open("/tmp/kiosk-release.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            shutil.copy2(BIN / "kiosk", kiosk)
            fcntl.flock(lock, fcntl.LOCK_UN)
        database, media, site, out = work / "kiosk.sqlite", work / "media", work / "hugo-site", work / "out"
        started = time.perf_counter()
        subprocess.run([str(kiosk), "demo", "--database", str(database), "--media", str(media), "--articles", str(ARTICLES)],
                       cwd=REPO, check=True, capture_output=True)
        # The images' resized copies are made once, as a running server would have made them; Hugo
        # resizes nothing either.
        subprocess.run([str(kiosk), "media", "rebuild", "--database", str(database), "--media", str(media)], cwd=REPO, check=True, capture_output=True)
        made = time.perf_counter() - started
        # Kiosk keeps media in the database and its media folder is a cache it fills on first request:
        # filled beforehand, so that every run reads the same files.
        media.mkdir(exist_ok=True)
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            for name, data in db.execute("SELECT m.file_name, f.bytes FROM media_file f JOIN media m ON m.id = f.media_id"):
                (media / name).write_bytes(data)
        started = time.perf_counter()
        generated = generate(database, site)
        converted = time.perf_counter() - started
        print(f"Publication: {ARTICLES:,} demo articles ({made:.1f} s), written as a Hugo site ({generated['articles']:,} articles, "
              f"{converted:.1f} s), on {work.parent}")

        commands = {
            "Kiosk": [str(kiosk), "export", "--static", str(out), "--database", str(database), "--media", str(media), "--public-url", PUBLIC_URL],
            "Hugo": [hugo, "--source", str(site), "--destination", str(out)],
        }
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        written: dict[str, tuple[collections.Counter, int]] = {}
        for round_number in range(ROUNDS):
            for name, command in commands.items():
                runs[name].append(timed(command, out))
                print(f"  round {round_number + 1}: {name} {runs[name][-1][0]:.2f} s", flush=True)
                if name not in written:
                    written[name] = census(out)
        shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()

    kinds = [k for k in ORDER if any(written[name][0][k] for name in commands)]
    table(f"What each wrote, {ARTICLES:,} articles (listing pages of {12} stories, feeds of 20 entries)",
          ["page type", "Kiosk files", "Hugo files"],
          [[k, f"{written['Kiosk'][0][k]:,}", f"{written['Hugo'][0][k]:,}"] for k in kinds]
          + [["all files", f"{sum(written['Kiosk'][0].values()):,}", f"{sum(written['Hugo'][0].values()):,}"],
             ["MB written", f"{written['Kiosk'][1] / 1_048_576:,.1f}", f"{written['Hugo'][1] / 1_048_576:,.1f}"]])

    medians = {name: statistics.median(r[0] for r in runs[name]) for name in commands}
    rows = []
    for name in commands:
        count = pages(written[name][0])
        rows.append([
            f"{name} ({'kiosk export --static' if name == 'Kiosk' else f'hugo {hugo_version}'})",
            f"{medians[name]:,.2f}", " / ".join(f"{r[0]:.2f}" for r in runs[name]),
            f"{statistics.median(r[1] for r in runs[name]):,.2f}", f"{max(r[2] for r in runs[name]):,.0f}",
            f"{count:,}", f"{count / medians[name]:,.0f}", f"{medians[name] / medians['Hugo']:.2f}"])
    table(f"Building the static site of {ARTICLES:,} articles, whole process, {ROUNDS} alternating runs each, median "
          f"({os.cpu_count()} cores; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after)",
          ["builder", "median s", "runs s", "CPU s", "peak RSS MB", "HTML pages", "pages/s", "× Hugo"], rows)
    ratio = medians["Kiosk"] / medians["Hugo"]
    print(f"\nratio Kiosk time / Hugo time: {ratio:.2f} (target: ≤ {TARGET}; {'met' if ratio <= TARGET else 'not met'})")


if __name__ == "__main__":
    sys.exit(main())
