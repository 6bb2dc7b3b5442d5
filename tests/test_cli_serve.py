"""`intervisie-kit serve`: options reach Voila and the pages' environment (the server itself is faked)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from intervisie_kit import cli, server
from intervisie_kit.paths import CONTENT_ENV, notebooks_dir


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    monkeypatch.setattr(server, "run", lambda argv: calls.append(argv))
    # setenv first so monkeypatch restores these afterwards: `serve` writes them into os.environ.
    for name in (CONTENT_ENV, "INTERVISIE_KIT_LANG", "INTERVISIE_KIT_JOURNAL", "INTERVISIE_KIT_LAUNCH_DIR"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    return calls


def test_defaults_serve_the_notebooks_on_localhost_8866(captured: list[list[str]]) -> None:
    assert cli.main(["serve"]) == 0
    (argv,) = captured
    assert argv[0] == str(notebooks_dir())
    assert "--port=8866" in argv
    assert "--Voila.ip=127.0.0.1" in argv
    assert "--Voila.open_browser=False" in argv
    config = next(a for a in argv if a.startswith("--Voila.config_file_paths="))
    assert (Path(config.split("=", 1)[1]) / "voila.json").is_file()


def test_options_reach_voila_and_the_kernels(captured: list[list[str]], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "cases").mkdir()
    assert cli.main(["serve", "--port", "9123", "--open", "--content", str(tmp_path), "--lang", "en"]) == 0
    (argv,) = captured
    assert "--port=9123" in argv and "--Voila.open_browser=True" in argv
    # Kernels inherit the server's environment: that is how every page sees the trainer's folder.
    assert os.environ[CONTENT_ENV].split(os.pathsep)[-1] == str(tmp_path.resolve())
    assert os.environ["INTERVISIE_KIT_LANG"] == "en"
    assert "http://127.0.0.1:9123/" in capsys.readouterr().out


def test_preheat_and_culling_options(captured: list[list[str]]) -> None:
    cli.main(["serve", "--preheat", "2", "--cull-idle", "120"])
    (argv,) = captured
    assert "--preheat_kernel=True" in argv and "--pool_size=2" in argv
    assert "--MappingKernelManager.cull_idle_timeout=120" in argv
    assert "--MappingKernelManager.cull_interval=60" in argv


def test_broken_content_is_reported_before_serving(captured: list[list[str]], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "leeg.yaml").write_text("", encoding="utf-8")
    cli.main(["serve", "--content", str(tmp_path)])
    err = capsys.readouterr().err
    assert "leeg.yaml: het bestand is leeg" in err
    assert captured, "the server starts anyway; the pages show the problems"


def test_the_page_handler_replaces_voilas() -> None:
    from voila.tornado.handler import TornadoVoilaHandler

    previous = signal.getsignal(signal.SIGTERM)  # Voila installs its own SIGTERM handler
    try:
        app = server.KitVoila()
        app.initialize([str(notebooks_dir()), "--Voila.config_file_paths=" + str(server.share_dir() / "config")])
        app.init_settings()
    finally:
        signal.signal(signal.SIGTERM, previous)
    handlers = {pattern: handler for pattern, handler, *_ in app.init_handlers()}
    assert server.KitPageHandler in handlers.values()
    assert TornadoVoilaHandler not in handlers.values()
    assert handlers["/"].__name__ == "RedirectHandler"


def test_cards_command_writes_html_and_pdf(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    assert cli.main(["cards", "--out", str(tmp_path), "--lang", "en"]) == 0
    html_file, pdf_file = tmp_path / "methodekaarten-en.html", tmp_path / "methodekaarten-en.pdf"
    assert "Incident method" in html_file.read_text(encoding="utf-8")
    assert "Incident method" in " ".join(p.extract_text() for p in PdfReader(pdf_file).pages)
    assert "method cards" in capsys.readouterr().out


def test_journal_option_reaches_the_pages(captured: list[list[str]], tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["serve", "--journal", str(tmp_path / "mijn.sqlite")]) == 0
    assert os.environ["INTERVISIE_KIT_JOURNAL"] == f"sqlite:///{(tmp_path / 'mijn.sqlite').resolve()}"
