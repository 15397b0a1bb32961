from django.urls import path

from trainings import views

app_name = "trainings"

urlpatterns = [
    path("trainings/", views.TrainingListView.as_view(), name="training_list"),
    path("trainings/<slug:slug>/", views.TrainingDetailView.as_view(), name="training_detail"),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
