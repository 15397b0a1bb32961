"""HTML sanitising with an allowlist (nh3, the Rust ammonia sanitiser).

Everything staff write as rich text goes through `clean_html` when it is saved
and again when it is shown, so no stored or injected markup can run.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "lang", "dir"},
    "p": {"lang", "dir"},
    "blockquote": {"lang", "dir", "cite"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def clean_html(html):
    """Return `html` with every tag, attribute and URL scheme outside the allowlist removed."""
    if not html:
        return ""
    return _cleaner.clean(html)
