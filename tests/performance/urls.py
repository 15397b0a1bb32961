"""The site's URLs plus one public page that carries a CSRF token (a form), for the cache tests."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from hamleh.urls import handler404, handler500  # noqa: F401
from hamleh.urls import urlpatterns as site_urlpatterns

rendered = []


def form_page(request):
    rendered.append(request.path)
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


# First: the site's last patterns take any first segment (the organisation's pages, pages.urls).
urlpatterns = [*i18n_patterns(path("form-probe/", form_page), prefix_default_language=True), *site_urlpatterns]
