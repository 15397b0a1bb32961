"""Page benchmark (`make bench`, not a test): Hamleh's public pages against Django's own ceiling.

    .venv/bin/python bench/run.py [--sizes 1000 100000] [--duration 5] [--repeats 2] [--reuse]

On PostgreSQL, in databases of its own (`hamleh_bench_<size>`, dropped and made again unless --reuse finds
exactly the right number of items), it fills a database per size with `generate_content`, starts one
gunicorn per size (gunicorn.conf.py, 2 workers, DJANGO_DEBUG=0, static files collected into a temporary
folder) and measures with `wrk` (Debian package) the requests per second and the p50/p99 latency of each
page at every size in turn, first with no cache at all (DJANGO_PUBLIC_CACHE_SECONDS=0, DJANGO_CACHE=off),
then with the shared cache on Redis but the page cache off (what a visitor with a session, or the first
visitor after an edit, gets), then with the page cache on; next to `/bench/minimal` (a view that only returns "ok",
served by the same gunicorn with HAMLEH_BENCH=1) as the ceiling. Then 64 connections for 30 seconds on all
pages at once, at the largest size, must give no error and no non-2xx answer. The table goes into the
"Pages and feeds" section of docs/performance.md; the raw figures into bench/last-run.json.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SECTION_TITLE = "## Pages and feeds"
CONTENT_TABLES = [
    "publications_publication",
    "publications_article",
    "campaigns_campaign",
    "trainings_training",
    "trainings_event",
]
PAGE_SIZE = 12
SEARCH_WORDS = "الحقوق الرقمية"
# The targets: with the page cache off at least 15 % of the ceiling, cached at least 70 %, and 100,000 items
# within 1.5x of the 1,000-item figure. Cold pages are compared with the figures of the previous design
# (docs/performance.md), not with the ceiling: no ✗ for them here.
TARGET_OFF, TARGET_CACHED, TARGET_GROWTH = 0.15, 0.70, 1.5
# (mode, page cache seconds, shared cache): the shared cache is the --redis-url one; without it, none at all.
MODES = [("cold", 0, False), ("page cache off", 0, True), ("cached", 600, True)]
TARGETS = {"cold": 0.0, "page cache off": TARGET_OFF, "cached": TARGET_CACHED}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)  # noqa: T201


def run(args, env=None, **kwargs):
    log(" ".join(str(arg) for arg in args))
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


class Database:
    def __init__(self, name, server):
        self.name = name
        self.server = server.rstrip("/")
        self.url = f"{self.server}/{name}"

    def connect(self, name=None):
        import psycopg2

        connection = psycopg2.connect(f"{self.server}/{name or self.name}")
        connection.autocommit = True
        return connection

    def recreate(self):
        connection = self.connect("postgres")
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{self.name}"')
        connection.close()

    def exists(self):
        connection = self.connect("postgres")
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            found = cursor.fetchone() is not None
        connection.close()
        return found

    def scalar(self, sql, params=()):
        connection = self.connect()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        connection.close()
        return row[0] if row else None

    def item_count(self):
        try:
            return sum(self.scalar(f"SELECT count(*) FROM {table}") for table in CONTENT_TABLES)  # noqa: S608
        except Exception:  # noqa: BLE001 - no tables yet
            return -1

    def analyze(self):
        connection = self.connect()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        connection.close()


def base_env(database, static_root, cache_seconds, redis_url, port, workers):
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="benchmark-only-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="ERROR",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_PUBLIC_CACHE_SECONDS=str(cache_seconds),
        DATABASE_URL=database.url,
        HAMLEH_BENCH="1",
        REDIS_URL=redis_url,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="warning",
    )
    env.pop("DJANGO_TESTING", None)
    if not redis_url:
        env["DJANGO_CACHE"] = "off"
    return env


def manage(env, *args):
    run([PYTHON, "manage.py", *args], env=env)


def fill(database, size, env, reset):
    """Bring the database to `size` items: generated in addition to what is there, or afresh."""
    count = database.item_count() if database.exists() else -1
    if not reset and count == size:
        log(f"reusing {count} items")
        manage(env, "migrate", "--noinput", "-v", "0")
        database.analyze()
        return
    if reset or count < 0 or count > size:
        database.recreate()
        manage(env, "migrate", "--noinput", "-v", "0")
        count = 0
    missing = size - count
    if missing > 0:
        seed = 1 if count == 0 else 2 + count
        started = time.monotonic()
        manage(env, "generate_content", "--count", str(missing), "--seed", str(seed), "--batch-size", "2000")
        log(f"generated {missing} items in {time.monotonic() - started:.0f} s")
    database.analyze()


class Server:
    def __init__(self, env, port, log_path):
        self.env, self.port, self.log_path = env, port, log_path
        self.process = None

    def __enter__(self):
        import socket

        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                raise RuntimeError(f"port {self.port} is already in use: the figures would be another server's")
        log_file = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.log_file = log_file
        self.process = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "gunicorn.conf.py"], env=self.env, cwd=ROOT, stdout=log_file, stderr=log_file
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped, see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path):
        request = urllib.request.Request(self.url(path), headers={"Accept-Language": "en"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")


def pages(database, server):
    """The pages measured, as (key, label, path): the same kinds of page at every size."""
    year = datetime.date.today().year - 2
    slug = database.scalar(
        "SELECT slug FROM publications_article WHERE status = 'published' AND publish_at <= now() "
        "ORDER BY publish_at DESC OFFSET 10 LIMIT 1"
    )
    # The deepest page a visitor can reach: what the site itself says is the last one.
    _status, body = server.get("/en/news/?page=999999999")
    found = re.search(r"Page\s+(\d+)\s+of\s+(\d+)", body)
    last = int(found.group(2)) if found else 1
    search = urllib.parse.urlencode({"q": SEARCH_WORDS})
    return [
        ("minimal", "minimal Django view (ceiling)", "/bench/minimal"),
        ("home", "home", "/ar/"),
        ("list", "news list", "/ar/news/"),
        ("filtered", f"news list, topic and year {year}", f"/ar/news/?topic=privacy&year={year}"),
        ("deep", f"news list, last page ({last})", f"/ar/news/?page={last}"),
        ("detail", "news item", f"/ar/news/{slug}/"),
        ("feed", "RSS feed (all sections)", "/ar/feeds/all.rss"),
        ("search", "search", f"/ar/search/?{search}"),
        ("report", f"activity report, March {year}", f"/ar/impact/?from={year}-03-01&to={year}-03-31"),
    ]


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections, threads=1, script=None):
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    if script:
        args += ["-s", script]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    latency = {int(p): float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = re.search(r"(\d+) requests in", output)
    lua_bad = re.search(r"^NON2XX (\d+)$", output, re.M)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get(50),
        "p99": latency.get(99),
        "requests": int(requests.group(1)) if requests else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(lua_bad.group(1)) if lua_bad else int(non_2xx.group(1)) if non_2xx else 0,
    }


def measure(servers, duration, connections, cached, ceiling_duration, repeats):
    """Each page at every size in turn, each run right after a short run of the ceiling on the same server,
    so a noisy machine moves both alike, and the sizes of a page are measured seconds apart rather than
    minutes: what the growth compares was measured under the same conditions. `servers` maps each size to
    (server, pages); `repeats` such rounds, the best run of each page at each size kept (the run the rest of
    the machine disturbed least)."""
    results = {size: {} for size in servers}
    for index, (key, *_rest) in enumerate(next(iter(servers.values()))[1]):
        for server, page_list in servers.values():
            path = page_list[index][2]
            status, _body = server.get(path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            if cached:
                server.get(path)
        runs = {size: [] for size in servers}
        ceilings = {size: [] for size in servers}
        for _repeat in range(repeats):
            for size, (server, page_list) in servers.items():
                if key != "minimal":
                    ceilings[size].append(wrk(server.url("/bench/minimal"), ceiling_duration, connections)["rps"])
                runs[size].append(wrk(server.url(page_list[index][2]), duration, connections))
        for size in servers:
            result = max(runs[size], key=lambda run: run["rps"])
            result["ceiling"] = result["rps"] if key == "minimal" else max(ceilings[size])
            log(
                f"{size:>7} {key:9} {result['rps']:8.1f} req/s  p50 {result['p50']:.1f} ms"
                f"  p99 {result['p99']:.1f} ms  ceiling {result['ceiling']:.0f}"
            )
            results[size][key] = result
    return results


STRESS_SCRIPT = """
local threads = {}
local paths = {%(paths)s}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; i = 0 end
function request() i = i %% #paths + 1; return wrk.format("GET", paths[i]) end
function response(status, headers, body) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("NON2XX %%d\\n", total))
end
"""


def stress(server, page_list, duration=30, connections=64):
    paths = ", ".join(json.dumps(path) for _key, _label, path in page_list if _key != "minimal")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(STRESS_SCRIPT % {"paths": paths})
    try:
        return wrk(server.url("/"), duration, connections, threads=2, script=script.name)
    finally:
        os.unlink(script.name)


def ratio(value, ceiling):
    return value / ceiling if ceiling else 0.0


def fmt_cell(result, ceiling, target):
    if not result["requests"]:
        return "0 (no answer within 10 s ✗)", "–"
    share = ratio(result["rps"], ceiling)
    mark = "" if share >= target else " ✗"
    return f"{result['rps']:.0f} ({share:.0%}{mark})", f"{result['p50']:.1f} / {result['p99']:.1f}"


def markdown(report):
    lines = [SECTION_TITLE, ""]
    lines += [
        "Measured by `make bench` (`bench/run.py`; run it again to refresh this section). PostgreSQL database",
        "`hamleh_bench_<size>` filled by `generate_content` (all five sections, three languages, about 10 % drafts or",
        f"scheduled); one gunicorn per size with `gunicorn.conf.py`, {report['workers']} sync workers,",
        f"`DJANGO_DEBUG=0`; `wrk -t1 -c{report['connections']} -d{report['duration']}s` per page after a warm-up"
        " request, at each size in turn",
        f"(a page's figures at both sizes are seconds apart, not minutes), {report['repeats']} rounds, the best"
        " run kept.",
        "**Cold**: no cache at all (`DJANGO_PUBLIC_CACHE_SECONDS=0`, `DJANGO_CACHE=off`): every request runs the",
        "view, its queries and every template. **Page cache off**: the shared cache on Redis, the page cache off:",
        "what a visitor with a session, or the first visitor after an edit, gets. The same work as cold, but",
        "for the few answers kept in the shared cache until the next edit (the activity report's half-years).",
        f"**Cached**: the page cache on ({report['cache']}), every request after the warm-up is a",
        "hit. The ceiling then goes through the page cache's lookup too (the content version and the page's",
        "key are read from Redis before the view runs), which is why it is lower than in the other runs.",
        "Each figure is requests per second, with its share of the ceiling in brackets: `/bench/minimal`, a",
        "view that only returns `ok`, served by the same gunicorn through the same middleware, measured for",
        f"{report['ceiling_duration']} s just before each run of a page, the best kept (the machine is shared, so",
        "the ceiling drifts).",
        f"Targets: page cache off ≥ {TARGET_OFF:.0%}, cached ≥ {TARGET_CACHED:.0%} of the ceiling; ✗ marks a miss.",
        "Cold is compared with the previous design's figures in the text below the tables.",
        "Latency columns: p50 / p99 in milliseconds.",
        "",
        f"Machine: {report['machine']}; {report['date']}. Load generator, database and server share the",
        "same CPUs, so the absolute figures are lower than on separate machines; the ratios are what to compare.",
        "",
    ]
    for size, data in report["sizes"].items():
        modes = [mode for mode, *_rest in MODES if mode in data]
        lines += [
            f"### {int(size):,} items",
            "",
            "| page | " + " | ".join(f"{mode} req/s | p50 / p99 ms" for mode in modes) + " |",
            "| --- |" + " --- | --- |" * len(modes),
        ]
        for key, label, _path in data["pages"]:
            cells = []
            for mode in modes:
                result = data[mode][key]
                rps, latency = fmt_cell(result, result["ceiling"], TARGETS[mode])
                cells += [f"{result['rps']:.0f} (ceiling)" if key == "minimal" else rps, latency]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        lines.append("")
    sizes = sorted(report["sizes"], key=int)
    if len(sizes) >= 2:
        small, large = report["sizes"][sizes[0]], report["sizes"][sizes[-1]]
        modes = [mode for mode, *_rest in MODES if mode in small and mode in large]
        lines += [
            f"### {int(sizes[-1]):,} items against {int(sizes[0]):,}",
            "",
            f"How much slower each page is with {int(sizes[-1]):,} items (ratio of requests per second; target ≤ "
            f"{TARGET_GROWTH}×, ✗ marks a miss). The ceiling's own drift between the runs shows the noise.",
            "",
            "| page | " + " | ".join(modes) + " |",
            "| --- |" + " --- |" * len(modes),
        ]
        for key, label, _path in large["pages"]:
            cells = []
            for mode in modes:
                if not large[mode][key]["rps"]:
                    cells.append("no answer within 10 s ✗")
                    continue
                slowdown = small[mode][key]["rps"] / large[mode][key]["rps"]
                cells.append(f"{slowdown:.2f}×" + (" ✗" if slowdown > TARGET_GROWTH and key != "minimal" else ""))
            lines.append(f"| {label.split(' (')[0] if key == 'deep' else label} | " + " | ".join(cells) + " |")
        lines.append("")
    if report.get("stress"):
        lines += [
            "### 64 connections for 30 seconds",
            "",
            f"All the pages above in turn, {int(sizes[-1]):,} items, `wrk -t2 -c64 -d30s`; a non-2xx answer or a",
            "socket error (connect, read, write, timeout after 10 s) counts as a failure.",
            "",
            "| cache | requests | req/s | p50 / p99 ms | errors | non-2xx |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for mode, result in report["stress"].items():
            lines.append(
                f"| {mode} | {result['requests']} | {result['rps']:.0f} | {result['p50']:.1f} / {result['p99']:.1f}"
                f" | {result['socket_errors']} | {result['non_2xx']} |"
            )
        lines.append("")
    if report.get("notes"):
        lines += [report["notes"].strip(), ""]
    return "\n".join(lines)


def write_section(path, section):
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    start = text.find(SECTION_TITLE)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(SECTION_TITLE))
        end = len(text) if following == -1 else following + 1
        text = text[:start] + section + ("\n" + text[end:] if following != -1 else "")
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per run of a page (default 5)")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each page, the best kept (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections per page (default 4)")
    parser.add_argument("--ceiling-duration", type=int, default=3, help="seconds of the ceiling before each page")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8110")))
    parser.add_argument(
        "--database", default=os.environ.get("BENCH_DATABASE", "hamleh_bench"), help="name prefix: one per size"
    )
    parser.add_argument("--server", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
        help='shared cache of the cached run ("" for local memory); this Redis database is emptied',
    )
    parser.add_argument("--reuse", action="store_true", help="keep the data when it already has the right size")
    parser.add_argument("--no-stress", action="store_true", help="skip the 64-connection run")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch docs/performance.md")
    parser.add_argument("--notes", default="", help="a paragraph added under the tables")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    started = time.monotonic()
    report = {
        "workers": options.workers,
        "connections": options.connections,
        "duration": options.duration,
        "ceiling_duration": options.ceiling_duration,
        "repeats": options.repeats,
        "cache": f"Redis, `{options.redis_url}`" if options.redis_url else "local memory of each worker",
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "date": datetime.date.today().isoformat(),
        "sizes": {},
        "notes": options.notes,
    }
    sizes = sorted(options.sizes)
    with tempfile.TemporaryDirectory(prefix="hamleh-bench-") as temp:
        static_root = Path(temp) / "static"
        log_path = Path(temp) / "gunicorn.log"
        # One database per size, so --reuse can keep both between runs; one server per size, on ports of
        # its own, so that each page can be measured at every size in turn.
        databases = {size: Database(f"{options.database}_{size}", options.server) for size in sizes}
        ports = {size: options.port + index for index, size in enumerate(sizes)}
        for size, database in databases.items():
            env = base_env(database, static_root, 0, "", ports[size], options.workers)
            fill(database, size, env, reset=not options.reuse)
        manage(env, "collectstatic", "--noinput", "-v", "0")
        data = {size: {} for size in sizes}
        for mode, seconds, shared in MODES:
            redis_url = options.redis_url if shared else ""
            if redis_url:
                import redis

                redis.Redis.from_url(redis_url).flushdb()
            log(f"{mode}: {', '.join(f'{size} items' for size in sizes)}")
            with contextlib.ExitStack() as stack:
                servers = {}
                for size, database in databases.items():
                    mode_env = base_env(database, static_root, seconds, redis_url, ports[size], options.workers)
                    server = stack.enter_context(Server(mode_env, ports[size], log_path))
                    servers[size] = (server, pages(database, server))
                measured = measure(
                    servers,
                    options.duration,
                    options.connections,
                    seconds > 0,
                    options.ceiling_duration,
                    options.repeats,
                )
                for size, (_server, page_list) in servers.items():
                    data[size][mode] = measured[size]
                    data[size]["pages"] = page_list
                if not options.no_stress:
                    log(f"64 connections, 30 s, {mode}, {sizes[-1]} items")
                    report.setdefault("stress", {})[mode] = stress(*servers[sizes[-1]])
                    log(f"stress {mode}: {report['stress'][mode]}")
        for size in sizes:
            report["sizes"][str(size)] = data[size]
    report["elapsed_minutes"] = round((time.monotonic() - started) / 60, 1)
    section = markdown(report)
    print(section)  # noqa: T201
    if not options.no_write:
        write_section(ROOT / "docs" / "performance.md", section)
        (ROOT / "bench" / "last-run.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    log(f"done in {report['elapsed_minutes']} min")
    stress_runs = report.get("stress", {}).values()
    failures = [result for result in stress_runs if result["socket_errors"] or result["non_2xx"]]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
