"""The slug of an item, made from whichever title is filled when staff leave it empty.

Addresses stay in Latin letters (`SlugField(allow_unicode=False)` and the `slug` path
converter of every section, the URL contract of the site): a percent-encoded Arabic
address is unreadable once copied into a message or a document, and the site's
addresses are the same in its three languages. An English title gives the slug as it
is; an Arabic or Hebrew one is transliterated with anyascii, after a few Arabic letters
that it would drop (the alef, the ta marbuta, the ayn) are given a readable form.
"""

from anyascii import anyascii
from django.utils.text import slugify

# Letters anyascii writes as nothing or as punctuation, written as a reader of the slug expects.
READABLE_ARABIC = str.maketrans({"ا": "a", "أ": "a", "إ": "i", "ٱ": "a", "آ": "a", "ة": "a", "ى": "a", "ع": ""})
TITLE_LANGUAGES = ("en", "ar", "he")


def slug_from_text(text, max_length):
    slug = slugify(anyascii((text or "").translate(READABLE_ARABIC)))
    return slug[:max_length].rstrip("-")


def slug_from_titles(titles, max_length):
    """The slug from the first filled title, English first (no transliteration needed), then Arabic, then Hebrew."""
    for language in TITLE_LANGUAGES:
        slug = slug_from_text(titles.get(language), max_length)
        if slug:
            return slug
    return ""


def free_variant(model, slug, max_length, exclude_pk=None):
    """`slug-2`, `slug-3`…: the first that no other item uses, to suggest after a collision."""
    taken = model._default_manager.exclude(pk=exclude_pk).filter(slug__startswith=slug).values_list("slug", flat=True)
    taken = set(taken)
    number = 2
    while f"{slug[: max_length - len(str(number)) - 1]}-{number}" in taken:
        number += 1
    return f"{slug[: max_length - len(str(number)) - 1]}-{number}"
