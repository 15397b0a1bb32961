"""The public report page; the admin page (hamleh.admin_report) shares its context."""

import functools

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hamleh.cache import stored_content_state
from hamleh.prepared import rows_digest
from hamleh.report.charts import report_charts
from hamleh.report.formats import headline, period_text
from hamleh.report.periods import PeriodForm, last_six_months, presets
from hamleh.report.service import activity_report


def report_context(report):
    """What the shared template `includes/activity_report.html` needs."""
    charts = report_charts(report, rtl=get_language_bidi())
    return {
        "report": report,
        "figures": headline(report),
        "charts": charts,
        "training_tables": [
            (_("By format"), charts["trainings_by_format"], report.trainings_by_format, _("Format")),
            (_("By audience"), charts["trainings_by_audience"], report.trainings_by_audience, _("Audience")),
        ],
    }


class ReportPeriodMixin:
    """Reads ?from=&to= through PeriodForm; an invalid period gives the form's messages and no report.

    The pages list at most REPORT_LIST_LIMIT records per list; the totals count them all.
    """

    def get_period_form(self):
        return PeriodForm(self.request.GET or None)

    def get_report_context(self):
        today = timezone.localdate()
        form = self.get_period_form()
        period = form.period(default=last_six_months(today))
        recent, years = presets(today, current=period)
        context = {"form": form, "period": period, "recent_presets": recent, "preset_years": years}
        if period is not None:
            context["period_text"] = period_text(*period)
            context.update(report_context(activity_report(*period, limit=settings.REPORT_LIST_LIMIT)))
        return context


# What `get_report_context` gives, each worked out only when the template asks for one.
PAGE_CONTEXT_NAMES = (
    "form",
    "period",
    "recent_presets",
    "preset_years",
    "period_text",
    "report",
    "figures",
    "charts",
    "training_tables",
)


class ImpactView(ReportPeriodMixin, TemplateView):
    """What the page shows under its header is kept (`impact_key`) by its address, the day and the content
    state: a visit reads the state in one small statement, and reads the period's records and renders the
    report only when public content has changed (or the day, for the presets and the default period)."""

    template_name = "hamleh/impact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        computed = SimpleLazyObject(self.get_report_context)
        context.update((name, SimpleLazyObject(functools.partial(_get, computed, name))) for name in PAGE_CONTEXT_NAMES)
        context["impact_key"] = rows_digest((timezone.localdate(), settings.REPORT_LIST_LIMIT, stored_content_state()))
        return context


def _get(mapping, name):
    return mapping.get(name)
