"""What a ``crosscheck serve`` worker process does once it has loaded the app."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.config import Config
from api.registry import EXTENSION_KEY
from api.server import CrosscheckServer


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Whatever a test freezes is handed back to the collector after it."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def collectable(thing: object) -> bool:
    return any(tracked is thing for tracked in gc.get_objects())


@pytest.mark.usefixtures("unfrozen")
def test_a_worker_keeps_what_it_loaded_out_of_collections(tmp_path: Path) -> None:
    config = Config(
        data_dir=tmp_path, encoder="hashing", verdict_judge="off", load_models_eagerly=True
    )
    app = CrosscheckServer(config, "127.0.0.1", 0).load()
    registry = app.extensions[EXTENSION_KEY]
    assert registry.models_loaded
    assert not collectable(registry)
    assert not collectable(registry.service)
    made_later: list[object] = []
    assert collectable(made_later)
