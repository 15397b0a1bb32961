from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from report.formats import as_csv, as_json, as_text
from report.periods import PeriodForm, last_six_months
from report.service import activity_report

FORMATS = {"text": as_text, "csv": as_csv, "json": as_json}


class Command(BaseCommand):
    help = "Print the activity report of a period (published records only) as text, CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="First day (default: six months ago).")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="Last day (default: today).")
        parser.add_argument(
            "--lang", default=settings.LANGUAGE_CODE, choices=[code for code, _name in settings.LANGUAGES]
        )
        parser.add_argument("--format", dest="output_format", default="text", choices=sorted(FORMATS))

    def handle(self, *args, start=None, end=None, lang, output_format, **options):
        with translation.override(lang):
            query = {key: value for key, value in (("from", start), ("to", end)) if value}
            form = PeriodForm(query or None)
            period = form.period(default=last_six_months(timezone.localdate()))
            if period is None:
                messages = [str(error) for errors in form.errors.values() for error in errors]
                raise CommandError(" ".join(messages))
            output = FORMATS[output_format](activity_report(*period))
        self.stdout.write(output, ending="")
