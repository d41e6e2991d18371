"""The invariance properties of ``tests/comparison/test_invariance.py`` as served: through
``/v1/compare`` with the packaged encoder giving each pair its cosine and the shipped verdict
judge deciding. A figure's format, a unit and a time zone do not change the verdict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import create_app
from api.config import Config
from tests.comparison.test_invariance import (
    COUNTED,
    figure_claims,
    measure_claims,
    zone_claims,
)

pytestmark = pytest.mark.slow

SERVED_SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    data_dir: Path = tmp_path_factory.mktemp("served")
    app = create_app(Config(data_dir=data_dir, rate_limit="100000 per minute"))
    yield app.test_client()
    app.extensions["crosscheck"].close()


def verdict(client: FlaskClient, a: str, b: str) -> str:
    body = {"a": {"text": a, "published_at": "2026-03-03"}}
    body["b"] = {"text": b, "published_at": "2026-03-03"}
    response = client.post("/v1/compare", json=body)
    assert response.status_code == 200, response.get_json()
    return str(response.get_json()["verdict"])


@SERVED_SETTINGS
@given(
    thousands=st.integers(min_value=2, max_value=99),
    other=st.integers(min_value=2, max_value=99),
    counted=st.sampled_from(COUNTED),
)
def test_the_way_a_figure_is_written_does_not_change_the_served_verdict(
    served: FlaskClient, thousands: int, other: int, counted: str
) -> None:
    written, reference = figure_claims(thousands, other, counted)
    verdicts = {verdict(served, claim, reference) for claim in written}
    assert len(verdicts) == 1
    if thousands == other:
        assert verdicts == {"agree"}


@SERVED_SETTINGS
@given(feet=st.integers(min_value=20, max_value=900), noun=st.sampled_from(("wave", "tower")))
def test_a_measure_agrees_with_its_conversion_as_served(
    served: FlaskClient, feet: int, noun: str
) -> None:
    a, converted, wrong = measure_claims(feet, noun)
    assert verdict(served, a, converted) == "agree"
    assert verdict(served, a, wrong) == "diverge"


@SERVED_SETTINGS
@given(hour=st.integers(min_value=4, max_value=11), minute=st.sampled_from((0, 15, 30, 45)))
def test_a_time_agrees_with_itself_in_another_zone_as_served(
    served: FlaskClient, hour: int, minute: int
) -> None:
    eastern, pacific, later = zone_claims(hour, minute)
    assert verdict(served, eastern, pacific) == "agree"
    assert verdict(served, eastern, later) == "diverge"
