"""Importing a WordPress archive: `kiosk import wordpress` against WordPress itself taking in the
same export through its own API, in the same run.

bench/wordpress/make-export.py writes a WXR 1.2 export of POSTS posts (10,000 by default) with
200 images shared as featured images, and the uploads folder they come from. Then, one after the
other on the same file:

- Kiosk: `kiosk import wordpress FILE --uploads DIR --database DB --media DIR` (release build)
  into a new SQLite database, timed from process start to exit, three times (--kiosk-runs), each
  into a new database; the median run counts, since one run of a few seconds feels every swing of a
  shared machine, where WordPress's single run of over a minute averages them out;
- the reference: bench/wordpress/insert.php on Debian's `wordpress` package, freshly installed on
  a throwaway MariaDB server, doing per record what WordPress's importer plugin does (authors,
  terms, wp_insert_post, wp_set_object_terms, add_post_meta, media_handle_sideload from the
  uploads folder, set_post_thumbnail), timed the same way.

Both sides are then checked: every post is in `article` (SQLite) and in wp_posts (MariaDB) with the
status mix, featured images and images of the export, or the benchmark fails. The table gives
seconds, posts per second, CPU seconds (WordPress's includes MariaDB's), the peak resident memory
of each process, and Kiosk's speed-up over WordPress.

Everything stays on the machine: MariaDB listens on a Unix socket only (--skip-networking),
WordPress's HTTP API is switched off by a must-use plugin, and PHP runs in a network namespace of
its own where the kernel allows it, as in Tests/fixtures/wordpress/make-fixture.sh. As root,
MariaDB runs as the `mysql` user. The temporary folder is removed at the end.

Usage: python3 bench/wordpress_import.py [--posts 10000] [--seed 1] [--attachments 200]
(needs the release build: flock /tmp/kiosk-release.lock swift build -c release --product kiosk --scratch-path .build-release)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KIOSK = REPO / ".build-release" / "release" / "kiosk"
HERE = REPO / "bench" / "wordpress"
WP_ROOT = Path("/usr/share/wordpress")
PACKAGES = ["wordpress", "mariadb-server", "mariadb-client", "php-cli", "php-mysql", "php-gd", "php-xml", "php-mbstring"]
SITE_URL = "https://crosscurrents.example"
TARGET = 10.0


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))) + " |")


def timed(command: list[str], **options) -> tuple[float, float, int, str]:
    """Runs `command` to the end: wall seconds, CPU seconds (user + system), peak resident KiB, stdout.
    stderr passes through, so progress shows as it comes. Leaves in `timed.machine_busy` the CPU
    seconds the whole machine was busy meanwhile, to tell how much else was running."""
    start = time.perf_counter()
    busy = machine_busy_seconds()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **options)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    timed.machine_busy = machine_busy_seconds() - busy
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stdout.write(output[-4000:])
        raise SystemExit(f"{command[0]} failed with exit status {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, output


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores), from /proc/stat."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- Kiosk ------------------------------------------------------------------------------------

def run_kiosk(work: Path, export: Path, uploads: Path, number: int) -> dict:
    database = work / f"kiosk-{number}" / "kiosk.sqlite"
    database.parent.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    print(f"Kiosk: kiosk import wordpress ({export.stat().st_size / 1e6:.0f} MB export) ...", flush=True)
    wall, cpu, peak, output = timed(
        [str(KIOSK), "import", "wordpress", str(export), "--uploads", str(uploads), "--database", str(database), "--media", str(database.parent / "media")],
        cwd=database.parent, env=environment)
    report = [line for line in output.splitlines() if line.startswith(("Imported:", "Skipped", "Needs attention"))]
    for line in report:
        print(f"  {line}")
    with sqlite3.connect(database) as db:
        counts = {
            "posts": db.execute("SELECT COUNT(*) FROM article").fetchone()[0],
            "statuses": dict(db.execute("SELECT status, COUNT(*) FROM article GROUP BY status").fetchall()),
            "featured": db.execute("SELECT COUNT(*) FROM article WHERE top_media_id IS NOT NULL").fetchone()[0],
            "images": db.execute("SELECT COUNT(*) FROM media").fetchone()[0],
        }
    return {"wall": wall, "cpu": cpu, "others": timed.machine_busy - cpu, "peak_kb": peak, "counts": counts,
            "skipped": any(line.startswith("Skipped") for line in report)}


# --- WordPress ----------------------------------------------------------------------------------

class WordPress:
    """A throwaway WordPress on a throwaway MariaDB in `work`, as make-fixture.sh sets one up."""

    def __init__(self, work: Path) -> None:
        self.work = work / "wordpress"
        self.datadir = self.work / "db"
        self.rundir = self.work / "run"
        self.content = self.work / "wp-content"
        self.socket = self.rundir / "mysqld.sock"
        self.config = self.work / "wp-config.php"
        self.mysqld: subprocess.Popen | None = None
        for folder in (self.datadir, self.rundir, self.content / "mu-plugins", self.content / "uploads", self.work / "tmp"):
            folder.mkdir(parents=True)
        # The mysql user must be able to reach its folders.
        for folder in (work, self.work):
            folder.chmod(0o755)
        self.php = ["php"]
        if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
            self.php = ["unshare", "-n", "php"]
        elif subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
            self.php = ["unshare", "-rn", "php"]

    def start(self) -> None:
        if os.geteuid() == 0:
            user = "mysql"   # mariadbd refuses to run as root
            shutil.chown(self.datadir, "mysql", "mysql")
            shutil.chown(self.rundir, "mysql", "mysql")
        else:
            user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
        install = subprocess.run(
            ["mariadb-install-db", "--no-defaults", f"--user={user}", f"--datadir={self.datadir}", "--auth-root-authentication-method=normal", "--skip-test-db"],
            capture_output=True, text=True)
        if install.returncode != 0:
            raise SystemExit("mariadb-install-db failed:\n" + install.stdout + install.stderr)
        # --no-defaults: nothing of a system server is reused. innodb_flush_log_at_trx_commit=2 writes the
        # log at each commit and flushes it once a second: durable across a killed process but not a
        # power cut, the same promise as Kiosk's SQLite in WAL mode with synchronous=NORMAL.
        self.mysqld = subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--user={user}", f"--datadir={self.datadir}", f"--socket={self.socket}", "--skip-networking",
             f"--pid-file={self.rundir / 'mysqld.pid'}", f"--log-error={self.rundir / 'mysqld.log'}",
             "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--innodb-flush-log-at-trx-commit=2"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(150):
            if subprocess.run(["mariadb-admin", "--no-defaults", f"--socket={self.socket}", "-uroot", "ping"], capture_output=True).returncode == 0:
                break
            if self.mysqld.poll() is not None:
                raise SystemExit("mariadbd stopped:\n" + (self.rundir / "mysqld.log").read_text())
            time.sleep(0.2)
        else:
            raise SystemExit("mariadbd did not answer")
        self.sql("CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; "
                 "CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-bench'; GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';", database=None)
        self.write_config()
        self.run_php("""<?php
