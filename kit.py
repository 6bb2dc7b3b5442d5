#!/usr/bin/env python3
"""Set up and run intervisie-kit with one command.

    python3 kit.py serve [options]   create or reuse .venv, install the kit, serve the pages
    python3 kit.py workshop [options]   the same, as a startdag workshop the room joins from their phones
    python3 kit.py test  [pytest args]  create or reuse .venv, install the kit with test tools, run all checks

Only the standard library is used here, so this works on a fresh machine with Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_env(extra: str) -> None:
    """Create .venv if needed and (re)install the kit when pyproject.toml or the extra changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - kit.py must run on an old Python to say so
        sys.exit(f"intervisie-kit heeft Python 3.11 of nieuwer nodig (dit is {sys.version.split()[0]}).")
    if not PYTHON.exists():
        print("Virtuele omgeving maken in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extra}]" if extra else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".kit-installed-{extra or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Kit installeren in .venv ({spec}) ...", flush=True)
    run([str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec])
    stamp.write_text(digest)


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("serve", "workshop", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command in ("serve", "workshop"):
        ensure_env("")
        return subprocess.call([str(PYTHON), "-m", "intervisie_kit.cli", command, *rest], cwd=ROOT)
    ensure_env("test")
    run([str(PYTHON), "-m", "ruff", "check", "."])
    run([str(PYTHON), "-m", "ruff", "format", "--check", "."])
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
