from django.core.management.base import BaseCommand

from enrolment.services import apply_retention


class Command(BaseCommand):
    help = (
        "Reduce to counts the registrations of trainings and events over for longer than their retention, "
        "and delete requests never confirmed. Run it daily."
    )

    def handle(self, *args, **options):
        removed = apply_retention()
        self.stdout.write(f"{removed} registrations removed.")
