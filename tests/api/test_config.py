from __future__ import annotations

from pathlib import Path

import pytest

from api.config import Config


def test_environment_overrides_each_kind_of_setting() -> None:
    config = Config.from_env(
        {
            "CROSSCHECK_DATA_DIR": "/srv/crosscheck",
            "CROSSCHECK_MAX_CLAIMS": "40",
            "CROSSCHECK_SIMILARITY_FLOOR": "0.6",
            "CROSSCHECK_LOAD_MODELS_EAGERLY": "yes",
            "CROSSCHECK_CORS_ORIGINS": "https://cms.example, https://editor.example",
            "CROSSCHECK_JUDGE_PATH": "",
        }
    )
    assert config.data_dir == Path("/srv/crosscheck")
    assert config.max_claims == 40
    assert config.similarity_floor == 0.6
    assert config.load_models_eagerly is True
    assert config.cors_origins == ("https://cms.example", "https://editor.example")
    assert config.judge_path is None
    assert config.encoder == "minilm"


def test_explicit_overrides_win_over_the_environment() -> None:
    config = Config.from_env({"CROSSCHECK_ENCODER": "hashing"}, encoder="minilm")
    assert config.encoder == "minilm"


def test_a_bad_number_names_the_variable() -> None:
    with pytest.raises(ValueError, match="CROSSCHECK_MAX_CLAIMS"):
        Config.from_env({"CROSSCHECK_MAX_CLAIMS": "many"})


def test_the_embedding_cache_size_comes_from_the_environment() -> None:
    assert Config().embedding_cache_size > 0
    config = Config.from_env({"CROSSCHECK_EMBEDDING_CACHE_SIZE": "0"})
    assert config.embedding_cache_size == 0
