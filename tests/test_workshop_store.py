"""The workshop store (issue 15): joining, the question wall's limits, rounds, ratings, views, erasing.

Runs on SQLite and, when ``INTERVISIE_KIT_TEST_POSTGRES`` names a server, on PostgreSQL too (the
journal tests' fixture). Clocks are passed in (``now=``), so no test sleeps.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from intervisie_kit.journal import Journal
from intervisie_kit.workshop import MAX_NAME, MAX_PER_ROUND, MAX_QUESTION, MIN_INTERVAL
from intervisie_kit.workshop.model import WorkshopError
from intervisie_kit.workshop.store import WorkshopStore
from intervisie_kit.workshop.tables import questions

from .hostile import HOSTILE, HOSTILE_IDS, assert_shown_as_text
from .test_journal import journal_url_for_test  # noqa: F401 - the fixture: SQLite, and PostgreSQL when set

T0 = datetime(2026, 3, 2, 9, 0, 0)
WORKSHOP_TABLES = (
    "workshops",
    "workshop_participants",
    "workshop_rounds",
    "workshop_questions",
    "workshop_ratings",
    "workshop_kernels",
)


@pytest.fixture
def journal(journal_url_for_test: str) -> Iterator[Journal]:  # noqa: F811 - uses the imported fixture
    with Journal(journal_url_for_test) as j:
        yield j


@pytest.fixture
def store(journal: Journal) -> WorkshopStore:
    return WorkshopStore(journal)


class Clock:
    """Question times far enough apart for MIN_INTERVAL, unless a test says otherwise."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self, step: float = MIN_INTERVAL + 1) -> datetime:
        self.now += timedelta(seconds=step)
        return self.now


def secret(n: int) -> str:
    return f"browser-secret-{n:020d}"


def room(store: WorkshopStore, n: int = 3):  # type: ignore[no-untyped-def]
    ws = store.open_workshop("Startdag")
    people = [store.join(ws.code, f"Deelnemer {i}", secret(i)) for i in range(n)]
    return ws, people


def refused(code: str, call, *args, **kwargs) -> WorkshopError:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkshopError) as info:
        call(*args, **kwargs)
    assert info.value.code == code, info.value.nl
    assert info.value.text("nl") and info.value.text("en") and info.value.text("nl") != info.value.text("en")
    return info.value


def count_rows(journal: Journal, table: str) -> int:
    with journal.reader.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


# -- starting and joining ------------------------------------------------------------------------------


def test_a_workshop_has_a_code_and_a_trainer_key_shown_once(store: WorkshopStore) -> None:
    assert store.active() is None and store.version() == 0
    ws = store.open_workshop("Startdag maart")
    assert len(ws.code) == 6 and ws.code.isdigit() and ws.trainer_key
    again = store.open_workshop("Another title")
    assert again.id == ws.id and again.trainer_key is None  # the active one; its key is not shown again
    assert store.check_trainer_key(ws.trainer_key)
    assert not store.check_trainer_key(ws.trainer_key + "x")
    assert not store.check_trainer_key("") and not store.check_trainer_key(None)
    with store.journal.reader.connect() as conn:
        stored = conn.execute(sa.text("SELECT trainer_key_hash FROM workshops")).scalar_one()
    assert ws.trainer_key not in stored
    fresh = store.new_trainer_key()
    assert store.check_trainer_key(fresh) and not store.check_trainer_key(ws.trainer_key)


def test_join_checks_the_code_the_door_and_the_room(store: WorkshopStore, monkeypatch: pytest.MonkeyPatch) -> None:
    refused("no_workshop", store.join, "123456", "Noor", secret(1))
    ws = store.open_workshop()
    wrong = "000000" if ws.code != "000000" else "111111"
    error = refused("bad_code", store.join, wrong, "Noor", secret(1))
    assert "6" in error.nl and "6" in error.en
    noor = store.join(f" {ws.code} ", "Noor", secret(1))
    assert noor.name == "Noor" and store.participant_by_secret(secret(1)) == noor
    assert store.join(ws.code, "Noor again", secret(1)) == noor  # a double tap: the same participant
    store.set_joining(False)
    refused("joining_closed", store.join, ws.code, "Sem", secret(2))
    assert store.join(ws.code, "Noor", secret(1)) == noor  # who is in, stays in
    store.set_joining(True)
    old = ws.code
    new = store.new_code()
    if new != old:
        refused("bad_code", store.join, old, "Sem", secret(2))
    monkeypatch.setattr("intervisie_kit.workshop.store.MAX_PARTICIPANTS", 2)
    store.join(new, "Sem", secret(2))
    error = refused("full", store.join, new, "Ada", secret(3))
    assert "2" in error.nl and "2" in error.en
    assert [p.name for p in store.participants()] == ["Noor", "Sem"]


