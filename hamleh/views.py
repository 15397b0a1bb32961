import functools

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, RedirectView, TemplateView
from django_filters.views import FilterView

from hamleh.cards import cards, cards_of
from hamleh.models import Topic
from hamleh.pagination import CappedPaginator
from hamleh.prepared import PreparedQueries, PreparedQuery, rows_digest, table_rows
from hamleh.search_results import SearchResults
from hamleh.sections import SECTIONS, featured_sections, home_figures, latest_keys

RELATED_LIMIT = 3
FEATURED_LIMIT = 3


def language_redirect(request):
    """`/`: the home page in the visitor's language (language cookie, then Accept-Language)."""
    with translation.override(get_language_from_request(request)):
        response = HttpResponseRedirect(reverse("hamleh:home"))
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code in ("ar", "en", "he")),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


class StaffPreviewMixin:
    """Visitors see published content only; signed-in staff also see drafts and
    scheduled items, which the template marks with a preview banner."""

    def get_queryset(self):
        manager = self.model.objects
        if self.request.user.is_staff:
            return manager.all()
        return manager.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        context["section"] = self.model.SECTION
        return context


class ItemByKey:
    """A published item known by its key alone, standing in for it on a detail page.

    What a detail page shows of the item itself (title, head links, header, body, facts, topics) is kept by
    the item's version and the topics' names (`kept_item_key`): when all of it is kept, the item is never
    read. Anything else asked of it reads the item, once, as the view reads it. `isinstance` sees the model.
    """

    is_published = True  # found by `published()`

    def __init__(self, model, pk, version_token, load):
        self._model = model
        self._meta = model._meta
        self.SECTION = model.SECTION
        self.pk = self.id = pk
        self.version_token = version_token
        self._load = load
        self._item = None

    @property
    def __class__(self):
        return self._model

    def __getattr__(self, name):
        # Reached only for what the stand-in does not hold itself.
        if name.startswith("__"):
            raise AttributeError(name)
        if self._item is None:
            self._item = self._load()
        return getattr(self._item, name)


class PublicDetailView(StaffPreviewMixin, DetailView):
    """A detail page with its topics and a few related items of the same section.

    For visitors, one statement reads the item's key by its slug, the topics' names, the related items'
    keys and what `read_with_item` adds (prepared queries taking the `slug`); the pieces showing the item
    are kept by its version, so the item itself is read only to render one not kept. Staff, who may
    preview drafts and scheduled items, get the item read whole, then the rest in one statement.
    """

    read_with_item = ()

    def get_queryset(self):
        return super().get_queryset().prefetch_related("topics")

    def get_object(self, queryset=None):
        slug = self.kwargs[self.slug_url_kwarg]
        if self.request.user.is_staff:
            item = super().get_object(queryset)
            self.read_rows(detail_statement(self.model, self.read_with_item, public_key=False).rows(slug=slug))
            return item
        found, *rows = detail_statement(self.model, self.read_with_item, public_key=True).rows(slug=slug)
        if not found:
            raise Http404(_("No such item has been published."))
        self.read_rows(rows)
        pk, version_token = found[0]
        return ItemByKey(self.model, pk, version_token, load=lambda: self.get_queryset().get(pk=pk))

    def read_rows(self, rows):
        self.topic_rows, self.related_keys, *self.read_with_item_rows = rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = self.model.SECTION
        context["related_items"] = cards(self.request, [(section, pk, version) for pk, version in self.related_keys])
        item = self.object
        context["kept_item_key"] = f"{section}:{item.pk}:{item.version_token}:{rows_digest(self.topic_rows)}"
        return context


@functools.cache
def detail_statement(model, read_with_item, public_key):
    """A detail page's statement (see `PublicDetailView`): with the published item's key by slug first when
    `public_key`; then the topics' rows, the related items' keys and `read_with_item`."""
    queries = [table_rows(Topic), related_keys_query(model), *read_with_item]
    if public_key:
        queries.insert(0, item_key_query(model))
    return PreparedQueries(queries)


def item_key_query(model):
    """(pk, version) of the published item of `model` with the slug given."""
    return PreparedQuery(
        model,
        lambda now, slug: model.objects.published(now).filter(slug=slug).values_list("pk", "version_token"),
        texts=["slug"],
    )


@functools.cache
def related_keys_query(model):
    """The (pk, version) of the newest few published items of `model` sharing a topic with the item of the
    slug given.

    A semi-join on the topic links (no DISTINCT over whole rows): the newest few are found by walking the
    order index, whatever the size of the archive.
    """
    field = model._meta.get_field("topics")
    links = field.remote_field.through.objects
    item_column = field.m2m_field_name()

    def build(now, slug):
        topics = links.filter(**{f"{item_column}__slug": slug}).values("topic")
        related = links.filter(topic__in=topics).values(item_column)
        return (
            model.objects.published(now)
            .filter(pk__in=related)
            .exclude(slug=slug)
            .order_by(*model._meta.ordering)
            .values_list("pk", "version_token")[:RELATED_LIMIT]
        )

    return PreparedQuery(model, build, texts=["slug"])


class ChoiceRowsChanged(Exception):
    """The choice rows a list was read with were no longer the tables' rows."""


