"""The activity report: what the organisation did in a period, computed from published records.

`activity_report(start, end)` returns plain dataclasses that every output uses (the public
page, the admin page and its CSV export, the `activity_report` command). Strings are in the
active language, with Arabic standing in for a missing translation (and saying so through the
`*_lang` attributes). The report always runs the same number of SQL queries, whatever the
amount of data: one per kind of record, aggregates done by the database or in Python.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import get_language

from campaigns.models import Campaign, CampaignTarget, CampaignUpdate
from publications.models import Article, Publication
from trainings.models import Event, Training

FALLBACK_LANGUAGE = "ar"
REPORT_QUERY_COUNT = 7


def localized(obj, field_name):
    """The value of a translated field in the active language, else Arabic, and the language it is in."""
    language = get_language() or FALLBACK_LANGUAGE
    if language not in dict(settings.LANGUAGES):
        language = FALLBACK_LANGUAGE
    value = getattr(obj, f"{field_name}_{language}", None)
    if value:
        return value, language
    return getattr(obj, f"{field_name}_{FALLBACK_LANGUAGE}", "") or "", FALLBACK_LANGUAGE


def day_bounds(start, end):
    """Aware datetimes [start 00:00, the day after end 00:00) in the site's time zone."""
    begin = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    after = end + datetime.timedelta(days=1) if end < datetime.date.max else end
    return begin, timezone.make_aware(datetime.datetime.combine(after, datetime.time.min))


@dataclass
class Entry:
    """One dated, titled record: a publication, an article or an event."""

    title: str
    title_lang: str
    url: str
    date: datetime.date
    kind: str
    kind_label: str
    edition: int | None = None


@dataclass
class Group:
    """Records of one kind, in the order of the kind's choices."""

    key: str
    label: str
    items: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.items)


@dataclass
class OrganizationEntry:
    name: str
    name_lang: str


@dataclass
class CampaignEntry:
    title: str
    title_lang: str
    url: str
    start_date: datetime.date
    end_date: datetime.date | None
    scope: str
    scope_label: str
    targets: list = field(default_factory=list)


@dataclass
class UpdateEntry:
    date: datetime.date
    kind: str
    kind_label: str
    is_outcome: bool
    text: str
    text_lang: str
    campaign_title: str
    campaign_title_lang: str
    campaign_url: str


@dataclass
class TrainingGroup:
    key: str
    label: str
    trainings: int = 0
    participants: int = 0


@dataclass
class Totals:
    publications: int = 0
    articles: int = 0
    campaigns: int = 0
    organisations_targeted: int = 0
    outcomes: int = 0
    updates: int = 0
    trainings: int = 0
    participants: int = 0
    events_organised: int = 0
    events_participated: int = 0


@dataclass
class ActivityReport:
    start: datetime.date
    end: datetime.date
    language: str
    totals: Totals
    publications: list  # of Group of Entry, by Publication.Kind
    articles: list  # of Group of Entry, by Article.Kind
    campaigns: list  # of CampaignEntry
    organisations_targeted: list  # of OrganizationEntry, each once
    updates: list  # of UpdateEntry, outcomes and other updates, by date
    trainings_by_format: list  # of TrainingGroup
    trainings_by_audience: list  # of TrainingGroup
    events_organised: list  # of Entry
    events_participated: list  # of Entry

    @property
    def outcomes(self):
        return [update for update in self.updates if update.is_outcome]

    @property
    def is_empty(self):
        totals = self.totals
        return not any(
            (
                totals.publications,
                totals.articles,
                totals.campaigns,
                totals.updates,
                totals.trainings,
                totals.events_organised,
                totals.events_participated,
            )
        )


def _entry(obj, date, kind_choices, *, edition=None):
    title, title_lang = localized(obj, "title")
    return Entry(
        title=title,
        title_lang=title_lang,
        url=obj.get_absolute_url(),
        date=date,
        kind=obj.kind,
        kind_label=str(kind_choices(obj.kind).label),
        edition=edition,
    )


def _grouped(entries, kind_choices):
    groups = {kind.value: Group(kind.value, str(kind.label)) for kind in kind_choices}
    for entry in entries:
        groups[entry.kind].items.append(entry)
    return [group for group in groups.values() if group.items]


def _training_groups(rows, key, choices):
    groups = {choice.value: TrainingGroup(choice.value, str(choice.label)) for choice in choices}
    for row in rows:
        group = groups[row[key]]
        group.trainings += row["trainings"]
        group.participants += row["participants"] or 0
    return [group for group in groups.values() if group.trainings]


