import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def without_django_variables():
    return {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}


def test_a_missing_secret_key_is_named_without_a_stack_trace():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=without_django_variables(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_site_refuses_to_serve_without_a_secret_key():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", "import hamleh.wsgi"],
        cwd=ROOT,
        env=without_django_variables(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=without_django_variables(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
