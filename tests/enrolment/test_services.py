import datetime

import pytest
from django.core import mail
from django.db import IntegrityError

from enrolment import services
from enrolment.models import Enrolment, Registration
from tests.enrolment.helpers import NOW, TODAY, open_event, open_training, register, registered
from tests.factories import make_training

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_asking_stores_a_pending_registration_and_emails_a_link_without_the_address():
    enrolment = open_training()
    registration = register(enrolment, "salma@example.org", organisation="حملة")
    assert registration.status == Status.PENDING
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["salma@example.org"]
    assert "/registration/confirm/" in message.body
    assert "/registration/cancel/" in message.body
    assert "salma" not in message.body.split("/registration/confirm/")[1].split()[0]


def test_confirming_gives_a_place_and_attaches_a_calendar_file():
    enrolment = open_training(capacity=2)
    registration = registered(enrolment, "salma@example.org")
    assert registration.status == Status.CONFIRMED
    confirmation = mail.outbox[-1]
    assert "/registration/cancel/" in confirmation.body
    ((name, content, mimetype),) = confirmation.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and "DTSTART;VALUE=DATE:20260321" in text


def test_an_event_calendar_file_has_its_hours():
    enrolment = open_event()
    registered(enrolment, "salma@example.org")
    content = mail.outbox[-1].attachments[0][1]
    text = content.decode() if isinstance(content, bytes) else content
    assert "DTSTART;TZID=Asia/Jerusalem:20260311T" in text


def test_capacity_reached_puts_the_next_on_the_waiting_list():
    enrolment = open_training(capacity=1)
    registered(enrolment, "first@example.org")
    second = registered(enrolment, "second@example.org")
    assert second.status == Status.WAITING
    assert "waiting list" in mail.outbox[-1].subject.lower() or "قائمة الانتظار" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments


