"""Enrol a staff member in two-factor login: `manage.py totp_enrol <username>`."""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial.staff_security import AlreadyEnrolled, enrol_two_factor


class Command(BaseCommand):
    help = (
        "Create the authenticator-app key and the single-use recovery codes of a staff member. "
        "Prints a QR code to scan, the otpauth:// address and the recovery codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--recovery-codes", type=int, default=10, help="How many recovery codes (default 10).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace an existing enrolment (a lost phone): the old app and old codes stop working.",
        )
        parser.add_argument("--no-qr", action="store_true", help="Do not print the QR code, only the address.")

    def handle(self, username, recovery_codes, replace, no_qr, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff: only staff sign in to the admin.")
        if not 1 <= recovery_codes <= 50:
            raise CommandError("--recovery-codes must be between 1 and 50.")
        try:
            device, codes = enrol_two_factor(user, recovery_codes=recovery_codes, replace=replace)
        except AlreadyEnrolled as error:
            raise CommandError(
                f"{username!r} is already enrolled. Use --replace to issue a new key (the old one stops working)."
            ) from error

        url = device.config_url
        self.stdout.write(f"Two-factor login for {username}.")
        self.stdout.write("1. Scan this QR code with an authenticator app (for example FreeOTP or Aegis):")
        if not no_qr:
            qr = qrcode.QRCode(border=2)
            qr.add_data(url)
            buffer = io.StringIO()
            qr.print_ascii(out=buffer, invert=True)
            self.stdout.write(buffer.getvalue())
        self.stdout.write("   or enter this address in the app:")
        self.stdout.write(f"   {url}")
        self.stdout.write("2. Keep these recovery codes in a safe place (each works once, instead of the app):")
        for code in codes:
            self.stdout.write(f"   {code}")
        self.stdout.write("The QR code and the address are secrets: do not share or store them.")
