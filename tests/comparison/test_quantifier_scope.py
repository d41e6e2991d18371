"""How much of one set a claim covers: "nearly all sales" is not "all sales"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison.quantifiers import quantifier_reasons
from facts.extract import extract_facts

pytestmark = pytest.mark.slow


def scope_clash(nlp: Language, a: str, b: str) -> bool:
    return bool(quantifier_reasons(extract_facts(nlp(a)), extract_facts(nlp(b))))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The bill requires licences for nearly all boat sales.",
            "The bill requires licences for all boat sales.",
        ),
        ("Most tenants signed the petition.", "All tenants signed the petition."),
        ("Almost every tenant signed the petition.", "Every tenant signed the petition."),
        ("Some tenants signed the petition.", "None of the tenants signed the petition."),
        # a quantifier on the number that counts the set
        ("All 40 tenants signed the petition.", "Most of the 40 tenants signed the petition."),
    ],
)
def test_different_scopes_of_one_set_diverge(nlp: Language, a: str, b: str) -> None:
    assert scope_clash(nlp, a, b)
    assert scope_clash(nlp, b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("All tenants signed the petition.", "Every tenant signed the petition."),
        (
            "The bill requires licences for nearly all boat sales.",
            "The bill requires licences for almost all boat sales.",
        ),
        ("Most tenants signed the petition.", "A majority of tenants signed the petition."),
        ("All 40 tenants signed the petition.", "All forty tenants signed the petition."),
        # "some 40" is a rough count, not a share of the set
        ("Some 40 tenants signed the petition.", "All 40 tenants signed the petition."),
        # different sets
        ("Nearly all landlords opposed the bill.", "All tenants signed the petition."),
        # one set, but other things said of it
        (
            "Almost all candidates came from the ruling party.",
            "All candidates are funded by the state.",
        ),
        # different sets after one name: the hedge is read only against its own noun
        (
            "Under the Constitution, virtually all bills are vetted by lawyers.",
            "Under the Constitution, all laws bind the government.",
        ),
    ],
)
def test_the_same_scope_or_other_sets_agree(nlp: Language, a: str, b: str) -> None:
    assert not scope_clash(nlp, a, b)


@pytest.mark.parametrize(
    ("whole", "part"),
    [
        (
            "The rule requires all charities that spend money on campaigns to publish donors.",
            "The rule requires large charities that spend money on campaigns to publish donors.",
        ),
        (
            "All schools in the county will close on Monday.",
            "Public schools in the county will close on Monday.",
        ),
        # a kind of the set listed with another set
        (
            "The rule requires all charities to publish donors.",
            "The rule requires trade unions and religious charities to publish donors.",
        ),
    ],
)
def test_the_whole_set_against_a_kind_of_it_diverges(nlp: Language, whole: str, part: str) -> None:
    assert scope_clash(nlp, whole, part)
    assert scope_clash(nlp, part, whole)


@pytest.mark.parametrize(
    ("whole", "part"),
    [
        # the plural with no narrowing word is the whole set
        ("All tenants signed the petition.", "The tenants signed the petition."),
        ("All 40 tenants signed the petition.", "The 40 tenants signed the petition."),
        # the same narrowing word on both sides
        ("All elderly tenants signed the petition.", "Elderly tenants signed the petition."),
        # a kind of the set in another relation: another fact
        ("All tenants signed the petition.", "Elderly tenants criticized the landlord."),
        # "both" names two members, who may be the narrower set
        ("Both senators opposed the bill.", "Democratic senators opposed the bill."),
        # the whole set less a part is itself a kind of the set
        (
            "All tenants except the owners signed the petition.",
            "Renting tenants signed the petition.",
        ),
    ],
)
def test_no_restriction_without_a_narrower_set_in_the_same_relation(
    nlp: Language, whole: str, part: str
) -> None:
    assert not scope_clash(nlp, whole, part)
    assert not scope_clash(nlp, part, whole)


def test_the_restriction_reason_reads_from_this_side(nlp: Language) -> None:
    whole = extract_facts(nlp("All schools in the county will close on Monday."))
    part = extract_facts(nlp("Public schools in the county will close on Monday."))

    (forward,) = quantifier_reasons(whole, part)
    (backward,) = quantifier_reasons(part, whole)

    assert forward.this.text == "All schools" and forward.other.text == "Public schools"
    assert forward.explanation.startswith("this: 'all school' (universal)")
    assert backward.this.text == "Public schools"
    assert backward.explanation.startswith("this: 'Public schools' (a kind of school only)")
