from django.core.management.base import BaseCommand, CommandError

from newsletter.digest import DigestInterrupted, send_digest


class Command(BaseCommand):
    help = (
        "Send each confirmed subscriber the items published since their last digest. "
        "Safe to run again at any time: an interrupted run is resumed, nobody is mailed twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=None, help="Subscribers loaded per batch.")

    def handle(self, *args, batch_size=None, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            result = send_digest(batch_size=batch_size)
        except DigestInterrupted as error:
            raise CommandError(
                f"Digest run {error.run.pk} {error}. Run send_digest again to resume it; "
                "subscribers already served will not be mailed again."
            ) from error
        resumed = ", resumed" if result.resumed else ""
        self.stdout.write(
            f"Finished digest run {result.run.pk} (items up to {result.run.cutoff:%Y-%m-%d %H:%M %Z}{resumed}): "
            f"{result.sent} sent, {result.without_news} with nothing new."
        )
