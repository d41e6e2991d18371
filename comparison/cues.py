"""A quick, cached look at a claim's text for the words a rule needs, before the rule reads
the claim's parse: most claims have none of them, and one claim is compared many times."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=65536)
def mentions(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None
