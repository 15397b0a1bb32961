"""The media folder served by Django itself (DJANGO_SERVE_MEDIA, or DEBUG)."""

from django.conf import settings
from django.views.static import serve


def serve_media(request, path):
    """A stored file as it is, PDFs as downloads: a PDF opened in the site's origin could run its
    scripts or forms against it, so it is never shown inline (the proxy and the bucket do the same)."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if path.lower().endswith(".pdf"):
        response["Content-Disposition"] = "attachment"
    return response
