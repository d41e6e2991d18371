"""Errors of the job queue."""

from __future__ import annotations


class QueueUnavailable(Exception):
    """Bulk jobs cannot be taken or read: no Redis is configured, or it does not answer."""

    def __init__(self, reason: str, *, configured: bool = True):
        super().__init__(reason)
        self.configured = configured


class WebhookFailed(Exception):
    """A webhook delivery did not get a 2xx answer."""
