"""Match recall@k at corpus scale, measured through the HTTP API (Flask test client).

Indexes the 300 BASIL articles plus N distractor articles from BBC and Reuters, then, for
every agree/diverge pair of ``basil-dev.jsonl``, checks the a-side article and counts whether
the claim holding ``a_text`` has the claim holding ``b_text`` among its top-k matches; then
the same with the sides swapped. Figures are given per part of the tune/check split.

    python bench/matching_recall.py --distractors 1000
    python bench/matching_recall.py --distractors 0 --limit-events 10   # while developing

``--data-dir`` keeps the database between runs: articles already stored there are not
indexed again (a changed matcher is measured on the same stored claims).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from evaluation.basil_corpus import BASIL_GOLD  # noqa: E402
from evaluation.datasets import read_jsonl  # noqa: E402
from evaluation.splits import CLUSTER_OF, split_rows  # noqa: E402

SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
MATCHED_LABELS = ("agree", "diverge")
UNLIMITED_RATE = "1000000 per second"
JsonDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str
    text: str
    published_at: str | None

    def to_json(self) -> JsonDict:
        body: JsonDict = {"id": self.id, "source": self.source, "text": self.text}
        if self.published_at:
            body["published_at"] = self.published_at
        return body


@dataclass(frozen=True, slots=True)
class Side:
    """One direction of a gold pair: check ``article``, look for ``wanted`` from ``other``."""

    pair_id: str
    part: str
    article: str
    text: str
    other: str
    wanted: str


# -- corpora ----------------------------------------------------------------------------------


def basil_id(relative_file: str) -> str:
    """``2010/<uuid>_1.json`` → ``basil-<uuid>_1`` (no slash: ids go into URLs)."""
    return "basil-" + relative_file.rsplit("/", 1)[-1].removesuffix(".json")


def load_basil(corpora: Path) -> dict[str, Article]:
    """The BASIL articles as this bench has always indexed them: raw outlet codes and
    unstripped sentences, unlike ``evaluation.basil_corpus.load_basil_articles``, whose
    cleaned text would change the stored claims and so these figures."""
    articles = {}
    root = corpora / "basil" / "articles"
    for path in sorted(root.glob("*/*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(" ".join(paragraph) for paragraph in raw["body-paragraphs"])
        article_id = basil_id(path.relative_to(root).as_posix())
        articles[article_id] = Article(article_id, raw["source"], text, raw.get("date"))
    return articles


def bbc_articles(corpora: Path) -> Iterator[Article]:
    root = corpora / "bbc"
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        _, _, body = raw.partition("\n")
        name = path.relative_to(root).as_posix().removesuffix(".txt").replace("/", "-")
        yield Article(f"bbc-{name}", "BBC", body.strip(), None)


def reuters_articles(corpora: Path) -> Iterator[Article]:
    for path in sorted((corpora / "reuters21578").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            date = row.get("date")
            yield Article(
                row["doc_id"], "Reuters", row["text"].strip(), date[:10] if date else None
            )


def evenly_spaced(articles: Iterable[Article], count: int) -> list[Article]:
    """``count`` articles spread evenly over the deduplicated list (deterministic)."""
    unique = list({article.text: article for article in articles if article.text}.values())
    if count <= 0 or not unique:
        return []
    step = max(len(unique) / count, 1.0)
    return [unique[int(n * step)] for n in range(min(count, len(unique)))]


def distractors(corpora: Path, count: int) -> list[Article]:
    """Half BBC, half Reuters."""
    if count <= 0:
        return []
    bbc = evenly_spaced(bbc_articles(corpora), count // 2)
    return bbc + evenly_spaced(reuters_articles(corpora), count - len(bbc))


# -- gold sides -------------------------------------------------------------------------------


def gold_sides(gold_file: Path, limit_events: int | None) -> list[Side]:
    rows = read_jsonl(gold_file)
    cluster_of = CLUSTER_OF["basil"]
    if limit_events is not None:
        kept = sorted({cluster_of(row) for row in rows})[:limit_events]
        rows = [row for row in rows if cluster_of(row) in kept]
    sides = []
    for part, part_rows in split_rows(rows, cluster_of).items():
        for row in part_rows:
            if row["label"] in MATCHED_LABELS:
                sides.extend(both_ways(row, part))
    return sides


def both_ways(row: JsonDict, part: str) -> list[Side]:
    a, b = basil_id(row["a_file"]), basil_id(row["b_file"])
    return [
        Side(row["id"], part, a, row["a_text"], b, row["b_text"]),
        Side(row["id"] + "~swapped", part, b, row["b_text"], a, row["a_text"]),
    ]


# -- the API ----------------------------------------------------------------------------------


def create_client(data_dir: Path, encoder: str) -> tuple[Any, Any]:
    """The real app on ``data_dir``; auth and rate limiting off, models loaded now."""
    from api import create_app
    from api.config import Config

    config = Config.from_env(
        data_dir=data_dir,
        encoder=encoder,
        api_keys=(),
        api_keys_file=None,
        rate_limit=UNLIMITED_RATE,
        load_models_eagerly=True,
    )
    app = create_app(config)
    return app, app.test_client()


def call(client: Any, method: str, path: str, body: JsonDict | None = None) -> Any:
    response = client.open(path, method=method, json=body)
    if response.status_code >= 400 and not (method == "GET" and response.status_code == 404):
        raise RuntimeError(f"{method} {path} → {response.status_code}: {response.get_data()[:300]}")
    return response


def stored(client: Any, article: Article) -> JsonDict:
    """The article as stored (cleaned text, claims), indexing it first when it is missing."""
    found = call(client, "GET", f"/v1/articles/{article.id}")
    if found.status_code == 404:
        found = call(client, "POST", "/v1/articles", article.to_json())
    body: JsonDict = found.get_json()
    return body


def index_all(client: Any, articles: Sequence[Article]) -> dict[str, JsonDict]:
    stored_articles = {}
    for number, article in enumerate(articles, 1):
        stored_articles[article.id] = stored(client, article)
        if number % 100 == 0:
            print(f"  indexed {number}/{len(articles)}", file=sys.stderr, flush=True)
    return stored_articles


def check(client: Any, article: Article, top_k: int) -> JsonDict:
    body = {"article": article.to_json(), "top_k": top_k}
    report: JsonDict = call(client, "POST", "/v1/check", body).get_json()
    return report


def check_all(
    client: Any, articles: Sequence[Article], args: argparse.Namespace
) -> dict[str, JsonDict]:
    reports = {}
    for number, article in enumerate(articles, 1):
        reports[article.id] = check(client, article, args.top_k)
        if number % 20 == 0:
            print(f"  checked {number}/{len(articles)}", file=sys.stderr, flush=True)
    return reports


# -- scoring ----------------------------------------------------------------------------------


def overlapping(claims: Sequence[JsonDict], text: str, fragment: str) -> list[JsonDict]:
    """Claims of an article whose span overlaps where ``fragment`` sits in its ``text``."""
    start = text.find(fragment)
    if start < 0:
        start = text.casefold().find(fragment.casefold())
    if start < 0:
        return []
    end = start + len(fragment)
    return [claim for claim in claims if claim["start"] < end and start < claim["end"]]


def side_matched(side: Side, report: JsonDict, wanted_ids: set[str], top_k: int) -> bool:
    own = overlapping(report["claims"], report["article"]["text"], side.text)
    return any(
        match["article_id"] == side.other and match["claim_id"] in wanted_ids
        for claim in own
        for match in claim["matches"][:top_k]
    )


def wanted_claim_ids(other: JsonDict, fragment: str) -> set[str]:
    """Ids of the stored claims of the other article that hold ``fragment``."""
    return {claim["id"] for claim in overlapping(other["claims"], other["text"], fragment)}


def print_table(sides: Sequence[Side], hits: Sequence[bool], top_k: int) -> None:
    print(f"{'part':<6} {'direction':<9} {'recall@' + str(top_k):>9} {'n':>4}")
    for part in ("tune", "check", "all"):
        for direction in ("a→b", "b→a", "both"):
            chosen = [
                hit
                for side, hit in zip(sides, hits, strict=True)
                if part in ("all", side.part) and direction in ("both", _direction(side))
            ]
            if chosen:
                recall = sum(chosen) / len(chosen)
                print(f"{part:<6} {direction:<9} {recall:>9.3f} {len(chosen):>4}")


def _direction(side: Side) -> str:
    return "b→a" if side.pair_id.endswith("~swapped") else "a→b"


# -- main -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--limit-events", type=int, default=None)
    parser.add_argument("--top-k", type=int, default=5)
    parser.add_argument("--encoder", default="minilm")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--shared-data", type=Path, default=SHARED_DATA)
    parser.add_argument("--misses", action="store_true", help="print each missed side")
    return parser.parse_args(argv)


def corpus_articles(args: argparse.Namespace, sides: Sequence[Side]) -> list[Article]:
    basil = load_basil(args.shared_data / "corpora")
    if args.limit_events is not None:
        triplets = {side.article.rsplit("_", 1)[0] for side in sides}
        basil = {key: a for key, a in basil.items() if key.rsplit("_", 1)[0] in triplets}
    return list(basil.values()) + distractors(args.shared_data / "corpora", args.distractors)


def run(args: argparse.Namespace, data_dir: Path) -> None:
    sides = gold_sides(args.shared_data / BASIL_GOLD, args.limit_events)
    articles = corpus_articles(args, sides)
    by_id = {article.id: article for article in articles}
    app, client = create_client(data_dir, args.encoder)
    try:
        print(f"indexing {len(articles)} articles", file=sys.stderr, flush=True)
        indexed = index_all(client, articles)
        reports = check_all(
            client, [by_id[key] for key in sorted({s.article for s in sides})], args
        )
    finally:
        app.extensions["crosscheck"].close()
    hits = [
        side_matched(
            side,
            reports[side.article],
            wanted_claim_ids(indexed[side.other], side.wanted),
            args.top_k,
        )
        for side in sides
    ]
    print(f"articles indexed: {len(articles)} ({args.distractors} distractors)")
    print_table(sides, hits, args.top_k)
    if args.misses:
        print_misses(sides, hits)


def print_misses(sides: Sequence[Side], hits: Sequence[bool]) -> None:
    for side, hit in zip(sides, hits, strict=True):
        if not hit:
            print(f"miss {side.pair_id} [{side.part}]: {side.text[:60]!r} → {side.wanted[:60]!r}")


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.data_dir is not None:
        run(args, args.data_dir)
        return
    with tempfile.TemporaryDirectory(prefix="crosscheck-recall-") as scratch:
        run(args, Path(scratch))


if __name__ == "__main__":
    main()
