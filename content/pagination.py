"""Public lists stop at a fixed depth, so no page costs more as the archive grows.

An OFFSET scan grows with the page number and a full COUNT(*) with the table: with 100,000 items the
last page of a list would cost many times its first. A list shows at most `PUBLIC_LIST_MAX_PAGES` pages;
older items are one filter away (year, topic, kind), each filtered list having its own pages. Counting
stops there too: the count reads at most one row more than the pages can show.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    @cached_property
    def max_items(self):
        return settings.PUBLIC_LIST_MAX_PAGES * self.per_page

    @cached_property
    def count(self):
        """The number of items the pages can show; `is_capped` tells whether there are more."""
        # Which rows make up the first `limit` does not change how many there are: without the order,
        # the database need not sort the matches of a filter to count them, nor compute what cards show
        # beside their columns (`for_cards`' first topic).
        found = self.object_list.order_by().values("pk")[: self.max_items + 1].count()
        self.is_capped = found > self.max_items
        return min(found, self.max_items)

    is_capped = False
