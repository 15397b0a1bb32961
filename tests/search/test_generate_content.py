import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from campaigns.models import Campaign
from publications.models import Article, Publication
from search.index import Search
from search.models import SearchDocument
from trainings.models import Event

pytestmark = pytest.mark.django_db


def test_generates_indexed_multilingual_items_in_every_section():
    call_command("generate_content", count=40, batch_size=7, seed=3, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchDocument.objects.count() == 40
    assert set(SearchDocument.objects.values_list("section", flat=True)) == {
        "publications",
        "news",
        "campaigns",
        "trainings",
        "events",
    }
    assert Publication.objects.count() == 10 and Article.objects.count() == 14 and Event.objects.count() == 6
    article = Article.objects.first()
    assert article.title_ar and article.title_en and article.title_he
    assert article.topics.exists()
    # Indexed as if saved one by one: the generated words and topics are found in each script.
    for query in ("الرقمية", "digital", "דיגיטלית"):
        assert Search.parse(query).documents().exists(), query


def test_rejects_a_bad_count():
    with pytest.raises(CommandError):
        call_command("generate_content", count=0)


def test_rebuild_search_index_restores_missing_entries():
    call_command("generate_content", count=10, seed=4, stdout=open("/dev/null", "w"))  # noqa: SIM115
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchDocument.objects.count() == 10
    assert Search.parse("digital").documents().exists()


def test_generated_campaigns_end_unless_still_running():
    """Campaigns run one month to two years, as real ones do: a generator whose campaigns never ended
    made most of them active in any past month, which no organisation's report would show."""
    call_command("generate_content", count=200, seed=5, stdout=open("/dev/null", "w"))  # noqa: SIM115
    today = timezone.localdate()
    campaigns = list(Campaign.objects.all())
    assert campaigns
    for campaign in campaigns:
        if campaign.end_date is None:
            assert (today - campaign.start_date).days < 730, campaign.start_date
        else:
            assert 30 <= (campaign.end_date - campaign.start_date).days <= 730
            assert campaign.end_date < today
    assert any(campaign.end_date for campaign in campaigns)
