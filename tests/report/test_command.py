import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_training
from tests.report.helpers import build_period

pytestmark = pytest.mark.django_db

ARGS = ["--from", "2021-01-01", "--to", "2021-06-30"]


def run(*args):
    out = io.StringIO()
    call_command("activity_report", *args, stdout=out)
    return out.getvalue()


def test_text_in_english():
    build_period(2)
    make_training(participants_count=1000)
    output = run(*ARGS, "--lang", "en", "--format", "text")
    assert "- 2 publications" in output
    assert "- 1,021 people trained" in output
    assert "Events we organised" in output


def test_json_carries_the_totals_and_the_titles():
    build_period(3)
    data = json.loads(run(*ARGS, "--format", "json"))
    assert data["start"] == "2021-01-01"
    assert data["language"] == "ar"
    assert data["totals"]["publications"] == 3
    assert data["totals"]["participants"] == 10 + 11 + 12
    assert len(data["outcomes"]) == 3
    assert sum(len(group["items"]) for group in data["publications"]) == 3


def test_csv_has_a_header_and_one_row_per_item():
    build_period(2)
    rows = list(csv.reader(io.StringIO(run(*ARGS, "--format", "csv", "--lang", "he"))))
    assert len(rows[0]) == 6
    publication_rows = [
        row for row in rows if row[4] == "" and row[3] == "2021-03-01" and row[5].startswith("/he/publications/")
    ]
    assert len(publication_rows) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2021-06-30", "--to", "2021-01-01"],
        ["--from", "1990-01-01", "--to", "2040-01-01"],
        ["--from", "June", "--to", "2021-01-01"],
        ["--from", "2021-01-01"],
    ],
)
def test_bad_periods_raise_a_clear_error(args):
    with pytest.raises(CommandError) as error:
        run(*args, "--lang", "en")
    assert str(error.value)
    assert "Traceback" not in str(error.value)


def test_an_empty_period_says_so():
    assert "No published activity in this period." in run("--from", "2010-01-01", "--to", "2010-12-31", "--lang", "en")
