"""Deleting a topic, organisation or series that content still uses is refused, never cascaded."""

import pytest
from django.db.models import ProtectedError

from campaigns.models import Campaign, Organization
from content.models import Topic
from publications.models import Publication, Series
from tests.factories import MAKERS, make_campaign, make_organization, make_publication, make_topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("section", list(MAKERS))
def test_a_topic_in_use_cannot_be_deleted(section):
    topic = make_topic()
    item = MAKERS[section](topics=[topic])
    with pytest.raises(ProtectedError):
        topic.delete()
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert list(item.topics.all()) == [topic]


def test_an_unused_topic_can_be_deleted():
    topic = make_topic()
    topic.delete()
    assert not Topic.objects.exists()


@pytest.mark.parametrize("relation", ["targets", "partners"])
def test_an_organisation_in_use_cannot_be_deleted(relation):
    organization = make_organization()
    campaign = make_campaign()
    getattr(campaign, relation).add(organization)
    with pytest.raises(ProtectedError):
        organization.delete()
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert list(getattr(campaign, relation).all()) == [organization]


def test_a_series_in_use_cannot_be_deleted():
    series = Series.objects.create(slug="index", name_ar="مؤشر")
    make_publication(series=series)
    with pytest.raises(ProtectedError):
        series.delete()
    assert Publication.objects.filter(series=series).count() == 1


def test_admin_refuses_to_delete_a_topic_in_use_and_names_the_content(staff_client):
    topic = make_topic(slug="rights", name_en="Digital rights")
    publication = make_publication(topics=[topic], title_ar="تقرير الحقوق الرقمية")
    campaign = make_campaign(topics=[topic], title_ar="حملة الحقوق")
    url = f"/admin/content/topic/{topic.pk}/delete/"

    page = staff_client.get(url, headers={"accept-language": "en"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Cannot delete topic" in html
    assert f'href="/admin/publications/publication/{publication.pk}/change/"' in html
    assert "تقرير الحقوق الرقمية" in html
    assert f'href="/admin/campaigns/campaign/{campaign.pk}/change/"' in html

    answer = staff_client.post(url, {"post": "yes"}, headers={"accept-language": "en"})
    assert answer.status_code == 200
    assert "Cannot delete topic" in answer.content.decode()
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert list(publication.topics.all()) == [topic]


def test_admin_refuses_to_delete_an_organisation_in_use(staff_client):
    organization = make_organization(slug="telegram", name_en="Telegram")
    campaign = make_campaign(targets=[organization], title_ar="التحريض في قنوات تيليجرام")
    url = f"/admin/campaigns/organization/{organization.pk}/delete/"

    answer = staff_client.post(url, {"post": "yes"}, headers={"accept-language": "en"})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Cannot delete organisation" in html
    assert f'href="/admin/campaigns/campaign/{campaign.pk}/change/"' in html
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert Campaign.objects.get(pk=campaign.pk).targets.get() == organization


def test_admin_bulk_delete_action_refuses_topics_in_use(staff_client):
    used, unused = make_topic(), make_topic()
    make_publication(topics=[used])
    answer = staff_client.post(
        "/admin/content/topic/",
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
        headers={"accept-language": "en"},
    )
    assert answer.status_code == 200
    assert "Cannot delete" in answer.content.decode()
    assert Topic.objects.count() == 2


def test_admin_deletes_an_unused_organisation(staff_client):
    organization = make_organization()
    answer = staff_client.post(f"/admin/campaigns/organization/{organization.pk}/delete/", {"post": "yes"})
    assert answer.status_code == 302
    assert not Organization.objects.exists()
