"""The site's URLs plus uploaded media, which a production proxy or object store serves."""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from hamleh.urls import handler404, handler500  # noqa: F401
from hamleh.urls import urlpatterns as site_urlpatterns

urlpatterns = [*site_urlpatterns, path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
