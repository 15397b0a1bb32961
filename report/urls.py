from django.urls import path

from report.views import ImpactView

app_name = "report"

urlpatterns = [path("impact/", ImpactView.as_view(), name="impact")]