def _publications(start, end):
    queryset = Publication.objects.published().filter(published_on__range=(start, end)).order_by("published_on", "pk")
    return [_entry(item, item.published_on, Publication.Kind) for item in queryset]


def _articles(begin, after):
    queryset = (
        Article.objects.published().filter(publish_at__gte=begin, publish_at__lt=after).order_by("publish_at", "pk")
    )
    return [_entry(item, timezone.localdate(item.publish_at), Article.Kind) for item in queryset]


def _campaigns(start, end):
    active = Campaign.objects.published().active_between(start, end)
    campaigns = list(active.order_by("start_date", "pk"))
    links = CampaignTarget.objects.filter(campaign__in=active.order_by().values("pk")).select_related("organization")
    targets_of = {}
    organisations = {}
    for link in links:
        name, name_lang = localized(link.organization, "name")
        entry = organisations.setdefault(link.organization_id, OrganizationEntry(name, name_lang))
        targets_of.setdefault(link.campaign_id, []).append(entry)
    entries = []
    for campaign in campaigns:
        title, title_lang = localized(campaign, "title")
        entries.append(
            CampaignEntry(
                title=title,
                title_lang=title_lang,
                url=campaign.get_absolute_url(),
                start_date=campaign.start_date,
                end_date=campaign.end_date,
                scope=campaign.scope,
                scope_label=str(Campaign.Scope(campaign.scope).label),
                targets=sorted(targets_of.get(campaign.pk, []), key=lambda org: org.name.casefold()),
            )
        )
    return entries, sorted(organisations.values(), key=lambda org: org.name.casefold())


def _updates(start, end):
    queryset = (
        CampaignUpdate.objects.filter(
            date__range=(start, end), campaign__in=Campaign.objects.published().order_by().values("pk")
        )
        .select_related("campaign")
        .order_by("date", "pk")
    )
    entries = []
    for update in queryset:
        text, text_lang = localized(update, "text")
        campaign_title, campaign_title_lang = localized(update.campaign, "title")
        entries.append(
            UpdateEntry(
                date=update.date,
                kind=update.kind,
                kind_label=str(CampaignUpdate.Kind(update.kind).label),
                is_outcome=update.kind == CampaignUpdate.Kind.OUTCOME,
                text=text,
                text_lang=text_lang,
                campaign_title=campaign_title,
                campaign_title_lang=campaign_title_lang,
                campaign_url=update.campaign.get_absolute_url(),
            )
        )
    return entries


def _trainings(start, end):
    """One aggregate query: trainings and participants for each (format, audience) pair."""
    return list(
        Training.objects.published()
        .filter(start_date__range=(start, end))
        .order_by()
        .values("format", "audience")
        .annotate(trainings=Count("pk"), participants=Sum("participants_count"))
    )


def _events(begin, after):
    queryset = Event.objects.published().filter(starts_at__gte=begin, starts_at__lt=after).order_by("starts_at", "pk")
    organised, participated = [], []
    for event in queryset:
        entry = _entry(event, timezone.localdate(event.starts_at), Event.Kind, edition=event.edition)
        (organised if event.role == Event.Role.ORGANISED else participated).append(entry)
    return organised, participated


def activity_report(start, end):
    """The report of published activity from `start` to `end` (dates, both included)."""
    begin, after = day_bounds(start, end)
    publications = _publications(start, end)
    articles = _articles(begin, after)
    campaigns, organisations = _campaigns(start, end)
    updates = _updates(start, end)
    training_rows = _trainings(start, end)
    events_organised, events_participated = _events(begin, after)

    by_format = _training_groups(training_rows, "format", Training.Format)
    by_audience = _training_groups(training_rows, "audience", Training.Audience)
    outcomes = sum(1 for update in updates if update.is_outcome)
    totals = Totals(
        publications=len(publications),
        articles=len(articles),
        campaigns=len(campaigns),
        organisations_targeted=len(organisations),
        outcomes=outcomes,
        updates=len(updates),
        trainings=sum(group.trainings for group in by_format),
        participants=sum(group.participants for group in by_format),
        events_organised=len(events_organised),
        events_participated=len(events_participated),
    )
    return ActivityReport(
        start=start,
        end=end,
        language=get_language() or FALLBACK_LANGUAGE,
        totals=totals,
        publications=_grouped(publications, Publication.Kind),
        articles=_grouped(articles, Article.Kind),
        campaigns=campaigns,
        organisations_targeted=organisations,
        updates=updates,
        trainings_by_format=by_format,
        trainings_by_audience=by_audience,
        events_organised=events_organised,
        events_participated=events_participated,
    )
