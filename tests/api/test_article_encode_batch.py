"""How many claims of one article the service hands the encoder at once."""

from __future__ import annotations

from api.config import Config
from api.registry import article_encode_batch
from crosscheck.service import ARTICLE_ENCODE_BATCH


def test_one_encode_thread_gets_small_batches_of_similar_length() -> None:
    assert article_encode_batch(Config(encode_threads=1)) == ARTICLE_ENCODE_BATCH


def test_a_split_encoder_gets_the_whole_article_in_one_call() -> None:
    config = Config(encode_threads=2, max_claims=300)
    assert article_encode_batch(config) == 300
