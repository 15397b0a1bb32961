from django.conf import settings


def site(request):
    return {"SITE_URL": settings.SITE_URL, "SITE_LOGO": settings.SITE_LOGO}
