"""The ArticleStore contract, run against every engine (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from claims.model import Claim
from storage import ArticleRecord, ArticleStore, IndexLogCompacted, UnstorableText, open_store
from storage.vectors_at_rest import STORED_DTYPE

DIMENSION = 8


def claims_of(texts: Sequence[str]) -> list[Claim]:
    claims, offset = [], 0
    for text in texts:
        claims.append(Claim(text, offset, offset + len(text)))
        offset += len(text) + 1
    return claims


def unit_vectors(count: int, seed: int = 0, dimension: int = DIMENSION) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def save(
    store: ArticleStore,
    article_id: str,
    texts: Sequence[str],
    seed: int = 0,
    content_hash: str | None = None,
) -> None:
    record = ArticleRecord(article_id, "Outlet", " ".join(texts), content_hash=content_hash)
    store.save_article(record, claims_of(texts), unit_vectors(len(texts), seed))


def operations(store: ArticleStore, after: int = 0) -> list[tuple[str, int]]:
    return [(change.operation, change.claim_key) for change in store.changes_after(after)]


def test_an_article_is_stored_with_its_claims_and_vectors(store: ArticleStore) -> None:
    vectors = unit_vectors(3)
    record = ArticleRecord(
        "a", "Outlet", "One. Two. Three.", "Title", "https://x.example/a", "2026-01-02", "h1"
    )
    stored, created = store.save_article(record, claims_of(["One.", "Two.", "Three."]), vectors)

    assert created and stored.revision == 1 and stored.created_at == stored.updated_at
    assert (stored.title, stored.url, stored.published_at) == (
        "Title",
        "https://x.example/a",
        "2026-01-02",
    )
    assert stored.content_hash == "h1"
    assert [(c.position, c.text, c.start, c.end) for c in stored.claims] == [
        (0, "One.", 0, 4),
        (1, "Two.", 5, 9),
        (2, "Three.", 10, 16),
    ]
    assert store.get_article("a") == stored
    keys = [claim.key for claim in stored.claims]
    found_keys, found = store.vectors(keys)
    assert found_keys == sorted(keys) and found.dtype == np.float32
    assert np.allclose(found, vectors, atol=1e-3)
    assert np.allclose(store.article_vectors("a"), vectors, atol=1e-3)
    assert store.claims_by_key(keys) == {claim.key: claim for claim in stored.claims}
    assert store.claims_by_key([]) == {}
    assert store.articles_by_id(["a", "missing"])["a"].claims == []
    assert list(store.articles_by_id(["a", "missing"])) == ["a"]
    assert (store.count_articles(), store.count_claims()) == (1, 3)


def test_unknown_articles_read_as_missing(store: ArticleStore) -> None:
    assert store.get_article("missing") is None
    assert store.article_vectors("missing").shape[0] == 0
    assert store.vectors([]) == ([], pytest.approx(np.zeros((0, 0))))
    assert store.delete_article("missing") is False
    assert store.content_hashes(["missing"]) == {}
    assert store.articles_by_id([]) == {}


def test_vectors_of_several_articles_come_in_claim_order(store: ArticleStore) -> None:
    save(store, "a", ["A one.", "A two."], seed=1)
    save(store, "b", ["B one."], seed=2)
    both = store.vectors_of_articles(["b", "a", "missing", "a"])
    assert list(both) == ["b", "a", "missing"]
    assert np.allclose(both["a"], unit_vectors(2, 1), atol=1e-3)
    assert np.allclose(both["b"], unit_vectors(1, 2), atol=1e-3)
    assert both["missing"].shape[0] == 0
    keys, everything = store.vectors()
    assert len(keys) == 3 and everything.shape == (3, DIMENSION)


def test_replacing_an_article_logs_removals_then_additions(store: ArticleStore) -> None:
    first, _ = store.save_article(
        ArticleRecord("a", "Outlet", "old"), claims_of(["Old one.", "Old two."]), unit_vectors(2)
    )
    before = store.last_change()
    second, created = store.save_article(
        ArticleRecord("a", "Other outlet", "new"), claims_of(["New."]), unit_vectors(1, 5)
    )

    assert not created and second.revision == 2 and second.source == "Other outlet"
    assert second.created_at == first.created_at
    old = [claim.key for claim in first.claims]
    assert operations(store, before) == [
        ("remove", old[0]),
        ("remove", old[1]),
        ("add", second.claims[0].key),
    ]
    assert store.count_claims() == 1 and store.claims_by_key(old) == {}


def test_deleting_an_article_logs_its_claims_removal(store: ArticleStore) -> None:
    save(store, "a", ["One.", "Two."])
    keys = [claim.key for claim in store.get_article("a").claims]  # type: ignore[union-attr]
    before = store.last_change()

    assert store.delete_article("a") is True

    assert operations(store, before) == [("remove", keys[0]), ("remove", keys[1])]
    assert store.get_article("a") is None and store.count_claims() == 0
    assert store.last_change() == before + 2


def test_a_batch_is_stored_in_one_go_in_the_order_given(store: ArticleStore) -> None:
    save(store, "b", ["Old b."])
    items = [
        (ArticleRecord(article_id, "Outlet", text), claims_of([text]), unit_vectors(1))
        for article_id, text in [("c", "C."), ("b", "New b."), ("a", "A.")]
    ]
    results = store.save_articles(items)
    assert [(article.id, created) for article, created in results] == [
        ("c", True),
        ("b", False),
        ("a", True),
    ]
    assert [article.claims[0].text for article, _ in results] == ["C.", "New b.", "A."]
    assert store.save_articles([]) == []


def test_a_batch_that_fails_midway_stores_nothing(
    store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, "a", ["Kept."])
    state = (store.count_articles(), store.count_claims(), store.last_change())
    insert_claims = type(store)._insert_claims  # type: ignore[attr-defined]
    calls: list[str] = []

    def fail_on_the_second_article(*args: object) -> object:
        calls.append(str(args[1]))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return insert_claims(*args)

    monkeypatch.setattr(type(store), "_insert_claims", staticmethod(fail_on_the_second_article))
    items = [
        (ArticleRecord(article_id, "Outlet", "x"), claims_of(["New claim."]), unit_vectors(1))
        for article_id in ("a", "b", "c")
    ]
    with pytest.raises(RuntimeError):
        store.save_articles(items)

    assert len(calls) == 2
    assert (store.count_articles(), store.count_claims(), store.last_change()) == state
    assert store.get_article("a").claims[0].text == "Kept."  # type: ignore[union-attr]
    assert store.get_article("b") is None and store.get_article("c") is None
    assert store.lexical_search(["new claim"], 5) == [[]]


def test_mismatched_claims_and_vectors_are_refused(store: ArticleStore) -> None:
    with pytest.raises(ValueError):
        store.save_article(ArticleRecord("a", "Outlet", "x"), claims_of(["One."]), unit_vectors(2))
    assert store.count_articles() == 0 and store.last_change() == 0


def test_content_hashes_name_stored_articles_only(store: ArticleStore) -> None:
    save(store, "a", ["One."], content_hash="sha-a")
    save(store, "b", ["Two."])
    assert store.content_hashes(["a", "b", "missing", "a"]) == {"a": "sha-a", "b": None}
    assert store.content_hashes([]) == {}


def test_articles_are_listed_in_insertion_order_a_page_at_a_time(store: ArticleStore) -> None:
    for article_id in ("x", "y", "z"):
        save(store, article_id, [f"Claim of {article_id}."])
    first, cursor = store.list_articles(2)
    second, last = store.list_articles(2, cursor)
    assert [a.id for a in first] == ["x", "y"] and [a.id for a in second] == ["z"]
    assert store.list_articles(2, last) == ([], last)
    assert store.has_articles_after(cursor) and not store.has_articles_after(last)


def test_the_index_log_numbers_changes_in_order(store: ArticleStore) -> None:
    assert (store.last_change(), store.log_floor(), store.changes_after(0)) == (0, 0, [])
    save(store, "a", ["One.", "Two."])
    save(store, "b", ["Three."])
    changes = store.changes_after(0)
    assert [change.sequence for change in changes] == [1, 2, 3]
    assert [change.operation for change in changes] == ["add"] * 3
    assert [change.sequence for change in store.changes_after(2)] == [3]
    assert store.changes_after(3) == []
    assert store.last_change() == 3 and store.count_log_entries() == 3


def test_compaction_drops_old_entries_and_raises_the_floor(store: ArticleStore) -> None:
    for article_id in "abc":
        save(store, article_id, [f"Claim {article_id}."])
    store.delete_article("a")
    assert store.last_change() == 4

    with pytest.raises(ValueError):
        store.truncate_log(5)
    assert store.truncate_log(2) == 2
    assert store.truncate_log(1) == 0
    assert (store.log_floor(), store.count_log_entries()) == (2, 2)
    assert [change.sequence for change in store.changes_after(2)] == [3, 4]
    with pytest.raises(IndexLogCompacted) as behind:
        store.changes_after(1)
    assert (behind.value.sequence, behind.value.floor) == (1, 2)

    assert store.truncate_log(4) == 2
    assert (store.last_change(), store.log_floor(), store.count_log_entries()) == (4, 4, 0)
    save(store, "d", ["Claim d."])
    assert [change.sequence for change in store.changes_after(4)] == [5]


def test_meta_values_are_set_and_replaced(store: ArticleStore) -> None:
    assert store.get_meta("encoder") is None
    store.set_meta("encoder", "hashing")
    store.set_meta("encoder", "minilm")
    assert store.get_meta("encoder") == "minilm"


def test_replaced_vectors_are_stored_and_logged(store: ArticleStore) -> None:
    save(store, "a", ["One.", "Two."])
    keys, _ = store.vectors()
    before = store.last_change()
    replacement = unit_vectors(2, seed=9)
    store.replace_vectors(keys, replacement)
    assert np.allclose(store.vectors(keys)[1], replacement, atol=1e-3)
    assert operations(store, before) == [("add", keys[0]), ("add", keys[1])]
    assert store.all_claim_texts() == (keys, ["One.", "Two."])


def test_vectors_are_found_by_exact_claim_text(store: ArticleStore) -> None:
    save(store, "a", ["Troops massed at the border.", "Rain fell."], seed=3)
    found = store.vectors_by_text(["Rain fell.", "rain fell.", "Rain fell.", "Other."])
    assert list(found) == ["Rain fell."]
    assert np.allclose(found["Rain fell."], unit_vectors(2, 3)[1], atol=1e-3)
    assert found["Rain fell."].dtype == np.float32
    store.delete_article("a")
    assert store.vectors_by_text(["Rain fell."]) == {}


def test_vectors_are_kept_at_half_precision(store_url: str) -> None:
    store = open_store(store_url)
    vectors = unit_vectors(20, seed=4, dimension=384)
    save_vectors = store.save_article(
        ArticleRecord("a", "Outlet", "x"), claims_of([f"Claim {n}." for n in range(20)]), vectors
    )[0]
    _, found = store.vectors([claim.key for claim in save_vectors.claims])

    assert found.dtype == np.float32 and found.shape == (20, 384)
    assert np.max(np.abs(found - vectors)) <= float(np.finfo(STORED_DTYPE).eps)
    cosines = np.sum(found * vectors, axis=1) / np.linalg.norm(found, axis=1)
    assert np.min(cosines) > 0.99999
    store.close()


def test_a_vector_beyond_half_precision_is_refused(store: ArticleStore) -> None:
    with pytest.raises(ValueError):
        store.save_article(
            ArticleRecord("a", "Outlet", "x"),
            claims_of(["One."]),
            np.full((1, DIMENSION), 1e6, dtype=np.float32),
        )
    assert store.count_articles() == 0


def test_lexical_search_ranks_shared_words_and_leaves_out_one_article(
    store: ArticleStore,
) -> None:
    save(store, "a", ["The bridge over the river reopened.", "Rain fell in the valley."])
    save(store, "b", ["The river bridge reopened on Monday after repairs to the bridge."])
    save(store, "c", ["The senator resigned on Friday."])

    def texts(query: str, exclude: str | None = None) -> list[str]:
        hits = store.lexical_search([query], 10, exclude)[0]
        assert [score for _, score in hits] == sorted((s for _, s in hits), reverse=True)
        claims = store.claims_by_key([key for key, _ in hits])
        return [claims[key].text for key, _ in hits]

    assert texts("bridge reopened Monday")[0].startswith("The river bridge")
    assert "Rain fell in the valley." not in texts("bridge reopened Monday")
    assert texts("bridge reopened Monday", exclude="b") == ["The bridge over the river reopened."]
    assert texts("calls for the senators' resignation") == ["The senator resigned on Friday."]
    assert texts("the of and") == [] and texts("") == []
    batch = store.lexical_search(["valley rain", "", "senator"], 1)
    assert [len(hits) for hits in batch] == [1, 0, 1]
    assert store.lexical_search(["valley"], 0) == [[]]


@pytest.mark.parametrize(
    "text",
    [
        'He said "no deal" and left.',
        "It's the mayor's 'plan' & nothing | else",
        "NEAR(talks sanctions, 3) AND OR NOT",
        "title: text ^start {braces} [brackets] (parens) <-> !x 5* :*",
        "Zelenskyy met Orbán in Kraków — “it’s over”, he said",
        "東京で会談が行われた",
        "back\\slash and_underscore",
    ],
)
def test_any_text_is_a_valid_lexical_query(store: ArticleStore, text: str) -> None:
    save(store, "a", [text, "Unrelated words about weather."])
    hits = store.lexical_search([text], 10)[0]
    found = [claim.text for claim in store.claims_by_key([key for key, _ in hits]).values()]
    assert "Unrelated words about weather." not in found
    assert found == [text]


def test_a_second_store_on_the_same_database_sees_every_write(store_url: str) -> None:
    writer, reader = open_store(store_url), open_store(store_url)
    assert reader.migrations_applied == []
    save(writer, "a", ["One."])
    assert [change.operation for change in reader.changes_after(0)] == ["add"]
    assert reader.get_article("a") is not None
    writer.delete_article("a")
    assert reader.count_articles() == 0 and reader.last_change() == 2
    writer.close()
    reader.close()


@pytest.mark.parametrize(
    "record",
    [
        ArticleRecord("a\x00", "Outlet", "Text."),
        ArticleRecord("a", "Out\x00let", "Text."),
        ArticleRecord("a", "Outlet", "Te\x00xt."),
        ArticleRecord("a", "Outlet", "Text.", title="\x00"),
    ],
)
def test_a_nul_character_is_refused_by_every_engine(
    store: ArticleStore, record: ArticleRecord
) -> None:
    good = (ArticleRecord("b", "Outlet", "Fine."), claims_of(["Fine."]), unit_vectors(1))
    with pytest.raises(UnstorableText):
        store.save_articles([good, (record, claims_of(["Text."]), unit_vectors(1))])
    with pytest.raises(UnstorableText) as refused:
        store.save_article(ArticleRecord("c", "Outlet", "x"), claims_of(["\x00"]), unit_vectors(1))
    assert refused.value.field == "claim text"
    assert store.count_articles() == 0 and store.last_change() == 0


def test_lookups_of_a_nul_character_find_nothing(store: ArticleStore) -> None:
    save(store, "a", ["The dam burst."])
    assert store.get_article("a\x00") is None
    assert store.delete_article("a\x00") is False
    assert store.content_hashes(["a\x00", "a"]) == {"a": None}
    assert list(store.articles_by_id(["a\x00", "a"])) == ["a"]
    assert store.vectors_of_articles(["a\x00"])["a\x00"].shape[0] == 0
    assert store.vectors_by_text(["The dam burst.\x00"]) == {}
    assert len(store.lexical_search(["dam\x00burst"], 5, exclude_article="a\x00")[0]) == 1


def keys_of(store: ArticleStore, article_id: str) -> list[int]:
    article = store.get_article(article_id)
    assert article is not None
    return [claim.key for claim in article.claims]


def test_parsed_facts_are_kept_per_claim_under_their_version(store: ArticleStore) -> None:
    save(store, "a", ["One.", "Two.", "Three."])
    one, two, three = keys_of(store, "a")

    assert store.save_claim_facts("v1", {one: b"\x00facts one", two: b"facts two"}) == 2

    assert store.claim_facts([one, two, three], "v1") == {one: b"\x00facts one", two: b"facts two"}
    assert store.claim_facts([one, two, three], "v2") == {}
    assert store.claim_facts([], "v1") == {}
    assert store.count_claim_facts("v1") == 2
    assert store.save_claim_facts("v2", {two: b"new two"}) == 1
    assert store.claim_facts([two], "v1") == {}
    assert store.claim_facts([two], "v2") == {two: b"new two"}
    assert (store.count_claim_facts("v1"), store.count_claim_facts("v2")) == (1, 1)
    assert store.save_claim_facts("v1", {}) == 0


def test_facts_go_with_their_claims_and_are_never_kept_for_a_missing_claim(
    store: ArticleStore,
) -> None:
    save(store, "a", ["One.", "Two."])
    save(store, "b", ["Other."])
    old = keys_of(store, "a")
    (other,) = keys_of(store, "b")
    store.save_claim_facts("v1", {key: b"facts" for key in [*old, other]})

    save(store, "a", ["One again."])  # replaced: new claims, new keys
    store.delete_article("b")

    assert store.claim_facts([*old, other, *keys_of(store, "a")], "v1") == {}
    assert store.count_claim_facts("v1") == 0
    assert store.save_claim_facts("v1", {other: b"late", keys_of(store, "a")[0]: b"x"}) == 1
    assert store.count_claim_facts("v1") == 1


def test_claims_without_facts_come_in_key_order_with_their_dates(store: ArticleStore) -> None:
    texts = ["One.", "Two.", "Three."]
    store.save_article(
        ArticleRecord("a", "Outlet", " ".join(texts), published_at="2026-03-04"),
        claims_of(texts),
        unit_vectors(3),
    )
    save(store, "b", ["Four."])
    one, two, three = keys_of(store, "a")
    (four,) = keys_of(store, "b")
    store.save_claim_facts("v1", {two: b"facts"})
    store.save_claim_facts("v0", {three: b"stale"})

    missing = store.claims_without_facts("v1", 0, 10)

    assert [(claim.key, claim.text, claim.published_at) for claim in missing] == [
        (one, "One.", "2026-03-04"),
        (three, "Three.", "2026-03-04"),
        (four, "Four.", None),
    ]
    assert [claim.key for claim in store.claims_without_facts("v1", one, 1)] == [three]
    assert store.claims_without_facts("v1", four, 10) == []


def test_one_store_at_a_time_holds_the_backfill_lease(store_url: str) -> None:
    first, second = open_store(store_url), open_store(store_url)

    assert first.hold_backfill_lease() and first.hold_backfill_lease()
    assert not second.hold_backfill_lease()
    first.close()
    assert second.hold_backfill_lease()
    second.close()
