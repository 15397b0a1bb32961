"""Several gunicorn workers see an edit at once, whatever the default cache is.

Anonymous public pages are kept in a page cache keyed by the content version (`content.changes`), and every
save of public content sets a new version. That only works if every worker reads the same cache: with a
per-process cache (Django's LocMemCache) a worker that did not make the change would keep its own version and
serve its stale copy for up to DJANGO_PUBLIC_CACHE_SECONDS. An editor saves through one worker; visitors are
answered by any of them.

So this test runs the production stack in separate processes: gunicorn with `gunicorn.conf.py` and several
workers, production settings (DJANGO_DEBUG=0, the page cache on, the static files' manifest), a SQLite file of
its own, and the two caches the settings offer: the default file-based cache (no REDIS_URL) and Redis (when
HAMLEH_TEST_REDIS_URL names one; that Redis database is flushed). It warms every worker, saves a new title from
another process (`manage.py shell`, as the admin would from another worker), then asks again and again:

- before the edit, only the first request of a page renders it; every later one, whichever worker answers, is a
  hit (Django's cache middleware adds `Age` to a response taken from the cache), so the cache is in use and
  shared;
- right after the edit, every answer of every worker has the new title and none the old one, and from the second
  request on it comes from the shared cache again;
- the gunicorn access log (worker pid per request) shows that every worker answered, before and after the edit.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WORKERS = 3
REQUESTS_BEFORE, REQUESTS_AFTER = 30, 40
SLUG = "seen-by-every-worker"
OLD_TITLE, NEW_TITLE = "عنوان قبل التعديل", "عنوان بعد التعديل"
PAGES = ("/ar/news/", f"/ar/news/{SLUG}/")
REDIS_VARIABLE = "HAMLEH_TEST_REDIS_URL"
# Nothing of the pytest process (DJANGO_TESTING, its DATABASE_URL, xdist's variables) reaches the servers.
NOT_INHERITED = ("DJANGO_", "GUNICORN_", "PYTEST_", "DATABASE_", "HAMLEH_", "REDIS_URL")

CREATE_ARTICLE = f"from tests.factories import make_article; make_article(slug={SLUG!r}, title_ar={OLD_TITLE!r})"
COLLECT_MANIFEST = """
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

manifest_only = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": manifest_only}):
    call_command("collectstatic", "--noinput", "-v", "0")
"""
EDIT_TITLE = (
    "from publications.models import Article; "
    f"article = Article.objects.get(slug={SLUG!r}); article.title_ar = {NEW_TITLE!r}; article.save()"
)

# Straight to our own server: no proxy from the environment, no cookie jar, a new connection per request.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))

needs_redis = pytest.mark.skipif(
    not os.environ.get(REDIS_VARIABLE),
    reason=f"set {REDIS_VARIABLE} (e.g. redis://127.0.0.1:6379/14, a database this test may flush) to run it on Redis",
)


def environment(folder, static_root, redis_url=""):
    env = {name: value for name, value in os.environ.items() if not name.startswith(NOT_INHERITED)}
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(folder / "cache"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_SECRET_KEY="workers-test-secret-key-" + "k" * 32,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_PUBLIC_CACHE_SECONDS="600",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *args):
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{(done.stdout + done.stderr)[-3000:]}"


@dataclass
class Prepared:
    database: Path
    static_root: Path


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A migrated database holding one published article, and the static files' manifest, once for both caches.

    The production storage (whitenoise's CompressedManifestStaticFilesStorage) needs the manifest to render any
    page. It is written by Django's ManifestStaticFilesStorage, the same manifest without the gzip and brotli
    copies, which take ~20 s to make and which no request here asks for (tests/performance/test_static.py covers
    them)."""
    folder = tmp_path_factory.mktemp("workers-template")
    env = environment(folder, folder / "static")
    manage(env, "shell", "--no-imports", "-c", COLLECT_MANIFEST)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "shell", "--no-imports", "-c", CREATE_ARTICLE)
    assert (folder / "static" / "staticfiles.json").exists()
    return Prepared(database=folder / "db.sqlite3", static_root=folder / "static")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    html: str
    from_cache: bool


