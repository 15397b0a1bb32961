"""Cards named by their keys: a page that shows items as cards reads their (section, id, version) first.

A card (`includes/card.html`) depends on its item's version, the language and the address prefix, nothing
else, and each process keeps the cards it has rendered under exactly that name (the template's `{% cache %}`,
in the `template_fragments` cache). So a page reads the keys of the items it shows, takes the cards kept
under them, and reads rows and builds model instances only for the others: after an edit, the edited item.
"""

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from hamleh.sections import SECTIONS_BY_NAME


def fragment_cache():
    """Where `{% cache %}` keeps fragments (Django's own choice of cache)."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def card_fragment_key(request, section, pk, version):
    """The name `includes/card.html` keeps a card under: its `{% cache %}` arguments, in their order."""
    return make_template_fragment_key(
        "card", [get_language(), request.META.get("SCRIPT_NAME", ""), section, pk, version]
    )


class CardItem:
    """An item as `includes/card.html` sees it: its section, id and version, which name the kept card.

    Anything else the card asks for comes from the item's model instance, which `kept_cards` loads for the
    cards not kept. A kept card is never asked for more, unless the bounded cache dropped it in between:
    then the item is loaded alone.
    """

    def __init__(self, section, pk, version, item=None):
        self.SECTION = section
        self.pk = pk
        self.version_token = version
        self.item = item

    def __getattr__(self, name):
        # Reached only for what the card reads when it is being rendered.
        if self.item is None:
            self.item = SECTIONS_BY_NAME[self.SECTION].model.objects.for_cards().get(pk=self.pk)
        return getattr(self.item, name)


def kept_cards(request, keys):
    """`CardItem`s for `keys` [(section, pk, version)], in their order.

    The items whose card is not kept are read in one query per section; an item gone meanwhile (deleted
    between the two queries) is left out.
    """
    names = {key: card_fragment_key(request, *key) for key in keys}
    kept = fragment_cache().get_many(names.values())
    missing = {}
    for section, pk, version in keys:
        if names[(section, pk, version)] not in kept:
            missing.setdefault(section, []).append(pk)
    loaded = {}
    for section, pks in missing.items():
        for item in SECTIONS_BY_NAME[section].model.objects.for_cards().filter(pk__in=pks):
            loaded[section, item.pk] = item
    cards = []
    for section, pk, version in keys:
        if names[(section, pk, version)] in kept:
            cards.append(CardItem(section, pk, version))
        elif (item := loaded.get((section, pk))) is not None:
            # Named by the version read with the row, should the item have changed between the queries.
            cards.append(CardItem(section, pk, item.version_token, item))
    return cards
