"""`intervisie-kit validate [DIR ...]`: one line per problem (file, line, key path, what was expected), exit 1.

The bad-content tests run the real command in a subprocess, with the working directory in ``tmp_path`` so
files show up as ``trainer/methods/x.yaml``. The built-in content is always loaded too, so the tests look
at the lines about the trainer's folder and check that the command printed exactly one stdout line per
problem it counted (the count is in the summary on stderr). Exit-0 checks that must not depend on the seed
content run the same ``main()`` in-process with the built-in folders switched off.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import intervisie_kit.content
from intervisie_kit import cli
from intervisie_kit.i18n import LANG_ENV
from intervisie_kit.paths import CONTENT_ENV

from .content_fixtures import (
    case_dict,
    dump,
    exercise_dict,
    key_line,
    make_content,
    method_dict,
    write_raw,
    write_yaml,
)

TRAINER = "trainer"  # the trainer's folder, inside tmp_path (the command's working directory)
SUMMARY = {
    "nl": re.compile(r"^(\d+) probleem/problemen gevonden\.$"),
    "en": re.compile(r"^(\d+) problem\(s\) found\.$"),
}
OK = {
    "nl": re.compile(r"^Inhoud in orde: (\d+) methoden, (\d+) casussen, (\d+) oefensets\.$"),
    "en": re.compile(r"^Content is valid: (\d+) methods, (\d+) cases, (\d+) exercise sets\.$"),
}
ALLOWED_PHASE_KEYS = "allowed, description, id, minutes, name, prompt, speakers"


@dataclass(frozen=True)
class Run:
    rc: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    def about(self, shown_prefix: str = TRAINER) -> list[str]:
        """The stdout lines about files under ``shown_prefix`` (as the command shows paths)."""
        return [line for line in self.lines if line.startswith(shown_prefix)]

    def counted(self, lang: str = "nl") -> int:
        """The number of problems the command says it found (its summary line on stderr)."""
        matches = [m for line in self.stderr.splitlines() if (m := SUMMARY[lang].match(line))]
        assert len(matches) == 1, f"expected one summary line on stderr, got:\n{self.stderr}"
        return int(matches[0].group(1))


def run_validate(cwd: Path, *dirs: str | Path, lang: str | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the real command in a fresh interpreter, with a clean environment for the kit's variables."""
    cmd = [sys.executable, "-m", "intervisie_kit.cli", "validate", *(str(d) for d in dirs)]
    if lang is not None:
        cmd += ["--lang", lang]
    clean = {k: v for k, v in os.environ.items() if k not in (CONTENT_ENV, LANG_ENV)}
    clean["PYTHONIOENCODING"] = "utf-8"
    start = time.monotonic()
    proc = subprocess.run(
        cmd, cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    return Run(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def assert_no_traceback(run: Run) -> None:
    both = run.stdout + run.stderr
    assert "Traceback" not in both, both


def assert_one_line_per_problem(run: Run, lang: str = "nl") -> None:
    """Every problem the command counted is exactly one stdout line, and nothing else is on stdout."""
    assert run.rc == 1, run.stdout + run.stderr
    assert len(run.lines) == run.counted(lang), run.stdout


@dataclass(frozen=True)
class Expected:
    """One problem line: file as shown, line number (None: any or none), key path, message part per language."""

    file: str
    path: str
    line: int | None
    nl: str
    en: str

    def pattern(self, lang: str) -> re.Pattern[str]:
        where = re.escape(self.file) + (f":{self.line}" if self.line is not None else r"(?::\d+)?")
        key = f"{re.escape(self.path)}: " if self.path else ""
        return re.compile(f"^{where}: {key}.*{re.escape(self.nl if lang == 'nl' else self.en)}")


def assert_problem_lines(run: Run, expected: list[Expected], lang: str = "nl") -> None:
    """The lines about the trainer's folder are exactly the expected problems, one line each."""
    assert_no_traceback(run)
    assert_one_line_per_problem(run, lang)
    mine = run.about()
    assert len(mine) == len(expected), "\n".join(mine)
    for exp in expected:
        hits = [line for line in mine if exp.pattern(lang).search(line)]
        assert len(hits) == 1, f"expected one line matching {exp.pattern(lang).pattern!r} in:\n" + "\n".join(mine)


# --- the kinds of bad content named in the issue ---------------------------------------------------------------

Builder = Callable[[Path], list[Expected]]
M = f"{TRAINER}/methods"
C = f"{TRAINER}/cases"


def _invalid_yaml(root: Path) -> list[Expected]:
    write_raw(root / "methods/kapot.yaml", "id: tst-kapot\nname:\n\tnl: Kapot\n")  # a tab cannot indent YAML
    return [Expected(f"{M}/kapot.yaml", "", 3, "ongeldige YAML", "invalid YAML")]


def _wrong_type(root: Path) -> list[Expected]:
    method = method_dict()
    method["phases"][1]["minutes"] = "tien"
    text = write_yaml(root / "methods/kapot.yaml", method)
    line = key_line(text, "phases", 1, "minutes")
    return [
        Expected(f"{M}/kapot.yaml", "phases[1].minutes", line, "verwacht een getal, kreeg 'tien'", "expected a number")
    ]


def _missing_key(root: Path) -> list[Expected]:
    method = method_dict()
    del method["phases"][1]["prompt"]
    text = write_yaml(root / "methods/kapot.yaml", method)
    line = key_line(text, "phases", 1)  # the key is not there; the phase it belongs in is
    return [
        Expected(f"{M}/kapot.yaml", "phases[1].prompt", line, "verplichte sleutel ontbreekt", "required key is missing")
    ]


def _unknown_key(root: Path) -> list[Expected]:
    method = method_dict()
    method["phases"][1]["kleur"] = "rood"
    text = write_yaml(root / "methods/kapot.yaml", method)
    line = key_line(text, "phases", 1, "kleur")
    return [
        Expected(
            f"{M}/kapot.yaml",
            "phases[1].kleur",
            line,
            f"onbekende sleutel; toegestaan zijn: {ALLOWED_PHASE_KEYS}",
            f"unknown key; allowed are: {ALLOWED_PHASE_KEYS}",
        )
    ]


def _duplicate_phase_id(root: Path) -> list[Expected]:
    method = method_dict()
    method["phases"][1]["id"] = method["phases"][0]["id"]
    text = write_yaml(root / "methods/kapot.yaml", method)
    return [
        Expected(
            f"{M}/kapot.yaml",
            "phases[1].id",
            key_line(text, "phases", 1, "id"),
            "id 'inbreng' komt twee keer voor (ook bij phases[0])",
            "id 'inbreng' is used twice (also at phases[0])",
        )
    ]


def _duplicate_file_id(root: Path) -> list[Expected]:
    write_yaml(root / "cases/a.yaml", case_dict())
    write_yaml(root / "cases/b.yaml", case_dict())
    return [
        Expected(
            f"{C}/b.yaml",
            "id",
            None,
            f"id 'tst-casus' bestaat al in {C}/a.yaml",
            f"id 'tst-casus' already exists in {C}/a.yaml",
        )
    ]


def _missing_method(root: Path) -> list[Expected]:
    write_yaml(root / "cases/casus.yaml", case_dict(methods=["tst-bestaat-niet"]))
    return [
        Expected(
            f"{C}/casus.yaml",
            "methods[0]",
            None,
            "verwijst naar methode 'tst-bestaat-niet', die niet bestaat",
            "refers to method 'tst-bestaat-niet', which does not exist",
        )
    ]


def _minutes_sum(root: Path) -> list[Expected]:
    method = method_dict()
    method["total_minutes"] = 60
    text = write_yaml(root / "methods/kapot.yaml", method)
    return [
        Expected(
            f"{M}/kapot.yaml",
            "total_minutes",
            key_line(text, "total_minutes"),
            "de fasen tellen op tot 50 minuten, maar total_minutes is 60",
            "the phases add up to 50 minutes, but total_minutes is 60",
        )
    ]


def _wrong_encoding(root: Path) -> list[Expected]:
    raw = dump(method_dict()).replace("Testmethode", "Testméthode").encode("latin-1")
    write_raw(root / "methods/latin1.yaml", raw)
    position = raw.index(b"\xe9")
    return [
        Expected(
            f"{M}/latin1.yaml",
            "",
            None,
            f"het bestand is geen UTF-8 (byte 0xe9 op positie {position}); sla het op als UTF-8",
            f"the file is not UTF-8 (byte 0xe9 at position {position}); save it as UTF-8",
        )
    ]


def _empty_file(root: Path) -> list[Expected]:
    write_raw(root / "methods/leeg.yaml", b"")
    return [Expected(f"{M}/leeg.yaml", "", None, "het bestand is leeg", "the file is empty")]


def _comment_only_file(root: Path) -> list[Expected]:
    write_raw(root / "cases/leeg.yaml", "# nog invullen\n\n")
    return [Expected(f"{C}/leeg.yaml", "", None, "het bestand is leeg", "the file is empty")]


def _huge_file(root: Path) -> list[Expected]:
    write_huge(root / "methods/groot.yaml")
    return [
        Expected(
            f"{M}/groot.yaml",
            "",
            None,
            "het bestand is 10.0 MB; een inhoudsbestand mag hooguit 1.0 MB zijn",
            "the file is 10.0 MB; a content file may be at most 1.0 MB",
        )
    ]


def write_huge(path: Path) -> None:
    """10 MB of valid YAML that takes the loader several seconds to parse if it ever reads it."""
    write_raw(path, b"id: tst-groot\nsources:\n" + b"  - lol\n" * 1_250_000)
    assert path.stat().st_size >= 10_000_000


BAD_CONTENT: dict[str, Builder] = {
    "invalid-yaml": _invalid_yaml,
    "wrong-type": _wrong_type,
    "missing-key": _missing_key,
    "unknown-key": _unknown_key,
    "duplicate-id-in-file": _duplicate_phase_id,
    "duplicate-id-across-files": _duplicate_file_id,
    "case-points-at-missing-method": _missing_method,
    "minutes-do-not-add-up": _minutes_sum,
    "wrong-encoding": _wrong_encoding,
    "empty-file": _empty_file,
    "comment-only-file": _comment_only_file,
    "huge-file": _huge_file,
}
IN_ENGLISH_TOO = [
    "wrong-type",
    "unknown-key",
    "case-points-at-missing-method",
    "minutes-do-not-add-up",
    "wrong-encoding",
]


@pytest.mark.parametrize(
    ("kind", "lang"),
    [(kind, "nl") for kind in BAD_CONTENT] + [(kind, "en") for kind in IN_ENGLISH_TOO],
    ids=[f"{kind}-nl" for kind in BAD_CONTENT] + [f"{kind}-en" for kind in IN_ENGLISH_TOO],
)
def test_bad_content_gives_one_line_per_problem_and_exit_1(tmp_path: Path, kind: str, lang: str) -> None:
    root = make_content(tmp_path / TRAINER)
    expected = BAD_CONTENT[kind](root)
    run = run_validate(tmp_path, root, lang=None if lang == "nl" else lang)
    assert_problem_lines(run, expected, lang)


def test_messages_follow_the_language_variable(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    expected = _minutes_sum(root)
    run = run_validate(tmp_path, root, env={LANG_ENV: "en"})
    assert_problem_lines(run, expected, "en")


def test_problems_in_several_folders_and_files_are_all_reported(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER, methods=[method_dict("tst-goed")])
    expected = _minutes_sum(root) + _missing_method(root) + _empty_file(root)
    run = run_validate(tmp_path, root)
    assert_problem_lines(run, expected)


# --- folders -------------------------------------------------------------------------------------------------


def test_valid_folder_exits_0_with_the_ok_line(tmp_path: Path) -> None:
    """Depends on the seed content being valid (like test_builtin_content_validates)."""
    root = make_content(
        tmp_path / TRAINER,
        methods=[method_dict()],
        cases=[case_dict(methods=["tst-methode"])],
        exercises=[exercise_dict(case="tst-casus")],
    )
    builtin, with_trainer = run_validate(tmp_path), run_validate(tmp_path, root)
    assert_no_traceback(with_trainer)
    assert with_trainer.rc == 0, with_trainer.stdout
    (line,) = with_trainer.lines
    ok, ok_builtin = OK["nl"].match(line), OK["nl"].match(builtin.stdout.strip())
    assert ok and ok_builtin, (line, builtin.stdout)
    assert [int(n) for n in ok.groups()] == [int(n) + 1 for n in ok_builtin.groups()]
    assert with_trainer.stderr == ""


def test_builtin_content_validates(tmp_path: Path) -> None:
    """The kit's own data/ and exercises/ (the seed content) are valid, in both languages."""
    for lang in ("nl", "en"):
        run = run_validate(tmp_path, lang=lang)
        assert_no_traceback(run)
        assert run.rc == 0, run.stdout
        assert OK[lang].match(run.stdout.strip()), run.stdout


@pytest.fixture
def only_trainer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run ``cli.main`` in-process without the built-in content, so counts and exit 0 are exact."""
    monkeypatch.setattr(intervisie_kit.content, "builtin_dirs", lambda: ())
    monkeypatch.delenv(CONTENT_ENV, raising=False)
    monkeypatch.delenv(LANG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path / TRAINER


def test_valid_folder_alone_exits_0(only_trainer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_content(
        only_trainer,
        methods=[method_dict(), method_dict("tst-tweede")],
        cases=[case_dict(methods=["tst-methode"])],
        exercises=[exercise_dict(case="tst-casus")],
    )
    assert cli.main(["validate", str(only_trainer)]) == 0
    out, err = capsys.readouterr()
    assert out == "Inhoud in orde: 2 methoden, 1 casussen, 1 oefensets.\n"
    assert err == ""
    assert cli.main(["validate", str(only_trainer), "--lang", "en"]) == 0
    assert capsys.readouterr().out == "Content is valid: 2 methods, 1 cases, 1 exercise sets.\n"


def test_utf8_bom_file_is_accepted(only_trainer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_content(only_trainer)
    write_raw(only_trainer / "methods/bom.yaml", b"\xef\xbb\xbf" + dump(method_dict()).encode("utf-8"))
    assert cli.main(["validate", str(only_trainer)]) == 0
    assert capsys.readouterr().out == "Inhoud in orde: 1 methoden, 0 casussen, 0 oefensets.\n"


def test_hostile_text_validates_as_plain_text(only_trainer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Escaping is the page's job; the loader keeps such text as it is."""
    method = method_dict()
    method["name"] = {"nl": "<script>alert(1)</script>", "en": "<img src=x onerror=alert(1)>"}
    method["phases"][0]["prompt"] = "{{ 7*7 }} ${jndi:ldap://x} '; DROP TABLE methods; --"
    make_content(only_trainer, methods=[method])
    assert cli.main(["validate", str(only_trainer)]) == 0
    assert capsys.readouterr().out.startswith("Inhoud in orde: 1 methoden")
    loaded = intervisie_kit.content.load([only_trainer], include_env=False).methods["tst-methode"]
    assert loaded.name.nl == "<script>alert(1)</script>"
    assert loaded.name.get("en") == "<img src=x onerror=alert(1)>"
    assert loaded.phases[0].prompt.nl == "{{ 7*7 }} ${jndi:ldap://x} '; DROP TABLE methods; --"


def test_folder_that_does_not_exist(tmp_path: Path) -> None:
    run = run_validate(tmp_path, tmp_path / "bestaat-niet")
    assert_no_traceback(run)
    assert_one_line_per_problem(run)
    assert run.about("bestaat-niet") == ["bestaat-niet: map of bestand bestaat niet"]
    english = run_validate(tmp_path, tmp_path / "bestaat-niet", lang="en")
    assert english.rc == 1
    assert english.about("bestaat-niet") == ["bestaat-niet: folder or file does not exist"]


def test_folder_without_content_subfolders(tmp_path: Path) -> None:
    """A trainer who put the files straight into the folder is told which subfolders are expected."""
    folder = tmp_path / "los"
    write_yaml(folder / "tst-methode.yaml", method_dict())
    run = run_validate(tmp_path, folder)
    assert_no_traceback(run)
    assert_one_line_per_problem(run)
    assert run.about("los") == ["los: geen map methods/, cases/ of exercises/ gevonden (of data/ en exercises/)"]


# --- YAML that is hostile or subtly wrong -----------------------------------------------------------------------

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_yaml_aliases_are_refused_quickly(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    write_raw(root / "methods/lol.yaml", BILLION_LAUGHS)
    run = run_validate(tmp_path, root)
    assert run.seconds < 2, f"took {run.seconds:.1f} s"
    assert_no_traceback(run)
    assert_one_line_per_problem(run)
    (line,) = run.about()
    assert re.match(rf"^{M}/lol\.yaml:[12]: ", line), line  # the anchor (1) or its first alias (2)


def test_yaml_aliases_are_refused_with_their_own_message(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    write_raw(root / "methods/lol.yaml", BILLION_LAUGHS)
    run = run_validate(tmp_path, root)
    assert_problem_lines(
        run,
        [Expected(f"{M}/lol.yaml", "", None, "YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan", "")],
    )


def test_huge_file_is_refused_without_parsing_it(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    expected = _huge_file(root)
    run = run_validate(tmp_path, root)
    assert run.seconds < 2, f"took {run.seconds:.1f} s"
    assert_problem_lines(run, expected)


def test_duplicate_keys_in_one_mapping(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    text = dump(method_dict()).replace("  minutes: 30\n", "  minutes: 30\n  minutes: 25\n")
    write_raw(root / "methods/dubbel.yaml", text)
    first = key_line(text, "phases", 1, "minutes")
    expected = Expected(
        f"{M}/dubbel.yaml",
        "phases[1]",
        first + 1,
        f"de sleutel 'minutes' staat twee keer in deze mapping (eerst op regel {first})",
        f"the key 'minutes' appears twice in this mapping (first on line {first})",
    )
    assert_problem_lines(run_validate(tmp_path, root), [expected])
    assert_problem_lines(run_validate(tmp_path, root, lang="en"), [expected], "en")


def test_list_at_the_top_of_a_file(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    write_yaml(root / "methods/lijst.yaml", [method_dict()])
    expected = Expected(
        f"{M}/lijst.yaml",
        "",
        1,
        "verwacht een mapping (sleutel: waarde) bovenaan het bestand, kreeg list",
        "expected a mapping (key: value) at the top of the file, got list",
    )
    assert_problem_lines(run_validate(tmp_path, root), [expected])


def test_latin1_file_names_the_byte(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    raw = "id: tst-casus\ntitle: Ruzie in de caf\xe9\n".encode("latin-1")
    write_raw(root / "cases/cafe.yaml", raw)
    run = run_validate(tmp_path, root)
    assert_one_line_per_problem(run)
    (line,) = run.about()
    assert "byte 0xe9" in line
    assert f"positie {raw.index(0xE9)}" in line


def test_unknown_key_close_to_a_real_one_suggests_it(tmp_path: Path) -> None:
    """`minuten` instead of `minutes`: the real key is missing and the typo is unknown — two problems."""
    root = make_content(tmp_path / TRAINER)
    method = method_dict()
    method["phases"][1]["minuten"] = method["phases"][1].pop("minutes")
    text = write_yaml(root / "methods/typo.yaml", method)
    expected = [
        Expected(
            f"{M}/typo.yaml",
            "phases[1].minuten",
            key_line(text, "phases", 1, "minuten"),
            f"onbekende sleutel; bedoelde je 'minutes'? Toegestaan zijn: {ALLOWED_PHASE_KEYS}",
            f"unknown key; did you mean 'minutes'? Allowed are: {ALLOWED_PHASE_KEYS}",
        ),
        Expected(
            f"{M}/typo.yaml",
            "phases[1].minutes",
            key_line(text, "phases", 1),
            "verplichte sleutel ontbreekt",
            "required key is missing",
        ),
    ]
    assert_problem_lines(run_validate(tmp_path, root), expected)
    assert_problem_lines(run_validate(tmp_path, root, lang="en"), expected, "en")


def test_wrong_enum_value_lists_the_allowed_values(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    method = method_dict()
    method["experience"] = "beginner"
    text = write_yaml(root / "methods/keuze.yaml", method)
    expected = Expected(
        f"{M}/keuze.yaml",
        "experience",
        key_line(text, "experience"),
        "verwacht een van: new, some, experienced; kreeg 'beginner'",
        "expected one of: new, some, experienced; got 'beginner'",
    )
    assert_problem_lines(run_validate(tmp_path, root), [expected])
    assert_problem_lines(run_validate(tmp_path, root, lang="en"), [expected], "en")


def test_python_tag_runs_no_code(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    marker = tmp_path / "ran"
    write_raw(root / "methods/tag.yaml", f"id: !!python/object/apply:os.system ['touch {marker}']\n")
    write_raw(root / "cases/tag.yaml", "id: !!python/name:os.system ''\n")
    run = run_validate(tmp_path, root)
    assert_no_traceback(run)
    assert_one_line_per_problem(run)
    assert not marker.exists()
    assert [line for line in run.about() if line.startswith(f"{C}/tag.yaml")] == [
        f"{C}/tag.yaml:1: ongeldige YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/name:os.system'"
    ]
    assert [line for line in run.about() if line.startswith(f"{M}/tag.yaml")] == [
        f"{M}/tag.yaml:1: ongeldige YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'"
    ]


def test_unknown_tag_on_a_mapping_is_refused(tmp_path: Path) -> None:
    root = make_content(tmp_path / TRAINER)
    text = dump(method_dict()).replace("group_size:\n", "group_size: !!python/object:builtins.dict\n")
    assert "!!python/object" in text
    write_raw(root / "methods/tag.yaml", text)
    run = run_validate(tmp_path, root)
    expected = Expected(f"{M}/tag.yaml", "", None, "ongeldige YAML: could not determine a constructor for the tag", "")
    assert_problem_lines(run, [expected])


def test_every_custom_content_error_has_its_own_message() -> None:
    """A model's own error code reaches the trainer as the kit's sentence in both languages, never as the
    raw English of the validator (the loader's list of codes it translates is complete)."""
    import re

    from intervisie_kit.content import loader, problems

    package = Path(loader.__file__).parent
    source = "".join(p.read_text(encoding="utf-8") for p in package.glob("*.py"))
    codes = set(re.findall(r'PydanticCustomError\(\s*"([a-z_]+)"', source))
    assert codes, "no custom errors found: the pattern is out of date"
    handled = loader._CUSTOM | {"text_or_mapping"}  # the loader reads text_or_mapping on its own
    assert codes <= handled, f"codes shown as raw validator text: {sorted(codes - handled)}"
    assert codes <= set(problems.MESSAGES), sorted(codes - set(problems.MESSAGES))
