import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from newsletter.models import DigestDelivery, DigestRun, Subscriber
from tests.factories import make_article, make_campaign, make_event, make_publication, make_topic, make_training
from tests.newsletter.helpers import FlakyBackend, form_data, link_in, make_subscriber, subscribe_url

pytestmark = pytest.mark.django_db

QUERIES_FOR_TWO_SUBSCRIBERS = 31
START = datetime.datetime(2021, 7, 1, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def published_now(maker, **fields):
    from django.utils import timezone

    return maker(publish_at=timezone.now(), **fields)


def test_whole_cycle(client, clock):
    topic = make_topic(slug="hate-speech", name_en="Hate speech")
    client.post(subscribe_url(), form_data(language="en", sections=("news",), topics=[topic]))
    confirm = link_in(mail.outbox[0], "confirm")

    # Nothing but the confirmation goes out before confirming.
    clock.shift(60)
    published_now(make_article, title_en="Before confirming")
    call_command("send_digest")
    assert len(mail.outbox) == 1

    client.post(confirm)
    clock.shift(3600)
    published_now(make_article, title_en="Twitter memorandum signed", title_ar="مذكرة تفاهم")
    published_now(make_publication, title_en="Racism and incitement index", topics=[topic])
    published_now(make_campaign, title_en="Not chosen")
    published_now(make_article, title_en="Still a draft", status="draft")
    make_event(title_en="Scheduled later", publish_at=START + datetime.timedelta(days=30))
    clock.shift(3600)
    call_command("send_digest")

    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == ["reader@example.org"]
    assert digest.subject == "Hamleh: 2 new items"
    assert "Twitter memorandum signed" in digest.body
    assert "Racism and incitement index" in digest.body
    for absent in ("Not chosen", "Still a draft", "Scheduled later", "Before confirming"):
        assert absent not in digest.body
    html, mimetype = digest.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en" dir="ltr">' in html and "Twitter memorandum signed" in html
    assert "/en/news/" in html
    unsubscribe = link_in(digest, "unsubscribe")
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_in(digest, "manage").startswith("/en/newsletter/manage/")

    # Running again sends nothing: nothing new since.
    clock.shift(60)
    call_command("send_digest")
    assert len(mail.outbox) == 2

    # One click, and no more digests.
    assert (
        client.post(
            unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    clock.shift(3600)
    published_now(make_article, title_en="After unsubscribing")
    call_command("send_digest")
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("language", ["ar", "he"])
def test_digest_is_in_the_subscriber_language(clock, language):
    make_subscriber(language=language)
    clock.shift(60)
    published_now(make_article, title_ar="خبر بالعربية", title_he="חדשות")
    clock.shift(60)
    call_command("send_digest")
    (digest,) = mail.outbox
    html = digest.alternatives[0][0]
    assert f'<html lang="{language}" dir="rtl">' in html
    assert ("خبر بالعربية" if language == "ar" else "חדשות") in digest.body
    assert f"/{language}/newsletter/unsubscribe/" in digest.extra_headers["List-Unsubscribe"]


def test_missing_translation_falls_back_to_arabic_marked(clock):
    make_subscriber(language="en")
    clock.shift(60)
    published_now(make_article, title_ar="خبر بالعربية فقط")
    clock.shift(60)
    call_command("send_digest")
    html = mail.outbox[0].alternatives[0][0]
    assert '<span lang="ar" dir="rtl">خبر بالعربية فقط</span>' in html


def test_nobody_is_mailed_without_news(clock):
    make_subscriber(sections=("events",))
    clock.shift(60)
    published_now(make_article)
    clock.shift(60)
    call_command("send_digest")
    assert mail.outbox == []
    assert Subscriber.objects.get().last_digest_at == DigestRun.objects.get().cutoff


def test_interrupted_digest_resumes_without_skipping_or_repeating(clock, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.helpers.FlakyBackend"
    subscribers = [make_subscriber(email=f"r{number}@example.org") for number in range(7)]
    clock.shift(60)
    published_now(make_article)
    clock.shift(60)

    FlakyBackend.fail_after = 3
    try:
        with pytest.raises(CommandError, match="Run send_digest again to resume"):
            call_command("send_digest", batch_size=2)
        assert len(mail.outbox) == 3
        run = DigestRun.objects.get()
        assert run.is_open and run.sent_count == 3
        assert DigestDelivery.objects.count() == 3

        # Something new is published before the resume: it waits for the next run.
        clock.shift(60)
        published_now(make_article, title_ar="بعد الانقطاع")
        FlakyBackend.fail_after = None
        call_command("send_digest", batch_size=2)
    finally:
        FlakyBackend.fail_after = None

    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(subscriber.email for subscriber in subscribers)
    assert all("بعد الانقطاع" not in message.body for message in mail.outbox)
    run.refresh_from_db()
    assert not run.is_open and run.finished_at is not None and run.sent_count == 7
    assert DigestDelivery.objects.filter(run=run).count() == 7

    # The next run carries only what was published after the first run's cutoff.
    clock.shift(60)
    call_command("send_digest")
    assert len(mail.outbox) == 14
    assert all("بعد الانقطاع" in message.body for message in mail.outbox[7:])
    call_command("send_digest")
    assert len(mail.outbox) == 14


def test_subscriber_confirmed_during_an_interrupted_run_waits_for_the_next(clock, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.helpers.FlakyBackend"
    make_subscriber(email="a@example.org")
    make_subscriber(email="b@example.org")
    clock.shift(60)
    published_now(make_article)
    clock.shift(60)
    FlakyBackend.fail_after = 1
    try:
        with pytest.raises(CommandError):
            call_command("send_digest")
    finally:
        FlakyBackend.fail_after = None
    clock.shift(60)
    make_subscriber(email="late@example.org")
    call_command("send_digest")
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


def test_command_reports_what_it_did(clock, capsys):
    make_subscriber()
    make_subscriber(email="quiet@example.org", sections=("events",))
    clock.shift(60)
    published_now(make_article)
    clock.shift(60)
    call_command("send_digest")
    assert "1 sent, 1 with nothing new" in capsys.readouterr().out


def test_bad_batch_size_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("send_digest", batch_size=0)


def test_digest_queries_do_not_grow_with_items(clock, django_assert_num_queries):
    from newsletter.digest import send_digest

    topic = make_topic()
    make_subscriber(sections=("news", "events"), topics=[topic])
    make_subscriber(email="b@example.org", sections=("publications",))
    for per_section in (1, 12):
        clock.shift(60)
        for _number in range(per_section):
            for maker in (make_article, make_publication, make_campaign, make_training, make_event):
                published_now(maker, topics=[topic])
        clock.shift(60)
        # open the run (4), window start (1), items and their topics (2 per section: 10),
        # the batch with its choices (3), per subscriber 5 (savepoint, claim, delivery, counter,
        # release: 10), the empty next batch (1), close and reload the run (2)
        with django_assert_num_queries(QUERIES_FOR_TWO_SUBSCRIBERS):
            send_digest()
    assert len(mail.outbox) == 4
    assert mail.outbox[2].body.count("* ") == 12 * 5  # every item carries the chosen topic
