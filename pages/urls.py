"""The organisation's pages. Included LAST under the language prefix: these patterns take any first
segment nothing else claims, and `pages.reserved` keeps pages off the segments others use."""

from django.urls import path

from pages import views

app_name = "pages"

urlpatterns = [
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page_detail"),
    path("<slug:parent>/<slug:slug>/", views.PageDetailView.as_view(), name="child_page_detail"),
]
