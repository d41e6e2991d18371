"""``crosscheck ingest``: streamed input, batched indexing, resumable reruns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.ingest import batches, count_articles, read_articles
from storage import SqliteStore

SENTENCES = [
    "The council approved {n} new schools on Monday.",
    "Officials said {n} roads would close in March.",
]


@pytest.fixture(autouse=True)
def hashing_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSCHECK_ENCODER", "hashing")


def write_jsonl(path: Path, count: int) -> Path:
    rows = [
        {"id": f"a{n}", "source": f"Outlet {n % 3}", "text": " ".join(SENTENCES).format(n=n)}
        for n in range(count)
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    return path


def ingest(paths: list[Path], data: Path, batch: int) -> int:
    arguments = ["ingest", *map(str, paths), "--source", "X", "--data-dir", str(data)]
    return main([*arguments, "--batch", str(batch)])


def test_a_rerun_skips_what_is_stored_and_indexes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert ingest([write_jsonl(tmp_path / "part.jsonl", 5)], data, batch=2) == 0
    assert "5 created" in capsys.readouterr().out
    assert ingest([write_jsonl(tmp_path / "all.jsonl", 12)], data, batch=4) == 0
    out = capsys.readouterr().out
    assert "7 created, 0 updated, 5 unchanged, 0 rejected" in out
    assert "corpus: 12 articles, 24 claims" in out
    store = SqliteStore(data / "crosscheck.sqlite3")
    assert all(store.get_article(f"a{n}") is not None for n in range(12))
    assert store.get_article("a0").revision == 1  # type: ignore[union-attr]


def test_batch_size_does_not_change_what_is_stored(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 7)
    for batch in (1, 3, 64):
        assert ingest([source], tmp_path / f"data{batch}", batch) == 0
    stored = [
        [
            (claim.article_id, claim.text)
            for key, claim in sorted(
                SqliteStore(tmp_path / f"data{batch}" / "crosscheck.sqlite3")
                .claims_by_key(list(range(1, 100)))
                .items()
            )
        ]
        for batch in (1, 3, 64)
    ]
    assert stored[0] == stored[1] == stored[2]
    assert len(stored[0]) == 14


def test_input_is_read_lazily_in_batches(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 5)
    other = tmp_path / "note.txt"
    other.write_text("A bridge reopened after repairs.", encoding="utf-8")
    assert count_articles([source, other]) == 6
    items = read_articles([source, other], {"source": "X"})
    first = next(batches(items, 2))
    assert [item.article.id for item in first if item.article] == ["a0", "a1"]
    rest = list(batches(items, 2))
    assert [len(batch) for batch in rest] == [2, 2]