class Server:
    def __init__(self, base_url, access_log):
        self.base_url, self.access_log = base_url, access_log

    def get(self, path):
        with OPENER.open(self.base_url + path, timeout=10) as response:
            assert response.status == 200, path
            return Answer(response.read().decode(), from_cache="Age" in response.headers)

    def get_many(self, path, times):
        """The first request alone (it renders the page), the others a few at a time: a sync worker busy with
        one leaves the next connection to another, so every worker answers some."""
        first = self.get(path)
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return [first, *pool.map(lambda _index: self.get(path), range(times - 1))]

    def workers_that_answered(self, page_requests):
        """The pids of the workers that answered the first `page_requests` requests for PAGES (the access log
        is written just after each answer: wait a moment for the last lines)."""
        deadline = time.monotonic() + 5
        while True:
            lines = [line.split() for line in self.access_log.read_text().splitlines()]
            pids = [pid for pid, path, *_rest in lines if path in PAGES]
            if len(pids) >= page_requests or time.monotonic() > deadline:
                return pids[:page_requests]
            time.sleep(0.05)


@contextmanager
def gunicorn(env, folder):
    port = free_port()
    access_log, server_log = folder / "access.log", folder / "gunicorn.log"
    access_log.touch()
    command = [
        GUNICORN,
        "hamleh.wsgi:application",
        "-c",
        "gunicorn.conf.py",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        # Which worker answered each request: its pid and the path.
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        "%(p)s %(U)s %(s)s",
    ]
    with open(server_log, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        try:
            server = Server(f"http://127.0.0.1:{port}", access_log)
            wait_until_healthy(server, process, server_log)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_healthy(server, process, server_log, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped (exit {process.returncode}):\n{server_log.read_text()[-3000:]}")
        try:
            with OPENER.open(server.base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer /healthz within {timeout} s:\n{server_log.read_text()[-3000:]}")


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


@pytest.fixture(params=[pytest.param("", id="file-cache"), pytest.param("redis", id="redis", marks=needs_redis)])
def redis_url(request):
    """No REDIS_URL (the default: a file-based cache in the test's folder), or the Redis database named by
    HAMLEH_TEST_REDIS_URL, emptied before and after."""
    if not request.param:
        yield ""
        return
    url = os.environ[REDIS_VARIABLE]
    flush_redis(url)
    yield url
    flush_redis(url)


def assert_rendered_once_then_shared(answers, path):
    """The first request renders the page; every later one, whichever worker answers, takes the shared copy."""
    assert [answer.from_cache for answer in answers] == [False] + [True] * (len(answers) - 1), path


def test_an_edit_in_one_process_is_seen_by_every_worker_at_once(redis_url, prepared, tmp_path):
    env = environment(tmp_path, prepared.static_root, redis_url)
    shutil.copy(prepared.database, tmp_path / "db.sqlite3")
    (tmp_path / "media").mkdir()

    with gunicorn(env, tmp_path) as server:
        before = {path: server.get_many(path, REQUESTS_BEFORE) for path in PAGES}
        for path, answers in before.items():
            assert all(OLD_TITLE in answer.html for answer in answers), path
            assert_rendered_once_then_shared(answers, path)
        warmed = server.workers_that_answered(REQUESTS_BEFORE * len(PAGES))
        assert len(set(warmed)) == WORKERS, f"not every worker was warmed: {warmed}"

        # An editor saves in another process, as the admin would in another worker.
        manage(env, "shell", "--no-imports", "-c", EDIT_TITLE)

        after = {path: server.get_many(path, REQUESTS_AFTER) for path in PAGES}
        for path, answers in after.items():
            stale = sum(OLD_TITLE in answer.html for answer in answers)
            fresh = sum(NEW_TITLE in answer.html for answer in answers)
            assert (fresh, stale) == (len(answers), 0), f"{path}: {stale} stale answers of {len(answers)}"
            assert_rendered_once_then_shared(answers, path)
        answered = server.workers_that_answered((REQUESTS_BEFORE + REQUESTS_AFTER) * len(PAGES))
        answered = answered[REQUESTS_BEFORE * len(PAGES) :]
        assert len(set(answered)) == WORKERS, f"not every worker answered after the edit: {answered}"
