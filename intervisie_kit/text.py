"""Putting typed or loaded text into other formats literally: Markdown exports and the terminal.

Trainee text goes into Markdown downloads (practice rounds, session summaries, reflection reports) and
file names from content folders go to the trainer's terminal. In both places text must stay text: a
``*``, ``<script>`` or ``[link](javascript:...)`` in a question is shown as typed, and an escape code in a
file name never reaches the terminal.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["md_literal", "terminal_safe"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
# At the start of a line, "-", "+", "=" and "1." would start a list, a heading underline or a numbered list.
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)\.)")


def md_literal(text: str, *, one_line: bool = False) -> str:
    """``text`` as literal Markdown: every markup character escaped; line breaks kept, or folded.

    ``one_line`` folds all whitespace to single spaces (for a table cell or a list item).
    """
    if one_line:
        text = " ".join(text.split())
    lines = text.splitlines() or [""]
    out = []
    for line in lines:
        line = _MD_SPECIAL.sub(r"\\\1", line)
        out.append(_LINE_START.sub(_escape_start, line))
    return "  \n".join(out)


def _escape_start(m: re.Match[str]) -> str:
    space, mark, number = m.groups()
    return f"{space}\\{mark}" if mark else f"{space}{number}\\."


def terminal_safe(text: str) -> str:
    """``text`` with control and bidi-override characters replaced by visible ``\\xNN``/``\\uNNNN`` forms."""
    out = []
    for ch in text:
        if ch in "\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"):
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
