from django.conf import settings
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
        if result.accounts:
            self.stdout.write(
                _(
                    "To sign in: open %(url)s, type the username and the password and leave the code empty. "
                    "The first time, the admin shows a QR code: scan it with an authenticator app (FreeOTP, Aegis, "
                    "Google Authenticator), type the code it shows, and keep the recovery codes you are given."
                )
                % {"url": f"{settings.SITE_URL}/admin/"}
            )
