import base64
import hashlib
import re

# Public pages need no inline script, no inline style and no third-party origin at all.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
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
    """The hash of the `<script type="importmap">` the rich-text editor puts in admin forms.

    The import map is the only inline script of the admin. It is rendered here
    exactly as the editor widget renders it (the static URLs it names are final
    once the app starts), so the admin allows that one script and no other.
    """
    from hamleh.admin import PROSE_EDITOR_CONFIG
    from hamleh.admin import AdminProseEditorWidget as Widget

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
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
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
        is_admin = request.path.startswith(self.admin_prefix)
        response.headers.setdefault("Content-Security-Policy", self.admin_csp if is_admin else PUBLIC_CSP)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response
