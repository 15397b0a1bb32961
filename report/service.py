"""The activity report: what the organisation did in a period, computed from published records.

`activity_report(start, end, limit=None)` returns plain dataclasses that every output uses (the
public page, the admin page and its CSV export, the `activity_report` command). Strings are in the
active language, with Arabic standing in for a missing translation (and saying so through the
`*_lang` attributes). The report always runs the same number of SQL queries, whatever the amount
of data: the counts and sums are aggregates done by the database, and the lists hold at most
`limit` records each (every record when `limit` is None), fetched with LIMIT. The pages pass
settings.REPORT_LIST_LIMIT; the CSV export and the command ask for everything.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import get_language

from campaigns.models import Campaign, CampaignPartner, CampaignTarget, CampaignUpdate, Organization, Submission
from publications.models import Article, Publication
from trainings.models import Event, Training

FALLBACK_LANGUAGE = "ar"
REPORT_QUERY_COUNT = 18


def localized(obj, field_name):
    """The value of a translated field in the active language, else Arabic, and the language it is in."""
    language = get_language() or FALLBACK_LANGUAGE
    if language not in dict(settings.LANGUAGES):
        language = FALLBACK_LANGUAGE
    value = getattr(obj, f"{field_name}_{language}", None)
    if value:
        return value, language
    return getattr(obj, f"{field_name}_{FALLBACK_LANGUAGE}", "") or "", FALLBACK_LANGUAGE


def localized_columns(field_name):
    """The columns of a translated field, one per language: what `localized` may read."""
    return [f"{field_name}_{code}" for code, _name in settings.LANGUAGES]


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
    """Records of one kind, in the order of the kind's choices: `count` of them, the first `items`."""

    key: str
    label: str
    count: int = 0
    items: list = field(default_factory=list)


@dataclass
class OrganizationEntry:
    name: str
    name_lang: str


@dataclass
class SubmissionEntry:
    """A report or statement submitted to an international body."""

    title: str
    title_lang: str
    recipient: str
    recipient_lang: str
    date: datetime.date
    kind: str
    kind_label: str
    joint: bool
    url: str  # where the text can be read, or the page of the campaign it served, or ""


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
    # Trainings whose participants are the people marked present on their attendance list.
    counted_from_attendance: int = 0


@dataclass
class Totals:
    publications: int = 0
    articles: int = 0
    campaigns: int = 0
    organisations_targeted: int = 0
    partners: int = 0
    submissions: int = 0
    outcomes: int = 0
    updates: int = 0
    trainings: int = 0
    participants: int = 0
    # Of `trainings`, those counted from attendance lists; the others from the number staff typed in.
    trainings_counted_from_attendance: int = 0
    events_organised: int = 0
    events_participated: int = 0


