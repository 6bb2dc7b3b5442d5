"""The content page: what is loaded, from which file, and which problems there are.

It is the trainer's check before a startdag with their own methods and cases.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..content import Content
from ..i18n import t
from ..paths import content_dirs_from_env
from .shell import PageState, notice, section

__all__ = ["overview"]


def overview(state: PageState) -> widgets.VBox:
    """What is loaded, per kind, with the file each item comes from."""
    return section(state, lambda lang: _overview(state.content, lang))


def _overview(content: Content, lang: str) -> widgets.VBox:
    children: list[widgets.Widget] = []
    if content.ok:
        children.append(notice("ok", t("content.ok", lang)))
    extra = content_dirs_from_env()
    where = t("content.extra", lang, dirs=", ".join(str(d) for d in extra)) if extra else t("content.noextra", lang)
    children.append(widgets.HTML(f"<p>{html.escape(where)}</p><p>{t('content.own', lang)}</p>"))
    kinds = (
        ("methods", content.methods),
        ("cases", content.cases),
        ("exercises", content.exercises),
        ("craft", content.craft),
        ("scenes", content.scenes),
    )
    for kind, items in kinds:
        rows = "".join(
            "<tr>"
            f"<td><code>{html.escape(item_id)}</code></td>"
            f"<td>{html.escape(_name(item, lang))}</td>"
            f"<td><code>{html.escape(content.files.get((kind, item_id), ''))}</code></td>"
            "</tr>"
            for item_id, item in sorted(items.items())
        )
        table = (
            f"<h2>{html.escape(t(f'content.kind.{kind}', lang))} ({len(items)})</h2>"
            '<div class="ik-table-wrap"><table class="ik-table">'
            f"<thead><tr><th>{t('content.col.id', lang)}</th><th>{t('content.col.name', lang)}</th>"
            f"<th>{t('content.col.file', lang)}</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
        box = widgets.HTML(table)
        box.add_class(f"ik-content-{kind}")
        children.append(box)
    return widgets.VBox(children)


def _name(item: object, lang: str) -> str:
    text = getattr(item, "name", None) or getattr(item, "title", None)
    return text.get(lang) if text is not None else ""
