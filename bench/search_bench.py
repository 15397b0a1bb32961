"""Search benchmark (not a test): time of the first results page with 100 and with 100,000 items.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hamleh_search_bench .venv/bin/python bench/search_bench.py

PostgreSQL only, in a database of its own: for each size it EMPTIES the content tables, runs
`generate_content --count SIZE --seed 1`, then requests `/ar/search/?q=…` (the whole page: query,
ranking, snippets, template) for a set of queries, and writes the figures into the "Search" section of
docs/performance.md. `--reuse` skips the generation when the database already holds exactly SIZE
items (sizes are measured largest first, so a second run reuses what the first one left).
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamleh.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_TESTING", "1")
# The query and the page are what is measured: every request renders them, none comes from the page cache.
os.environ.setdefault("DJANGO_PUBLIC_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from search.index import MAX_CANDIDATES  # noqa: E402
from search.models import SearchDocument  # noqa: E402

QUERIES = [
    ("الحقوق الرقمية", "", "Arabic, two very common words"),
    ("للفلسطينيين", "", "Arabic, prefix clitic and plural"),
    ("تَقْرِير", "", "Arabic with diacritics"),
    ("سترايب", "", "Arabic, a rarer name"),
    ("digital security", "", "English, stemmed"),
    ("פרטיות", "", "Hebrew"),
    ("تدريب", "trainings", "Arabic, one section"),
    ("surveilance", "", "misspelled, but English stemming already folds it"),
    ("parentng", "", "misspelled: trigram fallback and did you mean"),
    ("كلمةغيرموجودة", "", "no result at all"),
    ("الفيس بوك", "", "Arabic, a name written apart"),
    ("غوغل", "", "Arabic, a spelling variant"),
    ("التربية الرقمية", "", "Arabic, a synonym group"),
    ("Twiter", "", "misspelled, few results: did you mean"),
]
# Median ms at 100,000 items measured before spelling variants, synonyms and "did you mean" were added
# (same machine, same generated content): each query must stay within 1.5 times its figure.
EARLIER_MEDIANS = {
    "الحقوق الرقمية": 18.8,
    "للفلسطينيين": 24.3,
    "تَقْرِير": 14.7,
    "سترايب": 22.7,
    "digital security": 25.9,
    "פרטיות": 24.4,
    "تدريب": 15.1,
    "surveilance": 22.1,
    "parentng": 69.7,
    "كلمةغيرموجودة": 17.2,
}
CONTENT_TABLES = [
    "search_searchdocument",
    "search_knownword",
    "publications_publication",
    "publications_article",
    "campaigns_campaign",
    "trainings_training",
    "trainings_event",
]
SECTION_START = "## Search"


def reset_content():
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(CONTENT_TABLES)} RESTART IDENTITY CASCADE")


def prepare(size, reuse):
    if reuse and SearchDocument.objects.count() == size:
        print(f"reusing {size} items")
    else:
        reset_content()
        started = time.perf_counter()
        call_command("generate_content", count=size, seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"generated {size} items in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchdocument")
        cursor.execute("VACUUM ANALYZE search_knownword")


def measure(client, query, section, runs):
    url = "/ar/search/?" + urlencode({"q": query, **({"section": section} if section else {})})
    for _ in range(2):  # warm up caches and connections
        client.get(url)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = response.context.get("result_count", 0)
    return {"median": statistics.median(timings), "max": max(timings), "queries": len(queries), "results": count}


def write_report(figures, sizes, runs):
    path = ROOT / "docs" / "performance.md"
    path.parent.mkdir(exist_ok=True)
    small, large = sorted(sizes)
    lines = [
        SECTION_START,
        "",
        "Measured by `bench/search_bench.py` (run it again to refresh this section): the whole first results",
        f"page `/ar/search/?q=…` through Django's test client, median and slowest of {runs} runs after two",
        "warm-up requests, on PostgreSQL with items made by `generate_content --seed 1` (all five sections,",
        'three languages, about 10 % drafts or scheduled). "Queries" is the number of SQL queries of the page.',
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PostgreSQL {connection.cursor().connection.server_version // 10000}, with nothing else running; other",
        "work beside the benchmark (a test suite, say) inflates every figure, so compare quiet runs only.",
        "",
        f"| query | what it shows | results ({small:,} / {large:,}) | ms, {small:,} items | ms, {large:,} items "
        f"| ratio | before, {large:,} | queries |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (query, section, note), by_size in figures.items():
        a, b = by_size[small], by_size[large]
        label = f"`{query}`" + (f" in {section}" if section else "")
        earlier = EARLIER_MEDIANS.get(query)
        before = f"{earlier:.1f} ({b['median'] / earlier:.2f}×)" if earlier else "new"
        lines.append(
            f"| {label} | {note} | {a['results']} / {b['results']} | {a['median']:.1f} (max {a['max']:.1f}) "
            f"| {b['median']:.1f} (max {b['max']:.1f}) | {b['median'] / a['median']:.1f}× | {before} "
            f"| {a['queries']} / {b['queries']} |"
        )
    lines += [
        "",
        '"Before" is the median at 100,000 items measured before spelling variants, synonyms and "did you',
        'mean" were added, and the new median as a multiple of it; each query must stay within 1.5 times.',
        "",
        "Why it stays flat: the stemmed words of every item are kept in one GIN-indexed `tsvector` column,",
        f"written when the item is saved; a query ranks at most the {MAX_CANDIDATES} newest matches, each ranked as",
        f'it is read (the page then says "more than {MAX_CANDIDATES} results"), and a results page reads only the',
        "index table (ranked ids, then one page), whatever the number of items or sections. What still",
        "grows: a word found in few items has more items tested, newest first, before enough matches are",
        "found; and the trigram fallback for misspellings, which runs only when nothing matched, gathers",
        "every similar name from its index before ranking a hundred of them. A GiST trigram index would hand",
        "PostgreSQL the closest names first (`ORDER BY … <<-> … LIMIT 100`); tried at 100,000 items, it took",
        "1.5 s per query, the indexed names being long (185 characters on average, titles and topics in three",
        "languages), against 13–19 ms for the GIN index, so the GIN index stays.",
        "",
        "What finding more costs. Each Arabic stem of four letters or more is also indexed under a variant",
        "key (first letter kept, doubled letters and later long vowels dropped, غ ج ق written alike), and the",
        "titles and names under each two neighbouring words joined: the vectors grow, the number of entries",
        "tested does not. A query word also looks for its own key and its joins to its neighbours, a synonym",
        "phrase for each phrase of its group: a few more alternatives in the same `tsquery`. The synonym",
        "groups of the page's language are one small query on every results page (3 queries instead of 2).",
        'When fewer than three items match, "did you mean" reads the known words closest to the query\'s',
        "through the trigram index of the `search_knownword` table (one query); that table holds each",
        "distinct word of the public items once, so it grows with the site's vocabulary, not its number of",
        "items. Precision is measured by the search table of the tests (`tests/search/test_table.py`, run",
        "on SQLite and PostgreSQL), which also lists words that must find nothing (حجج must not meet حقوق).",
        "",
        "",
    ]
    section = "\n".join(lines)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    if SECTION_START in text:
        before, _sep, rest = text.partition(SECTION_START)
        following = rest.find("\n## ")
        text = before + section + (rest[following + 1 :] if following != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 100_000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse", action="store_true", help="keep the items when their number already fits")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL to a database of its own.")
    call_command("migrate", verbosity=0)
    setup_test_environment()  # the test client then records each response's context
    client = Client()
    figures = {entry: {} for entry in QUERIES}
    # Largest first: with --reuse, a database left by the previous run is measured without regenerating.
    for size in sorted(args.sizes, reverse=True):
        prepare(size, args.reuse)
        for entry in QUERIES:
            figures[entry][size] = measure(client, entry[0], entry[1], args.runs)
            print(size, entry[0], figures[entry][size])
    write_report(figures, args.sizes, args.runs)


if __name__ == "__main__":
    main()
