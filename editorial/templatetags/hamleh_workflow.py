from django import template
from django.conf import settings

from editorial import workflow
from editorial.admin_workflow import change_url

register = template.Library()


@register.inclusion_tag("admin/editorial/includes/dashboard.html", takes_context=True)
def workflow_dashboard(context):
    """The admin home's block: links to the workflow pages and what goes public this week."""
    user = context["request"].user
    entries = []
    for entry in workflow.upcoming(workflow.UPCOMING_DAYS):
        opts = entry["item"]._meta
        if user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        ):
            entry["url"] = change_url(type(entry["item"]), entry["item"].pk)
            entries.append(entry)
    return {"entries": entries, "time_zone_name": settings.TIME_ZONE}
