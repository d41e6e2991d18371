"""The HTTP layer: the app factory and nothing at import time.

``create_app`` (:mod:`api.factory`) and ``spec_yaml`` (:mod:`api.spec`) are imported on first
use: reading ``api.config`` then loads neither Flask nor the engine and its model libraries,
and ``crosscheck serve`` opens the claim index while the master process imports them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from api.factory import create_app
    from api.spec import spec_yaml

__all__ = ["create_app", "spec_yaml"]
_HOMES = {"create_app": "api.factory", "spec_yaml": "api.spec"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'api' has no attribute {name!r}")
