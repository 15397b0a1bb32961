"""Run by test_replica.py in a fresh process whose DATABASE_URL and DATABASE_REPLICA_URL name two SQLite
files: the replica is a copy of the primary taken before the last writes, i.e. a replica lagging behind.
Prints what each request saw, as JSON."""

import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamleh.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections, router, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from hamleh.db_router import STICKY_COOKIE, use_primary  # noqa: E402
from publications.models import Article  # noqa: E402
from tests.factories import make_article  # noqa: E402

setup_test_environment()
call_command("migrate", database="default", verbosity=0)
make_article(title_ar="خبر قديم", slug="old-news")
connections.close_all()
shutil.copyfile(settings.DATABASES["default"]["NAME"], settings.DATABASES["replica"]["NAME"])
make_article(title_ar="خبر جديد", slug="fresh-news")  # on the primary only: the replica lags

seen = {}
visitor = Client()
news = visitor.get("/ar/news/").content.decode()
seen["visitor_list_old"] = "خبر قديم" in news
seen["visitor_list_fresh"] = "خبر جديد" in news
seen["visitor_detail_fresh"] = visitor.get("/ar/news/fresh-news/").status_code
after_write = visitor.post("/ar/newsletter/", {"email": "not-an-address"})
seen["write_status"] = after_write.status_code
seen["sticky_cookie"] = STICKY_COOKIE in after_write.cookies
seen["sticky_max_age"] = after_write.cookies[STICKY_COOKIE]["max-age"] if seen["sticky_cookie"] else None
seen["writer_list_fresh"] = "خبر جديد" in visitor.get("/ar/news/").content.decode()
seen["writer_detail_fresh"] = visitor.get("/ar/news/fresh-news/").status_code
seen["other_visitor_list_fresh"] = "خبر جديد" in Client().get("/ar/news/").content.decode()
seen["read_db"] = router.db_for_read(Article)
seen["write_db"] = router.db_for_write(Article)
with transaction.atomic():
    seen["read_db_in_transaction"] = router.db_for_read(Article)
with use_primary():
    seen["read_db_with_use_primary"] = router.db_for_read(Article)
seen["migrate_on_replica"] = router.allow_migrate("replica", "publications")
seen["replica_rows"] = Article.objects.using("replica").count()
seen["primary_rows"] = Article.objects.using("default").count()
print(json.dumps(seen))  # noqa: T201
