"""The trainers' hub service (``intervisie_kit.hub.trainer`` and its pages, ``intervisie_kit.hub.trainer_page``;
``docs/hub.md`` "Trainer service").

Three layers, cheapest first: the pure rule of who may see whom; the page as HTML (hostile text shown as
text, nothing private through the real reader role on the test PostgreSQL); and the service for real,
behind a real JupyterHub (``tests/hubtest.py``), with an HTTP client that logs in through the hub's form and
follows the OAuth redirects.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from intervisie_kit.content import load
from intervisie_kit.hub.trainer import CSP, TraineeRecord, allowed_trainees, is_trainer, visible_trainees
from intervisie_kit.hub.trainer_page import (
    PageContext,
    download_name,
    render_error,
    render_overview,
    render_trainee,
)
from intervisie_kit.journal.report import ReportKind, build_report
from intervisie_kit.journal.store import Context, Entry, Share, Trainee

from .hostile import HOSTILE, HOSTILE_IDS, assert_shown_as_text

TEMPLATES = load(include_env=False).reflection
PREFIX = "/services/intervisie-trainer/"
T = "trainers"


# -- who may see whom ------------------------------------------------------------------------------------

GROUPS = {
    T: ["tess", "tom"],
    "groep-a": ["tess", "anna", "bram"],
    "groep-b": ["tess", "bram", "carl", "tom"],  # bram in two of tess's groups; tom a co-trainer
    "groep-c": ["tom", "dirk"],  # not tess's
    "leeg": ["tess"],  # a group of tess without trainees
}

CASES = [
    pytest.param("tess", GROUPS, {"groep-a": ("anna", "bram"), "groep-b": ("bram", "carl"), "leeg": ()}, id="trainer"),
    pytest.param("tom", GROUPS, {"groep-b": ("bram", "carl"), "groep-c": ("dirk",)}, id="co-trainer"),
    pytest.param("anna", GROUPS, {}, id="trainee-sees-nothing"),
    pytest.param("tess", {k: v for k, v in GROUPS.items() if k != T}, {}, id="no-trainer-group"),
    pytest.param("tess", {T: ["tess"]}, {}, id="trainer-without-groups"),
    pytest.param("nobody", GROUPS, {}, id="unknown-user"),
]


@pytest.mark.parametrize(("user", "groups", "expected"), CASES)
def test_visible_trainees(user: str, groups: dict[str, list[str]], expected: dict[str, tuple[str, ...]]) -> None:
    assert visible_trainees(user, groups, T) == expected
    assert is_trainer(user, groups, T) == (user in groups.get(T, ()))


def test_trainee_in_two_groups_is_listed_in_both_and_allowed_once() -> None:
    view = visible_trainees("tess", GROUPS, T)
    assert [g for g, members in view.items() if "bram" in members] == ["groep-a", "groep-b"]
    assert allowed_trainees(view) == {"anna", "bram", "carl"}


def test_removed_member_vanishes_and_removed_trainer_sees_nothing() -> None:
    before = visible_trainees("tess", GROUPS, T)
    without_carl = {**GROUPS, "groep-b": ["tess", "bram", "tom"]}
    after = visible_trainees("tess", without_carl, T)
    assert "carl" in allowed_trainees(before) and "carl" not in allowed_trainees(after)
    # bram left groep-a but is still in groep-b: still visible, only there
    without_bram_a = {**GROUPS, "groep-a": ["tess", "anna"]}
    assert visible_trainees("tess", without_bram_a, T)["groep-a"] == ("anna",)
    assert "bram" in allowed_trainees(visible_trainees("tess", without_bram_a, T))
    # tess out of the trainer group: nothing at all, although she is still in her groups
    assert visible_trainees("tess", {**GROUPS, T: ["tom"]}, T) == {}
    # tess out of groep-a: its trainees vanish unless another group of hers has them
    assert "anna" not in allowed_trainees(visible_trainees("tess", {**GROUPS, "groep-a": ["anna", "bram"]}, T))


def test_trainer_group_name_is_configurable_and_never_listed() -> None:
    groups = {"begeleiders": ["tess"], T: ["tess", "anna"], "groep-a": ["tess", "anna"]}
    assert visible_trainees("tess", groups, "begeleiders") == {T: ("anna",), "groep-a": ("anna",)}
    # with "trainers" as the trainer group, anna is a co-trainer and "begeleiders" just a group
    assert visible_trainees("tess", groups, T) == {"begeleiders": (), "groep-a": ()}


def test_order_is_by_name_whatever_the_hub_sends() -> None:
    groups = {T: ["t"], "Zeta": ["t", "b", "A", "c"], "alfa": ["t", "x"]}
    view = visible_trainees("t", groups, T)
    assert list(view) == ["alfa", "Zeta"] and view["Zeta"] == ("A", "b", "c")


# -- the page --------------------------------------------------------------------------------------------

NOW = datetime(2026, 12, 1, 10, 0)


def entry(n: int, *, title: str, answer: str, share: Share = Share.SUPERVISOR, label: str = "Bijeenkomst 1") -> Entry:
    return Entry(
        id=n,
        trainee_id="t1",
        created=NOW,
        updated=NOW,
        template="bijeenkomst",
        context_kind=Context.MEETING,
        context_label=label,
        title=title,
        answers={"wat-gebeurde": answer},
        figures=None,
        share=share,
        shared_at=NOW if share is Share.SUPERVISOR else None,
    )


def page(records: dict[str, TraineeRecord], view: dict[str, tuple[str, ...]], lang: str = "nl") -> str:
    return render_overview(PageContext(PREFIX, lang, "tess"), view, records, TEMPLATES)


def test_page_shows_the_report_of_page_06() -> None:
    shared = (entry(1, title="Over werkdruk", answer="Ik zweeg.\nDaarna vroeg ik door."),)
    record = TraineeRecord("anna", Trainee("t1", "Anna de Vries", NOW), shared)
    html = page({"anna": record}, {"groep-a": ("anna",)})
    report = build_report(ReportKind.FINAL, record.trainee, shared, TEMPLATES, all_entries=shared)
    block = report.blocks[0]
    assert block.heading == "Over werkdruk" and block.heading in html
    assert block.meta in html and "Bijeenkomst: Bijeenkomst 1" in html  # context and label
    assert "01-12-2026" in html  # the date, in Dutch order
    assert "Ik zweeg.\nDaarna vroeg ik door." in html  # the answer, line breaks kept (pre-wrap)
    assert TEMPLATES["bijeenkomst"].fields[1].label.get("nl") in html  # the question in the template's words
    assert '<html lang="nl">' in html and "<h1>" in html and "Anna de Vries" in html and "anna" in html
    assert "report.md?trainee=anna" in html and "report.pdf?trainee=anna" in html
    assert "label=Bijeenkomst+1" in html  # one reflectieverslag per meeting too
    assert "trainee?trainee=anna" in html  # the trainee's own page, with the chart
    english = page({"anna": record}, {"groep-a": ("anna",)}, lang="en")
    assert '<html lang="en">' in english and "2026-12-01" in english and "lang=en" in english


def test_english_pages_carry_no_dutch_interface_text() -> None:
    from intervisie_kit.i18n import TEXTS

    shared = (entry(1, title="About workload", answer="I kept quiet."), practice_entry(2))
    records = {"anna": TraineeRecord("anna", Trainee("t1", "Anna", NOW), shared), "bram": TraineeRecord("bram", None)}
    ctx = PageContext(PREFIX, "en", "tess")
    pages = [
        render_overview(ctx, {"groep-1": ("anna", "bram"), "leeg": ()}, records, TEMPLATES),
        render_trainee(ctx, records["anna"], TEMPLATES),
        render_overview(ctx, {}, {}, TEMPLATES),
    ]
    dutch = {nl for key, (nl, en) in TEXTS.items() if key.startswith("hub.trainer.") and nl != en}
    for html_text in pages:
        found = [nl for nl in dutch if nl.split("{")[0].strip() and nl.split("{")[0].strip() in html_text]
        assert found == [], found
        assert "Eindevaluatie" not in html_text and "bewaard op" not in html_text  # the report's own words


def test_language_links_keep_the_choice_whatever_the_default() -> None:
    dutch = PageContext(PREFIX, "nl", "tess")
    assert dutch.url("trainee", trainee="anna") == PREFIX + "trainee?trainee=anna"
    english = PageContext(PREFIX, "en", "tess")
    assert english.url("report.md", trainee="zoë", label="") == PREFIX + "report.md?trainee=zo%C3%AB&lang=en"
    # a service whose INTERVISIE_KIT_LANG is English: the Dutch link must say so
    assert PageContext(PREFIX, "nl", "tess", default_lang="en").url() == PREFIX + "?lang=nl"
    html = page({}, {})
    assert f'href="{PREFIX}?lang=en" lang="en"' in html and f'href="{PREFIX}" lang="nl" aria-current="true"' in html


def test_page_never_renders_a_private_entry_handed_to_it() -> None:
    """The reader role cannot see private entries; should one reach the page anyway, the report refuses it."""
    leaked = (entry(1, title="Gedeeld", answer="ja"), entry(2, title="Geheim", answer="nee", share=Share.PRIVATE))
    record = TraineeRecord("anna", Trainee("t1", "Anna", NOW), leaked)
    with pytest.raises(Exception, match="gedeelde"):
        page({"anna": record}, {"groep-a": ("anna",)})


def test_page_states_without_entries() -> None:
    records = {
        "anna": TraineeRecord("anna", None),
        "bram": TraineeRecord("bram", Trainee("t2", "", NOW), ()),
    }
    html = page(records, {"groep-a": ("anna", "bram"), "leeg": ()})
    assert "nog niet geopend" in html and "(nog) niets gedeeld" in html and "geen deelnemers" in html
    assert "report.md" not in html  # nothing to download
    assert "in geen enkele groep" in page({}, {})


def practice_entry(n: int) -> Entry:
    figures = {"case": "werkdruk-01", "turns": 8, "open": 5, "counts": {"open": 5, "closed": 3}, "why": 1, "stacked": 0}
    return replace(
        entry(n, title="Oefenronde", answer=""),
        template="oefenronde",
        context_kind=Context.PRACTICE,
        answers={"summary": "**Vijf** open vragen"},
        figures=figures,
    )


def test_trainee_page_has_the_whole_report_with_chart() -> None:
    shared = (entry(1, title="Over werkdruk", answer="Ik zweeg."), practice_entry(2))
    record = TraineeRecord("anna", Trainee("t1", "Anna", NOW), shared)
    ctx = PageContext(PREFIX, "nl", "tess")
    html = render_trainee(ctx, record, TEMPLATES)
    assert "<h1 class='ik-user-text'>Eindevaluatie</h1>" in html and "van Anna" in html
    assert "Over werkdruk" in html and "<strong>Vijf</strong>" in html  # the kit's own summary, formatted
    assert html.count("<img alt=") == 1 and "src='data:image/png;base64," in html
    overview = page({"anna": record}, {"groep-a": ("anna",)})
    assert "<img" not in overview and "Over werkdruk" in overview  # the overview draws no charts
    assert "nog niet geopend" in render_trainee(ctx, TraineeRecord("bram", None), TEMPLATES)


@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_text_is_shown_as_text(hostile: str) -> None:
    text = hostile.replace("\x00", "")  # the journal strips NUL before it stores anything
    shared = (entry(1, title=text[:300], answer=text, label=text[:300]),)
    record = TraineeRecord(text[:255], Trainee("t1", text[:200], NOW), shared)
    ctx = PageContext(PREFIX, "nl", text[:255])
    for html in (page({text[:255]: record}, {text[:255]: (text[:255],)}), render_trainee(ctx, record, TEMPLATES)):
        assert_shown_as_text(html, text)
        assert re.search(r"<(script|img|svg|a href=.?javascript)", html, re.IGNORECASE) is None


def test_error_pages_speak_both_languages_and_show_no_traceback() -> None:
    for status, words in ((403, "voor trainers"), (404, "Niet gevonden"), (500, "ging iets mis"), (502, "hub")):
        html = render_error(PageContext(PREFIX, "nl", "anna"), status)
        assert words in html and 'lang="en"' in html and "Traceback" not in html
    english = render_error(PageContext(PREFIX, "en", ""), 403)
    assert english.index("This page is for trainers") < english.index("Deze pagina is voor trainers")


@pytest.mark.parametrize("name", ["anna", "Zoë Çelik", "../../etc/passwd", '"; rm -rf /', "名前", "a" * 255])
def test_download_names_are_ascii(name: str) -> None:
    shared = (entry(1, title="x", answer="y", label="Bijeenkomst 'één'"),)
    report = TraineeRecord(name, Trainee("t1", name, NOW), shared).report(TEMPLATES, "nl", "Bijeenkomst 'één'")
    filename = download_name(name, report, "pdf")
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*\.pdf", filename), filename
    assert len(filename) <= 110


def test_hub_not_answering_is_an_error_the_page_can_name() -> None:
    """No hub API at that address: HubUnavailable (the service answers 502 with its own page), no traceback."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from intervisie_kit.hub.trainer import HubUnavailable, hub_groups

    from .hubtest import free_port

    # Its own thread: after a Playwright test this thread may already hold a running event loop.
    with ThreadPoolExecutor(1) as pool, pytest.raises(HubUnavailable):
        url = f"http://127.0.0.1:{free_port()}/hub/api"
        pool.submit(asyncio.run, hub_groups(url, "token", "tess", T)).result()


