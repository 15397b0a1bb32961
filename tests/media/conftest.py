from html.parser import HTMLParser

import pytest


class _FormFields(HTMLParser):
    """The values a browser would submit from the admin's change form (files left out)."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"file", "submit", "button"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_form(staff_client):
    """`admin_form(url)`: the form's current values, ready to change and post."""

    def read(url):
        response = staff_client.get(url)
        assert response.status_code == 200
        parser = _FormFields()
        parser.feed(response.content.decode())
        parser.data.pop("csrfmiddlewaretoken", None)
        return {key: value for key, value in parser.data.items() if "__prefix__" not in key}

    return read


@pytest.fixture
def stored_files(media_root):
    """Every file under MEDIA_ROOT, as sorted relative paths."""

    def files():
        if not media_root.exists():
            return []
        return sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())

    return files
