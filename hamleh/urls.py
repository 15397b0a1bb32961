from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from hamleh import views
from hamleh.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/workflow/", include("hamleh.urls_workflow")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("hamleh.urls_public")),
    path("", include("publications.urls")),
    path("", include("campaigns.urls")),
    path("", include("trainings.urls")),
    path("", include("hamleh.urls_feeds")),
    path("newsletter/", include("newsletter.urls")),
    prefix_default_language=True,
)

if settings.HAMLEH_BENCH:
    from hamleh.bench_views import minimal

    urlpatterns += [path("bench/minimal", minimal, name="bench_minimal")]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "hamleh.views.page_not_found"
handler500 = "hamleh.views.server_error"
