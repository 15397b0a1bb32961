"""An optional read replica (DATABASE_REPLICA_URL): public reads go there, writes to the primary.

A visitor who has just written something (any POST, PUT, PATCH or DELETE) reads from the primary
for DATABASE_PRIMARY_STICKY_SECONDS afterwards, so they see their own change even while the replica
lags behind: the response to the write sets a short-lived cookie holding no data about them. Signed-in
staff, the admin and anything inside a transaction always use the primary. Without a replica this
module is not used at all.
"""

import contextvars

from django.conf import settings
from django.db import connections

PRIMARY, REPLICA = "default", "replica"
STICKY_COOKIE = "hamleh_primary"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_use_primary = contextvars.ContextVar("hamleh_use_primary", default=False)


class use_primary:  # noqa: N801 - used like a function: `with use_primary():`
    """Reads in this block go to the primary (a request after a write, a command that must see its writes)."""

    def __enter__(self):
        self.token = _use_primary.set(True)
        return self

    def __exit__(self, *exc):
        _use_primary.reset(self.token)


def primary_requested():
    """Whether the current request (or block) asked for the primary."""
    return _use_primary.get()


def reads_from_primary():
    return primary_requested() or connections[PRIMARY].in_atomic_block


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return PRIMARY if reads_from_primary() else REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data: objects from either may be related.
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class PrimaryAfterWriteMiddleware:
    """Decides, per request, whether reads may go to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def needs_primary(self, request):
        return (
            request.method in UNSAFE_METHODS
            or STICKY_COOKIE in request.COOKIES
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.path_info.startswith("/admin/")
        )

    def __call__(self, request):
        if not self.needs_primary(request):
            return self.get_response(request)
        with use_primary():
            response = self.get_response(request)
        if request.method in UNSAFE_METHODS:
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.DATABASE_PRIMARY_STICKY_SECONDS,
                secure=not settings.DEBUG,
                httponly=True,
                samesite="Lax",
            )
        return response
