"""Header and footer menus chosen by staff for each language."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.template import Context, Template
from django.utils import translation

from content.models import Status
from tests.pages.helpers import make_menu_item, make_page

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2031, 7, 27, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jerusalem"))


def menu(location, language):
    with translation.override(language):
        return Template(
            "{% load pages %}{% menu location as items %}{% for i in items %}{{ i.label }}={{ i.url }};{% endfor %}"
        ).render(Context({"location": location}))


def test_each_language_has_its_own_menus_in_order():
    about = make_page(slug="about", title_ar="من نحن", title_en="About us", title_he="מי אנחנו")
    contact = make_page(slug="contact", title_ar="تواصلوا معنا", title_en="Contact us")
    make_menu_item(contact, "header", "ar", order=2)
    make_menu_item(about, "header", "ar", order=1)
    make_menu_item(about, "header", "en", label="Who we are")
    make_menu_item(contact, "footer", "he")
    assert menu("header", "ar") == "من نحن=/ar/about/;تواصلوا معنا=/ar/contact/;"
    assert menu("header", "en") == "Who we are=/en/about/;"
    assert menu("header", "he") == ""
    # A title not yet translated falls back to Arabic.
    assert menu("footer", "he") == "تواصلوا معنا=/he/contact/;"


def test_links_to_pages_that_are_not_public_are_left_out():
    draft = make_page(slug="draft", status=Status.DRAFT)
    published_child_of_draft = make_page(slug="child", parent=draft)
    about = make_page(slug="about", title_ar="من نحن")
    history = make_page(slug="history", parent=about, title_ar="تاريخنا")
    for page in (draft, published_child_of_draft, about, history):
        make_menu_item(page, "footer", "ar")
    assert menu("footer", "ar") == "من نحن=/ar/about/;تاريخنا=/ar/about/history/;"


def test_a_menu_costs_one_query_whatever_its_length_then_none(django_assert_num_queries):
    about = make_page(slug="about")
    for number in range(8):
        make_menu_item(make_page(slug=f"p{number}", parent=about), "footer", "ar", order=number)
    with django_assert_num_queries(1):
        assert menu("footer", "ar").count(";") == 8
    # Kept in the shared cache until public content changes: the next pages read no table.
    with django_assert_num_queries(0):
        assert menu("footer", "ar").count(";") == 8
    about.title_ar = "عنّا"
    about.save()
    with django_assert_num_queries(1):
        assert menu("footer", "ar").count(";") == 8


def test_a_change_shows_at_once_and_a_scheduled_page_appears_on_time():
    about = make_page(slug="about", title_ar="من نحن")
    make_menu_item(about, "header", "ar")
    assert menu("header", "ar") == "من نحن=/ar/about/;"
    about.title_ar = "عن حملة"
    about.save()
    assert menu("header", "ar") == "عن حملة=/ar/about/;"
    forum = make_page(slug="forum", title_ar="المنتدى", publish_at=MOMENT)
    make_menu_item(forum, "header", "ar", order=5)
    with time_machine.travel(MOMENT - datetime.timedelta(seconds=1), tick=False):
        assert menu("header", "ar") == "عن حملة=/ar/about/;"
    with time_machine.travel(MOMENT, tick=False):
        assert menu("header", "ar") == "عن حملة=/ar/about/;المنتدى=/ar/forum/;"


def test_the_menus_are_in_the_header_and_footer(client):
    about = make_page(slug="about", title_ar="من نحن")
    support = make_page(slug="support", title_ar="ادعموا عملنا")
    make_menu_item(about, "header", "ar")
    make_menu_item(support, "footer", "ar")
    html = client.get("/ar/").content.decode()
    header, _sep, footer = html.partition("</header>")
    assert 'href="/ar/about/"' in header and 'href="/ar/support/"' not in header
    assert 'href="/ar/support/"' in footer


def test_a_cached_public_page_shows_a_scheduled_page_in_its_menu_when_due(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    forum = make_page(slug="forum", title_ar="المنتدى", publish_at=MOMENT)
    make_menu_item(forum, "header", "ar")
    with time_machine.travel(MOMENT - datetime.timedelta(seconds=1), tick=False):
        assert 'href="/ar/forum/"' not in client.get("/ar/").content.decode()
        assert 'href="/ar/forum/"' not in client.get("/ar/").content.decode()  # served from the cache
    with time_machine.travel(MOMENT, tick=False):
        assert 'href="/ar/forum/"' in client.get("/ar/").content.decode()


def test_a_page_lists_the_organisations_other_pages_beside_its_text(client):
    about = make_page(slug="about", title_ar="من نحن")
    team = make_page(slug="team", title_ar="فريق العمل")
    make_menu_item(about, "footer", "ar", order=1)
    make_menu_item(team, "footer", "ar", order=2)
    html = client.get("/ar/team/").content.decode()
    aside = html.partition('<nav class="page-aside"')[2].partition("</nav>")[0]
    assert aside.index('href="/ar/about/"') < aside.index('href="/ar/team/" aria-current="page"')
