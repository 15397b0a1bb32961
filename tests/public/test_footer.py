"""The footer: the feed of everything in view, the section feeds folded away, no second subscribe form."""

import pytest

pytestmark = pytest.mark.django_db


def footer(client, url):
    html = client.get(url).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_the_format_names_show_once_and_the_section_feeds_are_folded_away(client):
    html = footer(client, "/en/")
    shown, folded = html.split('<details class="feed-more">')
    assert shown.count(">RSS</a>") == 1 and shown.count(">JSON Feed</a>") == 1
    assert 'href="/en/feeds/campaigns.atom"' in folded
    assert 'aria-label="Campaigns (Atom)"' in folded


def test_the_newsletter_page_has_no_second_subscribe_form_in_the_footer(client):
    assert 'class="subscribe-compact"' not in footer(client, "/ar/newsletter/")
    assert 'class="subscribe-compact"' in footer(client, "/ar/")
