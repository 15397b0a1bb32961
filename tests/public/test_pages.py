import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import MAKERS, make_topic

pytestmark = pytest.mark.django_db

LANGUAGES = [("ar", "rtl"), ("en", "ltr"), ("he", "rtl")]
LIST_URLS = [
    "publications:publication_list",
    "publications:article_list",
    "campaigns:campaign_list",
    "trainings:training_list",
    "trainings:event_list",
]


def html_lang_dir(response):
    match = re.search(r'<html lang="([a-z]+)" dir="(rtl|ltr)">', response.content.decode())
    assert match, "the page has no <html lang dir>"
    return match.groups()


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
@pytest.mark.parametrize("url_name", ["website:home", "website:privacy", *LIST_URLS])
def test_pages_answer_in_each_language(client, url_name, language, direction):
    for maker in MAKERS.values():
        maker()
    with translation.override(language):
        url = reverse(url_name)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    assert html_lang_dir(response) == (language, direction)


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
@pytest.mark.parametrize("section", list(MAKERS))
def test_detail_pages_answer_in_each_language(client, section, language, direction):
    topic = make_topic()
    item = MAKERS[section](topics=[topic])
    with translation.override(language):
        url = item.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert html_lang_dir(response) == (language, direction)
    assert topic.get_absolute_url().split("/", 2)[2] in response.content.decode()
