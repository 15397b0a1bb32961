"""The demo's pages answer in every language, linked from the header or the footer."""

import io
import re

import pytest
from django.core.management import call_command

from pages.models import MenuItem, Page, TeamMember

pytestmark = pytest.mark.django_db

SLUGS = ["about", "team", "partners", "contact", "press", "support"]
DIRECTIONS = {"ar": "rtl", "en": "ltr", "he": "rtl"}


@pytest.fixture
def demo():
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())


def test_the_pages_answer_in_every_language_and_are_linked(client, demo):
    for language, direction in DIRECTIONS.items():
        home = client.get(f"/{language}/").content.decode()
        for slug in SLUGS:
            url = f"/{language}/{slug}/"
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert f'<html lang="{language}" dir="{direction}">' in html
            assert re.search(rf'<nav class="page-menu[^"]*"[^>]*>.*?href="{url}"', home, re.S), url
            page = Page.objects.get(slug=slug)
            assert getattr(page, f"title_{language}"), (slug, language)
            assert getattr(page, f"body_{language}"), (slug, language)


def test_the_demo_team_has_board_and_staff_in_three_languages(demo):
    for group in TeamMember.Group.values:
        members = TeamMember.objects.filter(group=group)
        assert members.count() >= 2
        for member in members:
            assert member.name_ar and member.name_en and member.name_he
            assert member.role_he and member.bio_en
    for language in ("ar", "en", "he"):
        assert MenuItem.objects.filter(language=language, location="header").exists()
        assert MenuItem.objects.filter(language=language, location="footer").count() == len(SLUGS)


def test_loading_again_changes_nothing(demo):
    before = (Page.objects.count(), TeamMember.objects.count(), MenuItem.objects.count())
    stamps = list(Page.objects.values_list("updated_at", flat=True))
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())
    assert (Page.objects.count(), TeamMember.objects.count(), MenuItem.objects.count()) == before
    assert list(Page.objects.values_list("updated_at", flat=True)) == stamps
