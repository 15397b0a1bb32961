"""Refused deletes that say which content is in the way.

Topics and organisations are tied to content through link tables whose rows
are PROTECTed. Django's delete page would list those link rows ("Publication
topic: Digital rights"); this mixin lists the content items themselves, with a
link to each, so staff know what to change before deleting.
"""

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst


class ProtectedItemsAdminMixin:
    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            protected = self.protected_items(objs)
        return to_delete, model_count, perms_needed, protected

    def protected_items(self, objs):
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        items = {self.content_of(row) for row in collector.protected}
        return [self.describe(item) for item in sorted(items, key=lambda item: (item._meta.label, str(item)))]

    def content_of(self, row):
        """The content item behind a protected row: the row itself, or the item a link row ties in."""
        if self.admin_site.is_registered(type(row)):
            return row
        for field in row._meta.concrete_fields:
            if field.is_relation and field.related_model is not self.model:
                return getattr(row, field.name)
        return row

    def describe(self, item):
        opts = item._meta
        label = capfirst(opts.verbose_name)
        try:
            url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            return f"{label}: {item}"
        return format_html('{}: <a href="{}">{}</a>', label, url, item)
