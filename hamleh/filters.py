"""What every public list filters by: topic and year. Each section adds its own."""

import copy
import functools
import hashlib
from typing import NamedTuple

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django.utils.translation import gettext_lazy as _

from hamleh.cards import fragment_cache
from hamleh.models import Topic
from hamleh.prepared import PreparedQueries, rows_digest, table_columns, table_rows

MAX_FILTER_LENGTH = 100
# Selects without an include per option (see the template).
SELECT_TEMPLATE = "hamleh/widgets/select.html"


class BoundedCharField(forms.CharField):
    """Rejects absurdly long values with a message instead of passing them to the database."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_FILTER_LENGTH)
        super().__init__(*args, **kwargs)


class ListedChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """The choices read with one plain query.

    Django reads them with `iterator()`, which on PostgreSQL declares a server-side cursor held past
    the transaction: three round trips, and a result the server copies aside, for the dozen topics
    every list page offers.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        # Read when the form is rendered, once (a form kept by `PublicFilterSet.form_key` reads none).
        rows = self.queryset if self.queryset._result_cache is not None else self.queryset.all()
        for obj in rows:
            yield self.choice(obj)


class ListedModelChoiceField(django_filters.fields.ModelChoiceField):
    """A choice among a short table's rows, checked against `known_rows` when the view has read them
    (every row of the table, as `table_rows` reads them) instead of asking the database again."""

    iterator = ListedChoiceIterator
    known_rows = None

    def to_python(self, value):
        model = self.queryset.model
        if self.known_rows is None or value in self.empty_values or self.queryset.query.where:
            return super().to_python(value)
        columns = table_columns(model)
        position = columns.index(model._meta.get_field(self.to_field_name or "pk").attname)
        for row in self.known_rows:
            if str(row[position]) == str(value):
                return model(**dict(zip(columns, row, strict=True)))
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class ListedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among a short table's rows (topics, organisations), shown as a select."""

    field_class = ListedModelChoiceField


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1990)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class SharedFilters(dict):
    """A filter set's filters, copied for each filter set as each needs them.

    django-filter deep-copies every filter for every filter set made (every list page), and with a filter
    every choice list and queryset it holds. A filter holds nothing of a request: a copy of each, pointing
    its method (if any) at its own filter set, is all a filter set needs.
    """

    def __deepcopy__(self, memo):
        copies = SharedFilters()
        for name, filter_ in self.items():
            copied = copy.copy(filter_)
            if filter_.method is not None:
                copied.method = filter_.method  # the method found on this copy's filter set, not the first's
            copies[name] = copied
        return copies


