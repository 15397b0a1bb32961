"""Write the search index entry of every item again (after an import, or when search is first deployed)."""

from django.core.management.base import BaseCommand

from content.changes import content_changed
from content.sections import SECTIONS
from search.index import index_object
from search.models import KnownWord, SearchDocument


class Command(BaseCommand):
    help = "Rebuild the search index of every item of every section."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Remove every index entry and every word known to suggestions first.",
        )

    def handle(self, *args, clear, **options):
        if clear:
            SearchDocument.objects.all().delete()
            # Suggestions learn again from what is public now (a withdrawn item's words are forgotten).
            KnownWord.objects.all().delete()
        for section in SECTIONS:
            count = 0
            for item in section.model.objects.prefetch_related("topics").iterator(chunk_size=500):
                index_object(item)
                count += 1
            self.stdout.write(f"{section.name}: {count}")
        # Cached pages show results of the old index.
        content_changed()
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
