from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from syndication.sitemaps import SITEMAPS
from uploads.views import serve_media
from website import views

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("covers/<slug:version>/<slug:section>/<slug:palette>/<int:variant>.svg", views.cover_svg, name="cover_svg"),
    path("admin/workflow/", include("editorial.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("website.urls")),
    path("", include("search.urls")),
    path("", include("report.urls")),
    path("", include("publications.urls")),
    path("", include("campaigns.urls")),
    path("", include("trainings.urls")),
    path("", include("enrolment.urls")),
    path("", include("syndication.urls")),
    path("newsletter/", include("newsletter.urls")),
    # Last: the organisation's pages answer whatever first segment nothing above claims (pages.reserved).
    path("", include("pages.urls")),
    prefix_default_language=True,
)

if settings.HAMLEH_BENCH:
    urlpatterns += [path("bench/minimal", views.minimal, name="bench_minimal")]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve_media)]

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
