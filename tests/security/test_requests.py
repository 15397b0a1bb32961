"""Every public response: security headers, CSRF on every POST, no 500 on any query, 400 on oversized requests."""

import re
from urllib.parse import urlencode, urljoin, urlsplit

import html5lib
import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.html_safety import is_json_ld, json_data_block_problem
from tests.security.public_urls import public_urls, sample_content

pytestmark = pytest.mark.django_db

STRICT_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


@pytest.fixture
def site(client):
    objects = sample_content()
    return public_urls(client, objects)


def directives(csp):
    result = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def assert_security_headers(response, where):
    csp = directives(response.headers.get("Content-Security-Policy", ""))
    assert csp, f"{where}: no CSP"
    script_src = csp.get("script-src", csp.get("default-src"))
    assert script_src, where
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, where
    assert not any(source in {"*", "data:", "http:", "https:"} for source in script_src), where
    assert csp.get("object-src") == ["'none'"], where
    assert csp.get("base-uri") == ["'none'"], where
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("Referrer-Policy") in STRICT_REFERRER_POLICIES, where
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin", where
    assert response.headers.get("Cross-Origin-Resource-Policy") == "same-origin", where
    assert response.headers.get("X-Frame-Options") == "DENY", where


def test_the_walk_finds_every_section(site):
    names = dict(site)
    for expected in (
        "website:home",
        "website:privacy",
        "search:search",
        "website:topic_detail",
        "publications:publication_list",
        "publications:publication_detail",
        "publications:publication_download",
        "trainings:event_detail",
    ):
        assert expected in names


def test_every_public_response_has_the_security_headers(client, site):
    for name, url in site:
        assert_security_headers(client.get(url), name)
    assert_security_headers(client.get("/ar/no-such-page/"), "404")
    assert_security_headers(client.get("/admin/login/"), "admin login")


# What makes the browser fetch something when the page loads: (element, attribute) pairs,
# and the `rel` values that make a <link> fetch (canonical, alternate and hreflang links do not).
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "input": ("src",),
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}
OWN_ORIGIN = "http://testserver"


def fetched_urls(document):
    """(element, URL) for everything a browser would request while loading `document`."""
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        name = element.tag.rpartition("}")[2]
        for attribute in FETCHING_ATTRIBUTES.get(name, ()):
            value = element.get(attribute, "").strip()
            if attribute == "srcset":
                # "url 1x, url 2x": each candidate's first word is a URL.
                yield from ((name, words[0]) for words in map(str.split, value.split(",")) if words)
            elif value:
                yield name, value
        if name == "link" and FETCHING_LINK_RELS & set(element.get("rel", "").lower().split()):
            yield name, element.get("href", "").strip()


def is_third_party(url, page_url):
    absolute = urlsplit(urljoin(OWN_ORIGIN + page_url, url))
    return absolute.scheme in {"http", "https"} and f"{absolute.scheme}://{absolute.netloc}" != OWN_ORIGIN


def test_the_third_party_check_tells_fetches_from_links():
    html = (
        '<link rel="canonical" href="https://other.example/ar/"><link rel="alternate" hreflang="en" '
        'href="//other.example/en/"><link rel="stylesheet" href="/static/site.css">'
        '<link rel="preload icon" href="http://testserver/static/icon.svg"><img src="relative.png">'
        '<link rel="Stylesheet" href="https://cdn.example/x.css"><img srcset="/a.png 1x, //cdn.example/b.png 2x">'
        '<script src="https://cdn.example/x.js"></script><iframe src="https://video.example/"></iframe>'
    )
    urls = [url for _name, url in fetched_urls(html5lib.parse(html)) if is_third_party(url, "/ar/")]
    assert urls == [
        "https://cdn.example/x.css",
        "//cdn.example/b.png",
        "https://cdn.example/x.js",
        "https://video.example/",
    ]


def test_public_pages_set_no_cookie_and_need_no_inline_style_or_script(client, site):
    for name, url in site:
        response = client.get(url)
        assert not response.cookies, f"{name} sets a cookie: {list(response.cookies)}"
        if response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
            document = html5lib.parse(html)
            for script in document.iter("{http://www.w3.org/1999/xhtml}script"):
                if script.get("src") is None:
                    # Only JSON-LD data blocks, which the browser never runs (see html_safety).
                    assert is_json_ld(script), f"{name}: inline script"
                    assert json_data_block_problem(script) is None, f"{name}: {json_data_block_problem(script)}"
            assert not re.search(r"\sstyle=", html), f"{name}: inline style attribute"
            third_party = [(tag, src) for tag, src in fetched_urls(document) if is_third_party(src, url)]
            assert not third_party, f"{name}: third-party requests {third_party}"