def test_csp_allows_no_script() -> None:
    assert "default-src 'none'" in CSP and "script-src" not in CSP and "frame-ancestors 'none'" in CSP


# -- the reader role, for real ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hub_db() -> Iterator[str]:
    from .hubtest import hub_database

    with hub_database() as url:
        yield url


def write_reflections(admin_url: str, hub_user: str, name: str) -> None:
    """As the trainee's own role (as their single-user server would): one private, one shared reflection."""
    from intervisie_kit.hub.database import HubDatabase
    from intervisie_kit.journal.store import Journal

    with HubDatabase(admin_url) as db:
        url = db.user_url(hub_user, display_name=name)
    with Journal(url) as journal:
        me = journal.hub_trainee(hub_user)
        answers = {"wat-gebeurde": f"Privé van {name}: <b>niet</b> voor de trainer"}
        journal.add(me.id, template="bijeenkomst", title=f"PRIVE-{hub_user}", answers=answers)
        answers = {"wat-gebeurde": f"Gedeeld door {name} <script>alert(1)</script>"}
        journal.add(
            me.id,
            template="bijeenkomst",
            title=f"GEDEELD-{hub_user}",
            answers=answers,
            context_label="Bijeenkomst 1",
            share=Share.SUPERVISOR,
        )


def test_reader_role_reads_shared_entries_only(hub_db: str) -> None:
    from intervisie_kit.hub.database import HubDatabase
    from intervisie_kit.hub.trainer import SharedReflections

    write_reflections(hub_db, "rita", "Rita")
    with HubDatabase(hub_db) as db:
        reader_url = db.reader_url()
    reflections = SharedReflections(reader_url)
    try:
        record = reflections.record("rita")
        assert [e.title for e in record.shared] == ["GEDEELD-rita"]
        # The database itself, not the query, keeps private entries away: even unfiltered, none comes back.
        everything = reflections.journal.entries(record.trainee.id)
        assert [e.title for e in everything] == ["GEDEELD-rita"]
        assert reflections.record("nobody-here").trainee is None
        html = page({"rita": record}, {"groep": ("rita",)})
        assert "GEDEELD-rita" in html and "PRIVE-" not in html and "Privé van" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    finally:
        reflections.close()


