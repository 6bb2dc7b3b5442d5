"""How often a join code may be guessed: per client address and for the whole room.

A join code has six digits, so a million possibilities; a phone on the room's Wi-Fi that tries codes
as fast as it can would find one in minutes. :class:`JoinLimiter` allows ``JOIN_ATTEMPTS`` wrong codes
per client address per ``JOIN_WINDOW`` seconds; after that the address is refused (the right code too)
until its oldest failure leaves the window. When the whole room produces ``JOIN_GLOBAL`` wrong codes in
one window (many addresses, or one that changes its address), joining by code pauses until the trainer
makes a new code: the limiter remembers which code was active when it tripped.

Pure: no tornado, no database; the clock is passed in, so tests never sleep. Memory is bounded: at most
``max_clients`` addresses are remembered (the oldest is forgotten first) and each keeps at most
``attempts`` failure times.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["JoinLimiter", "Verdict"]


@dataclass(frozen=True)
class Verdict:
    """Whether a join attempt may go ahead; ``retry_after`` seconds when not; ``paused`` for the room."""

    allowed: bool
    retry_after: int = 0
    paused: bool = False


class JoinLimiter:
    def __init__(
        self,
        attempts: int,
        window: float,
        global_limit: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.attempts, self.window, self.global_limit = attempts, window, global_limit
        self.clock, self.max_clients = clock, max_clients
        self._clients: OrderedDict[str, deque[float]] = OrderedDict()
        self._room: deque[float] = deque(maxlen=global_limit)
        self.paused_code: str | None = None

    def _prune(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def check(self, client: str, code: str | None = None) -> Verdict:
        """May ``client`` try a code now? ``code`` is the workshop's current code (for the room pause)."""
        now = self.clock()
        if self.paused_for(code):
            return Verdict(False, paused=True)
        times = self._clients.get(client)
        if times is None:
            return Verdict(True)
        self._prune(times, now)
        if len(times) >= self.attempts:
            return Verdict(False, retry_after=max(1, int(times[0] + self.window - now + 0.999)))
        return Verdict(True)

    def failure(self, client: str, code: str | None = None) -> None:
        """Record a wrong code from ``client``; trips the room pause at ``global_limit``."""
        now = self.clock()
        times = self._clients.pop(client, None)
        if times is None:
            times = deque(maxlen=self.attempts)
            while len(self._clients) >= self.max_clients:
                self._clients.popitem(last=False)
        self._prune(times, now)
        times.append(now)
        self._clients[client] = times  # most recently active last
        self._prune(self._room, now)
        self._room.append(now)
        if len(self._room) >= self.global_limit:
            self.paused_code = code if code is not None else ""

    @property
    def paused(self) -> bool:
        return self.paused_code is not None

    def paused_for(self, code: str | None) -> bool:
        """Is joining paused while ``code`` is the active code? A new code ends the pause."""
        if self.paused_code is not None and code is not None and code != self.paused_code:
            self.paused_code = None
            self._room.clear()
        return self.paused_code is not None

    def remembered(self) -> int:
        return len(self._clients)
