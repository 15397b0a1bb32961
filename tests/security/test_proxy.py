"""The nginx configuration of docs/deployment.md, run as written in front of gunicorn.

Debian's nginx (`apt-get install nginx-light`; `.ci/run` installs it) runs the `nginx` block of the
deployment guide with only what names this machine changed: the upstream server, the listening addresses,
a throw-away certificate and the paths of the log and the media folder. gunicorn runs with
`gunicorn.conf.py` and production settings (DJANGO_DEBUG=0, DJANGO_BEHIND_PROXY=1) on a SQLite file of its
own. Through that stack:

- twelve wrong passwords for one account, each with another forged `X-Forwarded-For`, are counted as
  coming from the one address the proxy saw: the fifth locks the account out, and no forged address is
  recorded anywhere;
- a public form refuses a large body at the proxy; the admin takes it;
- a PDF from the media folder is an attachment; neither the proxy's nor gunicorn's access log holds the
  query string of a newsletter link.
"""

import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from http.client import HTTPSConnection
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "example.org"
PASSWORD = "a-long-test-password-1"
NOT_INHERITED = ("DJANGO_", "GUNICORN_", "PYTEST_", "DATABASE_", "HAMLEH_", "REDIS_URL")

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (apt-get install nginx-light)")

COLLECT_MANIFEST = """
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

manifest_only = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": manifest_only}):
    call_command("collectstatic", "--noinput", "-v", "0")
"""
CREATE_STAFF = (
    "from django.contrib.auth import get_user_model; "
    f"get_user_model().objects.create_superuser('amal', 'amal@example.org', {PASSWORD!r})"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def deployment_guide_nginx_block():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    section = guide[guide.index("## nginx in front") :]
    return re.search(r"```nginx\n(.*?)```", section, re.DOTALL).group(1)


def adapted_to_this_machine(block, folder, app_port, https_port, http_port):
    """The guide's block with this machine's names; every directive stays as written."""
    replacements = [
        ("server 10.0.0.11:8000", f"server 127.0.0.1:{app_port}"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("/etc/letsencrypt/live/example.org/fullchain.pem", str(folder / "cert.pem")),
        ("/etc/letsencrypt/live/example.org/privkey.pem", str(folder / "key.pem")),
        ("/var/log/nginx/hamleh.log", str(folder / "nginx-access.log")),
        ("/srv/hamleh/media/", f"{folder / 'media'}/"),
    ]
    for written, local in replacements:
        assert written in block, f"the guide no longer says {written!r}: update this test with it"
        block = block.replace(written, local)
    # One app server here: the guide's second one is left out.
    return "\n".join(line for line in block.splitlines() if "10.0.0.12" not in line)


def nginx_conf(folder, server_block):
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read this test's private folder
    return (
        f"{user}pid {folder / 'nginx.pid'};\nerror_log {folder / 'nginx-error.log'};\n"
        "events {}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{server_block}\n}}\n"
    )


def environment(folder):
    env = {name: value for name, value in os.environ.items() if not name.startswith(NOT_INHERITED)}
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(folder / "cache"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_SECRET_KEY="proxy-test-secret-key-" + "k" * 32,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SITE_URL=f"https://{HOST}",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_PROXY_COUNT="1",
        GUNICORN_WORKERS="2",
    )
    return env


def run(command, env, **kwargs):
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False)  # noqa: S603
    assert done.returncode == 0, f"{command[:3]} failed:\n{(done.stdout + done.stderr)[-3000:]}"


def wait_for_port(port, process, log, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} stopped:\n{log.read_text()[-3000:] if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"nothing listens on {port}:\n{log.read_text()[-3000:] if log.exists() else ''}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Proxy:
    def __init__(self, port, folder):
        self.port, self.folder = port, folder
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE

    def request(self, method, path, body=None, headers=None):
        connection = HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=20)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("proxy")
    (folder / "media").mkdir()
    env = environment(folder)
    run([PYTHON, "manage.py", "shell", "--no-imports", "-c", COLLECT_MANIFEST], env)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    run([PYTHON, "manage.py", "shell", "--no-imports", "-c", CREATE_STAFF], env)
    run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}"]
        + ["-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        env,
    )
    app_port, https_port, http_port = free_port(), free_port(), free_port()
    server_block = adapted_to_this_machine(deployment_guide_nginx_block(), folder, app_port, https_port, http_port)
    (folder / "nginx.conf").write_text(nginx_conf(folder, server_block))
    gunicorn_log = folder / "gunicorn.log"
    with open(gunicorn_log, "wb") as log:
        app = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{app_port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    nginx_log = folder / "nginx-error.log"
    web = subprocess.Popen(  # noqa: S603
        [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(nginx_log), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(app_port, app, gunicorn_log)
        wait_for_port(https_port, web, nginx_log)
        yield Proxy(https_port, folder)
    finally:
        stop(web)
        stop(app)


def login_page(proxy):
    status, headers, body = proxy.request("GET", "/admin/login/")
    assert status == 200, body[:500]
    csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    csrf_field = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return csrf_cookie, csrf_field


def sign_in(proxy, password, forged_address):
    csrf_cookie, csrf_field = login_page(proxy)
    form = f"csrfmiddlewaretoken={csrf_field}&username=amal&password={password}&otp_token=123456"
    status, _headers, _body = proxy.request(
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/admin/login/",
            "X-Forwarded-For": forged_address,
        },
    )
    return status


def recorded_addresses(proxy):
    database = sqlite3.connect(proxy.folder / "db.sqlite3")
    try:
        return {address for (address,) in database.execute("SELECT ip_address FROM axes_accessattempt")}
    finally:
        database.close()


def test_forged_forwarded_for_does_not_escape_throttling(proxy):
    statuses = [sign_in(proxy, "wrong-password", f"198.51.100.{number}") for number in range(12)]
    assert statuses[:4] == [200] * 4
    assert statuses[4:] == [429] * 8, "the fifth failure locks, whatever address each attempt claimed"
    assert recorded_addresses(proxy) == {"127.0.0.1"}, "the address nginx saw, none of the forged ones"


def test_public_forms_refuse_large_bodies_at_the_proxy(proxy):
    body = b"email=reader%40example.org&website=" + b"x" * 200_000
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _headers, _body = proxy.request("POST", "/ar/newsletter/", body=body, headers=headers)
    assert status == 413
    status, _headers, _body = proxy.request("POST", "/admin/login/", body=body, headers=headers)
    assert status != 413, "the admin takes uploads"


def test_media_pdfs_are_attachments_and_logs_keep_no_token(proxy):
    folder = proxy.folder / "media" / "publications" / "0123456789abcdef0123456789abcdef"
    folder.mkdir(parents=True)
    (folder / "report-ar.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff")
    status, headers, _body = proxy.request("GET", "/media/publications/0123456789abcdef0123456789abcdef/report-ar.pdf")
    assert status == 200 and headers.get("Content-Disposition") == "attachment"
    status, headers, _body = proxy.request("GET", "/media/publications/0123456789abcdef0123456789abcdef/cover.jpg")
    assert status == 200 and "Content-Disposition" not in headers
    proxy.request("GET", "/ar/newsletter/manage/?token=a-secret-newsletter-token")
    time.sleep(0.5)  # the access logs are written just after the answer
    assert "/ar/newsletter/manage/" in (proxy.folder / "nginx-access.log").read_text()
    for log in ("nginx-access.log", "gunicorn.log"):
        assert "a-secret-newsletter-token" not in (proxy.folder / log).read_text(), log
