"""The editorial workflow's admin pages, under /admin/workflow/, behind the admin's login."""

from django.contrib import admin
from django.urls import path

from editorial.admin_workflow import ScheduleView, TranslationBoardView

app_name = "workflow"

urlpatterns = [
    path("translations/", admin.site.admin_view(TranslationBoardView.as_view()), name="translation_board"),
    path("schedule/", admin.site.admin_view(ScheduleView.as_view()), name="schedule"),
]
