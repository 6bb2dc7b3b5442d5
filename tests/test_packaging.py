"""The built wheel carries the content and the pages, so an installed kit serves the same pages."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("intervisie_kit-*.whl")
    return found


def test_wheel_carries_content_pages_and_server_config(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "intervisie_kit/_kit/notebooks/00_start.ipynb" in names
    assert "intervisie_kit/share/config/voila.json" in names
    assert "intervisie_kit/share/jupyter/voila/templates/intervisie/index.html.j2" in names
    for page in ("join.html", "phone.html", "wall.html", "workshop.js", "phone.js", "wall.js", "workshop.css"):
        assert f"intervisie_kit/share/workshop/{page}" in names  # the workshop pages without a kernel
    for folder in ("data/methods", "data/cases", "data/vak", "data/vak/momenten", "exercises"):
        local = sorted(p.name for p in (ROOT / folder).glob("*.yaml"))
        packed = sorted(Path(n).name for n in names if Path(n).parent == Path(f"intervisie_kit/_kit/{folder}"))
        assert packed == local, folder
    assert "entry_points.txt" in " ".join(names)


def test_installed_wheel_finds_its_content_anywhere(wheel: Path, tmp_path: Path) -> None:
    """Unpacked outside the checkout and run from an unrelated folder, the kit finds its own files."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "from intervisie_kit.paths import kit_root, notebooks_dir\n"
        "from intervisie_kit.content import load\n"
        "c = load(include_env=False)\n"
        "print(kit_root()); print((notebooks_dir() / '00_start.ipynb').is_file()); print(len(c.methods))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("INTERVISIE_KIT_CONTENT", None)
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); exec({script!r})"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    root, has_start, n_methods = result.stdout.split()
    assert Path(root) == site / "intervisie_kit" / "_kit"
    assert has_start == "True"
    assert int(n_methods) == len(list((ROOT / "data" / "methods").glob("*.yaml")))
