"""With English chosen, no Dutch interface text remains (issue 14, item 6).

Every page is built headless with ``lang="en"`` (its notebook's code cells, run here) and all the text
its widgets carry (HTML, labels, descriptions, tooltips, placeholders, options, tab titles) is scanned
for the Dutch halves of the interface catalogue: ``i18n.TEXTS`` with every ``register(...)``ed table.
Content that exists only in Dutch is allowed, but only inside ``lang="nl"`` and with the marker
"(alleen in het Nederlands / only in Dutch)" (ui/dutch_only.py). One browser test does the same on the
rendered text of every page opened with ``?lang=en``.
"""

from __future__ import annotations

import ast
import html
import importlib
import json
import pkgutil
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import ipywidgets as widgets
import pytest

from intervisie_kit import i18n, ui
from intervisie_kit.pages import available_pages
from intervisie_kit.paths import notebooks_dir
from intervisie_kit.ui.dutch_only import NOTE_CLASS

PAGES = [p.notebook for p in available_pages()]
MIN_FRAGMENT = 4  # shorter Dutch fragments ("Id", "min") read the same in English
# Dutch fragments of the catalogue that are also ordinary English, or the domain's own Dutch words that
# stay Dutch in English too (docs: "Dutch domain words stay Dutch"), with the reason.
ALLOWED = {
    "intervisie": "the domain's name, Dutch in both languages",
    "inbrenger": "the domain's word for who brings the case, kept in English",
    "gespreksleider": "page 05 keeps the role's Dutch name in English, with a gloss: 'Gespreksleider (leads)'",
    "startdag": "the training day's Dutch name, kept in English (page 11 'running a startdag')",
}


HUB_PAGES = ("intervisie_kit.hub.trainer_page", "intervisie_kit.hub.startdag.regie", "intervisie_kit.hub.startdag.join")


def dutch_fragments() -> dict[str, str]:
    """Every Dutch piece of the catalogue that differs from its English half: fragment -> key."""
    for module in pkgutil.iter_modules(ui.__path__):
        importlib.import_module(f"intervisie_kit.ui.{module.name}")  # their register(...) calls
    # The hub's pages register their tables too; import them always, so the catalogue does not depend on
    # which tests ran before in this process.
    for name in HUB_PAGES:
        importlib.import_module(name)
    found: dict[str, str] = {}
    for key, (nl, en) in i18n.TEXTS.items():
        if nl == en:
            continue
        for piece in re.split(r"\{[^}]*\}|<[^>]+>|\n", nl):
            piece = html.unescape(piece).strip(" .,:;!?()'\"-–…")
            if len(piece) >= MIN_FRAGMENT and piece not in en and piece.lower() not in ALLOWED:
                found.setdefault(piece, key)
    return found


def dutch_left(text: str, fragments: dict[str, str]) -> list[str]:
    return sorted(
        f"{fragment!r} ({key})"
        for fragment, key in fragments.items()
        if re.search(rf"(?<![\w-]){re.escape(fragment)}(?![\w-])", text)
    )


class _EnglishText(HTMLParser):
    """The text of an HTML fragment outside ``lang="nl"`` parts and ``<style>``; also names in attributes."""

    VOID: ClassVar[set[str]] = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether its text is skipped
        self.parts: list[str] = []
        self.dutch_parts = 0
        self.notes = 0

    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        skip = self.skipping() or tag in ("style", "script") or a.get("lang") == "nl"
        if a.get("lang") == "nl" and not self.skipping():
            self.dutch_parts += 1
        if NOTE_CLASS in (a.get("class") or "").split():
            self.notes += 1
        if not skip:
            self.parts += [v for k, v in attrs if k in ("title", "aria-label", "alt", "placeholder") and v]
        if tag not in self.VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping():
            self.parts.append(data)


def english_text(fragment: str) -> _EnglishText:
    parser = _EnglishText()
    parser.feed(fragment)
    parser.close()
    return parser


def widget_texts(root: widgets.Widget) -> list[str]:
    """All text a widget tree shows or announces (user input values excluded)."""
    out: list[str] = []
    seen: set[int] = set()

    def walk(w: widgets.Widget) -> None:
        if id(w) in seen:
            return
        seen.add(id(w))
        for name in ("description", "tooltip", "placeholder"):
            value = getattr(w, name, None)
            if isinstance(value, str) and value:
                out.append(html.escape(value))
        if isinstance(w, (widgets.HTML, widgets.HTMLMath)):
            out.append(w.value)
        elif isinstance(w, widgets.Label):
            out.append(html.escape(w.value))
        out.extend(html.escape(str(o)) for o in getattr(w, "_options_labels", ()) or ())
        for name in ("tooltips", "titles"):
            out.extend(html.escape(x) for x in getattr(w, name, ()) or () if x)
        if isinstance(w, widgets.Output):
            for output in w.outputs:
                data = output.get("data", {})
                out.append(data.get("text/html") or html.escape(data.get("text/plain", "")))
        for child in getattr(w, "children", ()) or ():
            walk(child)

    walk(root)
    return out


def build_page(notebook: str) -> list[widgets.Widget]:
    """Run a page notebook's code cells here and return the widgets its cells show."""
    cells = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))["cells"]
    scope: dict[str, object] = {}
    shown: list[widgets.Widget] = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, notebook, "exec"), scope)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), notebook, "eval"), scope)
            if isinstance(value, widgets.Widget):
                shown.append(value)
    return shown


@pytest.fixture(scope="module")
def fragments() -> dict[str, str]:
    return dutch_fragments()


