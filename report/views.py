"""The public report page; the admin page (report.admin) shares its context."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from report.charts import report_charts
from report.formats import headline, participants_source, period_text
from report.periods import PeriodForm, last_six_months, latest_complete_half_year, periods_with_data, presets
from report.service import activity_report


def report_context(report):
    """What the shared template `includes/activity_report.html` needs."""
    charts = report_charts(report, rtl=get_language_bidi())
    return {
        "report": report,
        "figures": headline(report),
        "participants_source": participants_source(report.totals),
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
        halves = periods_with_data()
        period = form.period(default=latest_complete_half_year(today, halves) or last_six_months(today))
        recent, years = presets(today, current=period, halves=halves)
        context = {"form": form, "period": period, "recent_presets": recent, "preset_years": years, "report": None}
        if period is not None:
            context["period_text"] = period_text(*period)
            context.update(report_context(activity_report(*period, limit=settings.REPORT_LIST_LIMIT)))
        return context


class ImpactView(ReportPeriodMixin, TemplateView):
    template_name = "report/impact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_report_context())
        return context
