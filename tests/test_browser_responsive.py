"""Real-browser tests for phones and projectors (issue 14, items 4 and 5).

On a 390 x 844 phone every control a person taps is at least 44 x 44 px and nothing scrolls sideways;
on a 1920 x 1080 projector with "Groot" the content uses the width and body text is at least 28 px.
A screenshot of every page is kept in the test's tmp folder to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from intervisie_kit.pages import available_pages

from .conftest import KitServer, open_page

pytestmark = pytest.mark.browser

PAGES = [p.notebook for p in available_pages()]
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
MIN_TARGET_PX = 44  # WCAG 2.5.5 (target size, enhanced)
MAX_MARGIN_SHARE = 0.15  # empty margin on each side of the content, projector with "Groot"
MIN_BODY_TEXT_PX = 28  # readable at the back of the room
PROJECTOR_PAGES = ["03_methoden.ipynb", "04_vragen_oefenen.ipynb", "05_sessie_begeleiden.ipynb"]

# Every visible target a person can tap, measured as the box that takes the tap: a checkbox or radio
# button inside a label is tapped through its label. Links inside running text are exempt (WCAG's
# "inline" exception): their size is the size of the sentence's letters.
TARGETS_JS = """
(min) => {
  const selector = 'button, input:not([type=hidden]), select, textarea, a[href], summary, [role=tab],' +
                   '[role=slider], [role=button], [tabindex]:not([tabindex="-1"])';
  const seen = new Set();
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    let target = el;
    if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) { target = el.closest('label'); }
    if (seen.has(target)) { continue; }
    seen.add(target);
    const style = getComputedStyle(target);
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || !target.checkVisibility()) {
      continue;
    }
    if (target.closest('.ik-session.ik-projector')) { continue; }
    if (target.tagName === 'A') {
      const block = target.parentElement.closest('p, li, td, dd, span.ik-flag, .ik-notice, small');
      if (block && block.textContent.trim().length > target.textContent.trim().length + 2
          && !target.closest('.ik-nav, .ik-routes li, .ik-card')) { continue; }
    }
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      const name = (target.getAttribute('aria-label') || target.textContent || target.value || target.title || '')
        .trim().replace(/\\s+/g, ' ').slice(0, 40);
      found.push(`${target.tagName.toLowerCase()}.${[...target.classList].slice(0, 2).join('.')}` +
                 ` "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return found;
}
"""

# The content column: the outermost boxes of the rendered cells, and the font size of running text.
PROJECTOR_JS = """
() => {
  let left = Infinity, right = -Infinity;
  for (const el of document.querySelectorAll('#rendered_cells .jp-Cell')) {
    const inner = el.querySelector('.jp-OutputArea-output, .jp-RenderedMarkdown, .jp-MarkdownOutput');
    if (!inner || !inner.checkVisibility()) { continue; }
    const box = inner.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) { continue; }
    left = Math.min(left, box.left); right = Math.max(right, box.right);
  }
  const sizes = [];
  for (const p of document.querySelectorAll('#rendered_cells p, #rendered_cells li')) {
    if (!p.checkVisibility() || p.closest('.ik-nav, .ik-muted, small, .ik-for')) { continue; }
    const text = p.textContent.trim();
    if (text.length < 20) { continue; }
    sizes.push([parseFloat(getComputedStyle(p).fontSize), text.slice(0, 50)]);
  }
  return {left, right, width: document.documentElement.clientWidth, sizes};
}
"""


def shot(page: Page, folder: Path, name: str) -> Path:
    path = folder / name
    page.screenshot(path=str(path), full_page=False)
    return path


@pytest.mark.parametrize("notebook", PAGES)
def test_phone_targets_are_large_enough(kit_page: Page, kit_server: KitServer, notebook: str, tmp_path: Path) -> None:
    kit_page.set_viewport_size(PHONE)
    open_page(kit_page, kit_server, notebook)
    shot(kit_page, tmp_path, f"phone-{notebook}.png")
    offenders = kit_page.evaluate(TARGETS_JS, MIN_TARGET_PX)
    assert offenders == [], (
        f"{notebook}: {len(offenders)} targets smaller than {MIN_TARGET_PX}x{MIN_TARGET_PX} px on a 390 px phone:\n"
        + "\n".join(offenders)
    )
    # The page scrolls inside Voila's column (#rendered_cells), not the document: check both.
    widths = kit_page.evaluate(
        """() => [document.documentElement, document.querySelector('#rendered_cells')]
             .map(el => el.scrollWidth - el.clientWidth)"""
    )
    assert max(widths) <= 1, f"{notebook} scrolls sideways on a phone by {max(widths)} px"


def test_phone_tabs_are_readable(kit_page: Page, kit_server: KitServer) -> None:
    """Page 06 has five tabs: on a phone each header shows its whole name (they wrap, none is cut)."""
    kit_page.set_viewport_size(PHONE)
    open_page(kit_page, kit_server, "06_reflectie.ipynb")
    tabs = kit_page.get_by_role("tab")
    expect(tabs.first).to_be_visible()
    cut = kit_page.evaluate(
        """() => [...document.querySelectorAll('[role=tab]')]
             .map(tab => tab.querySelector('.lm-TabBar-tabLabel') || tab)
             .filter(label => label.scrollWidth > label.clientWidth + 1)
             .map(label => label.textContent)"""
    )
    assert cut == [], f"tab headers cut off on a phone: {cut}"


@pytest.mark.parametrize("notebook", PROJECTOR_PAGES)
def test_projector_uses_the_width(kit_page: Page, kit_server: KitServer, notebook: str, tmp_path: Path) -> None:
    kit_page.set_viewport_size(PROJECTOR)
    open_page(kit_page, kit_server, notebook)
    kit_page.locator(".ik-large-toggle").click()
    kit_page.wait_for_function(f"parseFloat(getComputedStyle(document.documentElement).fontSize) >= {MIN_BODY_TEXT_PX}")
    shot(kit_page, tmp_path, f"projector-{notebook}.png")
    found = kit_page.evaluate(PROJECTOR_JS)
    width = found["width"]
    left_margin, right_margin = found["left"], width - found["right"]
    assert left_margin <= MAX_MARGIN_SHARE * width and right_margin <= MAX_MARGIN_SHARE * width, (
        f"{notebook}: the content leaves {left_margin:.0f} px left and {right_margin:.0f} px right of a "
        f"{width} px screen empty (at most {MAX_MARGIN_SHARE:.0%} each)"
    )
    small = [f"{size:.1f} px: {text}" for size, text in found["sizes"] if size < MIN_BODY_TEXT_PX]
    assert found["sizes"], f"{notebook}: no running text found"
    assert small == [], f"{notebook}: body text under {MIN_BODY_TEXT_PX} px with 'Groot':\n" + "\n".join(small)


def test_phone_opened_method_in_english(kit_page: Page, kit_server: KitServer, tmp_path: Path) -> None:
    """A method opened on a phone in English: the card and the worked example keep 44 px targets, and the
    example, now written in English too, carries no "only in Dutch" marker (tests/test_english.py checks the
    marker on a Dutch-only example)."""
    kit_page.set_viewport_size(PHONE)
    open_page(kit_page, kit_server, "03_methoden.ipynb", "?method=incidentmethode&lang=en")
    expect(kit_page.locator(".ik-stepper")).to_be_visible()
    expect(kit_page.locator(".ik-step-title .ik-only-nl")).to_have_count(0)
    kit_page.locator(".ik-stepper").scroll_into_view_if_needed()
    shot(kit_page, tmp_path, "phone-03-method-en.png")
    offenders = kit_page.evaluate(TARGETS_JS, MIN_TARGET_PX)
    assert offenders == [], "targets under 44 px with a method open:\n" + "\n".join(offenders)