def test_names_are_cleaned_and_limited(store: WorkshopStore) -> None:
    ws = store.open_workshop()
    refused("name", store.join, ws.code, "   ", secret(1))
    error = refused("name", store.join, ws.code, "x" * (MAX_NAME + 1), secret(1))
    assert str(MAX_NAME) in error.nl and str(MAX_NAME) in error.en
    assert store.join(ws.code, "y" * MAX_NAME, secret(1)).name == "y" * MAX_NAME
    # Direction overrides and control characters go; emoji with joiners stay.
    odd = store.join(ws.code, "Sam\u202eeil\x07\n  👩\u200d👩\u200d👧", secret(2))
    assert odd.name == "Sameil 👩\u200d👩\u200d👧"
    assert store.participants()[0].name == "y" * MAX_NAME


@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_names_are_kept_as_text_or_refused_by_the_limit(store: WorkshopStore, hostile: str) -> None:
    ws = store.open_workshop()
    store.set_show_names(True)
    try:
        me = store.join(ws.code, hostile, secret(1))
    except WorkshopError as error:
        assert error.code == "name" and str(MAX_NAME) in error.nl
        return
    assert me.name.replace(" ", "") in "".join(hostile.split()).replace("\u202e", "").replace("\x00", "")
    if "<script>" in hostile:
        assert "<script>" in me.name  # stored as typed: the pages show it with textContent
    store.start_round("all")
    store.submit(me.id, "Wat deed je toen?", "k1")
    wall = store.wall_view("nl")
    assert wall["questions"][0]["name"] == me.name


def test_the_browser_secret_is_stored_only_as_a_hash(store: WorkshopStore) -> None:
    ws = store.open_workshop()
    store.join(ws.code, "Noor", secret(7))
    with store.journal.reader.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM workshop_participants")).all()
    assert secret(7) not in repr(rows)
    assert store.participant_by_secret(secret(8)) is None and store.participant_by_secret("") is None


# -- questions and their limits ------------------------------------------------------------------------


def test_a_question_is_judged_and_stored(store: WorkshopStore) -> None:
    _, (noor, *_) = room(store)
    refused("no_round", store.submit, noor.id, "Wat maakte dat je toen zweeg?", "k0")
    store.start_round("all")
    clock = Clock()
    question, repeat = store.submit(noor.id, "Waarom zei je niets?", "k1", now=clock())
    assert not repeat and question.kind == "open" and "why" in question.flags
    closed, _ = store.submit(noor.id, "Heb je dat aan je leidinggevende verteld?", "k2", now=clock())
    assert closed.kind == "closed"


def test_every_question_limit_speaks(store: WorkshopStore, monkeypatch: pytest.MonkeyPatch) -> None:
    _, (noor, sem, _) = room(store)
    store.start_round("all")
    clock = Clock()
    assert refused("empty", store.submit, noor.id, "  \n ", "a", now=clock())
    error = refused("too_long", store.submit, noor.id, "x" * (MAX_QUESTION + 1), "b", now=clock())
    assert str(MAX_QUESTION) in error.nl and str(MAX_QUESTION) in error.en
    store.submit(noor.id, "v" * MAX_QUESTION, "c", now=clock())
    error = refused("too_fast", store.submit, noor.id, "Wat nu?", "d", now=clock(1))
    assert str(MIN_INTERVAL) in error.nl and str(MIN_INTERVAL) in error.en
    store.submit(sem.id, "Wat nu?", "d", now=clock.now)  # the interval is per participant
    store.submit(noor.id, "Wat nu?", "d", now=clock(MIN_INTERVAL))
    for i in range(MAX_PER_ROUND - 2):
        store.submit(noor.id, f"Wat dan {i}?", f"e{i}", now=clock())
    error = refused("too_many", store.submit, noor.id, "Nog een?", "f", now=clock())
    assert str(MAX_PER_ROUND) in error.nl and str(MAX_PER_ROUND) in error.en
    store.start_round("open")
    store.submit(noor.id, "Nog een?", "f", now=clock())  # a new round, a new allowance
    refused("key", store.submit, noor.id, "Wat?", "", now=clock())
    refused("key", store.submit, noor.id, "Wat?", "k" * 65, now=clock())
    refused("not_found", store.submit, "nobody", "Wat?", "g", now=clock())


