import base64
import hashlib
import re
import time

from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_max_age, learn_cache_key, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from website.page_cache import page_key_prefix, page_timeout
from website.stylesheet import site_stylesheet
from website.views import page_not_found, server_error


def csp_hash(source):
    """The CSP source expression that allows exactly this inline script or style text."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


# Public pages need no inline script, no inline style but the site's stylesheet, and no third-party origin at all.
PUBLIC_STYLE_SRC = f"style-src 'self' {csp_hash(site_stylesheet())}"
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        PUBLIC_STYLE_SRC,
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


def prose_editor_importmap_hash():
    """The hash of the `<script type="importmap">` the rich-text editor puts in admin forms.

    The import map is the only inline script of the admin. It is rendered here
    exactly as the editor widget renders it (the static URLs it names are final
    once the app starts), so the admin allows that one script and no other.
    """
    from editorial.admin import PROSE_EDITOR_CONFIG
    from editorial.admin import AdminProseEditorWidget as Widget

    rendered = "".join(Widget(config=PROSE_EDITOR_CONFIG, preset="configurable").media.render_importmap())
    return " ".join(csp_hash(script) for script in _INLINE_SCRIPT.findall(rendered))


def admin_csp():
    """The admin's policy: the public one with two exceptions, both as narrow as they can be.

    - script-src also allows the editor's import map by its sha256 hash (not
      'unsafe-inline'): an injected inline script still cannot run.
    - style-src needs 'unsafe-inline': Django's admin templates, its widgets and
      the rich-text editor set style="" attributes. Styles cannot run code.
    """
    return PUBLIC_CSP.replace("script-src 'self'", f"script-src 'self' {prose_editor_importmap_hash()}").replace(
        PUBLIC_STYLE_SRC, "style-src 'self' 'unsafe-inline'"
    )


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: CSP, CORP, COOP and a closed Permissions-Policy.

    The admin policy is computed once, when the middleware is built at start-up.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"
        self.admin_csp = admin_csp()

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path_info.startswith(self.admin_prefix)
        response.headers.setdefault("Content-Security-Policy", self.admin_csp if is_admin else PUBLIC_CSP)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class SiteErrorPagesMiddleware:
    """In debug mode, public pages that end in a 404 or a 500 show the site's own error pages instead of
    Django's debug pages (`DJANGO_DEBUG_SITE_ERROR_PAGES`, on under `make demo`); the admin keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            return response
        if response.status_code == 404:
            return page_not_found(request)
        if response.status_code == 500:
            return server_error(request)
        return response


# What compresses well: pages, feeds and the like. Downloads (PDFs, images) are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    """Pages and feeds gzipped (a page of 40 KB is 8 KB on a slow link), whatever serves the site.

    Placed inside the page cache, so the shared cache keeps the compressed copy (keyed by
    Accept-Encoding) and a hit costs no compression. Django's middleware adds random bytes
    to each response against BREACH. Downloads pass untouched: compressing a PDF gains
    nothing and would take away its length and byte ranges.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


class PublicPageCacheMixin:
    """Decides which requests may use the shared page cache.

    Only anonymous GET/HEAD requests to public pages qualify: a request with a
    session or a pending message may see something personal, and the admin is
    never cached. The decision reads cookies only, so a cache hit runs no query.
    """

    PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
    # Under a language prefix a page depends on its URL alone for a visitor without a
    # personal cookie; elsewhere (`/` redirects by Accept-Language and the language
    # cookie) the cookies stay part of the key.
    LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path_info.startswith(("/admin/", "/healthz"))
            and not any(name in request.COOKIES for name in self.PERSONAL_COOKIES)
        )

    def ignores_cookies(self, request):
        return request.path_info.startswith(self.LANGUAGE_PREFIXES)


def forbids_shared_copy(response):
    """The view itself said no (never_cache, cache_control(private=True), no-store)."""
    directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    return bool(directives & {"private", "no-store", "no-cache"})


