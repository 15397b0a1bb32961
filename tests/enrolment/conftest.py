import pytest
import time_machine

from tests.enrolment.helpers import NOW


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
