"""Wrong passwords back off: each failure in a row refuses further attempts for longer.

The n-th wrong password in a row for a key (a browser session, a client address)
refuses that key's next attempt for ``base_s * 2**(n - 1)`` seconds, at most
``cap_s``. Nothing sleeps: an attempt during that time is refused at once with the
time left, so a guesser never holds a server thread that other sessions need.
A right password clears the keys. Every failure is logged.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

LOG = logging.getLogger("gros.auth")
BASE_S = 1.0
CAP_S = 300.0
FORGET_S = 3600.0   # a key without failures for this long starts afresh
MAX_KEYS = 10_000   # beyond this many keys, the forgotten ones are dropped


@dataclass
class _Failures:
    count: int
    last: float
    until: float


class Backoff:
    """Failures per key and the time until which each key is refused (thread-safe:
    every Streamlit session runs its script in a thread of its own)."""

    def __init__(self, base_s: float = BASE_S, cap_s: float = CAP_S,
                 forget_s: float = FORGET_S, clock: Callable[[], float] = time.monotonic):
        self.base_s, self.cap_s, self.forget_s, self.clock = base_s, cap_s, forget_s, clock
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def _current(self, key: str, now: float) -> _Failures | None:
        found = self._failures.get(key)
        if found is not None and now - found.last > self.forget_s:
            del self._failures[key]
            return None
        return found

    def refused_for(self, keys: Iterable[str]) -> float:
        """Seconds until any of ``keys`` may try again; 0 when all may try now."""
        now = self.clock()
        with self._lock:
            waits = [found.until - now for key in keys
                     if (found := self._current(key, now)) is not None]
        return max([0.0, *waits])

    def failed(self, keys: Iterable[str], what: str = "") -> float:
        """Count a failure for each of ``keys``; the seconds now refused (the longest)."""
        now = self.clock()
        keys = list(keys)
        with self._lock:
            if len(self._failures) > MAX_KEYS:
                for key in [k for k, f in self._failures.items()
                            if now - f.last > self.forget_s]:
                    del self._failures[key]
            delays = []
            for key in keys:
                found = self._current(key, now) or _Failures(0, now, now)
                found.count += 1
                delay = min(self.cap_s, self.base_s * 2 ** (found.count - 1))
                found.last, found.until = now, now + delay
                self._failures[key] = found
                delays.append((delay, found.count))
        delay, count = max(delays)
        LOG.warning("wrong editor password%s for %s: %d in a row, next attempt in %.0f s",
                    f" ({what})" if what else "", ", ".join(keys), count, delay)
        return delay

    def succeeded(self, keys: Iterable[str]) -> None:
        """Clear the failures of ``keys``."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
