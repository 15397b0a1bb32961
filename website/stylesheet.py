"""The public stylesheet, written into every page's `<head>` instead of linked from it.

It is small (about 4 KB compressed). Linked, it costs a phone a second round trip before
anything is painted, and a browser that has read the whole page before the stylesheet
arrives lays the page out twice: once without styles (for its form autofill), then again.
The public CSP allows this one `<style>` by its hash (`website.middleware.PUBLIC_CSP`).
"""

import functools
import re
from pathlib import Path

from django.contrib.staticfiles import finders

SITE_STYLESHEET = "hamleh/site.css"
_COMMENT = re.compile(r"/\*.*?\*/\s*", re.DOTALL)


def site_stylesheet_path():
    return Path(finders.find(SITE_STYLESHEET))


@functools.cache
def site_stylesheet():
    """The stylesheet's text without its comments, read once per process (`runserver` restarts on an edit)."""
    return _COMMENT.sub("", site_stylesheet_path().read_text(encoding="utf-8"))


def watch_site_stylesheet(sender, **kwargs):
    """`runserver` restarts when the stylesheet changes, so the page and its CSP hash follow the edit."""
    sender.extra_files.add(site_stylesheet_path())
