"""The ``intervisie-kit`` command: ``serve`` the pages, ``validate`` content folders.

Messages are Dutch by default; ``--lang en`` (or ``INTERVISIE_KIT_LANG=en``) gives English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .i18n import LANG_ENV, LANGS
from .paths import CONTENT_ENV
from .text import terminal_safe

__all__ = ["main"]

DEFAULT_PORT = 8866

_T = {
    "ok": (
        "Inhoud in orde: {methods} methoden, {cases} casussen, {exercises} oefensets.",
        "Content is valid: {methods} methods, {cases} cases, {exercises} exercise sets.",
    ),
    "bad": ("{n} probleem/problemen gevonden.", "{n} problem(s) found."),
    "serve_bad": (
        "Let op: {n} probleem/problemen in de inhoud; de pagina's tonen ze en slaan die onderdelen over.",
        "Note: {n} problem(s) in the content; the pages show them and skip those items.",
    ),
    "cards": ("{n} methodekaarten: {html} en {pdf}", "{n} method cards: {html} and {pdf}"),
    "serving": ("De kit draait op {url}  (stoppen: Ctrl+C)", "The kit is running at {url}  (stop: Ctrl+C)"),
}


def _say(key: str, lang: str, **params: object) -> str:
    nl, en = _T[key]
    return (en if lang == "en" else nl).format(**params)


def _default_lang() -> str:
    lang = os.environ.get(LANG_ENV, "nl")
    return lang if lang in LANGS else "nl"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intervisie-kit",
        description="Intervisie-kit: trainingskit voor begeleiders van intervisie / training kit for "
        "intervisie facilitators.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="start de pagina's / serve the pages")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"poort / port (default {DEFAULT_PORT})")
    serve.add_argument(
        "--content",
        action="append",
        default=[],
        metavar="DIR",
        help="eigen inhoudsmap, over de ingebouwde heen / your own content folder, merged over the built-in one",
    )
    serve.add_argument(
        "--journal",
        default=None,
        metavar="PATH_OR_URL",
        help="waar het reflectiedagboek staat: een bestand of een database-URL (standaard: je gebruikersmap) / "
        "where the reflection journal lives: a file or a database URL (default: your user data folder)",
    )
    serve.add_argument("--open", action="store_true", help="open de startpagina in de browser / open a browser")
    serve.add_argument("--lang", choices=LANGS, default=None, help="taal van de pagina's / page language")
    serve.add_argument(
        "--preheat",
        type=int,
        default=0,
        metavar="N",
        help="houd per pagina N kernels klaar (sneller bij een startdag, ~100 MB elk) / keep N warm kernels per page",
    )
    serve.add_argument(
        "--cull-idle",
        type=int,
        default=None,
        metavar="SECONDS",
        help="ruim kernels zonder verbinding op na zoveel seconden (standaard 900) / cull idle kernels",
    )

    cards = sub.add_parser("cards", help="maak de methodekaarten om te printen / make the printable method cards")
    cards.add_argument("--out", default=".", metavar="DIR", help="map voor de bestanden / output folder")
    cards.add_argument("--content", action="append", default=[], metavar="DIR", help="eigen inhoudsmap / own content")
    cards.add_argument("--lang", choices=LANGS, default=None, help="taal van de kaarten / language of the cards")

    validate = sub.add_parser("validate", help="controleer inhoudsmappen / check content folders")
    validate.add_argument("dirs", nargs="*", metavar="DIR", help="eigen inhoudsmappen / your content folders")
    validate.add_argument("--lang", choices=LANGS, default=None, help="taal van de meldingen / message language")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = args.lang or _default_lang()
    if args.command == "validate":
        return _validate(args.dirs, lang)
    if args.command == "cards":
        return _cards(args, lang)
    return _serve(args, lang)


def _validate(dirs: Sequence[str], lang: str) -> int:
    from .content import load

    content = load(dirs, strict=False)
    for problem in content.problems:
        print(terminal_safe(problem.format(lang)))
    if content.problems:
        print(_say("bad", lang, n=len(content.problems)), file=sys.stderr)
        return 1
    print(_say("ok", lang, methods=len(content.methods), cases=len(content.cases), exercises=len(content.exercises)))
    return 0


def _cards(args: argparse.Namespace, lang: str) -> int:
    from . import cards
    from .content import load

    content = load(args.content, strict=False)
    for problem in content.problems:
        print(terminal_safe(problem.format(lang)), file=sys.stderr)
    methods = sorted(content.methods.values(), key=lambda m: m.name.get(lang).lower())
    out = Path(args.out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    html_path, pdf_path = out / f"methodekaarten-{lang}.html", out / f"methodekaarten-{lang}.pdf"
    html_path.write_text(cards.cards_document(methods, lang), encoding="utf-8")
    pdf_path.write_bytes(cards.cards_pdf(methods, lang))
    print(_say("cards", lang, n=len(methods), html=html_path, pdf=pdf_path))
    return 0


def _serve(args: argparse.Namespace, lang: str) -> int:
    from .content import load
    from .paths import notebooks_dir

    if args.content:
        dirs = [str(Path(d).expanduser().resolve()) for d in args.content]
        existing = os.environ.get(CONTENT_ENV, "")
        os.environ[CONTENT_ENV] = os.pathsep.join([*filter(None, existing.split(os.pathsep)), *dirs])
    if args.lang:
        os.environ[LANG_ENV] = args.lang
    from .journal.store import JOURNAL_ENV, LAUNCH_DIR_ENV, JournalError, journal_url

    # Pages run with their own folder as working directory: a relative journal location means the folder
    # this command was started in, so it is made absolute here, and the guard sees the real place.
    os.environ[LAUNCH_DIR_ENV] = str(Path.cwd().resolve())
    chosen = args.journal or os.environ.get(JOURNAL_ENV, "").strip()
    if chosen:
        try:
            os.environ[JOURNAL_ENV] = journal_url(chosen)  # refuse a journal inside the kit before serving
        except JournalError as exc:
            print(exc.text(lang), file=sys.stderr)
            return 2

    content = load(strict=False)
    for problem in content.problems:
        print(terminal_safe(problem.format(lang)), file=sys.stderr)
    if content.problems:
        print(_say("serve_bad", lang, n=len(content.problems)), file=sys.stderr)
    print(_say("serving", lang, url=f"http://127.0.0.1:{args.port}/"), flush=True)

    from . import server

    server.run(
        server.voila_argv(
            notebooks_dir(), port=args.port, open_browser=args.open, cull_idle=args.cull_idle, preheat=args.preheat
        )
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
