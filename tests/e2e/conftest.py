"""End-to-end fixtures: one Chromium for the session, the demo site on pytest-django's live server.

The live server runs in a thread of the test process, so settings changed here and a
`time_machine.travel` started by a test apply to it as well.
"""

import os

import pytest

from demo.loading import load_demo
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, Watch


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to
    # run under one unless told that it is safe (the test and the loop share the thread).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(transactional_db, live_server, settings):
    """The demo organisation served over plain HTTP, its uploads included."""
    settings.ROOT_URLCONF = "tests.e2e.urls"
    # The live server speaks plain HTTP: cookies marked Secure would not come back.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    load_demo(accounts=False)
    return live_server.url


@pytest.fixture
def watch():
    return Watch()


@pytest.fixture
def new_page(browser, watch):
    """`new_page(locale="ar", viewport=PHONE)`: a fresh context (own cookies) with a watched page."""
    contexts = []

    def make(locale="ar", viewport=PHONE, **options):
        context = browser.new_context(locale=locale, viewport=viewport, accept_downloads=True, **options)
        context.set_default_timeout(10_000)
        watch.attach(context)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
