"""/v1/health: liveness, model state and corpus size (no key needed)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.bodies import Blueprint
from api.registry import current_registry
from api.schemas import HealthSchema

blp = Blueprint("health", __name__, url_prefix="/v1", description="Service health")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """Whether the models are loaded, and how large the corpus is."""
        registry = current_registry()
        store = registry.store
        loaded = registry.models_loaded
        return {
            "status": "ok",
            "models_loaded": loaded,
            "encoder": registry.encoder.name if loaded else registry.config.encoder,
            "articles": store.count_articles(),
            # Once loaded, the index counts the claims (it holds every stored one after its
            # catch-up with the log) where the store would scan them all.
            "claims": registry.corpus.count() if loaded else store.count_claims(),
            "auth": bool(registry.config.api_keys or registry.config.api_keys_file),
        }