@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_questions_are_stored_as_typed_and_shown_as_text(store: WorkshopStore, hostile: str) -> None:
    _, (noor, *_) = room(store)
    store.start_round("all")
    try:
        question, _ = store.submit(noor.id, hostile, "k")
    except WorkshopError as error:
        assert error.code == "too_long" and len(hostile.strip()) > MAX_QUESTION
        return
    assert question.text == hostile.replace("\x00", "").strip()
    phone = store.phone_view(noor.id, "nl")
    assert phone["questions"][0]["text"] == question.text  # the page puts it in with textContent
    assert_shown_as_text(phone["questions"][0]["verdict_html"], hostile)  # the one part that is markup


def test_a_repeated_key_stores_the_question_once(store: WorkshopStore) -> None:
    _, (noor, *_) = room(store)
    store.start_round("all")
    first, repeat = store.submit(noor.id, "Wat voelde je?", "same-key")
    again, repeat2 = store.submit(noor.id, "Wat voelde je?", "same-key")  # within MIN_INTERVAL: still "done"
    assert (repeat, repeat2) == (False, True) and again == first
    assert count_rows(store.journal, "workshop_questions") == 1


def test_two_requests_with_one_key_at_once_end_as_one_row(store: WorkshopStore) -> None:
    _, (noor, *_) = room(store)
    store.start_round("all")
    barrier = threading.Barrier(4)
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def send() -> None:
        barrier.wait()
        try:
            question, repeat = store.submit(noor.id, "Wat maakte dat je twijfelde?", "wifi-retry")
            results.append((question.id, repeat))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({qid for qid, _ in results}) == 1 and sorted(r for _, r in results) == [False, True, True, True]
    assert count_rows(store.journal, "workshop_questions") == 1


