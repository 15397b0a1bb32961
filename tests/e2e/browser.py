"""Driving Debian's Chromium with Playwright: launch, watch every page for errors, look at layouts."""

import re
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Watch:
    """Everything that went wrong in a browser context: console errors, failed requests, HTTP errors."""

    problems: list = field(default_factory=list)
    allowed_statuses: dict = field(default_factory=dict)  # URL pattern -> status a test expects
    # How many documents each frame has shown, which one each pending request was made for, and the
    # requests Chromium cancelled.
    _navigations: dict = field(default_factory=dict)
    _requested_from: dict = field(default_factory=dict)
    _cancelled: list = field(default_factory=list)

    def attach(self, context):
        context.on("console", self._console)
        context.on("page", lambda page: page.on("framenavigated", self._navigated))
        context.on("request", self._request)
        context.on("requestfinished", lambda request: self._requested_from.pop(request, None))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))

    def _console(self, message):
        url = message.location.get("url", "")
        if message.type == "error" and not (message.text.startswith("Failed to load resource") and self._allowed(url)):
            self.problems.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def _navigated(self, frame):
        self._navigations[frame] = self._navigations.get(frame, 0) + 1

    def _request(self, request):
        self._requested_from[request] = self._navigations.get(request.frame, 0)

    def _failed(self, request):
        failure = request.failure or ""
        requested_from = self._requested_from.pop(request, None)
        if "ERR_ABORTED" in failure:
            # A download ends the navigation that started it: Chromium reports it as aborted.
            if request.resource_type == "document":
                return
            # Leaving a page cancels what it was still loading (images below the fold, say). That is
            # not a fault of the page left, but it cannot be told yet: Chromium cancels them as the
            # next navigation starts, before the frame shows the next page. Judged at the end.
            self._cancelled.append((request, requested_from, failure))
            return
        self.problems.append(f"request failed: {request.method} {request.url} {failure}")

    def _cancelled_by_the_page_itself(self):
        return [
            f"request failed: {request.method} {request.url} {failure}"
            for request, requested_from, failure in self._cancelled
            if requested_from is None or requested_from == self._navigations.get(request.frame, 0)
        ]

    def _response(self, response):
        if response.status < 400:
            return
        if self._allowed(response.url, response.status):
            return
        self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def _allowed(self, url, status=None):
        return any(
            re.search(pattern, url) and status in (None, expected)
            for pattern, expected in self.allowed_statuses.items()
        )

    def assert_clean(self):
        problems = self.problems + self._cancelled_by_the_page_itself()
        self.problems, self._cancelled = [], []
        assert not problems, "\n".join(problems)


def screenshot(page, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def html_lang_dir(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the viewport, and the widest culprits."""
    return page.evaluate(
        """() => {
        const width = window.innerWidth;
        const over = document.documentElement.scrollWidth - width;
        if (over <= 0) return {over: 0, culprits: []};
        const culprits = [...document.querySelectorAll('body *')]
          .filter(el => { const r = el.getBoundingClientRect(); return r.right > width + 1 || r.left < -1; })
          .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
        return {over, culprits};
    }"""
    )