def test_cancelling_moves_the_first_waiting_person_up_with_an_email(frozen_now):
    enrolment = open_training(capacity=1)
    first = registered(enrolment, "first@example.org")
    frozen_now.shift(60)
    second = registered(enrolment, "second@example.org")
    frozen_now.shift(60)
    third = registered(enrolment, "third@example.org")
    mail.outbox.clear()

    promoted = services.cancel_registration(first)

    assert [registration.pk for registration in promoted] == [second.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (Status.CONFIRMED, Status.WAITING)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["second@example.org"]
    assert mail.outbox[0].attachments
    assert "/registration/cancel/" in mail.outbox[0].body


def test_cancelling_a_waiting_registration_moves_nobody():
    enrolment = open_training(capacity=1)
    registered(enrolment, "first@example.org")
    waiting = registered(enrolment, "second@example.org")
    mail.outbox.clear()
    assert services.cancel_registration(waiting) == []
    assert mail.outbox == []


def test_a_full_training_and_waiting_list_refuses_and_stores_nothing():
    enrolment = open_training(capacity=1, waiting_list_size=0)
    registered(enrolment, "first@example.org")
    with pytest.raises(services.RegistrationRefused) as refused:
        register(enrolment, "second@example.org")
    assert refused.value.reason == "full"
    assert enrolment.registrations.count() == 1


def test_the_deadline_refuses_asking_and_confirming(frozen_now):
    enrolment = open_training(deadline=NOW + datetime.timedelta(days=1))
    pending = register(enrolment, "late@example.org")
    frozen_now.shift(datetime.timedelta(days=2))
    with pytest.raises(services.RegistrationRefused) as refused:
        register(enrolment, "later@example.org")
    assert refused.value.reason == "deadline"
    with pytest.raises(services.RegistrationRefused):
        services.confirm_registration(pending)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_closed_or_started_trainings_refuse():
    closed = open_training(is_open=False)
    with pytest.raises(services.RegistrationRefused) as refused:
        register(closed, "a@example.org")
    assert refused.value.reason == "closed"
    started = Enrolment.objects.create(training=make_training(start_date=TODAY))
    with pytest.raises(services.RegistrationRefused):
        register(started, "a@example.org")
    assert not Registration.objects.exists()


def test_a_known_address_gets_a_reminder_and_no_second_registration():
    enrolment = open_training()
    registered(enrolment, "salma@example.org")
    mail.outbox.clear()
    again = register(enrolment, "salma@example.org", name="someone else")
    assert again.name == "سلمى"
    assert enrolment.registrations.count() == 1
    assert len(mail.outbox) == 1
    assert "/registration/cancel/" in mail.outbox[0].body
    assert "/registration/confirm/" not in mail.outbox[0].body


def test_asking_twice_before_confirming_updates_the_one_request():
    enrolment = open_training()
    register(enrolment, "salma@example.org", name="First")
    register(enrolment, "salma@example.org", name="Second")
    assert list(enrolment.registrations.values_list("name", flat=True)) == ["Second"]


def test_one_live_registration_per_address_is_a_database_fact():
    enrolment = open_training()
    registered(enrolment, "salma@example.org")
    with pytest.raises(IntegrityError):
        Registration.objects.create(enrolment=enrolment, email="salma@example.org", name="x")


def test_attendance_counts_into_the_enrolment():
    enrolment = open_training()
    first = registered(enrolment, "first@example.org")
    registered(enrolment, "second@example.org")
    services.set_attendance(enrolment, [first.pk])
    enrolment.refresh_from_db()
    assert enrolment.attended_count == 1
    services.set_attendance(enrolment, [])
    enrolment.refresh_from_db()
    assert enrolment.attended_count == 0


def test_retention_reduces_old_registrations_to_counts():
    enrolment = open_training(retention_months=6)
    came = registered(enrolment, "came@example.org")
    registered(enrolment, "absent@example.org")
    services.cancel_registration(registered(enrolment, "cancelled@example.org"))
    services.set_attendance(enrolment, [came.pk])
    end = TODAY + datetime.timedelta(days=21)

    assert services.apply_retention(today=end + datetime.timedelta(days=150)) == 0
    assert enrolment.registrations.count() == 3

    assert services.apply_retention(today=end + datetime.timedelta(days=200)) == 3
    enrolment.refresh_from_db()
    assert not enrolment.registrations.exists()
    assert (enrolment.retained_confirmed, enrolment.retained_attended, enrolment.attended_count) == (2, 1, 1)


def test_retention_deletes_requests_never_confirmed(frozen_now):
    enrolment = open_training()
    register(enrolment, "never@example.org")
    frozen_now.shift(datetime.timedelta(days=3))
    services.apply_retention()
    assert not Registration.objects.exists()


def test_a_person_data_is_exported_and_erased_leaving_counts():
    first = open_training(capacity=1)
    second = open_training()
    came = registered(first, "salma@example.org", city="حيفا")
    waiting = registered(first, "other@example.org")
    registered(second, "salma@example.org")
    services.set_attendance(first, [came.pk])

    exported = services.person_data(" Salma@Example.org ")
    assert len(exported) == 2
    assert {row["email"] for row in exported} == {"salma@example.org"}
    assert "حيفا" in {row["city"] for row in exported}

    assert services.erase_person("salma@example.org") == 2
    assert services.person_data("salma@example.org") == []
    first.refresh_from_db()
    assert (first.retained_confirmed, first.retained_attended, first.attended_count) == (1, 1, 1)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_staff_message_is_sent_once_and_resumes(monkeypatch):
    from enrolment import emails
    from enrolment.models import StaffMessage

    enrolment = open_training()
    people = [registered(enrolment, f"p{n}@example.org") for n in range(3)]
    services.set_attendance(enrolment, [people[0].pk, people[1].pk])
    message = StaffMessage.objects.create(
        enrolment=enrolment, audience=StaffMessage.Audience.ATTENDED, subject="Slides", body="Here."
    )
    mail.outbox.clear()
    original = emails.staff_message
    calls = []

    def fail_second(registration, message, connection=None):
        calls.append(registration.pk)
        if len(calls) == 2:
            raise OSError("mail server gone")
        return original(registration, message, connection=connection)

    monkeypatch.setattr(emails, "staff_message", fail_second)
    with pytest.raises(OSError):
        services.send_staff_message(message)
    assert [m.to for m in mail.outbox] == [["p0@example.org"]]
    assert message.deliveries.count() == 1

    monkeypatch.setattr(emails, "staff_message", original)
    assert services.send_staff_message(message) == 1
    assert services.send_staff_message(message) == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@example.org", "p1@example.org"]
    assert message.finished_at is not None
