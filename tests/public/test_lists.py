import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import Campaign
from publications.models import Article, FileLanguage, Publication, PublicationFile
from tests.factories import (
    make_article,
    make_campaign,
    make_event,
    make_organization,
    make_publication,
    make_topic,
    make_training,
)
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db


def titles(response):
    return {item.title_ar for item in response.context["object_list"]}


def get(client, url_name, **params):
    return client.get(reverse(url_name), params)


def test_publications_filter_by_kind_topic_year_and_file_language(client):
    topic = make_topic(slug="privacy")
    report = make_publication(title_ar="أ", kind=Publication.Kind.REPORT, topics=[topic])
    make_publication(title_ar="ب", kind=Publication.Kind.INDEX, published_on=datetime.date(2020, 5, 1))
    PublicationFile.objects.create(publication=report, language=FileLanguage.ENGLISH, file="x.pdf")
    url = "publications:publication_list"
    assert titles(get(client, url, kind="report")) == {"أ"}
    assert titles(get(client, url, kind="index")) == {"ب"}
    assert titles(get(client, url, topic="privacy")) == {"أ"}
    assert titles(get(client, url, year="2020")) == {"ب"}
    assert titles(get(client, url, file_language="en")) == {"أ"}
    assert titles(get(client, url, file_language="he")) == set()


def test_news_filter_by_kind(client):
    make_article(title_ar="بيان", kind=Article.Kind.STATEMENT)
    make_article(title_ar="خبر", kind=Article.Kind.NEWS)
    assert titles(get(client, "publications:article_list", kind="statement")) == {"بيان"}


def test_campaigns_filter_by_scope_state_and_target(client):
    facebook = make_organization(slug="facebook")
    make_campaign(title_ar="جارية", scope=Campaign.Scope.INTERNATIONAL, targets=[facebook])
    make_campaign(title_ar="منتهية", start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 6, 1))
    url = "campaigns:campaign_list"
    assert titles(get(client, url, scope="international")) == {"جارية"}
    assert titles(get(client, url, state="ongoing")) == {"جارية"}
    assert titles(get(client, url, state="concluded")) == {"منتهية"}
    assert titles(get(client, url, target="facebook")) == {"جارية"}


def test_trainings_filter_by_format_audience_mode_and_year(client):
    make_training(title_ar="مساق", format=Training.Format.E_COURSE, audience=Training.Audience.PARENTS)
    make_training(
        title_ar="ورشة",
        format=Training.Format.WORKSHOP,
        mode=Training.Mode.ONLINE,
        start_date=datetime.date(2019, 4, 4),
    )
    url = "trainings:training_list"
    assert titles(get(client, url, format="e_course")) == {"مساق"}
    assert titles(get(client, url, audience="parents")) == {"مساق"}
    assert titles(get(client, url, mode="online")) == {"ورشة"}
    assert titles(get(client, url, year="2019")) == {"ورشة"}


def test_events_filter_by_kind_role_and_when(client):
    from django.utils import timezone

    soon = timezone.now() + datetime.timedelta(days=10)
    make_event(title_ar="منتدى", kind=Event.Kind.FORUM, role=Event.Role.ORGANISED, starts_at=soon)
    make_event(title_ar="مؤتمر", kind=Event.Kind.CONFERENCE)
    url = "trainings:event_list"
    assert titles(get(client, url, kind="forum")) == {"منتدى"}
    assert titles(get(client, url, role="participated")) == {"مؤتمر"}
    assert titles(get(client, url, when="upcoming")) == {"منتدى"}
    assert titles(get(client, url, when="past")) == {"مؤتمر"}


def test_pagination_keeps_filters_and_counts(client):
    for index in range(15):
        make_article(title_ar=f"خبر {index}", kind=Article.Kind.NEWS)
    make_article(title_ar="بيان", kind=Article.Kind.STATEMENT)
    response = get(client, "publications:article_list", kind="news")
    assert response.context["paginator"].count == 15
    assert len(response.context["object_list"]) == 12
    assert 'href="?kind=news&amp;page=2"' in response.content.decode()
    second = get(client, "publications:article_list", kind="news", page=2)
    assert len(second.context["object_list"]) == 3
    # The chosen filter stays selected in the form.
    assert '<option value="news" selected>' in second.content.decode()


def test_empty_state(client):
    response = get(client, "publications:publication_list", kind="guide")
    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    assert 'class="empty"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "unknown"},
        {"year": "abc"},
        {"year": "99999"},
        {"page": "-1"},
        {"page": "999999"},
        {"page": "abc"},
        {"topic": "x" * 5000},
        {"kind": "x" * 5000, "page": "x" * 5000},
        {"file_language": "\x00"},
    ],
)
@pytest.mark.parametrize(
    "url_name",
    [
        "publications:publication_list",
        "publications:article_list",
        "campaigns:campaign_list",
        "trainings:training_list",
        "trainings:event_list",
    ],
)
def test_bad_filter_values_give_a_normal_page_with_a_message(client, url_name, params):
    make_publication()
    response = get(client, url_name, **params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Traceback" not in body
    understood = set(response.context["filter"].filters) | {"page"}
    if set(params) & understood:
        assert 'class="messages"' in body


def test_lists_and_the_home_page_do_not_read_the_bodies(client):
    """Bodies are the longest columns, the editing records the least useful to a visitor; no card shows
    them, so lists leave them in the database."""
    make_article(title_ar="خبر", body_ar="نص طويل " * 500)
    listed = client.get(reverse("publications:article_list")).context["object_list"][0]
    on_home = client.get(reverse("website:home")).context["sections"][1]["items"][0]
    cardless = {"translation_edited_at", "created_at", "created_by_id", "updated_by_id"}
    for item in (listed, on_home):
        assert {"body", "body_ar", "body_en", "body_he", *cardless} <= item.get_deferred_fields()


def test_filter_forms_show_new_topics_and_the_language(client):
    url = reverse("publications:article_list")
    client.get(url)
    make_topic(slug="new-topic", name_ar="موضوع جديد", name_en="A new topic")
    second = client.get(url)
    with translation.override("en"):
        english = client.get(reverse("publications:article_list"))
    assert '<option value="new-topic">موضوع جديد</option>' in second.content.decode()
    assert '<option value="new-topic">A new topic</option>' in english.content.decode()
    assert "All topics" in english.content.decode()
