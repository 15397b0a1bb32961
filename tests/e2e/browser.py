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
    # The address of the document each pending request was made for.
    _requested_from: dict = field(default_factory=dict)

    def attach(self, context):
        context.on("console", self._console)
        context.on("request", self._request)
        context.on("requestfinished", lambda request: self._requested_from.pop(request, None))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))

    def _console(self, message):
        url = message.location.get("url", "")
        if message.type == "error" and not (message.text.startswith("Failed to load resource") and self._allowed(url)):
            self.problems.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def _request(self, request):
        self._requested_from[request] = request.frame.url

    def _failed(self, request):
        failure = request.failure or ""
        requested_from = self._requested_from.pop(request, None)
        if "ERR_ABORTED" in failure:
            # A download ends the navigation that started it: Chromium reports it as aborted.
            if request.resource_type == "document":
                return
            # Leaving a page cancels what it was still loading (images below the fold, say): a visitor
            # clicking on before a page has finished is not a fault of the page they left.
            if requested_from is not None and requested_from != request.frame.url:
                return
        self.problems.append(f"request failed: {request.method} {request.url} {failure}")

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
        problems, self.problems = self.problems, []
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
