from django.conf import settings


def site(request):
    """The site's public address; the organisation's name, logo and contacts come from
    `identity.context_processors.site_identity`."""
    return {"SITE_URL": settings.SITE_URL}
