"""Static files in production: hashed names, gzip and brotli copies, far-future cache headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIO = Path(__file__).with_name("static_scenario.py")


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("static")
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_TESTING"}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="static-test-secret-key",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=f"sqlite:///{folder / 'unused.sqlite3'}",
        # A cache of its own: the default folder is the one `make demo` reads.
        DJANGO_CACHE_DIR=str(folder / "cache"),
        REDIS_URL="",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(SCENARIO)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_use_the_compressed_manifest_storage(seen):
    assert seen["debug"] is False
    assert seen["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert seen["manifest"] is True


def test_collectstatic_writes_hashed_gzip_and_brotli_files(seen):
    name = Path(seen["url"]).name
    assert name.startswith("site.") and name != "site.css"  # the content hash is in the name
    assert {name, f"{name}.gz", f"{name}.br"} <= set(seen["files"])
    assert seen["sizes"]["br"] < seen["sizes"]["css"] / 2


def test_hashed_files_are_served_compressed_with_far_future_headers(seen):
    assert seen["br"]["status"] == 200
    assert seen["br"]["Content-Encoding"] == "br"
    assert "Accept-Encoding" in seen["br"]["Vary"]
    assert seen["gz"]["Content-Encoding"] == "gzip"
    for answer in (seen["br"], seen["gz"]):
        directives = {part.strip() for part in answer["Cache-Control"].split(",")}
        assert "immutable" in directives and "public" in directives
        max_age = next(int(part.split("=")[1]) for part in directives if part.startswith("max-age="))
        assert max_age >= 365 * 24 * 3600


def test_unhashed_names_are_kept_only_briefly(seen):
    # Without the hash a file may change under the same name: no far-future caching for it.
    assert seen["unhashed"]["status"] == 200
    assert "immutable" not in (seen["unhashed"]["Cache-Control"] or "")
