"""The periodic digest: each confirmed subscriber gets, in their language, what was published
since their last digest in the sections and topics they chose.

Progress is recorded per subscriber: for each one, in one transaction, `last_digest_at`
moves to the run's cutoff (a conditional update that also claims the row), a
DigestDelivery row is written, then the email is sent. If sending fails the
transaction rolls back, the run stays open and the next `send_digest` resumes it with
the same cutoff: nobody is skipped, and nobody already served is mailed again.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Min
from django.utils import timezone

from content.sections import SECTIONS
from newsletter.emails import digest_message
from newsletter.models import DigestDelivery, DigestRun, Subscriber

logger = logging.getLogger(__name__)


class DigestInterrupted(Exception):
    def __init__(self, run, sent, error):
        super().__init__(f"stopped after {sent} emails: {error}")
        self.run = run
        self.sent = sent


@dataclass
class RunResult:
    run: DigestRun
    resumed: bool
    sent: int = 0
    without_news: int = 0


@dataclass
class Candidate:
    section: object
    item: object
    topic_ids: frozenset = field(default_factory=frozenset)


class Catalog:
    """Everything published in the run's window, loaded once (two queries per section)
    and matched against each subscriber's choices in memory."""

    def __init__(self, since, cutoff):
        self.candidates = []
        if since is None:
            return
        for section in SECTIONS:
            items = (
                section.model.objects.published()
                .filter(publish_at__gt=since, publish_at__lte=cutoff)
                .prefetch_related("topics")
                .order_by("-publish_at", "-pk")
            )
            for item in items:
                topic_ids = frozenset(topic.pk for topic in item.topics.all())
                self.candidates.append(Candidate(section, item, topic_ids))

    def for_subscriber(self, subscriber):
        sections = set(subscriber.section_names())
        topics = {topic.pk for topic in subscriber.topics.all()}
        groups = {}
        for candidate in self.candidates:
            if candidate.item.publish_at <= subscriber.last_digest_at:
                continue
            if candidate.section.name in sections or candidate.topic_ids & topics:
                groups.setdefault(candidate.section.name, (candidate.section, []))[1].append(candidate.item)
        return [groups[section.name] for section in SECTIONS if section.name in groups]


def open_run():
    """The run left open by an interrupted send, or a new one up to now."""
    run = DigestRun.objects.filter(is_open=True).first()
    if run is not None:
        return run, True
    try:
        with transaction.atomic():
            return DigestRun.objects.create(cutoff=timezone.now()), False
    except IntegrityError:  # another process opened one meanwhile
        return DigestRun.objects.get(is_open=True), True


def due_subscribers(run):
    return Subscriber.objects.filter(last_digest_at__lt=run.cutoff)


def _serve(run, subscriber, groups, connection):
    """Claim, record and send for one subscriber, all or nothing. False if another process got there first."""
    with transaction.atomic():
        claimed = Subscriber.objects.filter(pk=subscriber.pk, last_digest_at=subscriber.last_digest_at).update(
            last_digest_at=run.cutoff
        )
        if not claimed:
            return False
        if not groups:
            return False
        item_count = sum(len(items) for _section, items in groups)
        DigestDelivery.objects.create(run=run, subscriber=subscriber, item_count=item_count)
        DigestRun.objects.filter(pk=run.pk).update(sent_count=F("sent_count") + 1)
        digest_message(subscriber, groups, connection=connection).send()
    return True


def send_digest(batch_size=None):
    batch_size = batch_size or settings.NEWSLETTER_DIGEST_BATCH_SIZE
    run, resumed = open_run()
    result = RunResult(run=run, resumed=resumed)
    since = due_subscribers(run).aggregate(since=Min("last_digest_at"))["since"]
    catalog = Catalog(since, run.cutoff)
    connection = get_connection()
    last_pk = 0
    try:
        while True:
            batch = list(
                due_subscribers(run)
                .filter(pk__gt=last_pk)
                .order_by("pk")
                .prefetch_related("section_choices", "topics")[:batch_size]
            )
            if not batch:
                break
            for subscriber in batch:
                groups = catalog.for_subscriber(subscriber)
                try:
                    if _serve(run, subscriber, groups, connection):
                        result.sent += 1
                    else:
                        result.without_news += 1
                except Exception as error:
                    logger.exception("Digest run %s interrupted", run.pk)
                    raise DigestInterrupted(run, result.sent, error) from error
            last_pk = batch[-1].pk
    finally:
        connection.close()
    DigestRun.objects.filter(pk=run.pk).update(is_open=False, finished_at=timezone.now())
    run.refresh_from_db()
    return result
