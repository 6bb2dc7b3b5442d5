"""A preheated kernel at a startdag still serves exactly one participant.

Voila runs a preheated page before anyone asks for it, and hands the request to the kernel later through a
channel keyed only by the kernel id. The kit binds the kernel to the participant (server side, in the
store) before Voila sends the request, and the page reads its identity only after it: so a preheated
page 06 opened by Anna shows Anna's reflections and nobody else's. ``--preheat-pages 06`` keeps the pool
to the one page this needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import Client, lan_address
from .conftest import KitServer, start_server, wait_until

pytestmark = pytest.mark.browser
HOST = lan_address() or "127.0.0.1"


@pytest.fixture
def warm(tmp_path: Path) -> Iterator[tuple[KitServer, str, Path]]:
    journal = tmp_path / "journal.sqlite"
    server = start_server(
        tmp_path, "--journal", str(journal), "--preheat", "1", "--preheat-pages", "06", command="workshop"
    )
    wait_until(lambda: "Code:" in server.log(), 30, "the join code in the output")
    code = re.search(r"Code:\s+(\d{6})", server.log()).group(1)  # type: ignore[union-attr]
    wait_until(lambda: len(server.kernels()) >= 1, 60, "the preheated kernel of page 06")
    yield server, code, journal
    server.stop()


def test_a_preheated_page_06_serves_the_participant_who_opened_it(warm: tuple, browser) -> None:  # type: ignore[no-untyped-def]
    server, code, journal = warm
    warm_ids = [kernel_id(p) for p in server.kernels()]
    assert len(warm_ids) == 1  # only page 06 is warm
    anna, bram = Client(server, host=HOST), Client(server, host=HOST)  # type: ignore[arg-type]
    assert anna.join(code, "Anna")[0] == 200 and bram.join(code, "Bram")[0] == 200
    with Journal(journal) as j:
        people = {p.name: p for p in WorkshopStore(j).participants()}
        for name in ("Anna", "Bram"):
            j.add(people[name].trainee_id, template="bijeenkomst", answers={"wat-gebeurde": name}, title=f"Van {name}")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": k, "value": v, "url": f"http://{HOST}:{server.port}"} for k, v in anna.cookies.items()]
    )
    page = context.new_page()
    try:
        page.goto(f"http://{HOST}:{server.port}/voila/render/06_reflectie.ipynb")
        page.locator(".ik-journal").wait_for()
        page.get_by_role("tab", name="Mijn reflecties").click()
        listing = page.locator(".ik-journal-list select")
        listing.wait_for()
        text = listing.inner_text().replace("\xa0", " ")
        assert "Van Anna" in text and "Van Bram" not in text
        with Journal(journal) as j:
            bound = dict(store_bindings(j))
        assert bound.get(warm_ids[0]) == people["Anna"].id  # the warm kernel, started before Anna joined, is hers
    finally:
        context.close()


def kernel_id(process) -> str:  # type: ignore[no-untyped-def]
    """A kernel's id, from the connection file on its command line (``kernel-<id>.json``)."""
    return re.search(r"kernel-([0-9a-f-]+)\.json", " ".join(process.cmdline())).group(1)  # type: ignore[union-attr]


def store_bindings(journal: Journal) -> list[tuple[str, str | None]]:
    """(kernel id, participant id) of every kernel binding the server wrote."""
    import sqlalchemy as sa

    from intervisie_kit.workshop.tables import kernels

    with journal.reader.connect() as conn:
        return [(r.kernel_id, r.participant_id) for r in conn.execute(sa.select(kernels)).all()]
