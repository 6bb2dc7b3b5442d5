"""The ``intervisie-kit`` command: ``serve`` the pages, run a ``workshop``, ``validate`` content folders.

On JupyterHub (``docs/hub.md``): ``singleuser`` is the single-user server the hub spawns for every user,
``hub-trainer`` and ``hub-startdag`` are the hub services. Their arguments are passed on untouched.

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
    "ws_title": ("Startdag-workshop", "Startdag workshop"),
    "ws_reused": (
        "De lopende workshop gaat verder (zelfde code); de trainerlink is nieuw.",
        "The running workshop carries on (same code); the trainer link is new.",
    ),
    "ws_join": ("Deelnemers openen:   {url}", "Participants open:   {url}"),
    "ws_code": ("Code:                {code}", "Code:                {code}"),
    "ws_wall": ("Beamer (deze laptop): {url}", "Projector (this laptop): {url}"),
    "ws_trainer": (
        "Trainerlink voor een ander apparaat (geheim, niet projecteren):\n  {url}",
        "Trainer link for another device (secret, do not project):\n  {url}",
    ),
    "ws_no_lan": (
        "Let op: geen netwerkadres gevonden; telefoons kunnen deze laptop nu niet bereiken. Verbind met de "
        "wifi of een hotspot, of geef het adres met --host.",
        "Note: no network address found; phones cannot reach this laptop now. Connect to the Wi-Fi or a "
        "hotspot, or give the address with --host.",
    ),
    "ws_plain": (
        "Zonder certificaat gaat alles onversleuteld over het netwerk van de zaal: namen, vragen, "
        "beoordelingen en de cookies waarmee telefoons en de trainerlink zich melden. Wie op hetzelfde "
        "netwerk meekijkt, kan dat lezen. Gebruik liever een eigen hotspot, of HTTPS met --cert en --key. "
        "Reflecties blijven op deze laptop; ze gaan alleen over het netwerk als een deelnemer ze opent.",
        "Without a certificate everything crosses the room's network unencrypted: names, questions, ratings "
        "and the cookies phones and the trainer link use. Anyone watching the same network can read them. "
        "Prefer your own hotspot, or HTTPS with --cert and --key. Reflections stay on this laptop; they "
        "cross the network only when a participant opens them.",
    ),
    "ws_tls": (
        "HTTPS staat aan met het certificaat {cert}.",
        "HTTPS is on with the certificate {cert}.",
    ),
    "ws_cert_pair": (
        "Geef --cert en --key samen (het certificaat en de sleutel, PEM).",
        "Give --cert and --key together (the certificate and its key, PEM).",
    ),
    "ws_cert_missing": ("Bestand niet gevonden: {path}", "File not found: {path}"),
    "preheat_pages": (
        "--preheat-pages: onbekende pagina {page}; kies uit {pages}.",
        "--preheat-pages: unknown page {page}; choose from {pages}.",
    ),
    "preheat_pages_alone": (
        "--preheat-pages werkt alleen samen met --preheat N (hoeveel kernels per pagina klaarstaan).",
        "--preheat-pages only works together with --preheat N (how many kernels wait per page).",
    ),
    "hub_missing": (
        "{command}: dit onderdeel ({module}) zit niet in deze installatie van de kit.",
        "{command}: this part ({module}) is not in this installation of the kit.",
    ),
    "hub_no_jupyterhub": (
        "singleuser: JupyterHub ontbreekt; installeer de kit met de hub-extra: pip install 'intervisie-kit[hub]'",
        "singleuser: JupyterHub is missing; install the kit with the hub extra: pip install 'intervisie-kit[hub]'",
    ),
    "ws_cert_preheat": (
        "--preheat werkt niet samen met --cert: voorverwarmde kernels halen hun verzoek via gewone http op.",
        "--preheat does not work with --cert: preheated kernels fetch their request over plain http.",
    ),
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
    _serving_options(serve)
    serve.add_argument("--open", action="store_true", help="open de startpagina in de browser / open a browser")
    workshop = sub.add_parser(
        "workshop",
        help="start een startdag: telefoons in de zaal doen mee / run a startdag: phones in the room join",
    )
    _serving_options(workshop)
    workshop.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="ADDR",
        help="luister (ook) op dit adres of deze naam; standaard alle netwerken / listen on this address or "
        "name (default: every network)",
    )
    workshop.add_argument("--cert", default=None, metavar="FILE", help="HTTPS-certificaat (PEM) / certificate")
    workshop.add_argument("--key", default=None, metavar="FILE", help="sleutel bij het certificaat / its key")

    cards = sub.add_parser("cards", help="maak de methodekaarten om te printen / make the printable method cards")
    cards.add_argument("--out", default=".", metavar="DIR", help="map voor de bestanden / output folder")
    cards.add_argument("--content", action="append", default=[], metavar="DIR", help="eigen inhoudsmap / own content")
    cards.add_argument("--lang", choices=LANGS, default=None, help="taal van de kaarten / language of the cards")

    for command, text in _HUB_COMMANDS.items():  # parsed by main() itself: every argument is passed on
        hub = sub.add_parser(command, help=text, add_help=False)
        hub.add_argument("args", nargs="*", metavar="ARG", help="doorgegeven / passed on")

    validate = sub.add_parser("validate", help="controleer inhoudsmappen / check content folders")
    validate.add_argument("dirs", nargs="*", metavar="DIR", help="eigen inhoudsmappen / your content folders")
    validate.add_argument("--lang", choices=LANGS, default=None, help="taal van de meldingen / message language")
    return parser


def _serving_options(parser: argparse.ArgumentParser) -> None:
    """The options ``serve`` and ``workshop`` share."""
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"poort / port (default {DEFAULT_PORT})")
    parser.add_argument(
        "--content",
        action="append",
        default=[],
        metavar="DIR",
        help="eigen inhoudsmap, over de ingebouwde heen / your own content folder, merged over the built-in one",
    )
    parser.add_argument(
        "--journal",
        default=None,
        metavar="PATH_OR_URL",
        help="waar het reflectiedagboek staat: een bestand of een database-URL (standaard: je gebruikersmap) / "
        "where the reflection journal lives: a file or a database URL (default: your user data folder)",
    )
    parser.add_argument("--lang", choices=LANGS, default=None, help="taal van de pagina's / page language")
    parser.add_argument(
        "--preheat",
        type=int,
        default=0,
        metavar="N",
        help="houd per pagina N kernels klaar (sneller bij een startdag, ~100 MB elk) / keep N warm kernels per page",
    )
    parser.add_argument(
        "--preheat-pages",
        default="",
        metavar="NN,NN",
        help="verwarm alleen deze pagina's voor, bijv. 04,06 (met --preheat) / preheat only these pages, e.g. 04,06",
    )
    parser.add_argument(
        "--cull-idle",
        type=int,
        default=None,
        metavar="SECONDS",
        help="ruim kernels zonder verbinding op na zoveel seconden (standaard 900) / cull idle kernels",
    )


#: The hub's commands (``docs/hub.md``): every argument after the command name is theirs.
_HUB_COMMANDS = {
    "singleuser": "de server van een hub-gebruiker (JupyterHub start hem) / a hub user's server (spawned by "
    "JupyterHub); other arguments go to jupyterhub-singleuser",
    "hub-trainer": "de trainerdienst op de hub / the trainers' hub service",
    "hub-startdag": "de startdagdienst op de hub / the startdag hub service",
}

#: The module whose ``main(argv)`` runs each hub service.
_HUB_SERVICES = {"hub-trainer": "intervisie_kit.hub.trainer", "hub-startdag": "intervisie_kit.hub.startdag"}

#: What the single-user server runs: the kit's extension, nothing else that serves pages or a shell.
SINGLEUSER_EXTENSIONS = {
    "intervisie_kit.hub.extension": True,
    "voila": False,
    "voila.server_extension": False,
    "jupyterlab": False,
    "notebook": False,
    "notebook_shim": False,
    "nbclassic": False,
    "jupyter_lsp": False,
    "jupyter_server_terminals": False,
}


def singleuser_command(extra: Sequence[str], environ: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of the single-user server (``jupyterhub-singleuser`` with the kit).

    ``extra`` comes after the kit's own options, so an administrator's ``Spawner.args`` can still add
    to them. The root directory is the kit's notebooks whatever ``Spawner.notebook_dir`` says: the pages
    exist only there.
    """
    from .hub import HUB_ENV
    from .hub.extension import START_URL
    from .paths import notebooks_dir, share_dir

    env = dict(environ)
    ours = str(share_dir() / "jupyter")
    current = env.get("JUPYTER_PATH", "")
    if ours not in current.split(os.pathsep):
        env["JUPYTER_PATH"] = os.pathsep.join(p for p in (ours, current) if p)
    env["JUPYTERHUB_ROOT_DIR"] = str(notebooks_dir())  # jupyterhub-singleuser gives this priority over argv
    env["JUPYTERHUB_DEFAULT_URL"] = "/" + START_URL
    env.setdefault(HUB_ENV, "1")
    if not env.get("JUPYTER_RUNTIME_DIR"):
        env["JUPYTER_RUNTIME_DIR"] = short_runtime_dir()
    argv = [sys.executable, "-m", "jupyterhub.singleuser"]
    argv += [f"--ServerApp.jpserver_extensions={name}={on}" for name, on in SINGLEUSER_EXTENSIONS.items()]
    argv += [
        f"--ServerApp.root_dir={notebooks_dir()}",
        f"--ServerApp.default_url=/{START_URL}",
        "--ServerApp.terminals_enabled=False",
        "--ServerApp.kernel_websocket_connection_class=intervisie_kit.server.KitChannelsConnection",
        *extra,
    ]
    return argv, env


