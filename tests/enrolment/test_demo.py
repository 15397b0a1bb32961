import pytest

from enrolment.demo import PAST_SLUG, UPCOMING_SLUG, load_enrolment_demo
from enrolment.models import Registration
from enrolment.services import refusal
from report.service import activity_report
from tests.enrolment.helpers import TODAY
from trainings.models import Training

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_training_and_a_past_one_with_attendance():
    assert load_enrolment_demo() == 2
    assert load_enrolment_demo() == 0  # loading again changes nothing
    upcoming = Training.objects.published().get(slug=UPCOMING_SLUG)
    assert refusal(upcoming.enrolment) is None
    assert upcoming.enrolment.registrations.filter(status=Registration.Status.CONFIRMED).count() == 3
    past = Training.objects.get(slug=PAST_SLUG)
    totals = activity_report(past.start_date, TODAY).totals
    assert (totals.participants, totals.trainings_counted_from_attendance) == (4, 1)
