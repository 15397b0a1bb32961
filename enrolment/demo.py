"""The demo's registrations: a workshop open for registration with a few people signed up, and a
past study day whose attendance was taken, so the activity report shows both kinds of count.

Dates are relative to today, so the demo stays true whenever it is loaded; loading it again
changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from content.models import Status
from enrolment.models import Enrolment, Registration
from trainings.models import Training

UPCOMING_SLUG = "family-digital-safety-workshop"
PAST_SLUG = "journalists-source-protection-study-day"
DEMO_SLUGS = (UPCOMING_SLUG, PAST_SLUG)

UPCOMING = {
    "title_ar": "ورشة الأمان الرقمي للعائلة",
    "title_en": "Workshop: digital safety for the family",
    "title_he": "סדנה: בטיחות דיגיטלית למשפחה",
    "summary_ar": "ورشة للأهالي: إعدادات الخصوصية على هواتف الأطفال، والتنمّر الإلكتروني، وكيف نتحدّث مع أبنائنا.",
    "summary_en": "For parents: privacy settings on children's phones, online bullying, and how to talk about it.",
    "summary_he": "סדנה להורים: הגדרות פרטיות בטלפונים של ילדים, בריונות ברשת ואיך מדברים על זה.",
    "format": Training.Format.WORKSHOP,
    "audience": Training.Audience.PARENTS,
    "mode": Training.Mode.IN_PERSON,
    "location_ar": "حيفا",
    "location_en": "Haifa",
    "location_he": "חיפה",
}
PAST = {
    "title_ar": "يوم دراسي: حماية المصادر للصحفيين",
    "title_en": "Study day: protecting sources for journalists",
    "title_he": "יום עיון: הגנה על מקורות לעיתונאים",
    "summary_ar": "يوم دراسي عن الاتصالات المشفّرة وحفظ الملفات وحماية هوية المصادر.",
    "summary_en": "A study day on encrypted communication, keeping files safe and protecting sources' identity.",
    "summary_he": "יום עיון על תקשורת מוצפנת, שמירה על קבצים והגנה על זהות מקורות.",
    "format": Training.Format.STUDY_DAY,
    "audience": Training.Audience.JOURNALISTS,
    "mode": Training.Mode.IN_PERSON,
    "location_ar": "رام الله",
    "location_en": "Ramallah",
    "location_he": "רמאללה",
}

PEOPLE = [
    ("سلمى خوري", "salma@example.org", "حيفا"),
    ("يوسف حداد", "yousef@example.org", "الناصرة"),
    ("رنا عودة", "rana@example.org", "عكا"),
    ("Maya Levi", "maya@example.org", "Haifa"),
    ("كريم ناصر", "karim@example.org", "يافا"),
]


def _training(slug, values, start):
    training = Training.objects.filter(slug=slug).first()
    if training is not None:
        return training, False
    return (
        Training.objects.create(
            slug=slug,
            status=Status.PUBLISHED,
            publish_at=timezone.now() - datetime.timedelta(days=60),
            start_date=start,
            end_date=start,
            **values,
        ),
        True,
    )


@transaction.atomic
def load_enrolment_demo(today=None):
    """Returns how many trainings it created (0 when the demo was already loaded)."""
    today = today or timezone.localdate()
    created = 0
    upcoming, is_new = _training(UPCOMING_SLUG, UPCOMING, today + datetime.timedelta(days=30))
    if is_new:
        created += 1
        enrolment = Enrolment.objects.create(
            training=upcoming, capacity=4, waiting_list_size=10, asks_city=True, asks_age_group=True
        )
        confirmed_at = timezone.now() - datetime.timedelta(days=3)
        for index, (name, email, city) in enumerate(PEOPLE[:3]):
            Registration.objects.create(
                enrolment=enrolment,
                name=name,
                email=email,
                city=city,
                age_group="6_12",
                status=Registration.Status.CONFIRMED,
                confirmed_at=confirmed_at + datetime.timedelta(minutes=index),
            )
    past, is_new = _training(PAST_SLUG, PAST, today - datetime.timedelta(days=40))
    if is_new:
        created += 1
        enrolment = Enrolment.objects.create(training=past, capacity=20, asks_organisation=True)
        confirmed_at = timezone.now() - datetime.timedelta(days=50)
        for index, (name, email, _city) in enumerate(PEOPLE):
            Registration.objects.create(
                enrolment=enrolment,
                name=name,
                email=email,
                organisation="—",
                status=Registration.Status.CONFIRMED,
                confirmed_at=confirmed_at + datetime.timedelta(minutes=index),
                # Four of the five came.
                attended=index != 1,
            )
        Enrolment.objects.filter(pk=enrolment.pk).update(attended_count=len(PEOPLE) - 1)
    return created
