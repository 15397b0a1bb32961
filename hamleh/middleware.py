import base64
import hashlib
import re
import time

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from hamleh.cache import content_version, page_timeout

# Public pages need no inline script and no third-party origin at all.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        " ".join(filter(None, ["img-src 'self' data:", settings.MEDIA_ORIGIN])),
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
_INLINE_SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.DOTALL)


def csp_hash(source):
    """The CSP source expression that allows exactly this inline script text."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def prose_editor_importmap_hash():
    """The hash of the `<script type="importmap">` the rich-text editor puts in admin forms
    (rendered here exactly as the widget renders it), so the admin allows that one script."""
    from hamleh.admin import PROSE_EDITOR_CONFIG
    from hamleh.admin import AdminProseEditorWidget as Widget

    rendered = "".join(Widget(config=PROSE_EDITOR_CONFIG, preset="configurable").media.render_importmap())
    return " ".join(csp_hash(script) for script in _INLINE_SCRIPT.findall(rendered))


def admin_csp():
    """The public policy plus the editor's import map by hash and inline styles (the admin's
    templates, widgets and editor set style attributes)."""
    return PUBLIC_CSP.replace("script-src 'self'", f"script-src 'self' {prose_editor_importmap_hash()}").replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    )


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: CSP, CORP and a closed Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"
        self.admin_csp = admin_csp()

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(self.admin_prefix)
        response.headers.setdefault("Content-Security-Policy", self.admin_csp if is_admin else PUBLIC_CSP)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        if not settings.DEBUG:
            response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class PublicPageCacheMixin:
    """Decides which requests may use the shared page cache.

    Only anonymous GET/HEAD requests to public pages qualify: a request with a
    session or a pending message may see something personal, and the admin is
    never cached. The decision reads cookies only, so a cache hit runs no query.
    """

    PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(("/admin/", "/healthz"))
            and not any(name in request.COOKIES for name in self.PERSONAL_COOKIES)
        )


class FetchPublicPageMiddleware(PublicPageCacheMixin, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not self.is_cacheable_request(request):
            request._cache_update_cache = False
            return None
        request.public_cache_prefix = f"public.{content_version()}"
        self.key_prefix = request.public_cache_prefix
        return super().process_request(request)


class UpdatePublicPageMiddleware(PublicPageCacheMixin, UpdateCacheMiddleware):
    def process_response(self, request, response):
        if not getattr(request, "_cache_update_cache", False):
            return response
        if request.META.get("CSRF_COOKIE_USED") or response.has_header("Set-Cookie") or response.cookies:
            # A page carrying a CSRF token or setting a cookie is personal.
            request._cache_update_cache = False
            return response
        self.key_prefix = request.public_cache_prefix
        self.cache_timeout = page_timeout()
        if self.cache_timeout <= 0:
            return response
        # Browsers and a CDN in front keep a page only briefly, since they cannot be
        # told of an edit; the shared cache keeps it until the content changes.
        browser_seconds = min(settings.PUBLIC_BROWSER_CACHE_SECONDS, self.cache_timeout)
        patch_cache_control(response, public=True, max_age=browser_seconds)
        response.headers["Expires"] = http_date(time.time() + browser_seconds)
        return super().process_response(request, response)