class PublicFilterSet(django_filters.FilterSet):
    """Base of the section filters.

    `year_field` names the date a section is sorted by; `year` filters on it.
    """

    year_field = "publish_at"

    topic = ListedModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
        method="filter_topic",
    )
    year = YearFilter(method="filter_year")

    @classmethod
    def get_filters(cls):
        return SharedFilters(super().get_filters())

    def get_form_class(self):
        """One form class per filter set, made on first use.

        django-filter makes a new form class, and a new field for each filter, on every request. Nothing
        in these forms depends on the request: each form copies its fields, and a field's choices are
        read from the database when the form is rendered.
        """
        filterset_class = type(self)
        form_class = filterset_class.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            for field in form_class.base_fields.values():
                if type(field.widget) is forms.Select:
                    field.widget.template_name = SELECT_TEMPLATE
            filterset_class._form_class = form_class
        return form_class

    @classmethod
    def choice_tables(cls):
        """{model: prepared query of its rows} for each short table the form offers a choice among."""
        return {
            filter_.extra["queryset"].model: table_rows(filter_.extra["queryset"].model)
            for filter_ in cls.base_filters.values()
            if isinstance(filter_, django_filters.ModelChoiceFilter)
        }

    def form_key(self, choice_rows=None):
        """What the rendered filter form depends on, as one digest, for the template to keep it by.

        The form shows the submitted values, the errors they raise and the choices the database
        offers; all three are in the key (the active language is added by the template). The choices
        stand in the key as every row of their table, read through a prepared query (or given, read with
        the list's own queries, by `choice_tables`): a renamed, added or deleted topic changes the key
        rather than leaving an old form in use, and the choices' model instances are built only when the
        form is rendered.
        """
        submitted = self.values_submitted()
        parts = [type(self).__qualname__]
        for name, filter_ in self.base_filters.items():
            parts.append(f"{name}={self.form[name].data if submitted else None!r}")
            if isinstance(filter_, django_filters.ModelChoiceFilter):
                model = filter_.extra["queryset"].model
                rows = choice_rows[model] if choice_rows and model in choice_rows else table_rows(model).rows()
                parts.append(repr(rows))
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def read_choice_rows(self):
        """{model: rows} of the tables the form offers choices among, read in one statement; the form's
        choices are then checked against them, with no query of their own."""
        tables = self.choice_tables()
        rows = dict(zip(tables, _choice_rows_statement(type(self)).rows(), strict=True))
        self.use_choice_rows(rows)
        return rows

    def use_choice_rows(self, rows):
        """Check the form's choices against `rows` ({model: rows}, as `read_choice_rows` gives them), once
        the form is built."""
        self.remember_choice_rows(rows)
        self.known_choice_rows = rows
        if hasattr(self, "_form"):
            self._know_choice_rows(self._form)

    known_choice_rows = None

    @property
    def form(self):
        if not hasattr(self, "_form"):
            self._know_choice_rows(super().form)
        return self._form

    def _know_choice_rows(self, form):
        if self.known_choice_rows is not None:
            for field in form.fields.values():
                if isinstance(field, ListedModelChoiceField):
                    field.known_rows = self.known_choice_rows[field.queryset.model]

    def checked(self, rows):
        """What checking the submitted values against the choice rows `rows` gives: a `CheckedFilters`.

        A pure outcome of the values and the rows, so each process remembers it by them (a dozen fields
        copied, cleaned and checked on every filtered list otherwise), except where the list is then read
        through the ORM (`narrowing` None), which needs the filter set's form itself.
        """
        submitted = tuple((name, tuple(self.data.getlist(name))) for name in self.base_filters if name in self.data)
        name = "hamleh:filters:" + rows_digest((type(self).__qualname__, submitted, rows))
        self.use_choice_rows(rows)
        found = fragment_cache().get(name)
        if found is None:
            narrowing = self.prepared_filters() if self.filters_applied() else ((), {})
            found = CheckedFilters(self.is_valid(), narrowing and _frozen(narrowing), self.form_key(rows))
            if narrowing is not None:
                fragment_cache().set(name, found)
        return found

    @classmethod
    def remember_choice_rows(cls, rows):
        _last_choice_rows[cls] = rows

    @classmethod
    def last_choice_rows(cls):
        """The choice rows this process last read for this filter set, or None: a list may check the
        submitted choices against them, and read the rows again with the list itself to be sure."""
        return _last_choice_rows.get(cls)

    def prepared_filters(self):
        """How the applied filters narrow the list, as ((name, kind, value), …) and the values standing in it,
        when each can narrow a prepared query; else None (the list is read through the ORM).

        A choice of a short table's row ("id": its pk) or of a fixed set ("text") stands in the query as a
        value; a year is part of the query's shape ("year": one per year asked for, a few dozen at most).
        Filters with methods of their own (campaign state, upcoming events…) may read the clock or change
        the query's shape with their value, and a filter on a related table's rows (a publication's file
        languages, a campaign's targets) needs DISTINCT: they go through the ORM.
        """
        shape, values = [], {}
        for name, value in self.form.cleaned_data.items():
            if value in EMPTY_VALUES:
                continue
            filter_ = self.filters[name]
            if filter_.distinct:
                return None
            if isinstance(filter_, django_filters.ModelChoiceFilter):
                shape.append((name, "id", None))
                values[name] = value.pk
            elif name == "year":
                shape.append((name, "year", value))
            elif type(filter_) is django_filters.ChoiceFilter and filter_.method is None:
                shape.append((name, "text", None))
                values[name] = value
            else:
                return None
        return tuple(shape), values

    @classmethod
    def narrow(cls, queryset, shape, marks):
        """`queryset` narrowed by the filters of `shape` (see `prepared_filters`), given their stand-ins."""
        filters = cls(queryset=queryset).filters
        for name, kind, value in shape:
            queryset = filters[name].filter(queryset, value if kind == "year" else marks[name])
        return queryset

    def values_submitted(self):
        """Whether the request names any filter (with an empty value too). A list's first page and its
        other pages name none: their form shows nothing of the request, so it is not even built to be
        named (`form_key`) or to be known valid."""
        return self.is_bound and any(name in self.data for name in self.base_filters)

    def filters_applied(self):
        """Whether any filter narrows the list: a value given and valid (an invalid one is dropped)."""
        if not self.values_submitted():
            return False
        self.form.is_valid()  # once per form: an invalid value is left out of cleaned_data
        return any(value not in EMPTY_VALUES for value in self.form.cleaned_data.values())

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.year_field}__year": value})

    def filter_topic(self, queryset, name, value):
        """A semi-join on the topic links (`id IN (…)`): each item comes once with no DISTINCT over
        whole rows, and the database can walk the list's order index and stop at the page's end."""
        topics = queryset.model._meta.get_field("topics")
        links = topics.remote_field.through.objects.filter(topic=value)
        return queryset.filter(pk__in=links.values(topics.m2m_field_name()))


class CheckedFilters(NamedTuple):
    valid: bool
    # (shape, ((name, value), …)) as `prepared_filters` gives them, ((), ()) when no filter applies, None
    # when the list must be read through the ORM.
    narrowing: tuple | None
    form_key: str


def _frozen(narrowing):
    shape, values = narrowing
    return shape, tuple(sorted(values.items()))


# {filter set class: {model: rows}}, as last read by this process.
_last_choice_rows = {}


@functools.cache
def _choice_rows_statement(filterset_class):
    return PreparedQueries(filterset_class.choice_tables().values())
