"""A scripted stand-in for the HTTP API, implementing the benchmark's ``Backend`` protocol."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from evaluation.backend import ArticleInput, JsonDict

CompareRule = Callable[[str, str], JsonDict]


def agree(similarity: float = 0.8) -> JsonDict:
    return {"similarity": similarity, "verdict": "agree", "reasons": []}


def unrelated(similarity: float = 0.5) -> JsonDict:
    return {"similarity": similarity, "verdict": "unrelated", "reasons": []}


def diverge(
    a_text: str,
    a_part: str,
    b_text: str,
    b_part: str,
    kind: str = "number",
    similarity: float = 0.8,
) -> JsonDict:
    """A diverge answer highlighting ``a_part`` in ``a_text`` and ``b_part`` in ``b_text``."""
    return {
        "similarity": similarity,
        "verdict": "diverge",
        "reasons": [
            {
                "type": kind,
                "this": _highlight(a_text, a_part),
                "other": _highlight(b_text, b_part),
                "explanation": "scripted",
            }
        ],
    }


def _highlight(text: str, part: str) -> dict[str, Any]:
    start = text.index(part)
    return {"text": part, "start": start, "end": start + len(part)}


# The fixture gold sets' diverging details (either side first) and look-alike markers.
FIXTURE_DIVERGING = (
    ("More than 30,000", "could reach 30,000"),
    ("Fewer than 20,000", "More than 30,000"),
    ("12 people", "15 people"),
    ("52 to 47 on", "51 to 48"),
    ("three people", "five people"),
    ("$5,000 bail", "$50,000 bail"),
)
FIXTURE_LOOK_ALIKES = (
    "spoke by phone",
    "fire in Millbrook",
    "farm bill",
    "southern Peru",
    "rapper",
)


def fixture_gold_verdict(a_text: str, b_text: str) -> JsonDict:
    """The gold verdict on every pair of the fixture gold sets, in either order."""
    for first, second in FIXTURE_DIVERGING:
        for a_part, b_part in ((first, second), (second, first)):
            if a_part in a_text and b_part in b_text:
                return diverge(a_text, a_part, b_text, b_part)
    if any(marker in a_text + b_text for marker in FIXTURE_LOOK_ALIKES):
        return unrelated()
    return agree()


class FakeBackend:
    """Compare answers from ``rule``; each non-skipped line of an article is one claim;
    ``check`` matches a claim with the claims on the same line number of other articles,
    with the verdict (and reasons) of ``check_rule``, agree by default."""

    def __init__(
        self,
        rule: CompareRule | None = None,
        skip_lines: frozenset[str] = frozenset(),
        unmatched_words: frozenset[str] = frozenset(),
        check_rule: CompareRule | None = None,
    ) -> None:
        self.rule = rule or (lambda a, b: agree())
        self.check_rule = check_rule or (lambda a, b: agree())
        self.skip_lines = skip_lines
        self.unmatched_words = unmatched_words
        self.compared: list[tuple[str, str | None, str, str | None]] = []
        self.claims: dict[str, list[dict[str, Any]]] = {}
        self.sources: dict[str, str] = {}
        self.checked: list[str] = []
        self.closed = False

    def compare(self, a_text: str, a_date: str | None, b_text: str, b_date: str | None) -> JsonDict:
        self.compared.append((a_text, a_date, b_text, b_date))
        return self.rule(a_text, b_text)

    def index(self, article: ArticleInput) -> JsonDict:
        self.claims[article.id] = self._claims(article)
        self.sources[article.id] = article.source
        return {**article.to_json(), "claims": self.claims[article.id]}

    def check(self, article: ArticleInput, top_k: int) -> JsonDict:
        self.checked.append(article.id)
        checked = [
            {**claim, "status": "ok", "matches": self._matches(article.id, line)[:top_k]}
            for line, claim in enumerate(self.claims[article.id])
        ]
        return {"article": article.to_json(), "summary": {}, "claims": checked}

    def close(self) -> None:
        self.closed = True

    def _claims(self, article: ArticleInput) -> list[dict[str, Any]]:
        claims = []
        offset = 0
        for number, line in enumerate(article.text.split("\n")):
            if line.strip() and line not in self.skip_lines:
                claim_id = f"{article.id}-{number}"
                claims.append(
                    {"id": claim_id, "text": line, "start": offset, "end": offset + len(line)}
                )
            offset += len(line) + 1
        return claims

    def _matches(self, article_id: str, line: int) -> list[dict[str, Any]]:
        own = self.claims[article_id][line]["text"]
        if any(word in own for word in self.unmatched_words):
            return []
        return [
            {
                "article_id": other,
                "source": self.sources[other],
                "claim_id": claims[line]["id"],
                "text": claims[line]["text"],
                "similarity": 0.9,
                "syndicated": False,
                **self.check_rule(own, claims[line]["text"]),
            }
            for other, claims in self.claims.items()
            if other != article_id and line < len(claims)
        ]
