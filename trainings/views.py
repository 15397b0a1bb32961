from content.views import PublicDetailView, PublicListView
from trainings.filters import EventFilter, TrainingFilter
from trainings.models import Event, Training


class TrainingListView(PublicListView):
    model = Training
    filterset_class = TrainingFilter


class TrainingDetailView(PublicDetailView):
    model = Training


class EventListView(PublicListView):
    model = Event
    filterset_class = EventFilter


class EventDetailView(PublicDetailView):
    model = Event
