"""Which trainee a page's kernel serves.

On one laptop (the kit's ordinary use) a page serves the journal's one local trainee. In workshop mode
(the server sets ``INTERVISIE_KIT_WORKSHOP=1`` for its kernels) many people share one server, so the
answer comes from the server: before a kernel can learn its request, the server writes a binding
``kernel id -> participant`` into the workshop store (``workshop_kernels``). The kernel reads its own id
(never something the browser sent) and looks the binding up. A binding without a participant is the
trainer; no binding means the page was not opened through the workshop, and then the page gets no
journal at all: never the trainer's.

On a JupyterHub (``INTERVISIE_KIT_HUB=1``, ``docs/hub.md``) the single-user server serves one hub user,
named by the hub in ``JUPYTERHUB_USER`` (the browser never names it), and the journal URL names that
user's own database role; the page serves that user's trainee row (:meth:`Journal.hub_trainee`). There is
no trainer on a user's own server: the trainers' pages are a hub service.

A preheated kernel runs its notebook before anyone asks for the page, so it has no binding yet; it must
first wait for its request (:func:`wait_for_request`), and only then read the binding. Pages therefore
ask :func:`current_trainee` at the moment they need the journal, not while the notebook is preheating.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..hub import hub_user, is_hub  # light: no SQLAlchemy, no JupyterHub
from . import WORKSHOP_ENV  # the limits module: light, no SQLAlchemy

if TYPE_CHECKING:  # the journal (SQLAlchemy) loads only when a page asks for an identity
    from ..journal import Journal

__all__ = [
    "NOT_BOUND",
    "NO_HUB_USER",
    "WORKSHOP_ENV",
    "current_trainee",
    "is_workshop",
    "kernel_id",
    "serves_trainer",
    "wait_for_request",
]

NOT_BOUND = (
    "Open deze pagina via je telefoonpagina van de startdag.",
    "Open this page through your startdag phone page.",
)
NO_HUB_USER = (
    "Deze pagina weet niet voor wie ze is: de hub gaf geen gebruiker door (JUPYTERHUB_USER ontbreekt). "
    "Open de kit via de hub; helpt dat niet, vraag dan de beheerder.",
    "This page does not know whom it serves: the hub passed no user (JUPYTERHUB_USER is missing). Open "
    "the kit through the hub; if that does not help, ask the administrator.",
)
_CONNECTION_FILE = re.compile(r"kernel-([A-Za-z0-9-]+)\.json")
_request_known = False  # Voila's request info arrives once per kernel: wait for it only once


def is_workshop() -> bool:
    """True when this kernel belongs to a server running a startdag workshop."""
    return os.environ.get(WORKSHOP_ENV) == "1"


def wait_for_request() -> None:
    """Block until a preheated kernel has been handed to a request; at once otherwise.

    Voila sends a preheated kernel its request info once; a second wait would never end, so every part of
    the kit waits through here (also :func:`intervisie_kit.ui.shell.follow_address`).
    """
    global _request_known
    if _request_known or os.environ.get("VOILA_PREHEAT") != "True":
        return
    from voila.utils import wait_for_request as voila_wait

    voila_wait()
    _request_known = True


def kernel_id() -> str | None:
    """This kernel's id: set by Voila for preheated kernels, else read from the kernel's connection file."""
    known = os.environ.get("VOILA_KERNEL_ID")
    if known:
        return known
    try:
        from ipykernel.connect import get_connection_file

        path = get_connection_file()
    except Exception:  # not inside a kernel (a script, a test): no id, so no binding
        return None
    match = _CONNECTION_FILE.fullmatch(os.path.basename(path))
    return match.group(1) if match else None


def _binding(journal: Journal):  # type: ignore[no-untyped-def]
    wait_for_request()
    kid = kernel_id()
    if not kid:
        return None
    from .store import WorkshopStore

    return WorkshopStore(journal).kernel_binding(kid)


def current_trainee(journal: Journal) -> str:
    """The id of the trainee this page's kernel serves; :class:`JournalError` when it serves nobody."""
    from ..journal import JournalError

    if is_hub():
        user = hub_user()
        if user is None:
            raise JournalError(*NO_HUB_USER)
        return journal.hub_trainee(user).id
    if not is_workshop():
        return journal.local_trainee().id
    binding = _binding(journal)
    if binding is None:
        raise JournalError(*NOT_BOUND)
    if binding.participant_id is None:
        return journal.local_trainee().id
    return binding.trainee_id


def serves_trainer(journal: Journal | None = None) -> bool:
    """True on a laptop; in workshop mode only for a kernel the server bound to the trainer; never on a hub.

    A hub user's own server serves that user alone: page 11's local trainer features are not the hub's
    (the trainers' pages are the hub service ``intervisie-trainer``).
    """
    if is_hub():
        return False
    if not is_workshop():
        return True
    if journal is None:
        from ..journal import Journal

        with Journal() as own:
            return serves_trainer(own)
    binding = _binding(journal)
    return binding is not None and binding.participant_id is None
