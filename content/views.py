"""The generic views every section's list and detail pages are made of."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from content.pagination import CappedPaginator

RELATED_LIMIT = 3


class StaffPreviewMixin:
    """Visitors see published content only; signed-in staff also see drafts and
    scheduled items, which the template marks with a preview banner."""

    def get_queryset(self):
        manager = self.model.objects
        return manager.all() if self.request.user.is_staff else manager.published()


class PublicDetailView(StaffPreviewMixin, DetailView):
    """An item's page, with its topics and a few newer items of the same section sharing a topic."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("topics")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        context["section"] = self.model.SECTION
        context["related_items"] = self.related_items()
        return context

    def related_items(self):
        """A semi-join on the topic links (no DISTINCT over whole rows): the newest few are found by
        walking the order index, whatever the size of the archive."""
        item = self.object
        field = self.model._meta.get_field("topics")
        links = field.remote_field.through.objects
        item_column = field.m2m_field_name()
        topics = links.filter(**{item_column: item.pk}).values("topic")
        related = links.filter(topic__in=topics).values(item_column)
        return list(
            self.model.objects.published().for_cards().filter(pk__in=related).exclude(pk=item.pk)[:RELATED_LIMIT]
        )


class PublicListView(FilterView):
    """A filtered, paginated list of one section.

    A filter value that is not understood is dropped with a message (`strict = False`), and a page out of
    range shows the nearest page instead of an error.
    """

    paginate_by = 12
    paginator_class = CappedPaginator
    strict = False
    template_name_suffix = "_list"

    def get_queryset(self):
        return self.model.objects.published().for_cards()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            messages.warning(request, _("Some filters were not understood and have been ignored."))
        return response

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get("page") or "1"
        number = int(requested) if requested.isdigit() else 1
        nearest = min(max(number, 1), paginator.num_pages)
        if "page" in self.request.GET and str(nearest) != requested:
            messages.info(self.request, _("That page does not exist; here is page %(number)s.") % {"number": nearest})
        page = paginator.page(nearest)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["section"] = self.model.SECTION
        return context
