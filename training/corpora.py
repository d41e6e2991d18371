"""Articles to draw training sentences from: BBC, Reuters-21578 and the BASIL *tune* triplets.

Files are read in sorted order and sampled with a seeded ``random.Random``, so the same
corpora always give the same articles. BASIL check triplets and the held-out triplets (those
not in ``basil-dev.jsonl``) are never read.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claims import extract_article

MIN_WORDS = 8
MAX_WORDS = 45


@dataclass(frozen=True, slots=True)
class RawArticle:
    id: str
    corpus: str
    topic: str
    published_at: date | None
    sentences: tuple[str, ...]


def is_usable_sentence(sentence: str) -> bool:
    """A one-line prose sentence of ordinary length (no headline, no table row)."""
    words = sentence.split()
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and "\n" not in sentence
        and sum(ch.islower() for ch in sentence) > len(sentence) // 2
    )


def _sentences(text: str) -> tuple[str, ...]:
    claims = extract_article(text=text).claims
    return tuple(c.text for c in claims if is_usable_sentence(c.text))


def _sample(items: list[RawArticle], count: int, rng: random.Random) -> list[RawArticle]:
    usable = [item for item in items if item.sentences]
    return sorted(rng.sample(usable, min(count, len(usable))), key=lambda a: a.id)


def _unique(articles: Iterable[tuple[str, str, str, date | None, str]]) -> Iterator[RawArticle]:
    """Articles (id, corpus, topic, date, text) with exact duplicate texts dropped."""
    seen: set[str] = set()
    for article_id, corpus, topic, published_at, text in articles:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest not in seen:
            seen.add(digest)
            yield RawArticle(article_id, corpus, topic, published_at, _sentences(text))


def bbc_articles(root: Path, count: int, rng: random.Random) -> list[RawArticle]:
    """``count`` BBC articles; the topic is the BBC category."""
    chosen = rng.sample(sorted(root.glob("*/*.txt")), count * 2)
    return _sample(list(_unique(_read_bbc(path, root) for path in sorted(chosen))), count, rng)


def _read_bbc(path: Path, root: Path) -> tuple[str, str, str, date | None, str]:
    raw = path.read_bytes().decode("utf-8", errors="replace")
    body = raw.partition("\n")[2].strip()
    name = path.relative_to(root).with_suffix("").as_posix()
    return f"bbc-{name}", "bbc", f"bbc-{path.parent.name}", None, body


def reuters_articles(root: Path, count: int, rng: random.Random) -> list[RawArticle]:
    """``count`` Reuters stories; the topic is the story's first topic label."""
    rows = [
        json.loads(line)
        for path in sorted(root.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = sorted(rng.sample(range(len(rows)), min(len(rows), count * 2)))
    return _sample(list(_unique(_reuters_row(rows[i]) for i in chosen)), count, rng)


def _reuters_row(row: dict[str, object]) -> tuple[str, str, str, date | None, str]:
    topics = row.get("topics") or ["none"]
    topic = str(topics[0]) if isinstance(topics, list) else "none"
    published = date.fromisoformat(str(row["date"])[:10]) if row.get("date") else None
    return str(row["doc_id"]), "reuters", f"reuters-{topic}", published, str(row["text"])


def basil_articles(root: Path, triplets: Iterable[str]) -> list[RawArticle]:
    """Every article of the given BASIL triplets. Each article is its own topic: the other
    outlets of a triplet report the same event, so their sentences are no unrelated partners."""
    wanted = set(triplets)
    articles = []
    for path in sorted(root.glob("*/*.json")):
        if path.name.rsplit("_", 1)[0] not in wanted:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = tuple(
            s for paragraph in data["body-paragraphs"] for s in paragraph if is_usable_sentence(s)
        )
        name = path.relative_to(root).with_suffix("").as_posix()
        published = date.fromisoformat(str(data["date"])[:10])
        articles.append(RawArticle(f"basil-{name}", "basil", f"basil-{name}", published, sentences))
    return articles
