"""A campaign's call to action: a page of this site (shown in the page's language) or a web address."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from campaigns.fields import SiteOrWebURLFormField, validate_site_or_web_url
from campaigns.models import Campaign
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["/support/", "/publications/hashtag-palestine-2020/", "https://example.org/a", ""])
def test_a_site_path_or_a_web_address_is_accepted(value):
    validate_site_or_web_url(value)


@pytest.mark.parametrize(
    "value",
    [
        "//evil.example/",  # scheme-relative: another site
        "/\\evil.example/",  # browsers read the backslash as a slash
        "/\t/evil.example/",  # browsers drop the tab
        "/ar/support/",  # the language follows the page
        "javascript:alert(1)",
        "data:text/html,x",
        "support/",
    ],
)
def test_anything_else_is_refused(value):
    with pytest.raises(ValidationError):
        validate_site_or_web_url(value)


def test_the_form_keeps_a_path_and_completes_an_address():
    field = SiteOrWebURLFormField(required=False)
    assert field.clean("/support/") == "/support/"
    assert field.clean("example.org/act") == "https://example.org/act"
    with pytest.raises(ValidationError):
        field.clean("/ar/contact/")


@pytest.mark.parametrize("value", ["//evil.example/", "/\\evil.example", "javascript:alert(1)", "/a b"])
def test_the_database_refuses_a_link_that_leaves_the_site_unseen(value):
    campaign = make_campaign()
    with pytest.raises(IntegrityError), transaction.atomic():
        Campaign.objects.filter(pk=campaign.pk).update(cta_url=value)


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "/ar/support/"), ("en", "/en/support/"), ("he", "/he/support/")]
)
def test_a_site_path_is_shown_in_the_page_language(client, language, expected):
    campaign = make_campaign(cta_url="/support/", cta_label_ar="ادعموا الحملة", cta_label_en="Support the campaign")
    with translation.override(language):
        url = campaign.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'<a class="button" href="{expected}">' in html  # our own page: no rel="noopener"


def test_an_outside_address_stays_as_it_is(client):
    campaign = make_campaign(cta_url="https://example.org/act")
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert '<a class="button" href="https://example.org/act" rel="noopener">' in html


def test_the_site_path_follows_the_script_prefix(settings):
    from django.urls import clear_script_prefix, set_script_prefix

    campaign = make_campaign(cta_url="/contact/")
    set_script_prefix("/hamleh/")
    try:
        with translation.override("he"):
            assert campaign.cta_href == "/hamleh/he/contact/"
    finally:
        clear_script_prefix()
    assert reverse("report:impact").startswith("/ar/")
