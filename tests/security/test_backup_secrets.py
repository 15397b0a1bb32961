"""A backup holds no live session and no record of sign-in attempts: a leaked backup signs nobody in."""

import json
import shutil
import sqlite3
import subprocess

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection

from tests.auth import login_verified

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def signed_in(client, django_user_model):
    staff = django_user_model.objects.create_superuser("amal", "amal@example.org", "a-long-test-password-1")
    login_verified(client, staff)
    assert client.get("/admin/").status_code == 200
    AccessAttempt.objects.create(
        username="amal", ip_address="203.0.113.5", user_agent="test", failures_since_start=2, path_info="/admin/"
    )
    return client, client.session.session_key


def database_text(folder):
    """What the database file of a backup holds, as text an attacker could read."""
    manifest = json.loads((folder / "manifest.json").read_text())
    path = folder / manifest["database_file"]
    if manifest["database"] == "sqlite":
        return path.read_bytes().decode("latin-1")
    if not shutil.which("pg_restore"):
        pytest.skip("pg_restore is not installed")
    done = subprocess.run(["pg_restore", "--file", "-", str(path)], capture_output=True, text=True, check=True)  # noqa: S603, S607
    return done.stdout


def test_a_backup_holds_no_session_nor_sign_in_attempt(tmp_path, signed_in):
    _client, session_key = signed_in
    call_command("backup", output_dir=str(tmp_path), verbosity=0)
    (folder,) = tmp_path.iterdir()
    text = database_text(folder)
    assert session_key not in text, "not even in a deleted page of the file"
    assert "203.0.113.5" not in text
    assert "amal@example.org" in text, "the accounts themselves are kept"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {"django_session", "axes_accessattempt"} <= set(manifest["left_empty"])


def test_a_restored_backup_signs_everyone_out(tmp_path, signed_in):
    client, _session_key = signed_in
    call_command("backup", output_dir=str(tmp_path), verbosity=0)
    (folder,) = tmp_path.iterdir()
    call_command("restore", str(folder), yes=True, verbosity=0)
    assert not Session.objects.exists() and not AccessAttempt.objects.exists()
    assert client.get("/admin/").status_code == 302


def test_the_live_database_keeps_its_sessions(tmp_path, signed_in):
    call_command("backup", output_dir=str(tmp_path), verbosity=0)
    assert Session.objects.exists(), "only the copy is emptied"
    if connection.vendor == "sqlite":
        (folder,) = tmp_path.iterdir()
        copy = sqlite3.connect(folder / "database.sqlite3")
        try:
            assert copy.execute("SELECT count(*) FROM auth_user").fetchone() == (1,)
        finally:
            copy.close()