#: A Unix socket path holds at most 107 bytes. Kernels talk over IPC sockets in the runtime folder
#: (``KernelManager.transport=ipc``), named ``kernel-<uuid>-ipc-<n>``: with the default runtime folder in the
#: home folder, a home of 29 characters or more (TLJH: ``/home/jupyter-<15-letter name>``) broke every page.
MAX_RUNTIME_DIR = 40


def short_runtime_dir() -> str:
    """A private runtime folder with a short path for the single-user server's kernels (mode 0700).

    ``/tmp`` when it exists (one new folder per server start, removed by the system's tmp cleaning), else the
    system's temporary folder; a temporary folder whose path is itself too long is refused with a message.
    """
    import tempfile

    base = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
    path = tempfile.mkdtemp(prefix="ik-rt-", dir=base)
    if len(path) > MAX_RUNTIME_DIR:
        raise SystemExit(
            f"De map voor kernelsockets is te lang ({path!r}, meer dan {MAX_RUNTIME_DIR} tekens); zet "
            f"JUPYTER_RUNTIME_DIR op een korte map. / The kernel socket folder path is too long; set "
            "JUPYTER_RUNTIME_DIR to a short folder."
        )
    return path


def _singleuser(extra: Sequence[str], lang: str) -> int:
    """Replace this process by the single-user server (signals from the spawner then reach it directly)."""
    import importlib.util

    if importlib.util.find_spec("jupyterhub") is None:
        print(_say("hub_no_jupyterhub", lang), file=sys.stderr)
        return 2
    argv, env = singleuser_command(extra, dict(os.environ))
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(argv[0], argv, env)
    return 0  # pragma: no cover - execve does not return


