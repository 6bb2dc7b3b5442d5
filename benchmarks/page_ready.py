"""How fast each page of the kit is ready, compared with a bare one-button ipywidgets page.

The kit's server (``intervisie_kit.server``) serves a scratch folder holding the kit's notebooks and a
bare notebook with one button. For every page, in the system Chromium, it times from navigation until
the page's widgets respond: a click that needs the kernel (the language switch on kit pages, the button
on the bare page) has come back. Each load uses a fresh browser context and ends by closing the page, so
the kernel shuts down before the next load. It does this with cold kernels and with Voila's preheated
kernels, and prints medians side by side as a ratio to the bare page, the kernel's memory per page, and
the ``python -X importtime`` cost of ``import intervisie_kit``.

    python benchmarks/page_ready.py [--loads 5] [--modes cold,preheat] [--pages 06,04]

Targets (issue 2): each page within 1.3x the bare page cold; ``import intervisie_kit`` under 0.25 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intervisie_kit.paths import notebooks_dir  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BARE = "bare.ipynb"
BARE_SOURCE = (
    "import ipywidgets as widgets\n"
    "out = widgets.Label('')\n"
    "button = widgets.Button(description='Klik')\n"
    "button.add_class('bare-button')\n"
    "out.add_class('bare-out')\n"
    "button.on_click(lambda _: setattr(out, 'value', 'geklikt'))\n"
    "widgets.VBox([button, out])\n"
)


def bare_notebook() -> dict:
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "bare",
                "metadata": {},
                "outputs": [],
                "source": BARE_SOURCE,
            }
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


class Server:
    def __init__(self, folder: Path, preheat: int) -> None:
        self.port = free_port()
        # As `intervisie-kit serve` does: the content is loaded (and so cached) before the first page.
        code = (
            "from intervisie_kit.content import load; load(strict=False); "
            "from intervisie_kit import server; from pathlib import Path; "
            f"server.run(server.voila_argv(Path({str(folder)!r}), port={self.port}, preheat={preheat}))"
        )
        # The pages' kernels use a scratch journal and content cache, never the user's own.
        self.state = Path(tempfile.mkdtemp(prefix="ik-bench-state-"))  # outside the served folder
        env = {**os.environ, "INTERVISIE_KIT_JOURNAL": str(self.state / "journal.sqlite")}
        env["INTERVISIE_KIT_CACHE"] = str(self.state / "cache")
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdout=self.log, stderr=subprocess.STDOUT, env=env)
        wait_for(self.responds, 60, "server start")

    def responds(self) -> bool:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            conn.request("GET", "/")
            return conn.getresponse().status == 301
        except OSError:
            return False
        finally:
            conn.close()

    def kernels(self) -> list[psutil.Process]:
        out = []
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                if "ipykernel" in " ".join(child.cmdline()):
                    out.append(child)
            except psutil.Error:
                pass
        return out

    def idle(self) -> bool:
        procs = [psutil.Process(self.proc.pid), *self.kernels()]
        first = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
        time.sleep(0.5)
        second = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
        return second - first < 0.05

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)
        shutil.rmtree(self.state, ignore_errors=True)


ENGLISH_SHOWN = (
    "() => [...document.querySelectorAll('.ik-style')].some(e => e.innerHTML.includes('ik-lang-nl{display:none'))"
)


# Only non-local requests are intercepted (matched by the driver), so local ones, and the shutdown
# beacon of a closing tab, never wait on Python.
NON_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/]|ws://127\.0\.0\.1[:/]|data:|blob:|about:)")


def respond_check(page, notebook: str) -> None:  # type: ignore[no-untyped-def]
    """Interact until the kernel has answered."""
    if notebook == BARE:
        page.locator(".bare-button").click()
        page.locator(".bare-out", has_text="geklikt").wait_for()
    else:
        page.locator(".ik-lang-toggle").get_by_role("button", name="EN").click()
        page.wait_for_function(ENGLISH_SHOWN)


def measure(server: Server, browser, notebook: str, loads: int, baseline: int) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    times, memory = [], []
    for _ in range(loads):
        wait_for(lambda: len(server.kernels()) == baseline, 60, "kernels back to baseline")
        wait_for(server.idle, 60, "server idle")
        context = browser.new_context()
        page = context.new_page()
        page.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:"))
                else r.abort()
            ),
        )
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{server.port}/voila/render/{notebook}", timeout=120_000)
        respond_check(page, notebook)
        times.append(time.perf_counter() - start)
        mine = [k for k in server.kernels()]
        if mine:
            memory.append(max(k.memory_full_info().pss for k in mine) / 1e6)
        with page.expect_event("close"):
            page.close(run_before_unload=True)
        # The shutdown beacon is sent asynchronously; keep the context until the kernel has gone.
        wait_for(lambda: len(server.kernels()) == baseline, 60, "the closed page's kernel to end")
        context.close()
    return times, statistics.median(memory) if memory else float("nan")


def import_cost() -> float:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import intervisie_kit"], capture_output=True, text=True, check=True
    )
    line = [ln for ln in result.stderr.splitlines() if ln.rstrip().endswith("| intervisie_kit")][-1]
    return int(line.split("|")[1]) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--modes", default="cold,preheat")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument("--pages", default="", help="only these pages (comma-separated name prefixes, e.g. 06,04)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="ik-bench-"))
    pages = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
    if args.pages:
        pages = [p for p in pages if p.startswith(tuple(args.pages.split(",")))]
    for name in pages:
        shutil.copy(notebooks_dir() / name, folder / name)
    (folder / BARE).write_text(json.dumps(bare_notebook()), encoding="utf-8")
    order = [BARE, *pages]

    results: dict[str, dict[str, dict[str, float]]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for mode in args.modes.split(","):
            preheat = 1 if mode == "preheat" else 0
            server = Server(folder, preheat)
            try:
                baseline = len(order) if preheat else 0
                if preheat:
                    pool_filled = lambda s=server, n=baseline: len(s.kernels()) >= n  # noqa: E731
                    wait_for(pool_filled, 120, "preheated pool")
                    wait_for(server.idle, 120, "pre-rendering done")
                for nb in order:
                    times, mem = measure(server, browser, nb, args.loads, baseline)
                    results.setdefault(nb, {})[mode] = {
                        "median_s": statistics.median(times),
                        "min_s": min(times),
                        "max_s": max(times),
                        "kernel_pss_mb": mem,
                    }
            finally:
                server.stop()
        browser.close()
    shutil.rmtree(folder, ignore_errors=True)

    modes = args.modes.split(",")
    print(f"page ready (navigation until a widget click has come back), median of {args.loads} loads")
    head = f"{'page':<28}" + "".join(f"{m + ' s':>11}{m + ' x bare':>15}" for m in modes) + f"{'kernel PSS':>13}"
    print(head)
    print("-" * len(head))
    verdicts = []
    for nb in order:
        row = f"{nb:<28}"
        for m in modes:
            value = results[nb][m]["median_s"]
            ratio = value / results[BARE][m]["median_s"]
            row += f"{value:>11.2f}{ratio:>15.2f}"
            if m == "cold" and nb != BARE:
                verdicts.append((nb, ratio))
        row += f"{results[nb][modes[0]]['kernel_pss_mb']:>10.0f} MB"
        print(row)
    cost = import_cost()
    print(f"\nimport intervisie_kit (python -X importtime, cumulative): {cost * 1000:.1f} ms  (target < 250 ms)")
    for nb, ratio in verdicts:
        print(f"{nb}: {ratio:.2f}x bare cold  {'OK' if ratio <= 1.3 else 'ABOVE TARGET 1.3x'}")
    if args.json:
        args.json.write_text(json.dumps({"pages": results, "import_s": cost}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
