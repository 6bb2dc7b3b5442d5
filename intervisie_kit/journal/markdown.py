"""The kit's own Markdown (summaries of practice rounds, exercise sets and sessions) as safe HTML.

Those summaries hold what the trainee typed, so the renderer treats everything as text: raw HTML is
escaped (``html=False``), and links, images and autolinks are switched off, so a summary can neither run
anything nor make the page fetch anything from beyond this machine. Headings move down under the entry's
own heading, and tables get the kit's table style.
"""

from __future__ import annotations

from functools import cache

__all__ = ["HEADING_OFFSET", "markdown_html", "markdown_text"]

#: A summary's "#" becomes <h4>: below the page's sections (h2) and the entry's heading (h3).
HEADING_OFFSET = 3


@cache
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable(["image", "link", "autolink"])


def markdown_html(text: str) -> str:
    """``text`` rendered as HTML, with every piece of HTML in it shown as text."""
    md = _parser()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + HEADING_OFFSET)}"
        elif token.type == "table_open":
            token.attrSet("class", "ik-table")
    return md.renderer.render(tokens, md.options, {})


def markdown_text(text: str) -> str:
    """``text`` as plain, readable text without Markdown marks: for the PDF and the Markdown export, which
    show the trainee's words literally. Lists keep their numbers or bullets, a table row its cells."""
    lines: list[str] = []
    lists: list[list[object]] = []  # the open lists, innermost last: [ordered?, count]
    row: list[str] | None = None
    pending = ""
    for token in _parser().parse(text):
        kind = token.type
        if kind in ("ordered_list_open", "bullet_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1) - 1])
        elif kind in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
            if not lists:
                lines.append("")
        elif kind == "list_item_open":
            lists[-1][1] += 1  # type: ignore[operator]
            ordered, count = lists[-1]
            pending = "  " * (len(lists) - 1) + (f"{count}. " if ordered else "• ")
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append(" | ".join(row))
            row = None
        elif kind == "table_close":
            lines.append("")
        elif kind == "inline":
            words = "".join(
                "\n" if child.type == "hardbreak" else " " if child.type == "softbreak" else child.content
                for child in token.children or ()
            )
            if row is not None:
                row.append(words)
                continue
            lines.append(pending + words.replace("\n", "\n" + " " * len(pending)))
            pending = ""
        elif kind in ("paragraph_close", "heading_close") and not lists:
            lines.append("")
        elif kind in ("fence", "code_block"):
            lines += [token.content.rstrip("\n"), ""]
    return "\n".join(lines).strip() + "\n" if lines else ""
