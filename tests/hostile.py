"""The hostile strings every field test uses: one list, so a new page gets the whole set at once.

Each is something a trainee could paste, by accident or on purpose, into a free-text field: markup and
script, event handlers, ``javascript:`` links, template syntax of the engines around the kit (Jinja,
JavaScript, ERB), SQL, a right-to-left override, emoji joined with ZWJ, control characters, and a 200 kB
paste. A page must show each as the text it is (or refuse it with a message and keep it), run none of it,
and not fail.

Use it with ``@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)`` and check output with
:func:`assert_shown_as_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ipywidgets as widgets

__all__ = ["HOSTILE", "HOSTILE_IDS", "LONG_PASTE", "assert_shown_as_text", "enter", "html_of"]

LONG_PASTE = ("Wat maakte dat je toen zweeg? " * 7000)[:200_000]

_CASES: dict[str, str] = {
    "script": "<script>document.title='ik-pwned'</script>Wat voelde je?",
    "event_handler": '<img src=x onerror="document.body.dataset.pwned=1"> Hoe ging dat?',
    "svg_onload": "<svg onload=alert(1)><a href=# onclick=alert(2)>klik</a></svg>",
    "javascript_link": '[klik hier](javascript:alert(1)) <a href="javascript:alert(1)">link</a>',
    "template": "{{ 7*7 }} {% if 1 %}ja{% endif %} ${7*7} <%= 7*7 %> #{7*7}",
    "sql": "Robert'); DROP TABLE entries;-- en wat deed je toen?",
    "rtl_override": "Wat dacht je\u202e?kaz ed nav",
    "emoji_zwj": "Wat voelde je 👩\u200d👩\u200d👧\u200d👦 en 🏳️\u200d🌈?",
    "control": "tab\tbel\x07esc\x1b[31mrood\x1b[0m nul\x00 Wat gebeurde er?",
    "paste_200kb": LONG_PASTE,
}
HOSTILE: tuple[str, ...] = tuple(_CASES.values())
HOSTILE_IDS: tuple[str, ...] = tuple(_CASES)

_TAG = re.compile(r"<[a-zA-Z][^<>]*>")


def _walk(widget: object) -> Iterator[object]:
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def html_of(*roots: object) -> str:
    """Every HTML string a widget tree sends to the browser (HTML widgets, labels, tab titles)."""
    parts: list[str] = []
    for root in roots:
        for w in _walk(root):
            if isinstance(w, widgets.HTML | widgets.HTMLMath | widgets.Label):
                parts.append(w.value)
            for name in ("titles", "description", "placeholder", "tooltip"):
                value = getattr(w, name, None)
                if isinstance(value, str):
                    parts.append(value)
                elif isinstance(value, Iterable):
                    parts.extend(v for v in value if isinstance(v, str))
    return "\n".join(parts)


def assert_shown_as_text(rendered: str, hostile: str) -> None:
    """No tag of ``hostile`` reaches the output as markup; an HTML-escaped copy may."""
    for tag in _TAG.findall(hostile):
        assert tag not in rendered, f"markup from typed text reached the page: {tag!r}"
    assert 'href="javascript:' not in rendered.lower() and "href='javascript:" not in rendered.lower()
    assert "ik-pwned" not in rendered or "&lt;script&gt;" in rendered


def enter(field: widgets.Text, text: str) -> None:
    """What the browser does on Enter: the value follows the keystrokes, then a "submit" message comes."""
    field.value = text
    field._handle_custom_msg({"event": "submit"}, [])
