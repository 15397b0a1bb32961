from django.db.models import Case, F, Q, When
from django.utils import timezone

from content.views import PublicDetailView, PublicListView
from trainings.filters import EventFilter, TrainingFilter
from trainings.models import Event, Training


def soonest_first_then_newest(queryset, is_past, date_field):
    """What is still to come, soonest first, then what is over, latest first: the order a visitor expects
    of a programme. Each item carries `is_past`, so the list can say where the past begins."""
    return queryset.annotate(is_past=Case(When(is_past, then=True), default=False)).order_by(
        "is_past",
        Case(When(~is_past, then=F(date_field))).asc(),
        Case(When(is_past, then=F(date_field))).desc(),
        "pk",
    )


class TrainingListView(PublicListView):
    model = Training
    filterset_class = TrainingFilter

    def get_queryset(self):
        today = timezone.localdate()
        finished = Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today)
        return soonest_first_then_newest(super().get_queryset(), finished, "start_date")


class TrainingDetailView(PublicDetailView):
    model = Training

    def get_queryset(self):
        return super().get_queryset().select_related("enrolment")


class EventListView(PublicListView):
    model = Event
    filterset_class = EventFilter

    def get_queryset(self):
        return soonest_first_then_newest(super().get_queryset(), Q(ends_at__lt=timezone.now()), "starts_at")


class EventDetailView(PublicDetailView):
    model = Event

    def get_queryset(self):
        return super().get_queryset().select_related("enrolment")
