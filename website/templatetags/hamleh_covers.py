"""`{% generated_cover item %}`: the cover the site draws for an item without an image (`website.covers`).

Costs no query: the topic comes from the `card_topic` that lists load with each card
(`PublishableQuerySet.for_cards`), or is given by the caller (a detail page has the item's topics at hand).
"""

from django import template

from website import covers

register = template.Library()


@register.inclusion_tag("includes/generated_cover.html")
def generated_cover(item, topic=None, lazy=True, css_class=""):
    topic_slug = topic if topic is not None else getattr(item, "card_topic", None)
    return {
        "src": covers.cover_url(item.SECTION, item.slug, topic_slug or None),
        "width": covers.WIDTH,
        "height": covers.HEIGHT,
        "lazy": lazy,
        "css_class": css_class,
    }
