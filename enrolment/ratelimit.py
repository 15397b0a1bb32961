"""The registration form's limits (safeguards.ratelimit), so a script cannot use it to flood an inbox."""

from safeguards.ratelimit import HOUR, RateLimit

PER_CLIENT = 20
PER_ADDRESS = 3

CLIENT_LIMIT = RateLimit("enrolment.client", PER_CLIENT, HOUR)
ADDRESS_LIMIT = RateLimit("enrolment.address", PER_ADDRESS, HOUR)


def allow_client(request):
    return CLIENT_LIMIT.hit(request)


def allow_address(enrolment, email):
    return ADDRESS_LIMIT.hit_value(f"{enrolment.pk}:{email}")
