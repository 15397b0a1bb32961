"""Backing up and restoring everything the site holds: the database and the uploaded files.

A backup is one folder:
- `database.dump` (PostgreSQL, `pg_dump -Fc`) or `database.sqlite3` (SQLite, its online backup API):
  the whole database, restored as it was, except the rows of ephemeral tables (`ephemeral_tables`):
  sessions, sign-in attempts, cache tables;
- `content.json`: all content, every translation, users and groups, and the revision
  history, in Django's portable format (natural keys), loadable into any empty database;
- `media.tar.gz`: the uploaded files (covers, PDFs) the database refers to;
- `manifest.json`: when, from which kind of database, and how many rows of each model.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection

CONTENT_APPS = ["content", "search", "publications", "campaigns", "trainings", "identity", "pages"]
# Rows every migrated database already holds (the default site identity): a portable restore replaces them.
MIGRATED_ROWS = {"identity.SiteIdentity"}
PORTABLE_LABELS = [*CONTENT_APPS, "auth.user", "auth.group", "reversion"]
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Apps whose rows are state of the moment, not records: a copied session signs its holder in as that
# person with the second factor passed, and django-axes' attempts name usernames and addresses.
EPHEMERAL_APPS = ("sessions", "axes")


class BackupError(Exception):
    pass


def content_models():
    """Every model of the content apps, through tables of many-to-many relations included."""
    models = []
    for label in CONTENT_APPS:
        models.extend(apps.get_app_config(label).get_models(include_auto_created=True))
    return models


def ephemeral_tables():
    """The tables a backup keeps empty: restoring one signs everyone out and forgets failed sign-ins."""
    tables = [model._meta.db_table for label in EPHEMERAL_APPS for model in apps.get_app_config(label).get_models()]
    tables += [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]
    return tables


def _empty_sqlite_tables(database, tables):
    """Delete the rows of `tables` from a SQLite file, and rebuild it so no deleted page keeps them."""
    existing = {name for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in tables:
        if table in existing:
            database.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names of our own tables
    database.commit()
    database.execute("VACUUM")


def row_counts():
    return {model._meta.label: model.objects.count() for model in content_models()}


def _postgres_environment(settings_dict):
    env = os.environ.copy()
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _postgres_arguments(settings_dict):
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments += [option, str(settings_dict[key])]
    return arguments


def _run(command, env):
    if not shutil.which(command[0]):
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_database(target):
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
            + [f"--exclude-table-data={table}" for table in ephemeral_tables()]
            + _postgres_arguments(settings_dict)
            + [settings_dict["NAME"]],
            _postgres_environment(settings_dict),
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
            _empty_sqlite_tables(destination, ephemeral_tables())
        finally:
            destination.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def restore_database(source):
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
            + _postgres_arguments(settings_dict)
            + ["--dbname", settings_dict["NAME"], str(source)],
            _postgres_environment(settings_dict),
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")


def media_root():
    return Path(settings.MEDIA_ROOT)


def archive_media(target):
    with tarfile.open(target, "w:gz") as archive:
        root = media_root()
        if root.exists():
            archive.add(root, arcname="media")


def extract_media(source):
    root = media_root()
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source, "r:gz") as archive:
        members = [member for member in archive.getmembers() if member.name.startswith("media/")]
        for member in members:
            member.name = member.name.removeprefix("media/")
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(root, members=[member for member in members if member.name], filter="data")


def create_backup(output_dir):
    """Write a complete backup into a new folder under `output_dir`; returns that folder."""
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(output_dir) / f"hamleh-{stamp}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = Path(output_dir) / f"hamleh-{stamp}-{suffix}"
    partial = folder.with_name(folder.name + ".partial")
    # Owner-only: a backup holds password hashes and two-factor keys.
    partial.mkdir(parents=True, mode=0o700)
    try:
        dump_database(partial / DATABASE_FILES[connection.vendor])
        call_command(
            "dumpdata",
            *PORTABLE_LABELS,
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            output=str(partial / "content.json"),
            verbosity=0,
        )
        archive_media(partial / "media.tar.gz")
        manifest = {
            "created": stamp,
            "database": connection.vendor,
            "database_file": DATABASE_FILES[connection.vendor],
            "rows": row_counts(),
            "left_empty": ephemeral_tables(),
        }
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        for path in partial.iterdir():
            path.chmod(0o600)
    except Exception:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    # Only a finished backup gets its final name: a folder without ".partial" is complete.
    partial.rename(folder)
    return folder


def read_manifest(folder):
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise BackupError(f"{folder} is not a backup folder (no manifest.json).")
    return json.loads(path.read_text())


def restore_backup(folder, *, portable=False, media=True):
    """Put the database and the files back as they were in the backup `folder`.

    `portable` loads content.json instead of the database dump: for another kind
    of database, or a new server. It needs an empty, migrated database.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if portable:
        held = [model for model in content_models() if model._meta.label not in MIGRATED_ROWS]
        if any(model.objects.exists() for model in held):
            raise BackupError("The database already holds content: the portable restore needs an empty database.")
        call_command("loaddata", str(folder / "content.json"), verbosity=0)
    else:
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest['database']} database and this site uses {connection.vendor}: "
                "restore it with --portable."
            )
        restore_database(folder / manifest["database_file"])
    if media:
        extract_media(folder / "media.tar.gz")
    return manifest
