import uuid

from django.core.management.base import BaseCommand
from PIL import Image

from content.changes import content_changed
from content.sections import SECTIONS
from uploads import media


class Command(BaseCommand):
    help = "Make the missing renditions of every cover image (and record missing dimensions). Safe to run again."

    def handle(self, *args, **options):
        made = measured = 0
        for section in SECTIONS:
            model = section.model
            for item in model.objects.exclude(cover_image="").only("pk", "cover_image", "cover_width", "cover_height"):
                image = item.cover_image
                if not item.cover_width or not item.cover_height:
                    try:
                        with image.storage.open(image.name, "rb") as handle, Image.open(handle) as opened:
                            item.cover_width, item.cover_height = opened.size
                    except (OSError, Image.DecompressionBombError) as error:
                        self.stderr.write(f"{model.__name__} {item.pk}: {image.name}: {error}")
                        continue
                    # A new version token too: the item's card, kept rendered, now has a srcset to show.
                    model.objects.filter(pk=item.pk).update(
                        cover_width=item.cover_width, cover_height=item.cover_height, version_token=uuid.uuid4()
                    )
                    measured += 1
                made += len(media.make_renditions(image.storage, image.name, item.cover_width, item.cover_height))
        if measured:
            content_changed()
        self.stdout.write(f"{made} renditions made.")
