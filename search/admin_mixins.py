from search.index import admin_matches, index_object, unindex_queryset


class SearchIndexAdminMixin:
    """The admin side of search: change-list search with the site's normalisation and stemming
    (so "التقارير" finds "تقرير" and diacritics do not matter), and an index kept in step with
    what the admin saves (topics and files are saved after the item itself) and deletes."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results = results | queryset.filter(pk__in=admin_matches(self.model, search_term))
        return results, may_have_duplicates

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        index_object(form.instance)

    def delete_queryset(self, request, queryset):
        unindex_queryset(queryset)
        super().delete_queryset(request, queryset)
