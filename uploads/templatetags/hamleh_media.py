"""`{% picture item sizes="…" %}`: a cover image as <picture> with WebP and JPEG renditions.

Everything is computed from the item's columns (name, width, height): no query,
no storage call, so a list of many cards costs the same as a list of one.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()

# The widest rendition used as the plain `src` of browsers that ignore srcset.
DEFAULT_SRC_WIDTH = 960


def _alt(item):
    language = get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = getattr(item, f"cover_alt_{language}", "") or ""
    if own:
        return own, None
    return getattr(item, f"cover_alt_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", "") or "", (
        settings.MODELTRANSLATION_DEFAULT_LANGUAGE if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE else None
    )


@register.inclusion_tag("includes/picture.html")
def picture(item, sizes="100vw", lazy=True, css_class=""):
    image = getattr(item, "cover_image", None)
    context = {"image": None, "sizes": sizes, "lazy": lazy, "css_class": css_class}
    if not image:
        return context
    alt, alt_language = _alt(item)
    context.update(alt=alt, alt_language=alt_language, image=image)
    renditions = item.cover_renditions()
    if not renditions:  # dimensions unknown (older upload): the original, still sized if known
        context.update(src=image.url, width=item.cover_width, height=item.cover_height)
        return context
    storage = image.storage
    webp = [r for r in renditions if r.extension == "webp"]
    jpeg = [r for r in renditions if r.extension == "jpg"]
    src = next((r for r in reversed(jpeg) if r.width <= DEFAULT_SRC_WIDTH), jpeg[0])
    context.update(
        webp_srcset=", ".join(f"{storage.url(r.name)} {r.width}w" for r in webp),
        jpeg_srcset=", ".join(f"{storage.url(r.name)} {r.width}w" for r in jpeg),
        src=storage.url(src.name),
        width=src.width,
        height=src.height,
    )
    return context
