from django.core.management.base import BaseCommand, CommandError

from backups.backup import BackupError, read_manifest, restore_backup
from content.changes import content_changed
from content.statistics import analyze


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup folder (see docs/backup.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder made by `manage.py backup`.")
        parser.add_argument(
            "--portable",
            action="store_true",
            help="Load content.json into an empty, migrated database (another kind of database or a new server).",
        )
        parser.add_argument("--no-media", action="store_true", help="Leave the uploaded files as they are.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, folder, portable, no_media, yes, **options):
        try:
            manifest = read_manifest(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            self.stdout.write(
                f"This replaces the site's database{'' if no_media else ' and uploaded files'} "
                f"with the backup of {manifest['created']}."
            )
            if input("Type RESTORE to go on: ").strip() != "RESTORE":
                raise CommandError("Nothing was changed.")
        try:
            restore_backup(folder, portable=portable, media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Pages cached before the restore show what is no longer there; the restored tables have no
        # statistics yet.
        content_changed()
        analyze()
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created']}."))
