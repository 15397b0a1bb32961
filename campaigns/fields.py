"""A link that is either a page of this site (a path without the language) or a web address."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Characters that browsers drop from a URL or read as a slash: "/\evil.org" and "/<tab>/evil.org" lead off the
# site as "//evil.org" would.
UNSAFE_IN_PATH = ("\\", "\t", "\n", "\r", " ")


def is_site_path(value):
    return value.startswith("/")


def validate_site_or_web_url(value):
    if not value:
        return
    if not is_site_path(value):
        URLValidator(schemes=["http", "https"], message=_("Enter a web address or a path of this site."))(value)
        return
    if value.startswith("//") or any(char in value for char in UNSAFE_IN_PATH):
        raise ValidationError(
            _("A path of this site starts with a single slash and has no spaces or backslashes."), code="invalid"
        )
    first = value.split("/", 2)[1]
    if first in dict(settings.LANGUAGES):
        raise ValidationError(
            _("Leave the language out of the path (for example /support/, not /ar/support/): it follows the page's."),
            code="language",
        )


def constraint_site_or_web_url(field, name):
    """The database keeps the fact: empty, a web address, or a path of this site that cannot lead off it."""
    path = Q(**{f"{field}__startswith": "/"}) & ~Q(**{f"{field}__startswith": "//"})
    for char in UNSAFE_IN_PATH:
        path &= ~Q(**{f"{field}__contains": char})
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "https://"})
        | Q(**{f"{field}__istartswith": "http://"})
        | path,
        name=name,
        violation_error_message=_("Only web addresses (https://…) or paths of this site (/…) are allowed."),
    )


def localized_href(value, language=None):
    """The address to put in a link: a site path gets the page's language (`/support/` → `/ar/support/`)."""
    if not value or not is_site_path(value):
        return value
    return f"{get_script_prefix()}{language or get_language()}{value}"


class SiteOrWebURLFormField(forms.URLField):
    """Like the URL field (an address typed without a scheme becomes https://…), but a path is kept as it is."""

    default_validators = []

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)

    def to_python(self, value):
        value = forms.CharField.to_python(self, value)
        if value and is_site_path(value):
            return value
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        validate_site_or_web_url(value)


class SiteOrWebURLField(models.CharField):
    default_validators = [validate_site_or_web_url]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SiteOrWebURLFormField, **kwargs})