def keep_private(response):
    """A personal response: browsers may keep it, a CDN or proxy in front may not."""
    if not forbids_shared_copy(response):
        patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))


class FetchPublicPageMiddleware(PublicPageCacheMixin, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not self.is_cacheable_request(request):
            request._cache_update_cache = False
            request.public_cache = "bypass"
            return None
        if settings.PUBLIC_CACHE_SECONDS <= 0:
            request._cache_update_cache = False
            request.public_cache = "off"
            return None
        # The key names the content version and the next scheduled publication: once that
        # moment passes, every page rendered before it is out of reach, whatever the cache
        # backend's own clock says about expiry.
        request.public_cache_prefix, request.public_cache_due = page_key_prefix()
        self.key_prefix = request.public_cache_prefix
        response = super().process_request(request)
        request.public_cache = "miss" if response is None else "hit"
        if response is not None:
            # The stored copy may be minutes old: browsers and a CDN get their short lifetime from now.
            max_age = get_max_age(response)
            if max_age is not None:
                response.headers["Expires"] = http_date(time.time() + max_age)
            if self.ignores_cookies(request):
                patch_vary_headers(response, ("Cookie",))
        return response


def without_language_headers(response):
    """A response that is the same in every language (a generated cover) loses what LocaleMiddleware adds,
    so a shared cache keeps one copy of it, not one per browser language."""
    if "Content-Language" in response:
        del response["Content-Language"]
    kept = [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]
    kept = [name for name in kept if name.lower() != "accept-language"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
    return response


class UpdatePublicPageMiddleware(PublicPageCacheMixin, UpdateCacheMiddleware):
    def process_response(self, request, response):
        state = getattr(request, "public_cache", None)
        if "immutable" in response.get("Cache-Control", ""):
            # Never changes at its address and depends on no cookie (a generated cover): it keeps the
            # view's own lifetime, and is cheaper to draw again than to store.
            request._cache_update_cache = False
            return without_language_headers(response)
        if state == "bypass":
            keep_private(response)
            return response
        if state != "miss" or not getattr(request, "_cache_update_cache", False):
            return response
        if forbids_shared_copy(response):
            request._cache_update_cache = False
            return response
        if request.META.get("CSRF_COOKIE_USED") or response.has_header("Set-Cookie") or response.cookies:
            # A page carrying a CSRF token or setting a cookie is personal.
            request._cache_update_cache = False
            keep_private(response)
            return response
        self.key_prefix = request.public_cache_prefix
        self.cache_timeout = page_timeout(request.public_cache_due)
        if self.cache_timeout <= 0:
            return response
        # Browsers and a CDN in front keep a page only briefly, since they cannot be
        # told of an edit; the shared cache keeps it until the content changes.
        browser_seconds = min(settings.PUBLIC_BROWSER_CACHE_SECONDS, self.cache_timeout)
        patch_cache_control(response, public=True, max_age=browser_seconds)
        response.headers["Expires"] = http_date(time.time() + browser_seconds)
        if response.streaming or response.status_code != 200:
            return response
        # Stored for the page's own lifetime (until the content changes or the next scheduled
        # publication), not for the browsers' max-age; Django's UpdateCacheMiddleware would take that.
        # The shared cache is keyed without the cookies (only cookie-free visitors read it), while a
        # CDN in front is told the page differs for a visitor who has a session.
        ignores_cookies = self.ignores_cookies(request)
        if ignores_cookies:
            remove_vary_header(response, "Cookie")
        cache_key = learn_cache_key(request, response, self.cache_timeout, self.key_prefix, cache=self.cache)
        self.cache.set(cache_key, response, self.cache_timeout)
        if ignores_cookies:
            patch_vary_headers(response, ("Cookie",))
        return response


def remove_vary_header(response, name):
    if not response.has_header("Vary"):
        return
    kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != name.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
