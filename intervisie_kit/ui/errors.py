"""The page's last line of defence: an unexpected error in a button or field says so on the page, and its
traceback goes to the server log, never over the websocket.

Each page's own code catches the failures it expects (a busy journal, a too-long text, an impossible date)
and says what to do. This module is for the rest. In a kernel, ipywidgets reports an exception in a
callback with ``get_ipython().showtraceback()``, which sends the traceback (with the server's file paths)
to the browser as an ``error`` message; an exception while the browser sets a widget's value is logged by
the ``Comm`` logger to the kernel's ``sys.stderr``, which is also sent to the browser. :func:`install`
routes both to the kernel's real stderr, which Voila writes to its own log, and lets the page show a
short message in its language. Errors while a notebook cell runs are left to IPython (Voila already hides
their tracebacks), so nbval still fails a cell that raises.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

__all__ = ["install", "report"]

_SHOW: list[Callable[[], None]] = []
_LOGGERS = ("Comm",)


def report(exc_info: tuple[type[BaseException], BaseException, TracebackType | None] | None = None) -> None:
    """Write the traceback to the server log and tell the page."""
    info = exc_info or sys.exc_info()
    text = "".join(traceback.format_exception(*info)) if info[0] is not None else "(no exception)\n"
    stream = sys.__stderr__
    if stream is not None:
        stream.write(f"[intervisie-kit] an action on a page failed:\n{text}")
        stream.flush()
    for show in list(_SHOW):
        with contextlib.suppress(Exception):  # the message itself must never fail the kernel
            show()


class _ToServerLog(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR and record.exc_info and record.exc_info[0] is not None:
            report(record.exc_info)  # type: ignore[arg-type]
            return
        stream = sys.__stderr__
        if stream is not None:
            stream.write(self.format(record) + "\n")


def install(show: Callable[[], None]) -> None:
    """Route callback errors of this kernel to the server log and ``show`` (the page's message)."""
    _SHOW[:] = [show]
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, _ToServerLog) for h in logger.handlers):
            logger.addHandler(_ToServerLog())
        logger.propagate = False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the kit always runs in IPython kernels
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_ik_error_boundary", False):
        return
    original = shell.showtraceback

    def showtraceback(*args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("running_compiled_code"):  # a notebook cell: IPython's (and nbval's) business
            return original(*args, **kwargs)
        exc_tuple = kwargs.get("exc_tuple") or (args[0] if args else None)
        report(exc_tuple)
        return None

    shell.showtraceback = showtraceback
    shell._ik_error_boundary = True
