"""Every change to registrations: asking, confirming, cancelling, the waiting list, attendance,
retention and a person's data. Emails go out after the change is stored."""

import datetime
import logging
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enrolment import emails
from enrolment.models import Enrolment, Registration, StaffMessage, StaffMessageDelivery
from enrolment.tokens import CONFIRM_MAX_AGE

logger = logging.getLogger(__name__)

Status = Registration.Status
ACTIVE = [Status.PENDING, Status.CONFIRMED, Status.WAITING]


class RegistrationRefused(Exception):
    MESSAGES = {
        "closed": _("Registration for this is closed."),
        "deadline": _("The registration deadline has passed."),
        "full": _("This is full, and so is its waiting list."),
    }

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self):
        return self.MESSAGES[self.reason]


@dataclass
class Places:
    confirmed: int
    waiting: int
    capacity: int | None
    waiting_list_size: int | None

    @property
    def has_free_place(self):
        return self.capacity is None or self.confirmed < self.capacity

    @property
    def is_full(self):
        """No place and no room left on the waiting list."""
        if self.has_free_place or self.waiting_list_size is None:
            return False
        return self.waiting >= self.waiting_list_size


def places(enrolment):
    counts = enrolment.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
    )
    return Places(counts["confirmed"], counts["waiting"], enrolment.capacity, enrolment.waiting_list_size)


def refusal(enrolment, taken=None, now=None):
    """Why the training or event takes no registration now (a RegistrationRefused), or None.
    `taken`: its `places()` if already counted."""
    now = now or timezone.now()
    if not enrolment.is_open or enrolment.has_started(now):
        return RegistrationRefused("closed")
    if enrolment.deadline is not None and now > enrolment.deadline:
        return RegistrationRefused("deadline")
    if (taken or places(enrolment)).is_full:
        return RegistrationRefused("full")
    return None


def check_open(enrolment, now=None):
    refused = refusal(enrolment, now=now)
    if refused is not None:
        raise refused


def _locked(enrolment):
    """The enrolment row locked until the transaction ends: places are counted and given one at a time."""
    return Enrolment.objects.select_for_update().get(pk=enrolment.pk)


def request_registration(enrolment, *, email, name, language, **answers):
    """Ask for a place: an email with a confirming link goes to the address.

    The answer is the same whether the address is new, waiting for confirmation or already
    registered (it then gets a reminder instead), so the form never tells who registered.
    """
    check_open(enrolment)
    fields = {"name": name, "language": language, **answers}
    with transaction.atomic():
        _locked(enrolment)
        existing = enrolment.registrations.filter(email=email, status__in=ACTIVE).first()
        if existing is None:
            registration = Registration.objects.create(enrolment=enrolment, email=email, **fields)
        elif existing.status == Status.PENDING:
            for field, value in fields.items():
                setattr(existing, field, value)
            existing.requested_at = timezone.now()
            existing.save()
            registration = existing
        else:
            registration = existing
    registration.enrolment = enrolment
    if registration.status == Status.PENDING:
        emails.confirm_request(registration).send()
    else:
        emails.already_registered(registration).send()
    return registration


