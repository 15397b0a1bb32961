"""The demo tells the seed's story: who was targeted, who is a partner, what went to the UN and the EU,
which campaigns at which scale, and where every call to action leads."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import resolve
from django.utils import translation

from campaigns.models import Campaign, Organization, PartnerRole, Submission
from publications.models import Article, Publication, Series
from report.formats import as_csv, as_text
from report.service import activity_report

pytestmark = pytest.mark.django_db

START, END = datetime.date(2021, 1, 1), datetime.date(2021, 6, 30)


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_the_half_year_report_tells_who_was_targeted_and_who_is_a_partner(demo):
    with translation.override("en"):
        report = activity_report(START, END)
        text, table = as_text(report), as_csv(report)
    targeted = {organisation.name for organisation in report.organisations_targeted}
    assert targeted == {"Facebook", "Google", "PayPal", "Stripe", "Telegram"}
    assert report.totals.organisations_targeted == 5
    assert "Twitter" in {organisation.name for organisation in report.partners}
    assert "Partners: " in text and "Twitter" in text.split("Partners: ")[1].splitlines()[0]
    assert "Campaign partners,,Twitter" in table
    # Twitter signed a memorandum of understanding: a partner, never a target.
    twitter = Organization.objects.get(slug="twitter")
    assert not Campaign.objects.filter(targets=twitter).exists()
    assert twitter.roles.filter(role=PartnerRole.PARTNER).exists()


def test_the_report_counts_and_lists_the_submissions_to_the_un_and_the_eu(demo):
    with translation.override("en"):
        report = activity_report(START, END)
    expected = Submission.objects.published().filter(submitted_on__range=(START, END))
    assert report.totals.submissions == expected.count() == 4
    listed = [item for group in report.submissions for item in group.items]
    assert {item.kind for item in listed} == {"report", "statement"}  # "reports and statements"
    bodies = {item.recipient for item in listed}
    assert "European Union" in bodies
    assert any(body.startswith("UN ") for body in bodies)


def test_campaigns_are_local_regional_and_international(demo):
    scopes = set(Campaign.objects.published().active_between(START, END).values_list("scope", flat=True))
    assert scopes == {Campaign.Scope.LOCAL, Campaign.Scope.REGIONAL, Campaign.Scope.INTERNATIONAL}


def test_every_call_to_action_leads_to_a_page_of_the_site(demo, client):
    campaigns = list(Campaign.objects.all())
    assert campaigns and all(campaign.cta_url and campaign.cta_label_ar for campaign in campaigns)
    for campaign in campaigns:
        assert campaign.cta_url.startswith("/") and "example.org" not in campaign.cta_url
        for language in ("ar", "en", "he"):
            with translation.override(language):
                href = campaign.cta_href
                page = campaign.get_absolute_url()
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc and href.startswith(f"/{language}/")
            assert f'<a class="button" href="{href}">' in client.get(page).content.decode()
        if campaign.cta_url.startswith("/publications/"):
            with translation.override("ar"):
                match = resolve(f"/ar{campaign.cta_url}")
            assert Publication.objects.published().filter(slug=match.kwargs["slug"]).exists(), campaign.slug
    assert {campaign.cta_url for campaign in campaigns} >= {"/support/", "/contact/"}


def test_the_press_release_links_to_the_full_report_of_its_period(demo, client):
    release = Article.objects.get(slug="half-year-report-2021")
    for language in ("ar", "en", "he"):
        link = f'href="/{language}/impact/?from=2021-01-01&amp;to=2021-06-30"'
        assert link in getattr(release, f"body_{language}")
        with translation.override(language):
            assert link in client.get(release.get_absolute_url()).content.decode()
    response = client.get("/ar/impact/", {"from": "2021-01-01", "to": "2021-06-30"})
    assert response.context["report"].totals.publications == 5


def test_the_yearly_report_and_the_index_are_series(demo, client):
    hashtag = Series.objects.get(slug="hashtag-palestine")
    assert list(hashtag.publications.values_list("slug", flat=True)) == [
        "hashtag-palestine-2020",
        "hashtag-palestine-2019",
    ]
    index = Series.objects.get(slug="racism-incitement-index")
    assert index.publications.count() == 2
    response = client.get(hashtag.get_absolute_url())
    assert [item.slug for item in response.context["editions"]] == ["hashtag-palestine-2020", "hashtag-palestine-2019"]
    page = client.get(Publication.objects.get(slug="racism-incitement-index-2020").get_absolute_url())
    assert [item.slug for item in page.context["other_editions"]] == ["racism-incitement-index-may-2021"]


def test_partners_and_coalitions_on_the_demo_and_no_invented_funder(demo):
    with translation.override("en"):
        groups = {str(label): members for label, members in Organization.objects.partner_groups()}
    assert list(groups) == ["Partners", "Coalitions we are a member of"]
    assert groups["Partners"][0].slug == "twitter"
    assert [org.slug for org in groups["Coalitions we are a member of"]] == ["palestinian-digital-rights-coalition"]
