from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    """Staff teach search the words their readers use: a group applies to the next search, no re-indexing."""

    list_display = ("equivalent_phrases", "language", "updated_at")
    list_filter = ("language",)
    search_fields = ("phrases",)
    fields = ("language", "phrases")

    @admin.display(description=_("words or phrases"), ordering="phrases")
    def equivalent_phrases(self, group):
        return str(group)
