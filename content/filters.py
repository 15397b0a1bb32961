"""What every public list filters by: topic and year. Each section adds its own."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import Topic

MAX_FILTER_LENGTH = 100
# Selects rendered by one template, without an include per option.
SELECT_TEMPLATE = "content/widgets/select.html"


class FilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget.template_name = SELECT_TEMPLATE


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1990)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class PublicFilterSet(django_filters.FilterSet):
    """Base of the section filters; `year_field` names the date a section is sorted by, `year` filters on it."""

    year_field = "publish_at"

    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
        method="filter_topic",
    )
    year = YearFilter(method="filter_year")

    class Meta:
        form = FilterForm

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.year_field}__year": value})

    def filter_topic(self, queryset, name, value):
        """A semi-join on the topic links (`id IN (…)`): each item comes once with no DISTINCT over
        whole rows, and the database can walk the list's order index and stop at the page's end."""
        topics = queryset.model._meta.get_field("topics")
        links = topics.remote_field.through.objects.filter(topic=value)
        return queryset.filter(pk__in=links.values(topics.m2m_field_name()))
