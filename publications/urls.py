from django.urls import path

from publications import views

app_name = "publications"

urlpatterns = [
    path("publications/", views.PublicationListView.as_view(), name="publication_list"),
    path("publications/<slug:slug>/", views.PublicationDetailView.as_view(), name="publication_detail"),
    # Two segments after the section, where a publication's address has one: no publication slug can reach it.
    path("publications/series/<slug:slug>/", views.SeriesDetailView.as_view(), name="series_detail"),
    path(
        "publications/<slug:slug>/download/<str:file_language>/",
        views.PublicationDownloadView.as_view(),
        name="publication_download",
    ),
    path("news/", views.ArticleListView.as_view(), name="article_list"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
