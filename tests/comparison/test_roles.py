"""Roles of nouns under verbs, read from the parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison.roles import swapped_role, verb_roles
from facts import parse_claim

pytestmark = pytest.mark.slow


def test_passive_subject_is_an_object_and_agent_a_subject(nlp: Language) -> None:
    roles = verb_roles(parse_claim(nlp, "The girl was pushed by the man."))
    assert roles[("push", "girl")][0] == {"object"}
    assert roles[("push", "man")][0] == {"subject"}


def test_subject_and_object_swapped(nlp: Language) -> None:
    a = parse_claim(nlp, "The striker kicked the defender in the second half.")
    b = parse_claim(nlp, "The defender kicked the striker in the second half.")
    assert swapped_role(a, b) is not None


def test_same_roles_are_no_swap(nlp: Language) -> None:
    a = parse_claim(nlp, "The striker kicked the defender in the second half.")
    b = parse_claim(nlp, "The striker kicked the defender.")
    assert swapped_role(a, b) is None