def test_the_catalogue_is_scanned(fragments: dict[str, str]) -> None:
    """The scan knows the Dutch of every registered table (a fragment from a few of them)."""
    keys = set(fragments.values())
    assert {"header.large", "methods.search", "session.method_facts", "journal.tab.write", "groups.upload"} <= keys


@pytest.mark.parametrize("notebook", PAGES)
def test_page_built_in_english_has_no_dutch_interface_text(
    notebook: str, fragments: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A fresh journal: what other tests typed into the shared test journal is content, not interface.
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(tmp_path / "journal.sqlite"))
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    shown = build_page(notebook)
    assert shown, f"{notebook} shows no widgets"
    parsed = english_text("\n".join(t for w in shown for t in widget_texts(w)))
    left = dutch_left(" ".join(parsed.parts), fragments)
    assert left == [], f"{notebook} in English still says, in Dutch:\n" + "\n".join(left)
    if parsed.dutch_parts:
        assert parsed.notes, f"{notebook} shows Dutch-only content without the '(only in Dutch)' marker"


def _dutch_only_example(method):  # type: ignore[no-untyped-def]
    """The method with every English text of its worked example removed, as a trainer's own file may be."""
    from intervisie_kit.content.models import Text

    def nl(value):  # type: ignore[no-untyped-def]
        return Text(nl=value.nl) if isinstance(value, Text) else value

    example = method.worked_example
    steps = tuple(
        step.model_copy(
            update={
                **{k: nl(getattr(step, k)) for k in ("inbrenger", "facilitator", "ask_yourself")},
                "turns": tuple(
                    turn.model_copy(update={k: nl(getattr(turn, k)) for k in ("text", "answer", "intervention")})
                    for turn in step.turns
                ),
            }
        )
        for step in example.steps
    )
    return method.model_copy(update={"worked_example": example.model_copy(update={"steps": steps})})


def test_dutch_only_worked_example_is_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 03's worked example exists only in Dutch: in English each step says so and is lang="nl"."""
    from intervisie_kit.content import load
    from intervisie_kit.ui.methods import ExampleStepper

    content = load(strict=False)
    method = next(m for m in content.methods.values() if m.worked_example is not None)
    method = _dutch_only_example(method)  # the kit's own examples are all in English now: take one back
    english = ExampleStepper(method, method.worked_example, content, "en")
    dutch = ExampleStepper(method, method.worked_example, content, "nl")
    for stepper in (english, dutch):
        stepper.index = 1
    text = english._title.value + "".join(w.value for w in english._body.children if isinstance(w, widgets.HTML))
    assert NOTE_CLASS in english._title.value and 'lang="nl"' in text
    assert NOTE_CLASS not in dutch._title.value


def test_markdown_of_every_page_has_an_english_block() -> None:
    for notebook in PAGES:
        cells = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))["cells"]
        for n, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                source = "".join(cell["source"])
                assert "ik-lang-nl" in source and "ik-lang-en" in source, f"{notebook} cell {n}: no English block"


def test_english_markdown_has_no_dutch_interface_text(fragments: dict[str, str]) -> None:
    for notebook in PAGES:
        cells = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            source = "".join(cell["source"])
            for block in re.findall(r'<div class="ik-lang-en"[^>]*>(.*?)</div>', source, re.S):
                left = dutch_left(" ".join(english_text(block).parts), fragments)
                assert left == [], f"{notebook}: the English block still says {left}"


ENGLISH_TEXT_JS = """
() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('[lang="nl"], style, script, #loading') || !el.checkVisibility()) { continue; }
    parts.push(node.textContent);
  }
  return parts.join(' ');
}
"""


@pytest.mark.browser
@pytest.mark.parametrize("notebook", PAGES)
def test_rendered_english_page_has_no_dutch_interface_text(kit_page, kit_server, notebook, fragments) -> None:  # type: ignore[no-untyped-def]
    from .conftest import open_page

    open_page(kit_page, kit_server, notebook, "?lang=en")
    text = kit_page.evaluate(ENGLISH_TEXT_JS)
    assert "Intervisie kit" in text
    left = dutch_left(text, fragments)
    assert left == [], f"{notebook} opened in English still shows, in Dutch:\n" + "\n".join(left)


def test_english_participant_template_reads_back() -> None:
    """Page 09's template in English uses the English column names the reader accepts."""
    from intervisie_kit.groups.importer import read_file, template_csv

    english = template_csv("en")
    assert english.decode("utf-8-sig").startswith("name;region;")
    dutch, read = read_file(template_csv("nl"), "t.csv"), read_file(english, "t.csv")
    assert read.problems == () and [p.name for p in read.participants] == [p.name for p in dutch.participants]
    assert [p.experience for p in read.participants] == [p.experience for p in dutch.participants]


def test_dutch_only_exercise_item_is_marked() -> None:
    """An exercise item written only in Dutch says so on the English page, and is lang="nl"."""
    from intervisie_kit.content import load
    from intervisie_kit.ui.exercises import ItemView

    content = load(strict=False)
    found = [(s, i) for s in content.exercises.values() for i in s.items if not i.prompt.en]
    assert found, "no Dutch-only exercise item left to check the marker with"
    exercise_set, item = found[0]
    english = ItemView(exercise_set, item, 1, "en", ())
    prompt = english.children[0].value
    assert NOTE_CLASS in prompt and 'lang="nl"' in prompt
    assert NOTE_CLASS not in ItemView(exercise_set, item, 1, "nl", ()).children[0].value
