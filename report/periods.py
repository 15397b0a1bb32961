"""Report periods: the validated from/to form and the presets offered on the report pages."""

import calendar
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from campaigns.models import Campaign
from content.changes import remember_until_change
from publications.models import Article, Publication
from trainings.models import Event, Training

MAX_PERIOD_YEARS = 20
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2199, 12, 31)
DATE_INPUT_FORMATS = ["%Y-%m-%d"]


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def months_before(day, months):
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_six_months(today):
    return months_before(today, 6) + datetime.timedelta(days=1), today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """`from` and `to` in the query string, both YYYY-MM-DD, at most MAX_PERIOD_YEARS apart.

    The field names are Python keywords, so they are added in __init__.
    """

    error_messages = {
        "incomplete": _("Give both dates of the period, or neither."),
        "reversed": _("The end of the period (%(end)s) is before its start (%(start)s)."),
        "too_long": ngettext_lazy(
            "The period is too long: a report covers at most %(years)s year.",
            "The period is too long: a report covers at most %(years)s years.",
            "years",
        ),
        "out_of_range": _("Dates must lie between %(earliest)s and %(latest)s."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        invalid = _("Enter a date as year-month-day, for example 2021-06-30.")
        for name, label in (("from", _("From")), ("to", _("To"))):
            self.fields[name] = forms.DateField(
                label=label,
                required=False,
                input_formats=DATE_INPUT_FORMATS,
                widget=DateInput(),
                error_messages={"invalid": invalid},
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if self.errors:
            return cleaned
        if (start is None) != (end is None):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        if start is None:
            return cleaned
        for day in (start, end):
            if not EARLIEST_DATE <= day <= LATEST_DATE:
                raise forms.ValidationError(
                    self.error_messages["out_of_range"],
                    code="out_of_range",
                    params={"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
                )
        if end < start:
            raise forms.ValidationError(
                self.error_messages["reversed"],
                code="reversed",
                params={"start": start.isoformat(), "end": end.isoformat()},
            )
        if end >= add_years(start, MAX_PERIOD_YEARS):
            raise forms.ValidationError(self.error_messages["too_long"] % {"years": MAX_PERIOD_YEARS}, code="too_long")
        return cleaned

    def period(self, default):
        """The requested (start, end); `default` when none was given; None when the input is invalid."""
        if not self.is_bound:
            return default
        if not self.is_valid():
            return None
        start, end = self.cleaned_data["from"], self.cleaned_data["to"]
        if start is None:
            return default
        return start, end


@dataclass
class Preset:
    label: str
    start: datetime.date
    end: datetime.date
    current: bool = False

    @property
    def query(self):
        return urlencode({"from": self.start.isoformat(), "to": self.end.isoformat()})


@dataclass
class PresetYear:
    year: int
    whole: Preset
    halves: list = field(default_factory=list)


def _half(date_field):
    return Case(
        When(**{f"{date_field}__month__lte": 6}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def periods_with_data():
    """The (year, half) pairs in which some published record is dated: one UNION query, whose
    answer is kept in the shared cache until the content changes (it reads every dated row)."""
    return remember_until_change("report-periods", _periods_with_data, timeout=24 * 3600)


def _periods_with_data():
    sources = [
        (Publication, "published_on"),
        (Article, "publish_at"),
        (Campaign, "start_date"),
        (Training, "start_date"),
        (Event, "starts_at"),
    ]
    querysets = [
        model.objects.published()
        .order_by()
        .annotate(period_year=ExtractYear(date_field), period_half=_half(date_field))
        .values_list("period_year", "period_half")
        .distinct()
        for model, date_field in sources
    ]
    first, *others = querysets
    return {(year, half) for year, half in first.union(*others)}


def half_year(year, half):
    """The first (1) or second (2) half of the year, as (start, end)."""
    if half == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def latest_complete_half_year(today, halves):
    """The latest half-year over before `today` in which something was recorded, or None: the report
    opens on it rather than on months that may hold nothing yet."""
    complete = [(year, half) for year, half in halves if year is not None and half_year(year, half)[1] < today]
    return half_year(*max(complete)) if complete else None


def presets(today=None, current=None, halves=None):
    """The quick choices: the last six months, this year, then each past year and half-year with data
    (`halves`, from `periods_with_data()` when not given)."""
    today = today or timezone.localdate()
    current = tuple(current) if current else None
    halves = periods_with_data() if halves is None else halves

    def preset(label, start, end):
        return Preset(str(label), start, end, current == (start, end))

    recent = [
        preset(_("The last six months"), *last_six_months(today)),
        preset(_("This year"), datetime.date(today.year, 1, 1), today),
    ]
    halves_by_year = {}
    for year, half in halves:
        if year is None:
            continue
        if half_year(year, half)[1] < today:
            halves_by_year.setdefault(year, set()).add(half)
    years = []
    for year in sorted(halves_by_year, reverse=True):
        halves = []
        if 1 in halves_by_year[year]:
            label = _("January–June %(year)s") % {"year": year}
            halves.append(preset(label, *half_year(year, 1)))
        if 2 in halves_by_year[year]:
            label = _("July–December %(year)s") % {"year": year}
            halves.append(preset(label, *half_year(year, 2)))
        # The current year is "this year" above; only its first half may be offered here.
        whole_end = datetime.date(year, 12, 31)
        whole = preset(str(year), datetime.date(year, 1, 1), whole_end) if whole_end < today else None
        years.append(PresetYear(year, whole, halves))
    return recent, years
