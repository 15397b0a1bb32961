from django.core.management.base import BaseCommand

from enrolment.models import StaffMessage
from enrolment.services import send_staff_message


class Command(BaseCommand):
    help = "Send, or resume sending, the messages to registrants not yet sent to everyone."

    def handle(self, *args, **options):
        for message in StaffMessage.objects.filter(finished_at__isnull=True).select_related("enrolment"):
            sent = send_staff_message(message)
            self.stdout.write(f"{message.subject}: {sent}")
