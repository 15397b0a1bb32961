from django.urls import path

from enrolment import views

app_name = "enrolment"

urlpatterns = [
    path("trainings/<slug:slug>/register/", views.TrainingRegisterView.as_view(), name="register_training"),
    path("events/<slug:slug>/register/", views.EventRegisterView.as_view(), name="register_event"),
    path("registration/sent/", views.RequestedView.as_view(), name="requested"),
    path("registration/confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("registration/cancel/<str:token>/", views.CancelView.as_view(), name="cancel"),
]
