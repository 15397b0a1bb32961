"""Public lists stop at a fixed depth, so no page costs more as the archive grows.

An OFFSET scan grows with the page number and a full COUNT(*) with the table: with 100,000 items the
last page of a list costs many times its first. A list shows at most PUBLIC_LIST_MAX_PAGES pages; older
items are one filter away (year, topic, kind), each filtered list having its own pages. Counting stops
there too: the count query reads at most one row more than the pages can show.

A page after the first finds its items' keys first, then reads those items: an OFFSET over whole rows
reads every row it skips from the table, where an OFFSET over keys reads the index alone (the 50th page of the news at
100,000 items: 1.7 ms → 0.4 ms).
"""

import functools

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from hamleh.cache import content_state_of, content_state_statement
from hamleh.cards import fragment_cache
from hamleh.prepared import PreparedQueries, PreparedQuery, rows_digest

KEY_COLUMNS = ("pk", "version_token")


def page_keys(queryset, bottom, top):
    """The (pk, version) of the items `bottom` to `top` of `queryset`, in its order.

    The first page reads them directly (nothing to skip, a query simpler to plan); a later one skips keys
    in the index (`pk IN (… OFFSET …)`) rather than whole rows.
    """
    if not bottom:
        return queryset.values_list(*KEY_COLUMNS)[:top]
    return queryset.filter(pk__in=queryset.values("pk")[bottom:top]).values_list(*KEY_COLUMNS)


# A list's count and pages have a fixed shape for each model, narrowing, depth and page size: these few
# queries are written once. Bounded all the same (the page size and depth are settings, the shapes of
# narrowing few: see `PublicFilterSet.prepared_filters`).
@functools.lru_cache(maxsize=1024)
def _list_query(model, narrowing, bottom, top):
    """The count (`top` None: of at most `bottom` items) or the keys of items `bottom` to `top` of the public
    items of `model`: all of them (`narrowing` None) or those a filter set's shape narrows them to
    (`narrowing`: (filter set class, shape)), the filters' values standing in as named values."""
    filterset_class, shape = narrowing or (None, ())
    ids = [name for name, kind, _value in shape if kind == "id"]
    texts = [name for name, kind, _value in shape if kind == "text"]

    def public(now, **marks):
        queryset = model.objects.published(now)
        return filterset_class.narrow(queryset, shape, marks) if filterset_class else queryset

    if top is None:
        return PreparedQuery(
            model, lambda now, **marks: public(now, **marks).order_by().values_list("pk")[:bottom], ids, texts
        )
    return PreparedQuery(model, lambda now, **marks: page_keys(public(now, **marks), bottom, top), ids, texts)


@functools.lru_cache(maxsize=1024)
def _list_statement(model, narrowing, limit, bottom, top, others):
    """A list's count (up to `limit`), the keys of its items `bottom` to `top` and the rows of the prepared
    queries `others`, read in one statement."""
    return PreparedQueries(
        [_list_query(model, narrowing, limit, None).counted, _list_query(model, narrowing, bottom, top), *others]
    )


class CappedPaginator(Paginator):
    """Pages of item keys, (pk, version), at most `PUBLIC_LIST_MAX_PAGES` of them.

    `prepared` (model, narrowing, values): `object_list` is every public item of the model, or those
    narrowed by a filter set's shape with these values (see `_list_query`), in the model's own order; its
    count and pages are then read through prepared queries.
    """

    def __init__(self, object_list, per_page, *args, prepared=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.prepared = prepared

    @property
    def max_pages(self):
        return settings.PUBLIC_LIST_MAX_PAGES

    @cached_property
    def max_items(self):
        return self.max_pages * self.per_page

    @cached_property
    def count(self):
        """The number of items the pages can show: at most max_pages pages of them."""
        if self.prepared is not None:
            model, narrowing, values = self.prepared
            found = _list_query(model, narrowing, self.max_items + 1, None).count(**values)
        else:
            # Which rows make up the first `limit` does not change how many there are: without the order,
            # the database need not sort the matches of a filter to count them (a topic and a year of news
            # at 100,000 items: 6.2 ms → 4.1 ms).
            found = self.object_list.order_by()[: self.max_items + 1].count()
        return self._capped(found)

    def _capped(self, found):
        self.is_capped = found > self.max_items
        return min(found, self.max_items)

    is_capped = False
    _read_ahead = None

    def read_ahead(self, number, others=()):
        """For a list read through prepared queries: the count, the keys of page `number` (if it is one) and
        the rows of the prepared queries `others`, read in one statement, for `count` and `page(number)` to
        use. Returns the rows of `others`."""
        bottom = (max(number, 1) - 1) * self.per_page
        top = bottom + self.per_page
        if self.prepared is None or self.orphans or top > self.max_items:
            return [query.rows() for query in others]
        model, narrowing, values = self.prepared
        if narrowing:
            state_rows, due_rows, *rows = content_state_statement(tuple(others)).rows()
            found, keys = self._filtered_page(bottom, top, content_state_of(state_rows, due_rows))
        else:
            statement = _list_statement(model, narrowing, self.max_items + 1, bottom, top, tuple(others))
            found, keys, *rows = statement.rows(**values)
        self.__dict__["count"] = self._capped(found)
        self._read_ahead = (number, list(keys))
        return rows

    def _filtered_page(self, bottom, top, state):
        """A filtered list's count and the keys of its items `bottom` to `top`, kept by the content state.

        Counting a topic's news of a year joins the topic's links (a quarter of the news at 100,000 items)
        to the year's items: 2 ms of PostgreSQL. Finding a page walks the year's items, newest first, to
        the topic's; how far depends on how common the topic is, so PostgreSQL plans it for each value,
        another millisecond. Both change only when public content does."""
        model, narrowing, values = self.prepared
        name = "hamleh:filtered:" + rows_digest(
            (model._meta.label, narrowing, sorted(values.items()), self.max_items, bottom, top, state)
        )
        found = fragment_cache().get(name)
        if found is None:
            statement = _list_statement(model, narrowing, self.max_items + 1, bottom, top, ())
            count, keys = statement.rows(**values)
            found = (count, tuple(keys))
            fragment_cache().set(name, found)
        return found

    def page(self, number):
        number = self.validate_number(number)  # counts first, which sets is_capped
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self._read_ahead is not None and self._read_ahead[0] == number:
            keys = self._read_ahead[1]
        elif self.prepared is not None:
            model, narrowing, values = self.prepared
            keys = _list_query(model, narrowing, bottom, top).rows(**values)
        else:
            keys = list(page_keys(self.object_list, bottom, top))
        return self._get_page(keys, number, self)
