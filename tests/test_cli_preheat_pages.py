"""``--preheat-pages``: warm only the pages a startdag needs; a wrong page number is said, not ignored."""

from __future__ import annotations

import pytest

from intervisie_kit.cli import main
from intervisie_kit.paths import notebooks_dir
from intervisie_kit.server import voila_argv


@pytest.mark.parametrize("command", ["serve", "workshop"])
def test_an_unknown_page_or_a_missing_preheat_is_refused_with_the_choices(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--preheat", "1", "--preheat-pages", "06,77"]) == 2
    said = capsys.readouterr().err
    assert "onbekende pagina 77" in said and "06" in said
    assert main([command, "--preheat-pages", "06", "--lang", "en"]) == 2  # pages without --preheat N
    assert "--preheat N" in capsys.readouterr().err


def test_only_the_chosen_pages_are_left_out_of_the_denylist() -> None:
    argv = voila_argv(notebooks_dir(), port=8866, preheat=1, preheat_pages=("04", "06"))
    denied = [a.split("=", 1)[1] for a in argv if a.startswith("--VoilaKernelManager.preheat_denylist=")]
    every = sorted(nb.name for nb in notebooks_dir().glob("*.ipynb"))
    assert sorted(denied) == [name for name in every if name[:2] not in ("04", "06")]
    assert not [a for a in voila_argv(notebooks_dir(), port=8866, preheat=1) if "denylist" in a]
