import django_filters
from django.utils.translation import gettext_lazy as _

from content.filters import PublicFilterSet
from trainings.models import Event, Training


class TrainingFilter(PublicFilterSet):
    year_field = "start_date"

    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=Training.Format.choices, empty_label=_("All formats")
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), choices=Training.Audience.choices, empty_label=_("All audiences")
    )
    mode = django_filters.ChoiceFilter(label=_("Mode"), choices=Training.Mode.choices, empty_label=_("Any mode"))

    class Meta(PublicFilterSet.Meta):
        model = Training
        fields = ["format", "audience", "mode", "topic", "year"]


class EventFilter(PublicFilterSet):
    year_field = "starts_at"

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds"))
    role = django_filters.ChoiceFilter(label=_("Our role"), choices=Event.Role.choices, empty_label=_("Any role"))
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        empty_label=_("Upcoming and past"),
        method="filter_when",
    )

    class Meta(PublicFilterSet.Meta):
        model = Event
        fields = ["kind", "role", "when", "topic", "year"]

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()
