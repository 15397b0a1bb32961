"""A cap on the size of request bodies, by route.

Django caps the form fields it keeps in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but writes every file part
of a multipart body to disk before any view can refuse it, whatever the form expects. Only the admin
takes files (covers, PDFs); every other route (the newsletter form, the language switch) takes a few
fields, so anything larger is refused before it is read. The proxy in front enforces the same limits
(docs/deployment.md); this is the same rule where the proxy is missing or differently configured.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext


def body_limit(path):
    """The largest body accepted for a path inside the site."""
    if path.startswith("/admin/"):
        return settings.ADMIN_REQUEST_BODY_MAX_SIZE
    return settings.PUBLIC_REQUEST_BODY_MAX_SIZE


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # A body without Content-Length (chunked) reaches Django as an empty one: nothing is read.
        if length > body_limit(request.path_info):
            return HttpResponse(
                gettext("This request is too large."),
                status=413,
                content_type="text/plain; charset=utf-8",
                headers={"Connection": "close"},
            )
        return self.get_response(request)
