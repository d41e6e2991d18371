"""The same noun in a different role of the same verb: subject, object or prepositional.

"The man forces the girl to the ground" vs "the man forces the ground"; a passive subject
counts as an object and a "by" agent as a subject, so voice changes are no swap.
"""

from __future__ import annotations

from comparison.findings import quoted, token_span
from facts.model import ClaimFacts, TextSpan, TokenInfo

_ROLES = {"nsubj": "subject", "nsubjpass": "object", "dobj": "object", "pobj": "oblique"}
_CORE = frozenset({"subject", "object"})

RoleMap = dict[tuple[str, str], tuple[set[str], TokenInfo]]


def swapped_role(short: ClaimFacts, long_: ClaimFacts) -> tuple[TextSpan, TextSpan, str] | None:
    """(span in ``short``, span in ``long_``, explanation) for a noun whose role changed."""
    short_roles, long_roles = verb_roles(short), verb_roles(long_)
    for key, (roles, token) in short_roles.items():
        if key not in long_roles:
            continue
        other_roles, other_token = long_roles[key]
        if roles & other_roles or not (roles | other_roles) & _CORE:
            continue
        explanation = (
            f"{quoted(token_span(short, token))} is the {'/'.join(sorted(roles))} of '{key[0]}' "
            f"here but the {'/'.join(sorted(other_roles))} there"
        )
        return token_span(short, token), token_span(long_, other_token), explanation
    return None


def verb_roles(facts: ClaimFacts) -> RoleMap:
    """(verb lemma, noun lemma) → the noun's roles under that verb, and one noun token."""
    found: RoleMap = {}
    for token in facts.tokens:
        placed = _role(facts, token)
        if placed is None:
            continue
        verb, role = placed
        roles, _ = found.setdefault((verb.lemma, token.lemma), (set(), token))
        roles.add(role)
    return found


def role_of(facts: ClaimFacts, token: TokenInfo) -> str:
    """The token's role under its verb ("subject", "object", "oblique"; the subject of a
    passive verb is its object), or "" when it fills none."""
    placed = _role(facts, token)
    return placed[1] if placed else ""


def _role(facts: ClaimFacts, token: TokenInfo) -> tuple[TokenInfo, str] | None:
    if not token.is_content or token.dep not in _ROLES:
        return None
    head = facts.tokens[token.head]
    role = _ROLES[token.dep]
    if token.dep == "pobj":
        role = "subject" if head.dep == "agent" else "oblique"
        head = facts.tokens[head.head]
    if head.pos != "VERB" or not head.is_content:
        return None
    return head, role
