"""Properties every comparison keeps, on generated claims: the order of the two claims does not
matter, a claim agrees with itself, and neither the way a figure is written nor the unit or
time zone it is given in changes the verdict."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison import ClaimComparator
from tests.comparison.conftest import compare, reason_types

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SUBJECTS = ("Officials", "The ministry", "Police", "The company", "Local reporters")
COUNTED = ("troops", "workers", "protesters", "homes", "vehicles")
PLACES = ("Denver", "Lyon", "Osaka", "Seattle", "Kraków")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@st.composite
def claims(draw: st.DrawFn) -> str:
    subject = draw(st.sampled_from(SUBJECTS))
    count = draw(st.integers(min_value=2, max_value=90_000))
    counted = draw(st.sampled_from(COUNTED))
    place = draw(st.sampled_from(PLACES))
    weekday = draw(st.sampled_from(WEEKDAYS))
    return f"{subject} said {count:,} {counted} were counted in {place} on {weekday}."


@st.composite
def claim_pairs(draw: st.DrawFn) -> tuple[str, str]:
    first = draw(claims())
    second = draw(st.one_of(st.just(first), claims()))
    return first, second


@PROPERTY_SETTINGS
@given(pair=claim_pairs())
def test_order_of_the_claims_does_not_matter(
    comparator: ClaimComparator, pair: tuple[str, str]
) -> None:
    a, b = pair
    forward, backward = compare(comparator, a, b), compare(comparator, b, a)
    assert forward.verdict == backward.verdict
    assert reason_types(forward) == reason_types(backward)


@PROPERTY_SETTINGS
@given(claim=claims())
def test_a_claim_agrees_with_itself(comparator: ClaimComparator, claim: str) -> None:
    assert compare(comparator, claim, claim).verdict == "agree"


def in_words(thousands: int) -> str:
    """1 to 99 in words."""
    if thousands < 10:
        return _ONES[thousands - 1]
    if thousands < 20:
        return _TEENS[thousands - 10]
    tens, ones = divmod(thousands, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones - 1]}" if ones else "")


@PROPERTY_SETTINGS
@given(
    thousands=st.integers(min_value=2, max_value=99),
    other=st.integers(min_value=2, max_value=99),
    counted=st.sampled_from(COUNTED),
)
def test_the_way_a_figure_is_written_does_not_change_the_verdict(
    comparator: ClaimComparator, thousands: int, other: int, counted: str
) -> None:
    written, reference = figure_claims(thousands, other, counted)
    verdicts = one_verdict(comparator, written, reference)
    if thousands == other:
        assert verdicts == {"agree"}
    elif thousands % 10 and other % 10 and max(thousands, other) <= 3 * min(thousands, other):
        assert verdicts == {"diverge"}  # same precision: no rounding explains the gap


def figure_claims(thousands: int, other: int, counted: str) -> tuple[list[str], str]:
    """One count of ``thousands`` thousand written four ways, and another count."""

    def claim(figure: str) -> str:
        return f"Officials said {figure} {counted} had gathered near the border."

    written = (
        f"{thousands * 1000:,}",
        f"{thousands} 000",
        f"{in_words(thousands)} thousand",
        f"{thousands}k",
    )
    return [claim(figure) for figure in written], claim(f"{other * 1000:,}")


def one_verdict(comparator: ClaimComparator, claims: list[str], reference: str) -> set[str]:
    """The verdicts of each claim against ``reference``, asserted to be one."""
    verdicts = {compare(comparator, claim, reference).verdict for claim in claims}
    assert len(verdicts) == 1
    return verdicts


@PROPERTY_SETTINGS
@given(
    millions=st.integers(min_value=2, max_value=99),
    other=st.integers(min_value=2, max_value=99),
    tenths=st.sampled_from(("", ".5")),
)
def test_the_way_a_sum_is_written_does_not_change_the_verdict(
    comparator: ClaimComparator, millions: int, other: int, tenths: str
) -> None:
    """Wire-copy abbreviations ("mln", "dlrs", "$4.5m") write the same sum."""

    def claim(figure: str) -> str:
        return f"The company said it raised {figure} from investors in May."

    figure = f"{millions}{tenths}"
    written = (
        f"{figure} mln dlrs",
        f"{figure} million dollars",
        f"${figure}m",
        f"${figure} million",
        f"${figure} mln",
    )
    verdicts = one_verdict(
        comparator, [claim(text) for text in written], claim(f"${other}{tenths} million")
    )
    if millions == other:
        assert verdicts == {"agree"}


@PROPERTY_SETTINGS
@given(feet=st.integers(min_value=20, max_value=900), noun=st.sampled_from(("wave", "tower")))
def test_a_measure_agrees_with_its_conversion(
    comparator: ClaimComparator, feet: int, noun: str
) -> None:
    a, converted, wrong = measure_claims(feet, noun)
    assert compare(comparator, a, converted).verdict == "agree"
    assert compare(comparator, a, wrong).verdict == "diverge"


def measure_claims(feet: int, noun: str) -> tuple[str, str, str]:
    """A height in feet, the same in meters, and a wrong conversion."""
    metres = round(feet * 0.3048)
    return (
        f"The {noun} was {feet} feet high, officials said.",
        f"The {noun} was {metres} meters high, officials said.",
        f"The {noun} was {2 * metres + 5} meters high, officials said.",
    )


@PROPERTY_SETTINGS
@given(hour=st.integers(min_value=4, max_value=11), minute=st.sampled_from((0, 15, 30, 45)))
def test_a_time_agrees_with_itself_in_another_zone(
    comparator: ClaimComparator, hour: int, minute: int
) -> None:
    eastern, pacific, later = zone_claims(hour, minute)
    assert compare(comparator, eastern, pacific).verdict == "agree"
    assert compare(comparator, eastern, later).verdict == "diverge"


def zone_claims(hour: int, minute: int) -> tuple[str, str, str]:
    """A time in ET, the same moment in PT, and an hour later in PT."""
    return (
        f"The vote is set for {hour}:{minute:02d} p.m. ET on Friday.",
        f"The vote is set for {hour - 3}:{minute:02d} p.m. PT on Friday.",
        f"The vote is set for {hour - 2}:{minute:02d} p.m. PT on Friday.",
    )
