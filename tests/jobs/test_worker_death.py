"""A worker killed with SIGKILL in the middle of a batch: another one finishes the job, and
every item is done exactly once (nothing lost, nothing stored twice)."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import redis

from tests.jobs.conftest import JobsSetup, article

ITEMS = 200
SENTENCES = 12


def test_a_job_resumes_on_another_worker_after_kill_9(jobs_setup: JobsSetup) -> None:
    setup = jobs_setup
    items = [article(f"survivor-{number}", sentences=SENTENCES) for number in range(ITEMS)]
    first = setup.start_worker()

    location = setup.submit("ingest", items)
    job_id = location.rsplit("/", 1)[1]
    setup.wait_for(location, lambda job: job["progress"]["done"] >= 4)
    in_flight = _kill_in_the_middle_of_a_batch(first, setup, job_id)
    setup.start_worker()
    job = setup.wait_until_finished(location, limit=ITEMS)

    assert job["state"] == "succeeded"
    assert job["progress"]["done"] == ITEMS
    assert job["progress"]["created"] + job["progress"]["unchanged"] == ITEMS
    results = job["results"]
    assert [result["index"] for result in results] == list(range(ITEMS))
    assert {result["article_id"] for result in results} == {item["id"] for item in items}
    assert setup.client.get("/v1/health").json["articles"] == ITEMS
    for item in items:
        stored = setup.client.get(f"/v1/articles/{item['id']}").json
        assert stored["revision"] == 1, item["id"]
        assert len(stored["claims"]) == SENTENCES, item["id"]
    attempts = _hash(setup, job_id, "attempts")
    assert {batch: attempts[batch] for batch in in_flight} == {batch: "2" for batch in in_flight}
    assert set(_hash(setup, job_id, "batches")) == {str(batch) for batch in range(ITEMS // 2)}


def _kill_in_the_middle_of_a_batch(
    worker: subprocess.Popen[bytes], setup: JobsSetup, job_id: str
) -> set[str]:
    """SIGSTOP the worker until it is frozen inside a batch (started, not recorded), then
    SIGKILL it; the batches it was working on."""
    for _ in range(50):
        os.kill(worker.pid, signal.SIGSTOP)
        started = set(_hash(setup, job_id, "attempts"))
        in_flight = started - set(_hash(setup, job_id, "batches"))
        if in_flight:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()
            return in_flight
        os.kill(worker.pid, signal.SIGCONT)
        time.sleep(0.01)
    raise AssertionError("the worker was never caught inside a batch")


def _hash(setup: JobsSetup, job_id: str, part: str) -> dict[str, str]:
    """A hash of the job's records: ``attempts`` (batch -> count), ``batches`` (recorded)."""
    client = redis.Redis.from_url(setup.redis_url, decode_responses=True)
    try:
        found: dict[str, str] = client.hgetall(f"{setup.namespace}:job:{job_id}:{part}")  # type: ignore[assignment]
    finally:
        client.close()
    return found
