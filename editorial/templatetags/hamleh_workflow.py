from django import template

from editorial import dashboard, workflow

register = template.Library()


@register.inclusion_tag("admin/editorial/includes/dashboard.html", takes_context=True)
def workflow_dashboard(context):
    """The admin's home: drafts, reviews, the schedule, translations to do, recent changes, the half-year's figures."""
    return {**dashboard.dashboard(context["request"].user), "time_zone_name": workflow.time_zone_name()}
