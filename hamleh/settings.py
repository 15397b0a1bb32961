"""Settings for Hamleh, read from environment variables with safe defaults.

Every variable is listed in `.env.example`. With nothing set the site runs on a
SQLite file and a local media folder; production sets DATABASE_URL and the rest.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# Commands that sign nothing (makemigrations, compilemessages…) run without a key; serving refuses to start
# without one (hamleh/wsgi.py), and `manage.py check --deploy` fails (website/checks.py), naming the variable.
SECRET_KEY_MISSING = (
    "DJANGO_SECRET_KEY is not set. Set it to a long random value, or set DJANGO_DEBUG=1 for local development."
    if not SECRET_KEY and not DEBUG
    else ""
)
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-on"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes win.
    "modeltranslation",
    # The admin site requires a verified second factor (editorial.admin_site).
    "editorial.admin_apps.HamlehAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # full-text search and trigram lookups; inert on SQLite
    "django_filters",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # The project's apps, each importing only from those above it.
    "uploads",
    "safeguards",
    "content",
    "identity",
    "search",
    "editorial",
    "publications",
    "campaigns",
    "trainings",
    "enrolment",
    "pages",
    "syndication",
    "report",
    "newsletter",
    "website",
    "demo",
    "backups",
]

MIDDLEWARE = [
    # Outermost: answers If-None-Match / If-Modified-Since with 304, cached pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    "website.middleware.UpdatePublicPageMiddleware",
    # Inside the page cache: the cache keeps compressed copies.
    "website.middleware.TextGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a body: too large a one is refused unread.
    "uploads.limits.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "editorial.staff_security.KnownBrowserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.SecurityHeadersMiddleware",
    # Near the end, as django-axes requires: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
    # Last: a cache hit returns before any view or query runs.
    "website.middleware.FetchPublicPageMiddleware",
]

ROOT_URLCONF = "hamleh.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
                "identity.context_processors.site_identity",
            ],
        },
    },
]

WSGI_APPLICATION = "hamleh.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# The public indexes carry the item's id (INCLUDE) so that PostgreSQL counts a filtered list from indexes
# alone; SQLite builds the same indexes without that column, which is all it needs, and Django warns.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
# An optional read replica: public reads go there, writes and a visitor's reads right after
# their own write stay on the primary (hamleh/db_router.py, docs/deployment.md).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
DATABASE_PRIMARY_STICKY_SECONDS = int(os.environ.get("DATABASE_PRIMARY_STICKY_SECONDS", "15"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    # Tests run against one database: the replica alias then reads the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["hamleh.db_router.PrimaryReplicaRouter"]
    # Before the page cache, so everything after it knows which database it may read.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("website.middleware.UpdatePublicPageMiddleware") + 1,
        "hamleh.db_router.PrimaryAfterWriteMiddleware",
    )
# The organisation's logo in the header and in structured data: a static file (an SVG drawn for the site).
SITE_LOGO = os.environ.get("DJANGO_SITE_LOGO", "hamleh/logo.svg")
# `make demo`: debug mode, but a missing page or a crash on the public site answers with the site's own
# 404 and 500 pages, as visitors see them (the traceback still goes to the console).
DEBUG_SITE_ERROR_PAGES = DEBUG and env_bool("DJANGO_DEBUG_SITE_ERROR_PAGES", False)
if DEBUG_SITE_ERROR_PAGES:
    MIDDLEWARE.append("website.middleware.SiteErrorPagesMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Anonymous public pages and feeds are kept this long in the shared cache at most
# (any content change expires them at once); browsers and CDNs keep them briefly.
PUBLIC_CACHE_SECONDS = int(os.environ.get("DJANGO_PUBLIC_CACHE_SECONDS", "600"))
PUBLIC_BROWSER_CACHE_SECONDS = int(os.environ.get("DJANGO_PUBLIC_BROWSER_CACHE_SECONDS", "60"))
CACHE_MIDDLEWARE_SECONDS = PUBLIC_CACHE_SECONDS
# Public lists show at most this many pages (older items through the filters): no deep OFFSET scans.
PUBLIC_LIST_MAX_PAGES = int(os.environ.get("DJANGO_PUBLIC_LIST_MAX_PAGES", "50"))
# The activity report pages list at most this many records per list, then "and N more": a page
# that costs the same however much the period holds. The CSV export and the command list everything.
REPORT_LIST_LIMIT = int(os.environ.get("DJANGO_REPORT_LIST_LIMIT", "20"))
# Benchmark only (`make bench`): serves /bench/minimal, the ceiling pages are measured against.
HAMLEH_BENCH = env_bool("HAMLEH_BENCH", False)
# One cache for the whole site: the shared page cache and the content version its pages are keyed by
# (`content.changes`). Every worker must see the same one, or an edit would reach some workers only:
# Redis when REDIS_URL is set (required with several servers), else a folder on the local disk, which all the
# workers of one server share.
if os.environ.get("DJANGO_CACHE") == "off":  # no cache at all: only to measure a render from scratch
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_CACHE_MAX_ENTRIES", "3000"))},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts. Login throttling by django-axes: 5 failures for the same
# username from the same address lock that pair for 15 minutes, then it unlocks
# by itself; 5 failures for a username from anywhere lock it for 15 minutes too,
# except in browsers that person has signed in from before
# (editorial.staff_security.lockout_parameters). The records of failed attempts
# (username, address, time) are deleted once the cool-off has passed; successful
# logins are not logged.
AUTHENTICATION_BACKENDS = [
    "editorial.staff_security.LoginThrottlingBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = "editorial.staff_security.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a locked pair unlocks 15 minutes after locking, whatever comes
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "otp_token"]
AXES_CLIENT_IP_CALLABLE = "safeguards.client.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Two-factor login (django-otp): a TOTP app, or a single-use recovery code.
OTP_TOTP_ISSUER = os.environ.get("DJANGO_OTP_ISSUER", "Hamleh")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Staff sign in only to the admin: after a sign-in whose `next` was refused, and for login_required pages.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Languages: Arabic first and the fallback of every translated field.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English")), ("he", _("Hebrew"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats Django's own locales lack (Arabic has no date-and-time format: it fell back to English order).
FORMAT_MODULE_PATH = ["hamleh.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Jerusalem"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en", "he")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)
# jQuery UI is served from our own static files: no request leaves the site.
# (modeltranslation reads these two names without a prefix; the default is a CDN.)
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

# Relative, so that Django puts the path the site is served under in front (SCRIPT_NAME, see
# docs/deployment.md): /static/ at the root, /hamleh/static/ under /hamleh/.
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Media on the local disk by default; S3-compatible storage is a configuration
# change (DJANGO_MEDIA_STORAGE=s3 plus the AWS_* variables, django-storages).
_media_backend = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
}
if os.environ.get("DJANGO_MEDIA_STORAGE") == "s3":
    _media_backend = {
        "BACKEND": "uploads.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Never overwrite: a replaced cover keeps its old key until the commit removes it.
            "file_overwrite": False,
        },
    }
# The origin media is served from when it is not this site (S3 bucket or CDN,
# e.g. https://media.example.org): public pages' CSP allows images from it.
MEDIA_ORIGIN = os.environ.get("DJANGO_MEDIA_ORIGIN", "").rstrip("/")
# Uploads served by Django itself (small sites without a proxy or object store, and audits).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
STORAGES = {
    "default": _media_backend,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and not env_bool("DJANGO_TESTING")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Uploads: large PDFs are streamed to disk, not held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Whole request bodies (uploads.limits): files only in the admin (a 50 MB PDF and the form around it);
# every public form is a few fields. The proxy's client_max_body_size says the same (docs/deployment.md).
ADMIN_REQUEST_BODY_MAX_SIZE = 60 * 1024 * 1024
PUBLIC_REQUEST_BODY_MAX_SIZE = 64 * 1024

# Security. Production runs behind a proxy that terminates TLS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# DJANGO_BEHIND_PROXY=1 only when a proxy that overwrites X-Forwarded-Proto and
# X-Forwarded-For stands in front (never when clients reach gunicorn directly).
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
# How many proxies stand in front: the outermost sets X-Forwarded-For, each other one appends
# to it (docs/deployment.md); the client address is the entry this far from the end.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "1"))
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# Preload: browsers that have never visited still refuse plain HTTP (no first-visit
# downgrade). The header only allows listing; submitting the domain to the preload
# list is a separate, deliberate step (docs in SECURITY.md).
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(60 * 60 * 2)))
SESSION_SAVE_EVERY_REQUEST = True  # the session expires after that long idle, not after login
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Served under a path (https://example.org/hamleh/) rather than at the root of its host: the proxy
# passes requests on without the path, and Django writes it back into every address it makes, static
# files included (docs/deployment.md). The cookies stay under that path.
_script_name = os.environ.get("DJANGO_SCRIPT_NAME", "").strip().strip("/")
FORCE_SCRIPT_NAME = f"/{_script_name}" if _script_name else None
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = LANGUAGE_COOKIE_PATH = f"{FORCE_SCRIPT_NAME or ''}/"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Hamleh <no-reply@localhost>")

# The public address, for absolute links in feeds and emails sent outside a request.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The contact form (pages app) writes to the organisation's email set in the admin (site identity); where none
# is set, to DJANGO_CONTACT_EMAIL, else to the address of DJANGO_DEFAULT_FROM_EMAIL.
CONTACT_EMAIL = os.environ.get("DJANGO_CONTACT_EMAIL", "")
CONTACT_RATE_PER_CLIENT = int(os.environ.get("DJANGO_CONTACT_RATE_PER_CLIENT", "5"))  # messages per hour

# Newsletter (see docs/newsletter.md).
NEWSLETTER_CONFIRM_MAX_AGE = int(os.environ.get("NEWSLETTER_CONFIRM_MAX_AGE", str(60 * 60 * 48)))  # seconds
# A preferences link opens the page this long (every digest brings a fresh one); unsubscribe links do not expire.
NEWSLETTER_MANAGE_MAX_AGE = int(os.environ.get("NEWSLETTER_MANAGE_MAX_AGE", str(60 * 60 * 24 * 180)))  # seconds
NEWSLETTER_RATE_WINDOW = int(os.environ.get("NEWSLETTER_RATE_WINDOW", "3600"))  # seconds
NEWSLETTER_RATE_PER_ADDRESS = int(os.environ.get("NEWSLETTER_RATE_PER_ADDRESS", "3"))
NEWSLETTER_RATE_PER_CLIENT = int(os.environ.get("NEWSLETTER_RATE_PER_CLIENT", "10"))
NEWSLETTER_DIGEST_BATCH_SIZE = int(os.environ.get("NEWSLETTER_DIGEST_BATCH_SIZE", "100"))
# Key of the address hashes of the suppression list; set it so a SECRET_KEY rotation keeps them.
NEWSLETTER_HASH_KEY = os.environ.get("NEWSLETTER_HASH_KEY", "") or SECRET_KEY

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
