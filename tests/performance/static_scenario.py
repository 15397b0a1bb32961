"""Run by test_static.py in a process with production settings (DJANGO_DEBUG=0): collectstatic into a
temporary folder, then what whitenoise answers for the stylesheet. Prints JSON."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamleh.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)
root = Path(settings.STATIC_ROOT)
url = static("hamleh/site.css")
hashed = root / url.removeprefix(settings.STATIC_URL)
client = Client()
brotli = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
gzip = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
plain = client.get("/static/hamleh/site.css")
seen = {
    "debug": settings.DEBUG,
    "storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "url": url,
    "files": sorted(p.name for p in hashed.parent.glob(hashed.stem.split(".")[0] + "*")),
    "manifest": (root / "staticfiles.json").exists(),
    "br": {"status": brotli.status_code, **{k: brotli.get(k) for k in ("Content-Encoding", "Cache-Control", "Vary")}},
    "gz": {"status": gzip.status_code, **{k: gzip.get(k) for k in ("Content-Encoding", "Cache-Control")}},
    "unhashed": {"status": plain.status_code, "Cache-Control": plain.get("Cache-Control")},
    "sizes": {"css": hashed.stat().st_size, "br": Path(f"{hashed}.br").stat().st_size},
}
print(json.dumps(seen))  # noqa: T201
