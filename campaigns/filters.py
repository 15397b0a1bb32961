import django_filters
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Organization
from content.filters import PublicFilterSet


class CampaignFilter(PublicFilterSet):
    year_field = "start_date"

    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=Campaign.Scope.choices, empty_label=_("All scopes"))
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[("ongoing", _("Ongoing")), ("concluded", _("Concluded"))],
        empty_label=_("Ongoing and concluded"),
        method="filter_state",
    )
    target = django_filters.ModelChoiceFilter(
        label=_("Targeted organisation"),
        field_name="targets",
        to_field_name="slug",
        queryset=Organization.objects.filter(kind=Organization.Kind.COMPANY),
        empty_label=_("Any organisation"),
        distinct=True,
    )

    class Meta(PublicFilterSet.Meta):
        model = Campaign
        fields = ["scope", "state", "target", "topic", "year"]

    def filter_state(self, queryset, name, value):
        return queryset.ongoing() if value == "ongoing" else queryset.concluded()
