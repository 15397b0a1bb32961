"""An item's address is what `reverse` gives, in every language and under a script prefix, though the
part around the slug is reversed only once per language."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from content.sections import SECTIONS

SLUGS = ["digital-rights-2024", "a", "under_score-9"]


@pytest.mark.parametrize("language", ["ar", "en", "he"])
@pytest.mark.parametrize("section", SECTIONS, ids=lambda section: section.name)
def test_the_address_is_the_reversed_one(section, language):
    with translation.override(language):
        for slug in SLUGS:
            assert section.detail_url(slug) == reverse(section.detail_url_name, kwargs={"slug": slug})
        assert section.detail_url(SLUGS[0]).startswith(f"/{language}/{section.name}/")


def test_the_address_follows_the_script_prefix():
    section = SECTIONS[0]
    try:
        set_script_prefix("/hamleh/")
        with translation.override("en"):
            assert section.detail_url("a-report") == f"/hamleh/en/{section.name}/a-report/"
    finally:
        clear_script_prefix()
    with translation.override("en"):
        assert section.detail_url("a-report") == f"/en/{section.name}/a-report/"


@pytest.mark.parametrize("slug", ["", "has space", "عربي", "a/b"])
def test_a_slug_the_converter_refuses_is_refused(slug):
    with translation.override("ar"), pytest.raises(NoReverseMatch):
        SECTIONS[0].detail_url(slug)