define('WP_INSTALLING', true);
require getenv('BENCH_WP_CONFIG');
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Crosscurrents', 'siteadmin', 'siteadmin@crosscurrents.example', false, '', wp_generate_password(), 'en_US');
if (is_wp_error($result) || empty($result['user_id'])) { fwrite(STDERR, "wp_install failed\\n"); exit(1); }
""")
        # The site as the export's: its time zone and permalinks; no sample content.
        self.run_php("""<?php
require getenv('BENCH_WP_CONFIG');
update_option('timezone_string', 'Europe/Berlin');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $p) wp_delete_post($p->ID, true);
update_option('wp_page_for_privacy_policy', 0);
echo $GLOBALS['wp_version'];
""")

    def write_config(self) -> None:
        self.config.write_text(f"""<?php
// Written by bench/wordpress_import.py: a throwaway wp-config for a CLI-only WordPress.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-bench');
define('DB_HOST', 'localhost:{self.socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as $k) define($k, 'kiosk-bench-' . $k);
define('WP_HOME', '{SITE_URL}');
define('WP_SITEURL', '{SITE_URL}');
define('WP_CONTENT_DIR', '{self.content}');
define('WP_CONTENT_URL', '{SITE_URL}/wp-content');
define('WP_TEMP_DIR', '{self.work / "tmp"}/');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_POST_REVISIONS', false);
define('WP_DEBUG', false);
define('ABSPATH', '{WP_ROOT}/');
$_SERVER['HTTP_HOST'] = 'crosscurrents.example';
$_SERVER['SERVER_NAME'] = 'crosscurrents.example';
$_SERVER['REQUEST_URI'] = '/';
require_once ABSPATH . 'wp-settings.php';
""")
        # Loaded even during wp_install: no HTTP, no oEmbed, no mail.
        (self.content / "mu-plugins" / "kiosk-bench-offline.php").write_text("""<?php
add_filter('pre_http_request', function () { return new WP_Error('http_request_blocked', 'The benchmark makes no HTTP requests.'); }, 1);
add_filter('pre_oembed_result', function () { return false; }, 1);
add_filter('embed_oembed_discover', '__return_false', 1);
if (!function_exists('wp_mail')) {
    function wp_mail($to, $subject, $message, $headers = '', $attachments = array()) { return true; }
}
""")

    @property
    def environment(self) -> dict[str, str]:
        return {**os.environ, "BENCH_WP_CONFIG": str(self.config)}

    def run_php(self, script: str) -> str:
        result = subprocess.run(self.php, input=script, capture_output=True, text=True, env=self.environment)
        if result.returncode != 0:
            raise SystemExit("php failed:\n" + result.stdout + result.stderr)
        return result.stdout

    def sql(self, statement: str, database: str | None = "wordpress") -> list[list[str]]:
        command = ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "--batch", "--skip-column-names", "-e", statement]
        if database:
            command.append(database)
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"mariadb failed on {statement!r}: {result.stderr}")
        return [line.split("\t") for line in result.stdout.splitlines()]

    def run(self, export: Path, uploads: Path) -> dict:
        before = cpu_seconds(self.mysqld.pid)
        wall, cpu, peak, output = timed([*self.php, str(HERE / "insert.php"), str(export), str(uploads)], env=self.environment)
        database_cpu = cpu_seconds(self.mysqld.pid) - before
        summary = json.loads(output.strip().splitlines()[-1])
        counts = {
            "posts": int(self.sql("SELECT COUNT(*) FROM wp_posts WHERE post_type = 'post'")[0][0]),
            "statuses": {status: int(n) for status, n in self.sql("SELECT post_status, COUNT(*) FROM wp_posts WHERE post_type = 'post' GROUP BY post_status")},
            "featured": int(self.sql(
                "SELECT COUNT(*) FROM wp_postmeta m JOIN wp_posts a ON a.ID = m.meta_value "
                "WHERE m.meta_key = '_thumbnail_id' AND a.post_type = 'attachment'")[0][0]),
            "images": int(self.sql("SELECT COUNT(*) FROM wp_posts WHERE post_type = 'attachment'")[0][0]),
        }
        return {"wall": wall, "cpu": cpu + database_cpu, "others": timed.machine_busy - cpu - database_cpu, "php_cpu": cpu, "database_cpu": database_cpu, "peak_kb": peak, "counts": counts, "summary": summary}

    def stop(self) -> None:
        if self.mysqld and self.mysqld.poll() is None:
            subprocess.run(["mariadb-admin", "--no-defaults", f"--socket={self.socket}", "-uroot", "shutdown"], capture_output=True)
            try:
                self.mysqld.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.mysqld.terminate()
                self.mysqld.wait(timeout=30)


def ensure_packages() -> None:
    missing = [p for p in PACKAGES if "install ok installed" not in subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout]
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"missing packages: {' '.join(missing)} (run as root, or apt-get install them)")
    print(f"installing: {' '.join(missing)}", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def check(side: str, counts: dict, manifest: dict, images: int) -> list[str]:
    """What differs between what `side` holds and what the export has."""
    problems = []
    if counts["posts"] != manifest["posts"]:
        problems.append(f"{side} holds {counts['posts']} posts, the export has {manifest['posts']}")
    expected = {name: manifest["statuses"][status] for status, name in STATUS_NAMES[side].items() if manifest["statuses"][status]}
    if counts["statuses"] != expected:
        problems.append(f"{side}'s statuses are {counts['statuses']}, the export's {manifest['statuses']}")
    if counts["featured"] != manifest["featured"]:
        problems.append(f"{side} has {counts['featured']} featured images, the export {manifest['featured']}")
    if counts["images"] != images:
        problems.append(f"{side} holds {counts['images']} images, {images} expected")
    return problems


STATUS_NAMES = {
    "Kiosk": {"publish": "published", "draft": "draft", "future": "scheduled"},
    "WordPress": {"publish": "publish", "draft": "draft", "future": "future"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the export (default 10,000)")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    parser.add_argument("--attachments", type=int, default=200, help="images in the export (default 200)")
    parser.add_argument("--kiosk-runs", type=int, default=3, help="Kiosk imports, each into a new database; the median counts (default 3)")
    args = parser.parse_args()
    if args.kiosk_runs < 1:
        raise SystemExit("--kiosk-runs must be 1 or more")
    if not KIOSK.exists():
        raise SystemExit(f"{KIOSK} is missing; build it with: flock /tmp/kiosk-release.lock swift build -c release --product kiosk --scratch-path .build-release")
    ensure_packages()
    wordpress_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wordpress"], capture_output=True, text=True).stdout

    load = os.getloadavg()
    print(f"Machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the start")
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-wordpress-"))
    wordpress = None
    try:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "make-export.py"), str(work / "export"), "--posts", str(args.posts),
                        "--seed", str(args.seed), "--attachments", str(args.attachments)], check=True)
        manifest = json.loads((work / "export" / "manifest.json").read_text())
        export, uploads = work / "export" / "export.xml", work / "export" / "uploads"
        print(f"Export: {manifest['posts']:,} posts ({manifest['statuses']['publish']:,} publish, {manifest['statuses']['draft']:,} draft, "
              f"{manifest['statuses']['future']:,} future; {manifest['block_editor_posts']:,} in block markup, {manifest['inline_images']:,} with an inline image), "
              f"{manifest['attachments']} images ({manifest['featured']:,} posts with a featured one), {manifest['categories']} categories, "
              f"{manifest['tags']} tags; {manifest['bytes'] / 1e6:.1f} MB, made in {time.perf_counter() - started:.1f} s", flush=True)

        runs = []
        for number in range(1, args.kiosk_runs + 1):
            runs.append(run_kiosk(work, export, uploads, number))
            print(f"  {runs[-1]['wall']:.1f} s", flush=True)
        kiosk = sorted(runs, key=lambda run: run["wall"])[len(runs) // 2]

        print(f"WordPress {wordpress_version}: setting up MariaDB and a fresh site (not timed) ...", flush=True)
        wordpress = WordPress(work)
        wordpress.start()
        print("WordPress: bench/wordpress/insert.php ...", flush=True)
        reference = wordpress.run(export, uploads)
        print(f"  {reference['wall']:.1f} s", flush=True)

        problems = [f"run {number}: {problem}" for number, run in enumerate(runs, 1)
                    for problem in check("Kiosk", run["counts"], manifest, manifest["referenced_attachments"])]
        problems += check("WordPress", reference["counts"], manifest, manifest["attachments"])
        if any(run["skipped"] for run in runs):
            problems.append("Kiosk's report skipped some items")
    finally:
        if wordpress:
            wordpress.stop()
        shutil.rmtree(work, ignore_errors=True)

    posts = manifest["posts"]
    ratio = reference["wall"] / kiosk["wall"]
    table(
        f"Importing a WordPress export of {posts:,} posts and {manifest['attachments']} images ({manifest['bytes'] / 1e6:.0f} MB), "
        f"seed {args.seed}, {os.cpu_count()} cores, release build",
        ["importer", "seconds", "posts/s", "CPU s", "peak RSS MB", "other processes' CPU s", "× WordPress"],
        [
            ["Kiosk: kiosk import wordpress (SQLite)", f"{kiosk['wall']:.1f}", f"{posts / kiosk['wall']:,.0f}", f"{kiosk['cpu']:.1f}",
             f"{kiosk['peak_kb'] / 1024:.0f}", f"{max(0.0, kiosk['others']):.1f}", f"{ratio:.2f}"],
            [f"WordPress {reference['summary']['wordpress']}: insert.php (MariaDB, reference)", f"{reference['wall']:.1f}",
             f"{posts / reference['wall']:,.0f}", f"{reference['cpu']:.1f}", f"{reference['peak_kb'] / 1024:.0f}",
             f"{max(0.0, reference['others']):.1f}", "1.00"],
        ])
    print(f"\nWordPress's CPU: PHP {reference['php_cpu']:.1f} s + MariaDB {reference['database_cpu']:.1f} s; its peak RSS is PHP's alone. "
          f"Side-loading the {manifest['attachments']} images (resized copies included) took {reference['summary']['sideload_seconds']:.1f} s of its time.")
    walls = ", ".join(f"{run['wall']:.1f}" for run in runs)
    print(f"Kiosk's row is the median of {len(runs)} imports, each into a new database ({walls} s); "
          f"WordPress's single run lasts {ratio:.0f} times as long, so it averages the machine's swings over its own length.")
    print(f"Kiosk {ratio:.2f}x WordPress's speed (target: 10x or more){'' if ratio >= TARGET else ' -- below the target'}.")
    print("Other processes' CPU s: what the rest of the machine used meanwhile (0 on an idle machine; the 2 cores give 2 s per second).")
    print(f"Checked: both hold {posts:,} posts with the export's statuses and {manifest['featured']:,} featured images; "
          f"Kiosk {manifest['referenced_attachments']} images (those the posts use), WordPress {manifest['attachments']} attachments.")
    load = os.getloadavg()
    print(f"Load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if problems:
        raise SystemExit("FAILED:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    sys.exit(main())