def test_a_lost_race_on_the_unique_key_returns_the_stored_question(
    store: WorkshopStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the database's unique constraint is what catches the repeat, the stored one is the answer."""
    _, (noor, *_) = room(store)
    store.start_round("all")
    stored, _ = store.submit(noor.id, "Wat deed je?", "raced")
    real = store._submit

    def raced(participant_id: str, text: str, idem_key: str, moment: datetime):  # type: ignore[no-untyped-def]
        with store.journal._write() as conn:  # what a second request would do without seeing the first
            conn.execute(
                sa.text(
                    "INSERT INTO workshop_questions (workshop_id, round_id, participant_id, idem_key, text, kind, "
                    "flags, created, hidden, pinned) SELECT workshop_id, round_id, participant_id, idem_key, text, "
                    "kind, flags, created, hidden, pinned FROM workshop_questions WHERE idem_key = 'raced'"
                )
            )
        return real(participant_id, text, idem_key, moment)  # pragma: no cover - the insert above fails first

    monkeypatch.setattr(store, "_submit", raced)
    again, repeat = store.submit(noor.id, "Wat deed je?", "raced")
    assert repeat and again.id == stored.id


# -- rounds, moderation, ratings -----------------------------------------------------------------------


def test_rounds_are_numbered_and_tallied_side_by_side(store: WorkshopStore) -> None:
    _, (noor, sem, ada) = room(store)
    clock = Clock()
    first = store.start_round("all")
    store.submit(noor.id, "Wat maakte dat je toen zweeg?", "1", now=clock())  # plainly open
    store.submit(sem.id, "Heb je het gemeld?", "1", now=clock())  # closed
    store.submit(ada.id, "Waarom deed je dat?", "1", now=clock())  # open, why
    store.submit(noor.id, "Je moet het gewoon melden.", "2", now=clock())  # advice
    second = store.start_round("open")
    assert (first.number, second.number) == (1, 2) and [r.open for r in store.rounds()] == [False, True]
    store.submit(noor.id, "Wat voelde je op dat moment?", "3", now=clock())
    store.submit(sem.id, "Hoe reageerde je collega?", "3", now=clock())
    wall = store.wall_view("nl")
    one, two = wall["rounds"]
    assert (one["number"], one["rule"], one["turns"], one["open"], one["open_flagged"]) == (1, "all", 4, 1, 1)
    assert one["open_share"] == 0.25 and one["counts"]["closed"] == 1 and one["counts"]["advice"] == 1
    assert (two["number"], two["rule"], two["turns"], two["open"], two["open_share"]) == (2, "open", 2, 2, 1.0)
    assert wall["round"] == {"id": second.id, "number": 2, "rule": "open"}
    assert store.close_round().id == second.id and store.close_round() is None
    refused("no_round", store.submit, noor.id, "Wat nog?", "4", now=clock())
    refused("rule", store.start_round, "only-nice")


def test_the_trainer_hides_and_pins(store: WorkshopStore) -> None:
    _, (noor, sem, _) = room(store)
    store.start_round("all")
    clock = Clock()
    rude, _ = store.submit(noor.id, "Wat een onzin verhaal is dit.", "1", now=clock())
    good, _ = store.submit(sem.id, "Wat maakte dat je toen zweeg?", "1", now=clock())
    other, _ = store.submit(sem.id, "Hoe reageerde je team?", "2", now=clock())
    assert store.moderate(rude.id, hidden=True).hidden
    store.moderate(good.id, pinned=True)
    store.moderate(other.id, pinned=True)  # one pinned at a time
    wall = store.wall_view("nl")
    listed = {q["id"]: q for q in wall["questions"]}
    assert listed[rude.id]["hidden"] and not listed[good.id]["pinned"] and listed[other.id]["pinned"]
    assert wall["rounds"][0]["turns"] == 2  # hidden questions count in no tally
    store.moderate(rude.id, hidden=False)
    assert store.wall_view("nl")["rounds"][0]["turns"] == 3
    store.set_inbrenger(noor.id)
    for nonsense in (99999, "1", True, 2**40, None):
        refused("not_found", store.moderate, nonsense, hidden=True)
        refused("not_found", store.rate, noor.id, nonsense, "warm")


def test_only_the_inbrenger_rates(store: WorkshopStore) -> None:
    _, (inbrenger, sem, ada) = room(store)
    store.start_round("all")
    clock = Clock()
    q1, _ = store.submit(sem.id, "Wat maakte dat je toen zweeg?", "1", now=clock())
    q2, _ = store.submit(ada.id, "Hoe reageerde je team?", "1", now=clock())
    refused("not_inbrenger", store.rate, inbrenger.id, q1.id, "warm")
    store.set_inbrenger(inbrenger.id)
    refused("not_inbrenger", store.rate, sem.id, q1.id, "warm")
    refused("rating", store.rate, inbrenger.id, q1.id, "heet")
    refused("not_found", store.rate, inbrenger.id, 99999, "warm")
    store.rate(inbrenger.id, q1.id, "koud")
    changed = store.rate(inbrenger.id, q1.id, "warm")
    store.rate(inbrenger.id, q2.id, "neutraal")
    assert changed.rating == "warm" and changed.updated >= changed.created
    assert store.wall_view("nl")["ratings"] == {"koud": 0, "neutraal": 1, "warm": 1}
    phone = store.phone_view(sem.id, "nl")
    assert [q["rating"] for q in phone["questions"]] == ["warm"]  # the asker sees the rating their question got
    assert phone["to_rate"] == [] and not phone["workshop"]["inbrenger"]
    rater = store.phone_view(inbrenger.id, "nl")
    assert rater["workshop"]["inbrenger"] and [q["id"] for q in rater["to_rate"]] == [q1.id, q2.id]
    refused("not_found", store.set_inbrenger, "nobody")


# -- what the pages see --------------------------------------------------------------------------------


def test_the_wall_shows_names_only_when_the_trainer_chooses(store: WorkshopStore) -> None:
    _, (noor, sem, _) = room(store)
    store.start_round("all")
    store.submit(noor.id, "Wat maakte dat je toen zweeg?", "1")
    hidden_names = json.dumps(store.wall_view("nl", join_url="http://10.0.0.2:8866/join", qr_svg="<svg/>"))
    assert "Deelnemer" not in hidden_names and noor.id not in hidden_names and sem.id not in hidden_names
    store.set_show_names(True)
    wall = store.wall_view("en", join_url="http://10.0.0.2:8866/join", qr_svg="<svg/>")
    assert wall["questions"][0]["name"] == "Deelnemer 0" and wall["questions"][0]["kind_label"] == "Open question"
    assert wall["join"]["url"] == "http://10.0.0.2:8866/join" and wall["join"]["qr_svg"] == "<svg/>"
    assert wall["participants"] == 3 and wall["join"]["open"] and len(wall["join"]["code"]) == 6


def test_a_phone_never_sees_another_participants_name_or_id(store: WorkshopStore) -> None:
    _, (inbrenger, sem, ada) = room(store)
    store.set_show_names(True)
    store.set_inbrenger(inbrenger.id)
    store.set_case("Werkdruk", "Een casus over werkdruk.")
    store.start_round("all")
    clock = Clock()
    store.submit(sem.id, "Wat maakte dat je toen zweeg?", "1", now=clock())
    store.submit(ada.id, "Hoe reageerde je team?", "1", now=clock())
    store.publish_session(
        {
            "method": "incidentmethode",
            "phase": {"index": 1, "count": 5, "name": "Vragen", "allowed": "alleen open vragen", "questions": True},
            "ends_at": None,
            "remaining": 300,
            "running": True,
            "roles": {inbrenger.id: "inbrenger", sem.id: "tijdbewaker", ada.id: "deelnemer"},
            "interventions": ["Let op: stel één vraag tegelijk."],
        }
    )
    for me, others in ((inbrenger, (sem, ada)), (sem, (inbrenger, ada)), (ada, (inbrenger, sem))):
        view = store.phone_view(me.id, "nl")
        text = json.dumps(view, ensure_ascii=False)
        for other in others:
            assert other.name not in text and other.id not in text and other.trainee_id not in text
        assert view["me"]["name"] == me.name and "roles" not in view["workshop"]["session"]
        assert view["workshop"]["case"]["title"] == "Werkdruk"
    assert store.phone_view(sem.id, "nl")["me"]["role"] == "tijdbewaker"
    assert store.phone_view(inbrenger.id, "en")["me"]["role"] == "inbrenger"
    wall = store.wall_view("nl")
    assert {"name": "Deelnemer 1", "role": "tijdbewaker"} in wall["session"]["roles"]
    store.set_show_names(False)
    assert "roles" not in store.wall_view("nl")["session"]
    store.publish_session(None)
    assert store.phone_view(sem.id, "nl")["workshop"]["session"] is None


def test_the_phone_view_judges_with_the_one_verdict_component(store: WorkshopStore) -> None:
    from intervisie_kit.coach import classify
    from intervisie_kit.ui.verdict import verdict_html

    _, (noor, *_) = room(store)
    store.start_round("open")
    store.submit(noor.id, "Waarom zei je niets?", "1")
    mine = store.phone_view(noor.id, "en")["questions"][0]
    assert mine["verdict_html"] == verdict_html(classify("Waarom zei je niets?"), "en", live=False)
    assert mine["kind_label"] == "Open question" and mine["flags"] == ["why"] and mine["round"] == 1
    assert store.phone_view(noor.id, "nl")["limits"]["left_in_round"] == MAX_PER_ROUND - 1


def test_views_for_40_participants_with_12_questions_each_are_fast(tmp_path: Path) -> None:
    import time

    with Journal(tmp_path / "journal.sqlite") as journal:
        store = WorkshopStore(journal)
        _, people = room(store, 40)
        store.set_inbrenger(people[0].id)
        first = store.start_round("all")
        rows = [  # in one transaction: 480 submits one by one would mostly measure fsync
            {
                "workshop_id": first.workshop_id,
                "round_id": first.id,
                "participant_id": p.id,
                "idem_key": f"k{i}",
                "text": f"Wat maakte dat je {i} keer twijfelde, {p.name}?",
                "kind": "open",
                "flags": [],
                "created": T0,
                "hidden": False,
                "pinned": False,
            }
            for p in people
            for i in range(MAX_PER_ROUND)
        ]
        with journal._write() as conn:
            conn.execute(questions.insert(), rows)

        def best_of(call) -> float:  # type: ignore[no-untyped-def]
            call()  # warm: imports, the verdict cache
            times = []
            for _ in range(5):
                start = time.perf_counter()
                call()
                times.append(time.perf_counter() - start)
            return min(times)

        wall = best_of(lambda: store.wall_view("nl"))
        phone = best_of(lambda: store.phone_view(people[5].id, "nl"))
        rater = best_of(lambda: store.phone_view(people[0].id, "nl"))
        assert len(store.wall_view("nl")["questions"]) == 40 * MAX_PER_ROUND
    # The target is 20 ms; the bound is generous for a shared 2-core machine.
    print(f"wall {wall * 1000:.1f} ms, phone {phone * 1000:.1f} ms, inbrenger's phone {rater * 1000:.1f} ms")
    assert wall < 0.06 and phone < 0.06 and rater < 0.06, (wall, phone, rater)


# -- leaving, erasing, keeping -------------------------------------------------------------------------


def fill(store: WorkshopStore):  # type: ignore[no-untyped-def]
    """Three participants, questions, ratings and reflections (private and shared)."""
    _, people = room(store)
    inbrenger, sem, ada = people
    store.set_inbrenger(inbrenger.id)
    store.start_round("all")
    clock = Clock()
    asked = []
    for p in (sem, ada):
        for i in range(2):
            asked.append(store.submit(p.id, f"GEHEIM-{p.name}-{i}: wat voelde je?", f"k{i}", now=clock())[0])
    store.rate(inbrenger.id, asked[0].id, "warm")
    store.rate(inbrenger.id, asked[2].id, "koud")
    journal = store.journal
    for p in people:
        journal.add(p.trainee_id, template="bijeenkomst", answers={"x": f"PRIVE-{p.name}"})
        journal.add(p.trainee_id, template="bijeenkomst", answers={"x": f"GEDEELD-{p.name}"}, share="supervisor")
    store.save_to_journal(sem.id, "nl")
    store.bind_kernel("kernel-sem", sem.id)
    store.bind_kernel("kernel-trainer", None)
    return people, asked


def test_removing_a_participant_erases_what_they_typed(store: WorkshopStore) -> None:
    (inbrenger, sem, ada), _ = fill(store)
    assert store.kernel_binding("kernel-sem").trainee_id == sem.trainee_id
    counts = store.remove_participant(sem.id)
    assert (counts.participants, counts.questions, counts.ratings) == (1, 2, 1)
    assert (counts.private_reflections, counts.shared_reflections) == (2, 1)
    assert store.participant_by_secret(secret(1)) is None
    refused("removed", store.join, store.active().code, "Sem", secret(1))
    refused("removed", store.submit, sem.id, "Wat nu?", "z")
    assert store.kernel_binding("kernel-sem") is None
    assert [p.id for p in store.participants()] == [inbrenger.id, ada.id]
    wall = json.dumps(store.wall_view("nl"))
    assert "GEHEIM-Deelnemer 1" not in wall and "GEHEIM-Deelnemer 2" in wall
    with store.journal.reader.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM trainees WHERE id = :t"), {"t": sem.trainee_id}).scalar() == 0
    assert store.journal.entries(sem.trainee_id) == []
    if store.journal.path is not None:  # overwritten in the file, not only unlinked
        assert counts.compacted
        data = b"".join(p.read_bytes() for p in store.journal.path.parent.glob("journal.sqlite*"))
        assert b"GEHEIM-Deelnemer 1" not in data and b"PRIVE-Deelnemer 1" not in data
        assert b"GEHEIM-Deelnemer 2" in data
    store.remove_participant(inbrenger.id)
    assert store.active().inbrenger_id is None


@pytest.mark.parametrize("keep_shared", [False, True], ids=["all", "keep_shared"])
def test_ending_erases_exactly_what_it_announced(store: WorkshopStore, keep_shared: bool) -> None:
    (inbrenger, sem, ada), _ = fill(store)
    store.remove_participant(ada.id)  # already gone: not counted again
    local = store.journal.local_trainee()
    store.journal.add(local.id, template="bijeenkomst", answers={"x": "VAN-DE-TRAINER"})
    announced = store.erase_counts(keep_shared=keep_shared)
    expected_shared = 0 if keep_shared else 2
    assert (announced.participants, announced.questions, announced.ratings) == (2, 2, 1)
    assert (announced.private_reflections, announced.shared_reflections) == (3, expected_shared)
    assert announced.total == 2 + 2 + 1 + 3 + expected_shared
    erased = store.end_workshop(keep_shared=keep_shared)
    assert erased.same_counts(announced) and erased.compacted
    assert store.active() is None and store.version() == 0 and store.erase_counts().total == 0
    for table in WORKSHOP_TABLES:
        assert count_rows(store.journal, table) == 0, table
    assert store.journal.entries(local.id)[0].answers == {"x": "VAN-DE-TRAINER"}
    assert store.journal.local_trainee().id == local.id
    kept = [e.answers["x"] for p in (inbrenger, sem) for e in store.journal.entries(p.trainee_id)]
    assert kept == (["GEDEELD-Deelnemer 0", "GEDEELD-Deelnemer 1"] if keep_shared else [])
    if store.journal.path is not None:  # the erased text is not left in the file's free pages either
        data = b"".join(p.read_bytes() for p in store.journal.path.parent.glob("journal.sqlite*"))
        assert b"GEHEIM-" not in data and b"PRIVE-" not in data
        assert (b"GEDEELD-" in data) is keep_shared


def test_end_without_a_workshop_says_so(store: WorkshopStore) -> None:
    refused("no_workshop", store.end_workshop)
    refused("no_workshop", store.start_round, "all")
    assert store.erase_counts().total == 0


def test_a_new_workshop_after_an_end_never_repeats_a_version(store: WorkshopStore) -> None:
    first = store.open_workshop()
    store.start_round("all")
    before = store.version()
    store.set_show_names(True)
    assert store.version() == before + 1 == store.wall_view("nl")["version"]
    store.end_workshop()
    second = store.open_workshop()
    assert second.id != first.id and store.version() not in (0, before, before + 1)


# -- the laptop's own identity, restarts, kernels ------------------------------------------------------


def test_a_participant_is_never_the_laptops_local_trainee(store: WorkshopStore) -> None:
    """A fresh journal whose first trainee is a participant still gets its own local trainee."""
    ws = store.open_workshop()
    noor = store.join(ws.code, "Noor", secret(1))
    local = store.journal.local_trainee()
    assert local.id != noor.trainee_id and store.journal.local_trainee().id == local.id
    store.journal.add(noor.trainee_id, template="bijeenkomst", answers={"x": "y"}, share="supervisor")
    store.end_workshop(keep_shared=True)  # Noor's trainee stays for her shared entry ...
    assert store.journal.trainee(noor.trainee_id).name == "Noor"
    assert store.journal.local_trainee().id == local.id  # ... and never becomes the laptop's


def test_everything_accepted_survives_a_restart(journal_url_for_test: str) -> None:  # noqa: F811
    with Journal(journal_url_for_test) as journal:
        store = WorkshopStore(journal)
        ws, (inbrenger, sem, _) = room(store)
        store.set_inbrenger(inbrenger.id)
        store.start_round("all")
        question, _ = store.submit(sem.id, "Wat maakte dat je toen zweeg?", "k1")
        store.rate(inbrenger.id, question.id, "warm")
        store.bind_kernel("kernel-1", sem.id)
    with Journal(journal_url_for_test) as journal:  # the server restarted
        store = WorkshopStore(journal)
        assert store.active().id == ws.id and store.participant_by_secret(secret(1)) == sem
        again, repeat = store.submit(sem.id, "Wat maakte dat je toen zweeg?", "k1")
        assert repeat and again.id == question.id
        assert store.wall_view("nl")["ratings"]["warm"] == 1 and len(store.participants()) == 3
        assert store.kernel_binding("kernel-1").participant_id == sem.id


def test_kernels_are_bound_to_a_participant_or_the_trainer(store: WorkshopStore) -> None:
    _, (noor, *_) = room(store)
    assert store.kernel_binding("unknown") is None
    assert store.bind_kernel("k-noor", noor.id).trainee_id == noor.trainee_id
    assert store.kernel_binding("k-noor") == store.bind_kernel("k-noor", noor.id)
    trainer = store.bind_kernel("k-trainer", None)
    assert store.kernel_binding("k-trainer") == trainer and trainer.participant_id is None
    refused("not_found", store.bind_kernel, "k-x", "nobody")


# -- the participant's own record ----------------------------------------------------------------------


def test_saving_to_the_journal_makes_one_private_entry_and_updates_it(store: WorkshopStore) -> None:
    from intervisie_kit.journal import Context, Share

    _, (noor, sem, _) = room(store)
    store.start_round("all")
    clock = Clock()
    store.submit(noor.id, "<script>alert(1)</script> Wat voelde je?", "1", now=clock())
    store.submit(sem.id, "VAN-SEM: hoe ging dat?", "1", now=clock())
    first = store.save_to_journal(noor.id, "nl")
    store.submit(noor.id, "Wat deed je daarna?", "2", now=clock())
    assert store.save_to_journal(noor.id, "nl") == first
    (entry,) = store.journal.entries(noor.trainee_id)
    assert entry.share is Share.PRIVATE and entry.context_kind is Context.STARTDAG
    summary = entry.answers["summary"]
    assert "Wat deed je daarna?" in summary and "VAN-SEM" not in summary
    assert "<script>" not in summary and "\\<script\\>" in summary


def test_the_participant_report_holds_their_questions_and_reflections(store: WorkshopStore) -> None:
    _, (noor, sem, _) = room(store)
    store.set_case("Werkdruk *nu*", "Tekst")
    store.start_round("all")
    store.submit(noor.id, "[klik](javascript:alert(1)) Wat voelde je?", "1")
    store.journal.add(noor.trainee_id, template="bijeenkomst", answers={"wat-gebeurde": "MIJN-REFLECTIE"})
    store.journal.add(sem.trainee_id, template="bijeenkomst", answers={"wat-gebeurde": "VAN-SEM"})
    report = store.participant_report(noor.id, "en")
    assert report.startswith("# My start day") and "MIJN-REFLECTIE" in report and "VAN-SEM" not in report
    assert "[klik](javascript:" not in report and "\\[klik\\]" in report and "Werkdruk \\*nu\\*" in report
    refused("not_found", store.participant_report, "nobody", "nl")


def test_a_participant_who_erases_their_own_data_leaves_the_room(store: WorkshopStore) -> None:
    """'Wis mijn gegevens' on page 06 erases the trainee; their workshop rows go with it (cascade)."""
    (inbrenger, sem, ada), _ = fill(store)
    store.journal.erase_trainee(sem.trainee_id)
    assert store.participant_by_secret(secret(1)) is None and store.kernel_binding("kernel-sem") is None
    assert [p.id for p in store.participants()] == [inbrenger.id, ada.id]
    assert "GEHEIM-Deelnemer 1" not in json.dumps(store.wall_view("nl"))
    assert store.erase_counts().questions == 2


def test_the_limits_module_is_light() -> None:
    """The server, the pages' tests and the kernels read the limits without loading the database layer."""
    import subprocess
    import sys

    code = (
        "import sys, intervisie_kit.workshop as w, intervisie_kit.workshop.model; "
        "print('sqlalchemy' in sys.modules, 'tornado' in sys.modules, w.MAX_QUESTION)"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.split() == ["False", "False", str(MAX_QUESTION)]
