from django.core.management.base import BaseCommand, CommandError

from backups.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder (see docs/backup.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", default="var/backups", help="Where to create the backup folder (default var/backups)."
        )

    def handle(self, output_dir, **options):
        try:
            folder = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
        return None