@dataclass
class ActivityReport:
    start: datetime.date
    end: datetime.date
    language: str
    totals: Totals
    # The lists hold the first `limit` records (all when it is None); `totals` counts every record.
    publications: list  # of Group of Entry, by Publication.Kind, newest first
    articles: list  # of Group of Entry, by Article.Kind, newest first
    campaigns: list  # of CampaignEntry, the latest started first
    organisations_targeted: list  # of OrganizationEntry, each once, the most targeted first
    partners: list  # of OrganizationEntry, the organisations our active campaigns worked with, each once
    submissions: list  # of Group of SubmissionEntry, by Submission.Kind, newest first
    updates: list  # of UpdateEntry, outcomes first, then other updates, newest first
    trainings_by_format: list  # of TrainingGroup
    trainings_by_audience: list  # of TrainingGroup
    events_organised: list  # of Entry, newest first
    events_participated: list  # of Entry, newest first

    @property
    def outcomes(self):
        """The outcomes among the listed updates (all of them when the report is not limited)."""
        return [update for update in self.updates if update.is_outcome]

    @property
    def is_empty(self):
        totals = self.totals
        return not any(
            (
                totals.publications,
                totals.articles,
                totals.campaigns,
                totals.submissions,
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


def _first(queryset, order, limit):
    return queryset.order_by(*order) if limit is None else queryset.order_by(*order)[:limit]


def _first_of_each(queryset, field_name, counts, order, limit):
    """The first `limit` records of each value of `field_name` (all records when None), in one query.

    `counts` holds the number of records of each value. When all the records share one value (or
    there are none), the first `limit` records are the answer. Otherwise each value present gets its
    own `ORDER BY … LIMIT` subquery, which stops after `limit` rows of the index it walks, and the
    subqueries are united; SQLite refuses LIMIT in the parts of a UNION, hence the `pk IN (…)` around
    each part.
    """
    present = [value for value, count in counts.items() if count]
    if limit is None or len(present) <= 1:
        return _first(queryset, order, limit)
    rows = queryset.model._base_manager
    parts = [
        rows.filter(pk__in=_first(queryset.filter(**{field_name: value}), order, limit).values("pk"))
        .order_by()
        .values("pk")
        for value in present
    ]
    return queryset.filter(pk__in=parts[0].union(*parts[1:], all=True)).order_by(*order)


def _groups(queryset, field_name, choices, order, limit, entry):
    """Every choice's Group: its count (one GROUP BY query), then its first records (one query)."""
    counts = dict(queryset.order_by().values_list(field_name).annotate(Count("pk")))
    groups = {
        choice.value: Group(choice.value, str(choice.label), count=counts.get(choice.value, 0)) for choice in choices
    }
    for obj in _first_of_each(queryset, field_name, counts, order, limit):
        groups[getattr(obj, field_name)].items.append(entry(obj))
    return groups


def _present(groups):
    return [group for group in groups.values() if group.count]


def _training_groups(rows, key, choices):
    groups = {choice.value: TrainingGroup(choice.value, str(choice.label)) for choice in choices}
    for row in rows:
        group = groups[row[key]]
        group.trainings += row["trainings"]
        group.participants += row["participants"] or 0
        group.counted_from_attendance += row["counted_from_attendance"]
    return [group for group in groups.values() if group.trainings]


def _publications(start, end, limit):
    return _groups(
        Publication.objects.published()
        .filter(published_on__range=(start, end))
        .only("slug", "kind", "published_on", *localized_columns("title")),
        "kind",
        Publication.Kind,
        ("-published_on", "-pk"),
        limit,
        lambda item: _entry(item, item.published_on, Publication.Kind),
    )


def _articles(begin, after, limit):
    return _groups(
        Article.objects.published()
        .filter(publish_at__gte=begin, publish_at__lt=after)
        .only("slug", "kind", "publish_at", *localized_columns("title")),
        "kind",
        Article.Kind,
        ("-publish_at", "-pk"),
        limit,
        lambda item: _entry(item, timezone.localdate(item.publish_at), Article.Kind),
    )


def _organisation(organization):
    return OrganizationEntry(*localized(organization, "name"))


def _campaign_entry(campaign, targets):
    title, title_lang = localized(campaign, "title")
    return CampaignEntry(
        title=title,
        title_lang=title_lang,
        url=campaign.get_absolute_url(),
        start_date=campaign.start_date,
        end_date=campaign.end_date,
        scope=campaign.scope,
        scope_label=str(Campaign.Scope(campaign.scope).label),
        targets=sorted(targets, key=lambda org: org.name.casefold()),
    )


def _campaigns(start, end, limit):
    """The active campaigns, the organisations they target and their partners: counts, then the first of each
    (7 queries)."""
    active = Campaign.objects.published().active_between(start, end)
    # Two counts, each without a join to repeat rows: the campaigns from the `campaign_active` index alone,
    # the organisations through a semi-join on the targets. Counting both over the join, with DISTINCT,
    # sorted every active campaign (7,500 of them at 100,000 items) and took twice as long.
    active_ids = active.order_by().values("pk")
    counts = {
        "campaigns": active.count(),
        "organisations": Organization.objects.filter(
            pk__in=CampaignTarget.objects.filter(campaign__in=active_ids).values("organization")
        ).count(),
        "partners": Organization.objects.filter(
            pk__in=CampaignPartner.objects.filter(campaign__in=active_ids).values("organization")
        ).count(),
    }
    columns = ("slug", "scope", "start_date", "end_date", *localized_columns("title"))
    listed = _first(active.only(*columns), ("-start_date", "-pk"), limit)
    campaigns = list(listed)
    # The targets of the listed campaigns only; a subquery rather than their ids, so that the
    # query runs (and the count of queries stays the same) when no campaign is listed.
    targets_of = {}
    links = CampaignTarget.objects.filter(campaign__in=listed.values("pk")).select_related("organization")
    for link in links:
        targets_of.setdefault(link.campaign_id, []).append(_organisation(link.organization))
    # Filtering before annotating counts only the links to active campaigns.
    targeted = Organization.objects.filter(targeted_by__in=active_ids).annotate(campaigns=Count("targeted_by"))
    organisations = [_organisation(org) for org in _first(targeted, ("-campaigns", "slug"), limit)]
    partnering = Organization.objects.filter(partner_in__in=active_ids).annotate(campaigns=Count("partner_in"))
    partners = [_organisation(org) for org in _first(partnering, ("-campaigns", "order", "slug"), limit)]
    entries = [_campaign_entry(campaign, targets_of.get(campaign.pk, [])) for campaign in campaigns]
    return counts, entries, organisations, partners


def _submission_entry(submission):
    title, title_lang = localized(submission, "title")
    recipient, recipient_lang = localized(submission.recipient, "name")
    url = submission.url
    if not url and submission.campaign_id and submission.campaign.is_published:
        url = submission.campaign.get_absolute_url()
    return SubmissionEntry(
        title=title,
        title_lang=title_lang,
        recipient=recipient,
        recipient_lang=recipient_lang,
        date=submission.submitted_on,
        kind=submission.kind,
        kind_label=str(Submission.Kind(submission.kind).label),
        joint=submission.joint,
        url=url,
    )


def _submissions(start, end, limit):
    """The reports and statements submitted to international bodies in the period, by kind (2 queries)."""
    columns = (
        "kind",
        "submitted_on",
        "joint",
        "url",
        *localized_columns("title"),
        *localized_columns("recipient__name"),
        "campaign__slug",
        "campaign__status",
        "campaign__publish_at",
    )
    return _groups(
        Submission.objects.published()
        .filter(submitted_on__range=(start, end))
        .select_related("recipient", "campaign")
        .only(*columns),
        "kind",
        Submission.Kind,
        ("-submitted_on", "-pk"),
        limit,
        _submission_entry,
    )


def _update_entry(update):
    text, text_lang = localized(update, "text")
    campaign_title, campaign_title_lang = localized(update.campaign, "title")
    return UpdateEntry(
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


def _updates(start, end, limit):
    """The updates of published campaigns dated in the period: counts, then the first (2 queries)."""
    queryset = CampaignUpdate.objects.filter(
        date__range=(start, end), campaign__in=Campaign.objects.published().order_by().values("pk")
    )
    outcome = Q(kind=CampaignUpdate.Kind.OUTCOME)
    counts = queryset.aggregate(updates=Count("pk"), outcomes=Count("pk", filter=outcome))
    # Outcomes are what the campaigns achieved: they come before the other updates of the period.
    outcomes_first = Case(When(outcome, then=Value(0)), default=Value(1))
    columns = ("date", "kind", *localized_columns("text"), "campaign__slug", *localized_columns("campaign__title"))
    listed = _first(queryset.select_related("campaign").only(*columns), (outcomes_first, "-date", "-pk"), limit)
    return counts, [_update_entry(update) for update in listed]


def _trainings(start, end):
    """One aggregate query: trainings and participants for each (format, audience) pair.

    A training that takes registrations counts the people marked present (its registration
    settings keep that number, also once the registrations themselves are reduced to counts);
    any other training counts the participants staff typed in.
    """
    uses_registrations = Q(enrolment__isnull=False)
    return list(
        Training.objects.published()
        .filter(start_date__range=(start, end))
        .order_by()
        .values("format", "audience")
        .annotate(
            trainings=Count("pk"),
            participants=Sum(
                Case(When(uses_registrations, then=F("enrolment__attended_count")), default=F("participants_count"))
            ),
            counted_from_attendance=Count("pk", filter=uses_registrations),
        )
    )


def _events(begin, after, limit):
    """The events of the period by our role in them (2 queries)."""
    return _groups(
        Event.objects.published()
        .filter(starts_at__gte=begin, starts_at__lt=after)
        .only("slug", "kind", "role", "edition", "starts_at", *localized_columns("title")),
        "role",
        Event.Role,
        ("-starts_at", "-pk"),
        limit,
        lambda event: _entry(event, timezone.localdate(event.starts_at), Event.Kind, edition=event.edition),
    )


def activity_report(start, end, limit=None):
    """The report of published activity from `start` to `end` (dates, both included).

    Each list holds at most `limit` records, every record when it is None; the totals are always
    those of the whole period.
    """
    begin, after = day_bounds(start, end)
    publications = _publications(start, end, limit)
    articles = _articles(begin, after, limit)
    campaign_counts, campaigns, organisations, partners = _campaigns(start, end, limit)
    submissions = _submissions(start, end, limit)
    update_counts, updates = _updates(start, end, limit)
    training_rows = _trainings(start, end)
    events = _events(begin, after, limit)

    by_format = _training_groups(training_rows, "format", Training.Format)
    by_audience = _training_groups(training_rows, "audience", Training.Audience)
    organised, participated = events[Event.Role.ORGANISED], events[Event.Role.PARTICIPATED]
    totals = Totals(
        publications=sum(group.count for group in publications.values()),
        articles=sum(group.count for group in articles.values()),
        campaigns=campaign_counts["campaigns"],
        organisations_targeted=campaign_counts["organisations"],
        partners=campaign_counts["partners"],
        submissions=sum(group.count for group in submissions.values()),
        outcomes=update_counts["outcomes"],
        updates=update_counts["updates"],
        trainings=sum(group.trainings for group in by_format),
        participants=sum(group.participants for group in by_format),
        trainings_counted_from_attendance=sum(group.counted_from_attendance for group in by_format),
        events_organised=organised.count,
        events_participated=participated.count,
    )
    return ActivityReport(
        start=start,
        end=end,
        language=get_language() or FALLBACK_LANGUAGE,
        totals=totals,
        publications=_present(publications),
        articles=_present(articles),
        campaigns=campaigns,
        organisations_targeted=organisations,
        partners=partners,
        submissions=_present(submissions),
        updates=updates,
        trainings_by_format=by_format,
        trainings_by_audience=by_audience,
        events_organised=organised.items,
        events_participated=participated.items,
    )
