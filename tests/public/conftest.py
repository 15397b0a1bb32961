import datetime

import pytest
import time_machine

# A fixed moment for the home page's tests: figures of "this year", featured items falling due.
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
