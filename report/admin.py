"""The activity report in the admin, with CSV export: one view added to the admin site's URLs."""

from django.contrib import admin
from django.http import HttpResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from report.formats import write_csv
from report.service import activity_report
from report.views import ReportPeriodMixin


class ActivityReportAdminView(ReportPeriodMixin, TemplateView):
    template_name = "admin/report/activity_report.html"
    admin_site = None

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            form = self.get_period_form()
            period = form.period(default=None)
            if period is not None:
                return self.csv_response(*period)
        return super().get(request, *args, **kwargs)

    def csv_response(self, start, end):
        report = activity_report(start, end)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="activity-report-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv"'
        response.write("\ufeff")  # byte-order mark: spreadsheets then read the Arabic text as UTF-8
        write_csv(report, response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.admin_site.each_context(self.request))
        context.update(self.get_report_context())
        context["title"] = _("Activity report")
        if context.get("report") is not None:
            query = self.request.GET.copy()
            query["from"], query["to"] = (day.isoformat() for day in context["period"])
            query["export"] = "csv"
            context["csv_query"] = query.urlencode()
        return context


def register(site=admin.site):
    """Adds the report under /admin/activity-report/ (URL name admin:activity_report)."""
    site_get_urls = site.get_urls

    def get_urls():
        view = site.admin_view(ActivityReportAdminView.as_view(admin_site=site))
        return [path("activity-report/", view, name="activity_report"), *site_get_urls()]

    site.get_urls = get_urls


register()
