import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from enrolment.models import Registration
from enrolment.tokens import make_token
from tests.enrolment.helpers import link_in, open_event, open_training, register, registered

pytestmark = pytest.mark.django_db
Status = Registration.Status


def register_url(enrolment, language="ar"):
    with translation.override(language):
        if enrolment.training_id:
            return reverse("enrolment:register_training", kwargs={"slug": enrolment.training.slug})
        return reverse("enrolment:register_event", kwargs={"slug": enrolment.event.slug})


def form(email="salma@example.org", name="سلمى", **extra):
    return {"email": email, "name": name, **extra}


@pytest.mark.parametrize("language,direction", [("ar", "rtl"), ("en", "ltr"), ("he", "rtl")])
def test_the_form_asks_only_the_chosen_questions_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, language, direction
):
    enrolment = open_training(asks_city=True, asks_age_group=True)
    with django_assert_num_queries(2):
        response = client.get(register_url(enrolment, language))
    page = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in page
    assert 'name="city"' in page and 'name="age_group"' in page
    assert 'name="organisation"' not in page and 'name="accessibility_needs"' not in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_registering_and_confirming_from_the_email(client):
    enrolment = open_training(capacity=5, asks_organisation=True)
    response = client.post(register_url(enrolment, "en"), form(organisation="Hamleh"))
    assert response.status_code == 302 and response["Location"] == "/en/registration/sent/"
    registration = Registration.objects.get()
    assert (registration.status, registration.language, registration.organisation) == ("pending", "en", "Hamleh")

    confirm = link_in(mail.outbox[0], "confirm")
    assert "salma" not in confirm
    page = client.get(confirm)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    registration.refresh_from_db()
    assert registration.status == Status.PENDING  # opening the link alone confirms nothing
    done = client.post(confirm)
    assert done.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert mail.outbox[-1].attachments


def test_the_same_answer_for_a_known_and_an_unknown_address(client):
    enrolment = open_training()
    registered(enrolment, "known@example.org")
    known = client.post(register_url(enrolment), form(email="known@example.org"))
    unknown = client.post(register_url(enrolment), form(email="unknown@example.org"))
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content


@pytest.mark.parametrize(
    "data,field",
    [
        (form(name="x" * 121), "name"),
        (form(name="<b>سلمى</b>"), "name"),
        (form(email="not-an-address"), "email"),
        (form(email=""), "email"),
        (form(city="<script>alert(1)</script>"), "city"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(client, data, field):
    enrolment = open_training(asks_city=True)
    response = client.post(register_url(enrolment), data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'class="errorlist' in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_a_full_training_says_so_and_stores_nothing(client):
    enrolment = open_training(capacity=1, waiting_list_size=0)
    registered(enrolment, "first@example.org")
    mail.outbox.clear()
    page = client.get(register_url(enrolment, "en")).content.decode()
    assert "This is full" in page and "enrolment-form" not in page
    response = client.post(register_url(enrolment, "en"), form(email="second@example.org"))
    assert response.status_code == 200 and "This is full" in response.content.decode()
    assert Registration.objects.count() == 1 and mail.outbox == []


def test_a_closed_training_says_so(client):
    enrolment = open_training(is_open=False)
    response = client.post(register_url(enrolment, "en"), form())
    assert "Registration for this is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_training_without_registration_has_no_form(client):
    enrolment = open_training()
    enrolment.delete()
    assert client.get(register_url(enrolment)).status_code == 404


def test_the_honeypot_answers_as_for_a_person_and_stores_nothing(client):
    enrolment = open_training()
    response = client.post(register_url(enrolment), form(website="spam"))
    assert response["Location"] == "/ar/registration/sent/"
    assert not Registration.objects.exists() and mail.outbox == []


def test_tampered_expired_and_misused_links_are_refused(client, frozen_now):
    enrolment = open_event()
    registration = register(enrolment, "salma@example.org")
    confirm = link_in(mail.outbox[0], "confirm")
    cancel = link_in(mail.outbox[0], "cancel")

    tampered = confirm[:-3] + ("A" if confirm[-3] != "A" else "B") + confirm[-2:]
    assert client.get(tampered).status_code == 400
    wrong_purpose = cancel.replace("/cancel/", "/confirm/")
    assert client.post(wrong_purpose).status_code == 400

    frozen_now.shift(datetime.timedelta(days=3))
    expired = client.post(confirm)
    assert (expired.status_code, expired.context["problem"]) == (400, "expired")
    registration.refresh_from_db()
    assert registration.status == Status.PENDING


def test_cancelling_from_the_link_moves_the_waiting_list_up(client, frozen_now):
    enrolment = open_training(capacity=1)
    first = registered(enrolment, "first@example.org")
    frozen_now.shift(60)
    second = registered(enrolment, "second@example.org")
    with translation.override("ar"):
        cancel = reverse("enrolment:cancel", kwargs={"token": make_token(first, "cancel")})
    assert client.get(cancel).status_code == 200
    mail.outbox.clear()
    assert client.post(cancel).status_code == 200
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["second@example.org"]]
    assert client.get(cancel).status_code == 400  # the link of a cancelled registration no longer works


def test_the_page_shows_nothing_about_people(client):
    enrolment = open_training(capacity=1)
    registered(enrolment, "first@example.org", name="Salma Secret")
    page = client.get(register_url(enrolment, "en")).content.decode()
    assert "Salma" not in page and "first@example.org" not in page
    assert "waiting list" in page


def test_the_registration_box_renders_only_while_open():
    from django.template.loader import render_to_string

    enrolment = open_training()
    training = enrolment.training
    assert "/register/" in render_to_string("enrolment/registration_box.html", {"object": training})
    enrolment.is_open = False
    enrolment.save()
    training.refresh_from_db()
    assert render_to_string("enrolment/registration_box.html", {"object": training}).strip() == ""


def test_the_registration_box_renders_nothing_without_registration_settings():
    from django.template.loader import render_to_string

    from tests.factories import make_training

    assert render_to_string("enrolment/registration_box.html", {"object": make_training()}).strip() == ""


def test_too_many_requests_for_one_address_send_no_more_emails_and_answer_the_same(client, clock_mid_hour):
    from enrolment.ratelimit import PER_ADDRESS

    enrolment = open_training()
    answers = {client.post(register_url(enrolment), form())["Location"] for _attempt in range(PER_ADDRESS + 2)}
    assert answers == {"/ar/registration/sent/"}
    assert len(mail.outbox) == PER_ADDRESS