# -- the service behind a real JupyterHub ------------------------------------------------------------------

SERVICE_CONFIG = textwrap.dedent(
    f"""
    # The trainer service as an institute configures it (deploy/jupyterhub/jupyterhub_config.py does the same).
    import os

    c = get_config()  # noqa: F821
    c.JupyterHub.services = [
        {{
            "name": "intervisie-trainer",
            "url": "http://127.0.0.1:10101",
            "command": [{sys.executable!r}, "-m", "intervisie_kit.hub.trainer"],
            "environment": {{"INTERVISIE_KIT_HUB_DB": os.environ["INTERVISIE_KIT_HUB_DB"]}},
            "oauth_no_confirm": True,
            "display": False,
        }}
    ]
    c.JupyterHub.load_roles = [
        {{
            "name": "intervisie-trainer-service",
            "scopes": ["read:users:groups", "read:groups"],
            "services": ["intervisie-trainer"],
        }},
        {{
            "name": "intervisie-trainer-access",
            "scopes": ["access:services!service=intervisie-trainer"],
            "groups": ["trainers"],
        }},
    ]
    """
)
USERS = ("tess", "tom", "anna", "bram", "carl", "dirk", "eva")


def base_config(folder: Path) -> Path:
    """The institute's deploy configuration once the whole hub is in this tree (the single-user server and
    the startdag service it also starts); until then the trainer service's own part of it."""
    from .hubtest import DEPLOY_CONFIG

    if DEPLOY_CONFIG.exists() and importlib.util.find_spec("intervisie_kit.hub.startdag") is not None:
        return DEPLOY_CONFIG
    base = folder / "base_config.py"
    base.write_text(SERVICE_CONFIG, encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def hub(hub_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from .hubtest import running_hub

    folder = tmp_path_factory.mktemp("hub-trainer")
    base = base_config(folder)
    passwords = {name: f"pw-{name}-{i}" for i, name in enumerate(USERS)}
    for name, display in (("anna", "Anna"), ("bram", "Bram"), ("carl", "Carl"), ("dirk", "Dirk")):
        write_reflections(hub_db, name, display)
    with running_hub(folder / "hub", passwords, db_url=hub_db, base_config=base) as running:
        running.create_users(*USERS)
        running.add_to_group(T, "tess", "tom")
        running.create_group("groep-1", ["tess", "anna", "bram"])
        running.create_group("groep-2", ["carl"])  # not tess's group
        running.create_group("groep-3", ["tom", "dirk", "eva"])
        yield running
    log = running.log()
    assert "Trainer service stopping" in log  # it ended on the hub's SIGTERM, quietly
    assert "Traceback" not in log and "Failed to check authorization" not in log


def open_service(session: object, path: str = "") -> object:
    """GET a service page, following the OAuth redirects through the hub (cookies kept)."""
    return session.get(PREFIX + path)  # type: ignore[attr-defined]


def test_trainer_sees_shared_reflections_of_own_groups_only(hub: object) -> None:
    tess = hub.session("tess")  # type: ignore[attr-defined]
    try:
        with open_service(tess) as response:
            assert response.status_code == 200, response.text[:500]
            assert response.url.endswith(PREFIX)  # came back from the hub's OAuth to the page
            text = response.text
            assert response.headers["Content-Security-Policy"] == CSP
            assert response.headers["Cache-Control"] == "no-store"
        assert set(re.findall(r"GEDEELD-\w+", text)) == {"GEDEELD-anna", "GEDEELD-bram"}
        assert "PRIVE-" not in text and "Privé van" not in text
        assert "carl" not in text.lower() and "dirk" not in text.lower()  # other groups' trainees
        assert "&lt;script&gt;" in text and "<script" not in text
        with open_service(tess, "?lang=en") as response:
            assert '<html lang="en">' in response.text and "Reflections your trainees shared" in response.text
        # every address the page links to answers (the links and the routes agree)
        links = sorted({unescape(h) for h in re.findall(r'href="([^"#]+)"', text)})
        assert len([h for h in links if "/report." in h]) == 8  # 2 trainees x (all + 1 meeting) x (md, pdf)
        for href in links:
            assert href.startswith(PREFIX), href
            with tess.get(href) as response:
                assert response.status_code == 200, href

        with open_service(tess, "trainee?trainee=anna") as response:
            assert response.status_code == 200 and "GEDEELD-anna" in response.text
            assert "GEDEELD-bram" not in response.text and "PRIVE-" not in response.text
        with open_service(tess, "report.md?trainee=anna") as response:
            assert response.status_code == 200
            assert response.headers["Content-Disposition"] == 'attachment; filename="anna-eindevaluatie.md"'
            assert "GEDEELD-anna" in response.text and "PRIVE-" not in response.text
        with open_service(tess, "report.pdf?trainee=bram&label=Bijeenkomst+1") as response:
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
            assert (
                response.headers["Content-Disposition"]
                == 'attachment; filename="bram-reflectieverslag-bijeenkomst-1.pdf"'
            )

        refused = {
            "report.md?trainee=carl": 404,  # exists, shared something, but is not in tess's groups
            "trainee?trainee=carl": 404,
            "report.md?trainee=tom": 404,  # a co-trainer is no trainee
            "report.md?trainee=nobody": 404,
            "report.md?trainee=anna&label=Bijeenkomst+9": 404,
            f"report.md?trainee={'x' * 300}": 400,
            "report.md": 400,
            "elders": 404,
        }
        for path, status in refused.items():
            with open_service(tess, path) as response:
                assert response.status_code == status, path
                assert "text/html" in response.headers["Content-Type"] and "Traceback" not in response.text
                assert "Content-Disposition" not in response.headers
    finally:
        tess.close()


def test_trainee_gets_403(hub: object) -> None:
    anna = hub.session("anna")  # type: ignore[attr-defined]
    try:
        for path in ("", "report.md?trainee=bram"):
            with open_service(anna, path) as response:
                assert response.status_code == 403, path
                assert "GEDEELD" not in response.text
    finally:
        anna.close()


def test_removing_from_groups_ends_access_at_once(hub: object) -> None:
    tom = hub.session("tom")  # type: ignore[attr-defined]
    try:
        with open_service(tom) as response:
            assert response.status_code == 200
            assert "GEDEELD-dirk" in response.text and ">eva<" in response.text
        hub.remove_from_group("groep-3", "dirk")  # type: ignore[attr-defined]
        with open_service(tom) as response:
            assert response.status_code == 200
            assert "dirk" not in response.text.lower() and ">eva<" in response.text
        with open_service(tom, "report.md?trainee=dirk") as response:
            assert response.status_code == 404

        hub.remove_from_group(T, "tom")  # type: ignore[attr-defined]
        with open_service(tom) as response:
            assert response.status_code == 403
            assert "Deze pagina is voor trainers" in response.text and "This page is for trainers" in response.text
            assert "GEDEELD" not in response.text and "eva" not in response.text
    finally:
        tom.close()


def test_without_login_the_hub_asks_who_you_are(hub: object) -> None:
    import requests

    with requests.get(hub.url + PREFIX + "report.md?trainee=anna", timeout=30) as response:  # type: ignore[attr-defined]
        assert response.status_code == 200 and "/hub/login" in response.url
        assert "GEDEELD" not in response.text


# -- in a real browser: accessibility, phone width, the CSP holds ------------------------------------------

BROWSER_ORIGIN = "http://127.0.0.1:9"  # nothing listens there: the test answers every request itself


@pytest.mark.browser
def test_pages_pass_axe_on_a_phone_under_their_csp(page) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    from intervisie_kit.hub.trainer import SECURITY_HEADERS, STATIC_DIR

    from .conftest import guard_page
    from .test_browser_a11y import BLOCKING, MIN_FOCUS_RING_PX, WCAG_TAGS

    shared = (entry(1, title="Over werkdruk", answer="Ik zweeg.\nDaarna vroeg ik door."), practice_entry(2))
    records = {
        "anna": TraineeRecord("anna", Trainee("t1", "Anna de Vries", NOW), shared),
        "bram": TraineeRecord("bram", None),
    }
    ctx = PageContext(PREFIX, "nl", "tess")
    pages = {
        PREFIX: render_overview(ctx, {"groep-1": ("anna", "bram"), "leeg": ()}, records, TEMPLATES),
        PREFIX + "trainee?trainee=anna": render_trainee(ctx, records["anna"], TEMPLATES),
    }
    css = (Path(STATIC_DIR) / "trainer.css").read_text(encoding="utf-8")
    guard = guard_page(page)
    csp_reports: list[str] = []
    page.on("console", lambda msg: csp_reports.append(msg.text) if "Content Security Policy" in msg.text else None)

    def answer(route) -> None:  # type: ignore[no-untyped-def]
        path = route.request.url.removeprefix(BROWSER_ORIGIN)
        if path == PREFIX + "static/trainer.css":
            route.fulfill(status=200, body=css, headers={**SECURITY_HEADERS, "Content-Type": "text/css"})
        elif path in pages:
            headers = {**SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8"}
            route.fulfill(status=200, body=pages[path], headers=headers)
        else:
            route.fulfill(status=404, body="")

    page.route(BROWSER_ORIGIN + "/**", answer)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in pages:
        page.goto(BROWSER_ORIGIN + path)
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # CSS loaded
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{path} scrolls sideways"
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        blocking = [f"{v['id']}: {v['help']}" for v in result.response["violations"] if v["impact"] in BLOCKING]
        assert blocking == [], f"axe on {path}: {blocking}"
        page.keyboard.press("Tab")  # the skip link first, with a visible focus ring
        focused = page.evaluate(
            "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.className, s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        assert focused[0] == "ik-skip" and focused[1] != "none" and focused[2] >= MIN_FOCUS_RING_PX, focused
    assert csp_reports == [] and guard.page_errors == [] and guard.external == []
