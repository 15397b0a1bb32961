from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from content.statistics import analyze
from demo.loading import load_demo


class Command(BaseCommand):
    help = "Fill the site with the demo organisation in Arabic, English and Hebrew (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_false",
            dest="accounts",
            help="Do not create the administrator and editor accounts.",
        )

    def handle(self, *args, accounts=True, **options):
        result = load_demo(accounts=accounts)
        analyze()
        self.stdout.write(
            _(
                "Demo content: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                "%(files)s files written."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "files": result.files,
            }
        )
        for role, username, password in result.accounts:
            label = _("Administrator") if role == "administrator" else _("Editor")
            self.stdout.write(
                self.style.WARNING(
                    _("%(role)s account created: username %(username)s, password %(password)s (shown only once).")
                    % {"role": label, "username": username, "password": password}
                )
            )
