"""Cards, rendered once per version of an item: a page that shows cards reads their keys first.

A card (`includes/card.html`) depends on its item's version, the language and the address prefix, nothing
else, and each process keeps the cards it has rendered under exactly that name (the `template_fragments`
cache). So a page reads the keys of the items it shows, (section, id, version), takes the cards kept under
them, and reads rows, builds model instances and renders templates only for the others: after an edit,
the edited item's.
"""

from django.core.cache import InvalidCacheBackendError, caches
from django.template import Context
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from hamleh.sections import SECTIONS_BY_NAME


def fragment_cache():
    """Where rendered pieces of pages are kept (as `{% cache %}` chooses)."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def card_fragment_key(request, section, pk, version):
    return f"hamleh:card:{get_language()}:{request.META.get('SCRIPT_NAME', '')}:{section}:{pk}:{version}"


class Card:
    """An item shown as a card: its key, its rendered HTML and, when it was read, the item itself.

    Anything else asked of a card is the item's (a kept card's item is then read alone): views and tests
    may treat a card as the item it shows.
    """

    def __init__(self, section, pk, version, html, item=None):
        self.SECTION = section
        self.pk = pk
        self.version_token = version
        self.html = html
        self.item = item

    def __getattr__(self, name):
        # Reached only for what a card does not hold itself.
        if self.item is None:
            self.item = SECTIONS_BY_NAME[self.SECTION].model.objects.for_cards().get(pk=self.pk)
        return getattr(self.item, name)


def cards(request, keys):
    """The `Card`s of `keys` [(section, pk, version)], in their order.

    The items of cards not kept are read in one query per section; one gone meanwhile (deleted between
    the two queries) is left out.
    """
    names = {key: card_fragment_key(request, *key) for key in keys}
    kept = fragment_cache().get_many(names.values())
    missing = {}
    for key in keys:
        if names[key] not in kept:
            missing.setdefault(key[0], []).append(key[1])
    loaded = {}
    for section, pks in missing.items():
        for item in SECTIONS_BY_NAME[section].model.objects.for_cards().filter(pk__in=pks):
            loaded[section, item.pk] = item
    found = []
    for key in keys:
        html = kept.get(names[key])
        if html is not None:
            found.append(Card(*key, mark_safe(html)))  # noqa: S308 - rendered by our own template
        elif (item := loaded.get(key[:2])) is not None:
            found.append(item)
    return _with_rendered_cards(request, found)


def cards_of(request, items):
    """The `Card`s of model instances already read (featured and related items, topic hubs)."""
    keys = [(item.SECTION, item.pk, item.version_token) for item in items]
    names = [card_fragment_key(request, *key) for key in keys]
    kept = fragment_cache().get_many(names)
    found = []
    for key, name, item in zip(keys, names, items, strict=True):
        html = kept.get(name)
        found.append(item if html is None else Card(*key, mark_safe(html), item))  # noqa: S308
    return _with_rendered_cards(request, found)


def _with_rendered_cards(request, found):
    """Cards as they are, items rendered into cards (and kept, under the version read with their row)."""
    result, rendered = [], {}
    template, context = None, None
    for entry in found:
        if isinstance(entry, Card):
            result.append(entry)
            continue
        if template is None:
            # One template and one context for all the cards to render: what `{% include %}` in a loop does.
            template, context = get_template("includes/card.html").template, Context()
        key = (entry.SECTION, entry.pk, entry.version_token)
        with context.push(item=entry):
            html = template.render(context)
        rendered[card_fragment_key(request, *key)] = html
        result.append(Card(*key, mark_safe(html), entry))  # noqa: S308
    if rendered:
        fragment_cache().set_many(rendered)
    return result