class PublicListView(FilterView):
    """A filtered, paginated list of one section.

    Invalid filter values are dropped with a message (strict = False), and an
    out-of-range page shows the nearest page instead of an error.
    """

    paginate_by = 12
    paginator_class = CappedPaginator
    strict = False
    template_name_suffix = "_list"

    def get_queryset(self):
        """What the filters narrow: the list reads only what is public of it, and only its keys."""
        return self.model.objects.all()

    def get(self, request, *args, **kwargs):
        # The submitted choices (a topic…) are checked against their tables' rows. The rows this process
        # read last are almost always still the tables' rows: the list is read with them, in one statement
        # that reads the rows too; only when they differ is the list read again, checked against the rows.
        filterset_class = self.get_filterset_class()
        try:
            context = self.list_context(filterset_class, filterset_class.last_choice_rows())
        except ChoiceRowsChanged:
            context = self.list_context(filterset_class, None)
        if self.checked and not self.checked.valid:
            messages.warning(request, _("Some filters were not understood and have been ignored."))
        return self.render_to_response(context)

    def list_context(self, filterset_class, guessed_rows):
        self.filterset = self.get_filterset(filterset_class)
        self.choice_rows = self.guessed_rows = self.checked = None
        # With no filter applied (most visits), or with filters that can narrow a prepared query, the
        # paginator reads the list through prepared queries, and no queryset is built at all.
        self.prepared = (self.model, None, {})
        if self.filterset.values_submitted():
            if guessed_rows is None:
                self.choice_rows = self.filterset.read_choice_rows()
            else:
                self.guessed_rows = guessed_rows
            self.checked = self.filterset.checked(self.choice_rows or guessed_rows)
            narrowing = self.checked.narrowing
            if narrowing is None:
                self.prepared = None
            elif narrowing[0]:
                self.prepared = (self.model, (filterset_class, narrowing[0]), dict(narrowing[1]))
        self.object_list = self.filterset.queryset if self.prepared else self.filterset.qs.published()
        return self.get_context_data(filter=self.filterset, object_list=self.object_list)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True, prepared=self.prepared)
        requested = self.request.GET.get("page") or 1
        try:
            number = int(requested)
        except (TypeError, ValueError):
            number = 1
        # The count, the page's keys and (when not read yet) the rows the filter form is named by, in one
        # round trip.
        if self.choice_rows is None:
            tables = self.filterset.choice_tables()
            self.choice_rows = dict(zip(tables, paginator.read_ahead(number, tables.values()), strict=True))
            self.filterset.remember_choice_rows(self.choice_rows)
            if self.guessed_rows is not None and self.choice_rows != self.guessed_rows:
                raise ChoiceRowsChanged
        else:
            paginator.read_ahead(number)
        clamped = min(max(number, 1), paginator.num_pages)
        if "page" in self.request.GET and str(clamped) != requested:
            message = _("That page does not exist; here is page %(number)s.") % {"number": clamped}
            messages.info(self.request, message)
        try:
            page = paginator.page(clamped)
        except InvalidPage:
            page = paginator.page(1)
        # The page's items as card keys: the results are kept by them (`results_key`), and the cards are
        # taken (or their rows read) only to render results not kept.
        section = self.model.SECTION
        keys = [(section, pk, version) for pk, version in page.object_list]
        self.results_key = rows_digest((paginator.count, paginator.is_capped, keys))
        page.object_list = SimpleLazyObject(functools.partial(cards, self.request, keys))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["filter_form_key"] = (
            self.checked.form_key if self.checked else self.filterset.form_key(self.choice_rows)
        )
        context["results_key"] = self.results_key
        context["section"] = self.model.SECTION
        return context


class HomeView(TemplateView):
    template_name = "hamleh/home.html"

    def get_context_data(self, **kwargs):
        """The page's content is kept by what it shows (`home_key`): the figures and the keys of the cards.
        The cards themselves are taken (or their rows read) only to render content not kept."""
        context = super().get_context_data(**kwargs)
        latest_keys_found = latest_keys()
        featured = []
        for section in featured_sections():
            featured.extend(section.model.objects.published().for_cards().filter(featured=True)[:2])
        newest = sorted(featured, key=lambda item: item.publish_at, reverse=True)[:FEATURED_LIMIT]
        context["figures"] = home_figures(timezone.localdate())
        featured_keys = [(item.SECTION, item.pk, item.version_token) for item in newest]
        context["home_key"] = rows_digest((latest_keys_found, featured_keys, sorted(context["figures"].items())))
        context["featured"] = SimpleLazyObject(functools.partial(cards_of, self.request, newest))
        context["sections"] = SimpleLazyObject(functools.partial(self.sections, latest_keys_found))
        return context

    def sections(self, keys):
        latest = cards(self.request, keys)
        return [
            {"section": section, "items": [card for card in latest if section.name == card.SECTION]}
            for section in SECTIONS
        ]


class TopicDetailView(DetailView):
    model = Topic
    template_name = "hamleh/topic_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            {
                "section": section,
                "items": cards_of(self.request, section.latest_queryset().filter(topics=self.object)[:6]),
            }
            for section in SECTIONS
        ]
        return context


class PrivacyView(TemplateView):
    template_name = "hamleh/privacy.html"


class SearchView(TemplateView):
    """`/<lang>/search/?q=…&section=…`: every section at once, or one; any input gives a normal page."""

    template_name = "hamleh/search.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = SearchResults(self.request.GET, per_page=self.paginate_by)
        context.update(results.context())
        for message in results.notices:
            messages.info(self.request, message)
        context["sections"] = SECTIONS
        return context


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin's): point them at ours."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("hamleh/favicon.svg")
