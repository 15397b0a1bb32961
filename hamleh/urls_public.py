from django.urls import path

from hamleh import views
from hamleh.report.views import ImpactView

app_name = "hamleh"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("impact/", ImpactView.as_view(), name="impact"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
