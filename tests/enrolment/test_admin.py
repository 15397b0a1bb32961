import csv
import datetime
import io
import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from enrolment import services
from enrolment.models import Enrolment, Registration
from report.formats import as_csv, as_text
from report.service import activity_report
from tests.enrolment.helpers import open_training, registered
from tests.factories import make_training

pytestmark = pytest.mark.django_db
Status = Registration.Status
ADMIN_ATTENDANCE_QUERIES = 8


def attendance_url(enrolment):
    return reverse("admin:enrolment_enrolment_attendance", args=[enrolment.pk])


def test_the_attendance_list_runs_a_fixed_number_of_queries(staff_client, django_assert_num_queries):
    few = open_training()
    registered(few, "a@example.org")
    many = open_training()
    for n in range(12):
        registered(many, f"p{n}@example.org", city="حيفا")
    # The admin's own (session, user, second factor, permissions), then the training and its confirmed people.
    with django_assert_num_queries(ADMIN_ATTENDANCE_QUERIES):
        staff_client.get(attendance_url(few))
    with django_assert_num_queries(ADMIN_ATTENDANCE_QUERIES):
        page = staff_client.get(attendance_url(many))
    assert page.content.decode().count('name="attended"') == 12


def test_marking_attendance_in_the_admin_changes_the_report(staff_client):
    enrolment = open_training()
    people = [registered(enrolment, f"p{n}@example.org") for n in range(3)]
    typed = make_training(start_date=enrolment.training.start_date, participants_count=40)
    start = end = enrolment.training.start_date

    before = activity_report(start, end).totals
    assert (before.trainings, before.participants, before.trainings_counted_from_attendance) == (2, 40, 1)

    response = staff_client.post(attendance_url(enrolment), {"attended": [people[0].pk, people[2].pk]})
    assert response.status_code == 302
    after = activity_report(start, end).totals
    assert after.participants == 42
    assert typed.participants_count == 40

    staff_client.post(attendance_url(enrolment), {"attended": [people[0].pk]})
    assert activity_report(start, end).totals.participants == 41


def test_the_report_says_which_count_it_used(client):
    enrolment = open_training()
    make_training(start_date=enrolment.training.start_date, participants_count=7)
    day = enrolment.training.start_date.isoformat()
    page = client.get(f"/en/impact/?from={day}&to={day}").content.decode()
    assert "1 training of 2 is counted from its attendance list" in page
    # The exports say it too, in the language they are made in.
    report = activity_report(enrolment.training.start_date, enrolment.training.start_date)
    with translation.override("ar"):
        assert "أُحصي تدريب واحد من أصل 2 من قائمة حضوره" in as_text(report)
        assert "أُحصي تدريب واحد من أصل 2 من قائمة حضوره" in as_csv(report)


def test_registrations_list_counts_and_moves_between_lists(staff_client):
    enrolment = open_training(capacity=1)
    first = registered(enrolment, "first@example.org")
    second = registered(enrolment, "second@example.org")
    url = reverse("admin:enrolment_registration_changelist")
    page = staff_client.get(url, {"enrolment__id__exact": enrolment.pk})
    assert page.context["registration_summary"]["total"] == 2

    mail.outbox.clear()
    staff_client.post(url, {"action": "move_to_confirmed", "_selected_action": [second.pk]})
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["second@example.org"]]

    mail.outbox.clear()
    staff_client.post(url, {"action": "move_to_waiting", "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert first.status == Status.WAITING
    (told,) = mail.outbox
    assert told.to == ["first@example.org"]
    assert "قائمة الانتظار" in told.subject and "نقل فريقنا تسجيلك" in told.body


def test_csv_export_neutralises_formulas(staff_client):
    enrolment = open_training(asks_organisation=True)
    registered(enrolment, "a@example.org", name="=HYPERLINK(1)", organisation="جمعية")
    response = staff_client.post(
        reverse("admin:enrolment_registration_changelist"),
        {"action": "export_csv", "_selected_action": list(Registration.objects.values_list("pk", flat=True))},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "'=HYPERLINK(1)" and rows[1][3] == "جمعية"


def test_a_person_data_is_exported_and_erased_from_the_admin(staff_client):
    enrolment = open_training()
    came = registered(enrolment, "salma@example.org")
    services.set_attendance(enrolment, [came.pk])
    url = reverse("admin:enrolment_enrolment_person")
    assert staff_client.get(url).status_code == 200

    exported = staff_client.post(url, {"email": "SALMA@example.org", "export": "1"})
    assert exported["Content-Type"].startswith("application/json")
    assert json.loads(exported.content)[0]["email"] == "salma@example.org"

    erased = staff_client.post(url, {"email": "salma@example.org", "erase": "1"})
    assert erased.status_code == 302
    assert not Registration.objects.exists()
    enrolment.refresh_from_db()
    assert enrolment.attended_count == 1


def test_staff_message_sent_from_the_admin_once(staff_client):
    from enrolment.models import StaffMessage

    enrolment = open_training()
    registered(enrolment, "a@example.org")
    message = StaffMessage.objects.create(enrolment=enrolment, subject="Room changed", body="Room 2.")
    mail.outbox.clear()
    url = reverse("admin:enrolment_staffmessage_changelist")
    for _attempt in range(2):
        staff_client.post(url, {"action": "send_selected", "_selected_action": [message.pk]})
    assert [m.subject for m in mail.outbox] == ["Room changed"]
    assert "/registration/cancel/" in mail.outbox[0].body


def test_enrolment_admin_pages_open(staff_client):
    enrolment = open_training()
    assert staff_client.get(reverse("admin:enrolment_enrolment_changelist")).status_code == 200
    assert staff_client.get(reverse("admin:enrolment_enrolment_change", args=[enrolment.pk])).status_code == 200
    assert staff_client.get(reverse("admin:enrolment_enrolment_add")).status_code == 200


def test_an_enrolment_is_for_a_training_or_an_event_not_both():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Enrolment.objects.create()


def test_retention_command(capsys):
    from django.core.management import call_command

    enrolment = open_training(retention_months=1)
    registered(enrolment, "a@example.org")
    enrolment.training.start_date = enrolment.training.end_date = datetime.date(2025, 1, 1)
    enrolment.training.save()
    call_command("apply_registration_retention")
    assert not Registration.objects.exists()
    assert "1" in capsys.readouterr().out


def test_a_registration_opens_read_only_in_the_admin(staff_client):
    registration = registered(open_training(), "a@example.org")
    page = staff_client.get(reverse("admin:enrolment_registration_change", args=[registration.pk]))
    assert page.status_code == 200 and "a@example.org" in page.content.decode()
    assert staff_client.get(reverse("admin:enrolment_registration_add")).status_code == 403


def test_opening_registration_changes_public_content():
    from content.changes import content_version

    before = content_version()
    open_training()
    assert content_version() != before