def confirm_registration(registration, now=None):
    """The address is confirmed: a place if one is free, else the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = _locked(registration.enrolment)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.PENDING:
            return registration
        check_open(enrolment, now)
        registration.status = Status.CONFIRMED if places(enrolment).has_free_place else Status.WAITING
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    registration.enrolment = enrolment
    if registration.status == Status.CONFIRMED:
        emails.confirmed(registration).send()
    else:
        emails.waiting(registration).send()
    return registration


def _promote_waiting(enrolment):
    """Move the longest waiting up while places are free; the list of those moved up."""
    promoted = []
    free = places(enrolment)
    queue = enrolment.registrations.filter(status=Status.WAITING).order_by("confirmed_at", "pk")
    for registration in queue:
        if free.capacity is not None and free.confirmed + len(promoted) >= free.capacity:
            break
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status"])
        promoted.append(registration)
    return promoted


def _send_moved_up(enrolment, promoted):
    for registration in promoted:
        registration.enrolment = enrolment
        emails.confirmed(registration, moved_up=True).send()


def cancel_registration(registration, now=None):
    """Cancel; a place freed goes to the first on the waiting list, who is told by email."""
    with transaction.atomic():
        enrolment = _locked(registration.enrolment)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return []
        had_place = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.attended = False
        registration.cancelled_at = now or timezone.now()
        registration.save(update_fields=["status", "attended", "cancelled_at"])
        promoted = _promote_waiting(enrolment) if had_place else []
        _count_attendance(enrolment)
    _send_moved_up(enrolment, promoted)
    return promoted


def move_to_confirmed(enrolment, registrations):
    """Staff give places by hand (beyond the capacity if they choose); each person is told."""
    with transaction.atomic():
        enrolment = _locked(enrolment)
        moved = list(enrolment.registrations.filter(pk__in=[r.pk for r in registrations], status=Status.WAITING))
        for registration in moved:
            registration.status = Status.CONFIRMED
            registration.save(update_fields=["status"])
    _send_moved_up(enrolment, moved)
    return moved


def move_to_waiting(enrolment, registrations):
    """Staff take places back; each person is told they are on the waiting list now."""
    with transaction.atomic():
        enrolment = _locked(enrolment)
        moved = list(enrolment.registrations.filter(pk__in=[r.pk for r in registrations], status=Status.CONFIRMED))
        for registration in moved:
            registration.status = Status.WAITING
            registration.attended = False
            registration.save(update_fields=["status", "attended"])
        _count_attendance(enrolment)
    for registration in moved:
        registration.enrolment = enrolment
        emails.waiting(registration, moved_back=True).send()
    return moved


def _count_attendance(enrolment):
    attended = enrolment.registrations.filter(attended=True).count()
    Enrolment.objects.filter(pk=enrolment.pk).update(attended_count=attended + enrolment.retained_attended)


def set_attendance(enrolment, attended_ids):
    """The attendance list of the day: exactly the confirmed registrations in `attended_ids` came."""
    with transaction.atomic():
        enrolment = _locked(enrolment)
        confirmed = enrolment.registrations.filter(status=Status.CONFIRMED)
        confirmed.filter(pk__in=attended_ids).update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)
        _count_attendance(enrolment)


def _reduce_to_counts(enrolment, registrations):
    """Delete registrations, keeping how many were confirmed and how many came."""
    counts = registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    enrolment.retained_confirmed += counts["confirmed"]
    enrolment.retained_attended += counts["attended"]
    enrolment.save(update_fields=["retained_confirmed", "retained_attended"])
    deleted, _by_model = registrations.delete()
    _count_attendance(enrolment)
    return counts


def apply_retention(today=None):
    """Registrations of trainings and events over for longer than their retention become counts;
    requests never confirmed are deleted once their link has expired. Returns how many were removed."""
    today = today or timezone.localdate()
    reduced = 0
    enrolments = Enrolment.objects.filter(registrations__isnull=False).distinct().select_related("training", "event")
    for enrolment in enrolments:
        if enrolment.ends_on() + relativedelta(months=enrolment.retention_months) >= today:
            continue
        with transaction.atomic():
            enrolment = _locked(enrolment)
            registrations = enrolment.registrations.all()
            reduced += registrations.count()
            _reduce_to_counts(enrolment, registrations)
    expired = timezone.now() - datetime.timedelta(seconds=CONFIRM_MAX_AGE)
    stale, _by_model = Registration.objects.filter(status=Status.PENDING, requested_at__lt=expired).delete()
    return reduced + stale


def person_data(email):
    """Everything kept about an address, for a request to see one's data."""
    registrations = Registration.objects.filter(email=email.strip().lower()).select_related(
        "enrolment__training", "enrolment__event"
    )
    return [
        {
            "training_or_event": str(registration.enrolment),
            "name": registration.name,
            "email": registration.email,
            "language": registration.language,
            "organisation": registration.organisation,
            "city": registration.city,
            "age_group": registration.age_group,
            "accessibility_needs": registration.accessibility_needs,
            "status": registration.status,
            "attended": registration.attended,
            "requested_at": registration.requested_at.isoformat(),
            "confirmed_at": registration.confirmed_at.isoformat() if registration.confirmed_at else None,
            "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
        }
        for registration in registrations
    ]


def erase_person(email):
    """Erase an address's registrations; what they counted stays as counts. Places freed move the
    waiting list up. Returns how many registrations were erased."""
    erased = 0
    enrolment_ids = set(Registration.objects.filter(email=email.strip().lower()).values_list("enrolment_id", flat=True))
    for enrolment in Enrolment.objects.filter(pk__in=enrolment_ids):
        with transaction.atomic():
            enrolment = _locked(enrolment)
            registrations = enrolment.registrations.filter(email=email.strip().lower())
            had_place = registrations.filter(status=Status.CONFIRMED).exists()
            erased += registrations.count()
            _reduce_to_counts(enrolment, registrations)
            promoted = _promote_waiting(enrolment) if had_place and not enrolment.has_started() else []
        _send_moved_up(enrolment, promoted)
    return erased


def message_recipients(message):
    registrations = message.enrolment.registrations.filter(status=Status.CONFIRMED)
    if message.audience == StaffMessage.Audience.ATTENDED:
        registrations = registrations.filter(attended=True)
    return registrations.exclude(message_deliveries__message=message).order_by("pk")


def send_staff_message(message):
    """Send to everyone not yet served, one transaction each: the delivery row is written, then the
    email sent; a failure rolls back that one and stops, and sending again resumes. Returns the count sent."""
    sent = 0
    connection = get_connection()
    try:
        for registration in message_recipients(message).select_related("enrolment__training", "enrolment__event"):
            try:
                with transaction.atomic():
                    StaffMessageDelivery.objects.create(message=message, registration=registration)
                    emails.staff_message(registration, message, connection=connection).send()
            except IntegrityError:  # sent meanwhile by another process
                continue
            sent += 1
    finally:
        connection.close()
    StaffMessage.objects.filter(pk=message.pk).update(finished_at=timezone.now())
    message.refresh_from_db()
    return sent
