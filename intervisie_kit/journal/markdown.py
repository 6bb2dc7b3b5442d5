"""The kit's own Markdown (summaries of practice rounds, exercise sets and sessions) as safe HTML.

Those summaries hold what the trainee typed, so the renderer treats everything as text: raw HTML is
escaped (``html=False``), and links, images and autolinks are switched off, so a summary can neither run
anything nor make the page fetch anything from beyond this machine. Headings move down under the entry's
own heading, and tables get the kit's table style.
"""

from __future__ import annotations

from functools import cache

__all__ = ["HEADING_OFFSET", "markdown_html"]

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