def test_admin_csp_allows_the_editor_import_map_by_its_hash_only(staff_client):
    from tests.factories import make_article

    article = make_article(body_ar="<p>نص</p>")
    response = staff_client.get(f"/admin/publications/article/{article.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.DOTALL)
    assert inline_scripts, "the editor's import map is on the page"
    from website.middleware import csp_hash

    script_src = directives(response.headers["Content-Security-Policy"])["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    for script in inline_scripts:
        assert csp_hash(script) in script_src, "every inline script of the admin is allowed by its hash"
    assert len(script_src) == 1 + len(set(inline_scripts)), "and nothing else is"


# The only views that take a POST without a CSRF token, on purpose (the full reasons are
# written above each view in newsletter/views.py and enrolment/views.py).
CSRF_EXEMPT = {
    "newsletter:subscribe": "double opt-in: a forged post can only ask for a confirmation email "
    "to the address itself, which changes nothing until its owner clicks the signed link",
    "newsletter:unsubscribe": "RFC 8058 one-click unsubscribe: mail clients post without a token; "
    "the signed, per-subscriber link is the proof",
    "newsletter:unsubscribe_legacy": "the same, for links sent with the token in the path",
    "enrolment:register_training": "double opt-in, as the newsletter: a forged post can only ask for a "
    "confirming email to the address itself, rate-limited, which holds no place until its owner confirms",
    "enrolment:register_event": "the same, for events",
}


def _views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}", pattern.callback


def test_only_the_listed_views_are_csrf_exempt():
    """A view made exempt later fails here until it is listed above with its reason."""
    exempt = {name for name, view in _views(get_resolver().url_patterns) if getattr(view, "csrf_exempt", False)}
    assert exempt == set(CSRF_EXEMPT)


def test_every_post_without_a_csrf_token_is_refused(site, staff_client):
    anonymous = Client(enforce_csrf_checks=True)
    for name, url in site:
        if name not in CSRF_EXEMPT:
            assert anonymous.post(url, {"q": "x", "email": "a@example.org"}).status_code == 403, name
    assert anonymous.post("/admin/login/", {"username": "staff", "password": "x"}).status_code == 403

    staff = Client(enforce_csrf_checks=True)
    staff.cookies = staff_client.cookies
    assert staff.get("/admin/").status_code == 200
    for url in ("/admin/publications/article/add/", "/admin/logout/", "/admin/password_change/"):
        assert staff.post(url, {"title_ar": "x"}).status_code == 403, url


def test_a_post_with_the_token_goes_through(client):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post("/admin/login/", {"csrfmiddlewaretoken": token, "username": "x", "password": "y"})
    assert response.status_code == 200  # the form answers (wrong password), not the CSRF guard


def test_oversized_bodies_and_too_many_fields_get_400(client, settings):
    too_big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert client.post("/admin/login/", {"username": too_big}).status_code == 400
    many = urlencode([(f"f{i}", "1") for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)])
    assert client.post("/admin/login/", many, content_type="application/x-www-form-urlencoded").status_code == 400
    assert client.get("/ar/publications/", QUERY_STRING=many).status_code == 400
    assert client.get("/ar/search/", QUERY_STRING=many).status_code in (200, 400)  # 400 once it reads the query


def test_malformed_query_strings_never_fail(client, site):
    hostile = [
        "q=%FF%FE%FD",
        "page=%00",
        "topic=%00&year=%00",
        "year=99999999999999999999999",
        "page=-1&page=2",
        "q=" + "a" * 5000,
        "%E0%A4%A=1",
        "&&&==&",
        "from=2021-02-30&to=0000-00-00",
    ]
    for name, url in site:
        for query in hostile:
            assert client.get(url, QUERY_STRING=query).status_code < 500, f"{name}?{query}"


FILTER_KEYS = ["q", "page", "kind", "topic", "year", "file_language", "scope", "state", "target", "format"]
FILTER_KEYS += ["audience", "mode", "role", "when", "from", "to", "lang", "sort", "order"]
query_values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates().map(str),
    st.sampled_from(["", "0", "-1", "all", "ongoing", "report", "2021", "sample-topic", "\x00", "' OR 1=1 --"]),
)
queries = st.lists(st.tuples(st.one_of(st.sampled_from(FILTER_KEYS), st.text(max_size=10)), query_values), max_size=6)


def fuzz(client, name, url):
    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(query=queries)
    def answers_without_error(query):
        response = client.get(url, QUERY_STRING=urlencode(query))
        assert response.status_code < 500, f"{name}?{urlencode(query)}"

    answers_without_error()


def test_fuzzed_query_parameters_never_cause_a_server_error(client, site):
    """Property-based: about 50 random query strings per public URL, none answered with a 500."""
    for name, url in site:
        fuzz(client, name, url)


def test_admin_forms_load_nothing_from_other_sites(staff_client):
    """The admin's scripts and styles (jQuery UI for the translation tabs, the editor) are our own files."""
    from tests.factories import make_article

    article = make_article()
    for url in ("/admin/", "/admin/publications/article/add/", f"/admin/publications/article/{article.pk}/change/"):
        html = staff_client.get(url).content.decode()
        external = re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"((?:https?:)?//[^\"]+)\"", html)
        assert not external, f"{url}: {external}"