def _hub_service(command: str, extra: Sequence[str], lang: str) -> int:
    """Run a hub service's ``main(argv)``; a clear message when that part is not installed."""
    import importlib

    module_name = _HUB_SERVICES[command]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:  # a missing dependency inside the service: its own error says more
            raise
        print(_say("hub_missing", lang, command=command, module=module_name), file=sys.stderr)
        return 2
    result = module.main(list(extra))
    return int(result or 0)


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw and raw[0] in _HUB_COMMANDS:  # before argparse: "--help" and every option belong to the command
        lang = _default_lang()
        if raw[0] == "singleuser":
            return _singleuser(raw[1:], lang)
        return _hub_service(raw[0], raw[1:], lang)
    args = build_parser().parse_args(raw)
    lang = args.lang or _default_lang()
    if args.command == "validate":
        return _validate(args.dirs, lang)
    if args.command == "cards":
        return _cards(args, lang)
    if args.command == "workshop":
        return _workshop(args, lang)
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


def _preheat_pages(args: argparse.Namespace, lang: str) -> tuple[str, ...] | None:
    """The page numbers of ``--preheat-pages`` (empty: every page), or None after saying what is wrong."""
    from .paths import notebooks_dir

    known = sorted(nb.name[:2] for nb in notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    chosen = tuple(p.strip() for p in (args.preheat_pages or "").split(",") if p.strip())
    wrong = [p for p in chosen if p not in known]
    if wrong:
        print(_say("preheat_pages", lang, page=terminal_safe(wrong[0][:20]), pages=", ".join(known)), file=sys.stderr)
        return None
    if chosen and not args.preheat:
        print(_say("preheat_pages_alone", lang), file=sys.stderr)
        return None
    return chosen


def _pages(args: argparse.Namespace) -> tuple[str, ...]:
    """``--preheat-pages`` after :func:`_prepare` checked it."""
    return tuple(p for p in args.preheat_pages.split(",") if p)


def _prepare(args: argparse.Namespace, lang: str) -> int:
    """Environment for the pages (content, language, journal) and the content check; non-zero on error."""
    from .content import load

    pages = _preheat_pages(args, lang)
    if pages is None:
        return 2
    args.preheat_pages = ",".join(pages)  # checked once; serve and workshop read it through _pages()

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
    return 0


def _serve(args: argparse.Namespace, lang: str) -> int:
    from .paths import notebooks_dir

    if _prepare(args, lang):
        return 2
    print(_say("serving", lang, url=f"http://127.0.0.1:{args.port}/"), flush=True)

    from . import server

    server.run(
        server.voila_argv(
            notebooks_dir(),
            port=args.port,
            open_browser=args.open,
            cull_idle=args.cull_idle,
            preheat=args.preheat,
            preheat_pages=_pages(args),
        )
    )
    return 0


def _is_address(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _workshop(args: argparse.Namespace, lang: str) -> int:
    """Serve a startdag: listen beyond loopback, open (or reuse) the workshop, print how to join."""
    from .paths import notebooks_dir

    if bool(args.cert) != bool(args.key):
        print(_say("ws_cert_pair", lang), file=sys.stderr)
        return 2
    for path in filter(None, (args.cert, args.key)):
        if not Path(path).expanduser().is_file():
            print(_say("ws_cert_missing", lang, path=terminal_safe(path)), file=sys.stderr)
            return 2
    if args.cert and args.preheat:
        print(_say("ws_cert_preheat", lang), file=sys.stderr)
        return 2
    if _prepare(args, lang):
        return 2

    from . import server
    from .guard import LOOPBACK_NAMES
    from .journal.store import Journal
    from .workshop import WORKSHOP_ENV
    from .workshop.network import join_url, lan_addresses
    from .workshop.store import WorkshopStore

    os.environ[WORKSHOP_ENV] = "1"  # the pages' kernels know they serve a workshop
    hosts = [h.strip() for h in args.host if h.strip()]
    lan = lan_addresses(hosts)
    journal = Journal()
    try:
        store = WorkshopStore(journal)
        workshop = store.open_workshop()
        trainer_key = workshop.trainer_key
        reused = trainer_key is None
        if reused:  # a restart: same workshop and code, a new trainer key (only its hash is stored)
            trainer_key = store.new_trainer_key()
        code = workshop.code
    finally:
        journal.close()

    https = bool(args.cert)
    shown = hosts[0] if hosts else (lan[0] if lan else "127.0.0.1")
    url = join_url(shown, args.port, https)
    base = url.removesuffix("/join")
    local = join_url("127.0.0.1", args.port, https).removesuffix("/join")
    print(_say("ws_title", lang), flush=True)
    if reused:
        print(_say("ws_reused", lang))
    if not lan:
        print(_say("ws_no_lan", lang), file=sys.stderr)
    print(_say("ws_join", lang, url=url))
    print(_say("ws_code", lang, code=code))
    print(_say("ws_wall", lang, url=f"{local}/workshop/wall"))
    print(_say("ws_trainer", lang, url=f"{base}/workshop/trainer?key={trainer_key}"))
    print(_say("ws_tls", lang, cert=terminal_safe(args.cert)) if https else _say("ws_plain", lang), flush=True)

    serving = server.WorkshopServing(
        join_url=url,
        allowed_hosts=tuple(dict.fromkeys([*LOOPBACK_NAMES, *lan, *(h.strip("[]") for h in hosts)])),
        bind_hosts=tuple(h.strip("[]") for h in hosts if _is_address(h)),
        certfile=str(Path(args.cert).expanduser().resolve()) if https else "",
        keyfile=str(Path(args.key).expanduser().resolve()) if https else "",
    )
    server.run(
        server.voila_argv(
            notebooks_dir(),
            port=args.port,
            cull_idle=args.cull_idle,
            preheat=args.preheat,
            preheat_pages=_pages(args),
            workshop=serving,
        )
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
