"""Covers the site draws for items without an image: one motif per section, colours per topic, a
variant per item; served as same-site SVG files with strict headers; no query and no inline SVG."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.sections import SECTIONS
from tests.factories import MAKERS, make_topic
from website import covers

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
COVER_SRC = re.compile(
    r'<span class="generated-cover[^"]*"><img src="(/covers/[^"]+\.svg)" width="640" height="360" alt=""'
)


def cover_sources(html):
    return COVER_SRC.findall(html)


def queries_of(client, url):
    client.get(url)  # the first visit also fills what every page keeps (the site's identity, menus)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


# --- The address: section, topic and item ---------------------------------------------------------------


def test_the_address_differs_by_section():
    urls = {covers.cover_url(section.name, "same-slug", "privacy") for section in SECTIONS}
    assert len(urls) == len(SECTIONS)


def test_the_address_differs_by_topic():
    # Topics share the palettes: among a few topics, several colours appear, each topic always the same.
    topics = [f"topic-{index}" for index in range(12)]
    palettes = {topic: covers.palette_for("same-slug", topic) for topic in topics}
    assert len(set(palettes.values())) >= 4
    other = next(topic for topic in topics if palettes[topic] != palettes["topic-0"])
    assert covers.cover_url("news", "same-slug", other) != covers.cover_url("news", "same-slug", "topic-0")
    # The topic, not the item, sets the colours.
    assert covers.palette_for("one-item", "topic-0") == covers.palette_for("another-item", "topic-0")


def test_items_of_one_section_and_topic_vary_by_slug():
    variants = {covers.variant_for(f"item-{index}") for index in range(40)}
    assert variants == set(range(covers.VARIANTS))
    assert covers.cover_url("campaigns", "one", "privacy") == covers.cover_url("campaigns", "one", "privacy")


def test_an_item_without_topic_takes_its_colours_from_its_slug():
    palettes = {covers.palette_for(f"item-{index}") for index in range(40)}
    assert palettes == set(covers.PALETTES)


# --- The SVG file -----------------------------------------------------------------------------------------


def cover_address(section="campaigns", palette="green", variant=3, version=covers.VERSION):
    return f"/covers/{version}/{section}/{palette}/{variant}.svg"


@pytest.mark.parametrize("section", [section.name for section in SECTIONS])
@pytest.mark.parametrize("palette", list(covers.PALETTES))
def test_every_cover_is_valid_svg_with_strict_headers(client, section, palette):
    for variant in range(covers.VARIANTS):
        response = client.get(cover_address(section, palette, variant))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert "max-age=31536000" in response["Cache-Control"]
        assert "immutable" in response["Cache-Control"]
        root = ET.fromstring(response.content)  # noqa: S314 - the site's own drawing, checked here
        assert root.tag == f"{SVG}svg"
        assert (root.get("width"), root.get("height")) == ("640", "360")
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        # Shapes only: nothing that runs, styles, links, embeds or writes text.
        assert tags <= {"svg", "rect", "circle", "polyline", "polygon", "g"}
        assert b"http" not in response.content.replace(b"http://www.w3.org/2000/svg", b"")
        assert b"href" not in response.content
        assert b"style" not in response.content


def test_the_cover_keeps_its_long_lifetime_through_the_page_cache(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    for _visit in range(2):
        response = client.get(cover_address())
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_cover_is_the_same_in_every_language(client):
    response = client.get(cover_address(), HTTP_ACCEPT_LANGUAGE="he")
    assert "Content-Language" not in response
    assert "accept-language" not in response.get("Vary", "").lower()


def test_the_cover_depends_on_its_parameters_alone(client):
    first = client.get(cover_address("news", "rust", 1)).content
    assert client.get(cover_address("news", "rust", 1)).content == first
    assert client.get(cover_address("news", "rust", 2)).content != first
    assert client.get(cover_address("news", "blue", 1)).content != first
    assert client.get(cover_address("events", "rust", 1)).content != first


@pytest.mark.parametrize(
    "address",
    [
        cover_address(section="pages"),
        cover_address(section="<script>"),
        cover_address(palette="red"),
        cover_address(palette="privacy"),
        cover_address(variant=covers.VARIANTS),
        cover_address(variant=99999999999),
        cover_address(version="v0"),
        "/covers/v1/campaigns/green/-1.svg",
        "/covers/v1/campaigns/green/3.png",
        "/ar/covers/v1/campaigns/green/3.svg",
    ],
)
def test_unknown_parameters_are_not_found(client, address):
    assert client.get(address).status_code == 404


# --- In the pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("section", list(MAKERS))
def test_cards_of_items_without_cover_show_their_generated_cover(client, section):
    privacy, safety = make_topic(slug="privacy"), make_topic(slug="child-safety")
    with_topic = MAKERS[section](topics=[safety, privacy])
    without_topic = MAKERS[section]()
    model_section = with_topic.SECTION
    response = client.get(reverse(f"{SECTIONS_BY_NAME_URL[model_section]}"))
    html = response.content.decode()
    expected = {
        covers.cover_url(model_section, with_topic.slug, "child-safety"),  # the first topic by slug
        covers.cover_url(model_section, without_topic.slug),
    }
    assert set(cover_sources(html)) == expected
    assert 'loading="lazy"' in html.split(next(iter(expected)))[1].split(">")[0]


SECTIONS_BY_NAME_URL = {section.name: section.list_url_name for section in SECTIONS}


@pytest.mark.parametrize("section", list(MAKERS))
def test_a_detail_page_without_cover_shows_a_band_of_its_generated_cover(client, section):
    topic = make_topic(slug="surveillance")
    item = MAKERS[section](topics=[topic])
    html = client.get(item.get_absolute_url()).content.decode()
    url = covers.cover_url(item.SECTION, item.slug, "surveillance")
    assert f'<div class="cover cover-generated"><span class="generated-cover"><img src="{url}"' in html
    assert 'fetchpriority="high"' in html.split(url)[1].split(">")[0]


def test_the_same_item_has_the_same_cover_on_its_card_and_its_page(client):
    topics = [make_topic(slug="b-topic"), make_topic(slug="a-topic")]
    item = MAKERS["campaigns"](topics=topics)
    on_list = cover_sources(client.get(reverse("campaigns:campaign_list")).content.decode())
    on_page = cover_sources(client.get(item.get_absolute_url()).content.decode())
    on_hub = cover_sources(client.get(topics[0].get_absolute_url()).content.decode())
    on_home = cover_sources(client.get(reverse("website:home")).content.decode())
    assert on_list == on_page[:1] == on_hub == on_home[:1] == [covers.cover_url("campaigns", item.slug, "a-topic")]


def test_items_of_different_topics_get_different_colours(client):
    topics = [make_topic(slug=f"topic-{index}") for index in range(12)]
    for topic in topics:
        MAKERS["news"](topics=[topic])
    html = client.get(reverse("publications:article_list")).content.decode()
    palettes = {src.split("/")[4] for src in cover_sources(html)}
    assert palettes == {covers.palette_for("x", topic.slug) for topic in topics}
    assert len(palettes) >= 4


def test_the_sharing_image_stays_the_sites_own(client):
    item = MAKERS["campaigns"]()
    html = client.get(item.get_absolute_url()).content.decode()
    for meta in re.findall(r'<meta property="og:image"[^>]*>', html):
        assert "/covers/" not in meta


@pytest.mark.parametrize("url_name", ["website:home", "campaigns:campaign_list", "publications:article_list"])
def test_no_inline_svg_in_pages(client, url_name):
    for section in MAKERS:
        MAKERS[section](topics=[make_topic()])
    html = client.get(reverse(url_name)).content.decode()
    assert cover_sources(html)
    assert "<svg" not in html.lower()


# --- Queries: a generated cover costs none -------------------------------------------------------------------


def give_uploaded_covers(items):
    for item in items:
        type(item).objects.filter(pk=item.pk).update(
            cover_image=f"covers/2021/abc/{item.slug}.jpg", cover_width=640, cover_height=360, cover_alt_ar="غلاف"
        )


@pytest.mark.parametrize("section", list(MAKERS))
def test_a_list_of_generated_covers_costs_what_a_list_of_uploaded_ones_does(client, section):
    topics = [make_topic() for _index in range(3)]
    items = [MAKERS[section](topics=topics[: index % 4]) for index in range(6)]
    url = reverse(SECTIONS_BY_NAME_URL[items[0].SECTION])
    generated, html = queries_of(client, url)
    assert len(cover_sources(html)) == 6
    give_uploaded_covers(items)
    uploaded, html = queries_of(client, url)
    assert not cover_sources(html)
    assert generated == uploaded


def test_home_hub_and_detail_cost_the_same_with_generated_covers(client):
    topic = make_topic()
    items = [MAKERS[section](topics=[topic]) for section in MAKERS for _index in range(2)]
    pages = [reverse("website:home"), topic.get_absolute_url(), items[0].get_absolute_url()]
    generated = [queries_of(client, url)[0] for url in pages]
    give_uploaded_covers(items)
    assert [queries_of(client, url)[0] for url in pages] == generated


# --- The demo: campaigns side by side do not all look alike ------------------------------------------------


def test_the_demo_campaigns_have_distinct_covers():
    from demo import content, loading

    slugs = [data["slug"] for data in content.CAMPAIGNS]
    descriptions = [loading.cover_alt("campaigns", slug)["en"] for slug in slugs]
    assert len(set(descriptions)) == len(slugs), descriptions
    motifs = {description.split(": ", 1)[1].split(" on a ")[0] for description in descriptions}
    assert len(motifs) >= 3, motifs
    pictures = {loading.cover_jpeg("campaigns", slug) for slug in slugs}
    assert len(pictures) == len(slugs)
    # Each description is written in every language, and the same slug always gives the same picture.
    assert all(loading.cover_alt("campaigns", slug)[language] for slug in slugs for language in ("ar", "en", "he"))
    assert loading.cover_jpeg("campaigns", slugs[0]) == loading.cover_jpeg("campaigns", slugs[0])


def test_under_a_path_the_cover_address_starts_with_it(client):
    from django.urls import set_script_prefix

    item = MAKERS["news"]()
    set_script_prefix("/hamleh/")
    try:
        under_path = covers.cover_url("news", item.slug)
    finally:
        set_script_prefix("/")
    assert under_path == "/hamleh" + covers.cover_url("news", item.slug)
    assert under_path.startswith("/hamleh/covers/")
