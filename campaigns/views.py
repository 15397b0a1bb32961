from django.db.models import Prefetch

from campaigns.filters import CampaignFilter
from campaigns.models import Campaign
from content.views import PublicDetailView, PublicListView
from publications.models import Publication


class CampaignListView(PublicListView):
    model = Campaign
    filterset_class = CampaignFilter


class CampaignDetailView(PublicDetailView):
    model = Campaign

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "targets",
                "partners",
                "updates",
                Prefetch("related_publications", queryset=Publication.objects.published().for_cards()),
            )
        )
