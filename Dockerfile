# Crosscheck API: gunicorn serving the app factory, models baked in, running as non-root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false

WORKDIR /app

# Dependencies in their own layer, installed from the hashed lock. The pinned torch is the
# CPU build, published on PyTorch's own CPU wheel index rather than on PyPI.
ARG TORCH_CPU_INDEX=https://download.pytorch.org/whl/cpu
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps --extra-index-url "${TORCH_CPU_INDEX}" -r requirements.lock

COPY pyproject.toml README.md ./
COPY api ./api
COPY embeddings ./embeddings
COPY claims ./claims
COPY facts ./facts
COPY comparison ./comparison
COPY storage ./storage
COPY crosscheck ./crosscheck
COPY jobs ./jobs
RUN pip install --no-deps --no-build-isolation .

RUN useradd --create-home --uid 10001 crosscheck \
    && mkdir -p /data \
    && chown crosscheck:crosscheck /data
USER crosscheck

# Inside a container the server must listen on all interfaces: set CROSSCHECK_API_KEYS
# (or CROSSCHECK_API_KEYS_FILE) before publishing the port.
ENV CROSSCHECK_DATA_DIR=/data \
    CROSSCHECK_LOAD_MODELS_EAGERLY=1
VOLUME ["/data"]
EXPOSE 8000

# One gunicorn worker process per core unless CROSSCHECK_WORKERS says otherwise.
CMD ["crosscheck", "serve", "--host", "0.0.0.0", "--port", "8000", "--data-dir", "/data"]
