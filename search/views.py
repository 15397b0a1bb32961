from django.contrib import messages
from django.views.generic import TemplateView

from content.sections import SECTIONS
from search.results import SearchResults


class SearchView(TemplateView):
    """`/<lang>/search/?q=…&section=…`: every section at once, or one; any input gives a normal page."""

    template_name = "search/search.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = SearchResults(self.request.GET, per_page=self.paginate_by)
        context.update(results.context())
        for message in results.notices:
            messages.info(self.request, message)
        context["sections"] = SECTIONS
        return context
