"""Read content files safely and turn every kind of mistake into a :class:`Problem`.

Reading is defensive because trainers write these files by hand: a file is checked for size and
encoding before it is parsed; the YAML is parsed without anchors and aliases (no "billion laughs") and
with duplicate keys reported instead of silently overwritten; the line of every key is remembered so a
validation error can point at it.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .craft import CraftGuide, Scene
from .models import Case, ExerciseSet, Method, Quiz, ReflectionTemplate
from .problems import Problem

__all__ = ["MAX_FILE_BYTES", "Source", "read_file", "source_dirs", "validate_file"]

#: Content files are small texts; anything bigger is a mistake (or an attack), not a method.
MAX_FILE_BYTES = 1_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """One folder of content of one kind (methods, cases, exercises, ...) and the model it holds."""

    kind: str
    folder: Path
    root: Path  # the content folder the trainer named, for messages

    @property
    def model(self) -> type[BaseModel]:
        return {
            "methods": Method,
            "cases": Case,
            "exercises": ExerciseSet,
            "quizzes": Quiz,
            "reflection": ReflectionTemplate,
            "craft": CraftGuide,
            "scenes": Scene,
        }[self.kind]


def source_dirs(root: Path) -> tuple[tuple[Source, ...], Problem | None]:
    """The content folders inside ``root``.

    Two layouts are accepted: the kit's own (``data/methods``, ``data/cases``, ``exercises``) and the
    simpler one for a trainer's folder (``methods``, ``cases``, ``exercises``).
    """
    if not root.is_dir():
        return (), Problem(display(root), "not_found")
    data = root / "data" if (root / "data").is_dir() else root
    candidates = [
        ("methods", data / "methods"),
        ("cases", data / "cases"),
        ("quizzes", data / "quizzes"),
        ("reflection", data / "reflectie"),
        ("craft", data / "vak"),
        ("scenes", data / "vak" / "momenten"),
        ("exercises", root / "exercises"),
    ]
    found = tuple(Source(kind, folder, root) for kind, folder in candidates if folder.is_dir())
    if not found:
        return (), Problem(display(root), "no_content_dirs")
    return found, None


def content_files(source: Source) -> Iterator[Path]:
    for path in sorted(source.folder.iterdir()):
        if path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
            yield path


def display(path: Path) -> str:
    """A path as people will recognise it: relative to the kit or the working directory if inside."""
    from ..paths import kit_root

    path = path.resolve()
    for base in (kit_root(), Path.cwd()):
        try:
            return str(path.relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def read_file(path: Path) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Parse one YAML file. Returns the data, a map from key path to line, and the problems."""
    shown = display(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, {}, [Problem(shown, "too_large", params={"size": _size(size), "limit": _size(MAX_FILE_BYTES)})]
        raw = path.read_bytes()
    except OSError as exc:
        return None, {}, [Problem(shown, "unreadable", params={"error": exc.strerror or str(exc)})]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = f"0x{raw[exc.start]:02x}"
        return None, {}, [Problem(shown, "encoding", params={"byte": byte, "position": str(exc.start)})]
    if not text.strip():
        return None, {}, [Problem(shown, "empty")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, [Problem(shown, "empty")]
        builder = _Builder(loader, shown)
        data = builder.build(node, ())
        return data, builder.lines, builder.problems
    except _AliasError as exc:
        return None, {}, [Problem(shown, "yaml_alias", line=exc.problem_mark.line + 1)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        error = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, {}, [Problem(shown, "yaml_syntax", line=line, params={"error": error})]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(shown, "yaml_syntax", params={"error": str(exc).splitlines()[0]})]
    except RecursionError:
        return None, {}, [Problem(shown, "yaml_syntax", params={"error": "nesting too deep"})]
    finally:
        loader.dispose()


class _Builder:
    """Turns a composed YAML node tree into Python data, recording lines and refusing aliases."""

    def __init__(self, loader: Any, shown: str):
        self.loader = loader
        self.shown = shown
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self._seen:
            raise _AliasError(node)
        self._seen.add(id(node))
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise yaml.constructor.ConstructorError(
                None, None, f"could not determine a constructor for the tag {node.tag!r}", node.start_mark
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str | int | float | bool):
                    self.problems.append(
                        Problem(self.shown, "yaml_key_type", _dotted(path), line, {"got": _type_name(key)})
                    )
                    continue
                if key in first_line:
                    self.problems.append(
                        Problem(
                            self.shown,
                            "yaml_duplicate_key",
                            _dotted(path),
                            line,
                            {"key": str(key), "first": str(first_line[key])},
                        )
                    )
                    continue
                first_line[key] = line
                self.lines[(*path, key)] = line
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _AliasError(yaml.MarkedYAMLError):
    def __init__(self, node: yaml.Node):
        super().__init__(problem="alias", problem_mark=node.start_mark)


def validate_file(path: Path, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    """Read and validate one content file against ``model``."""
    shown = display(path)
    data, lines, problems = read_file(path)
    if problems or data is None:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(shown, "not_mapping", line=1, params={"got": _type_name(data)})]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_from_pydantic(shown, err, lines, model) for err in exc.errors()]


def _from_pydantic(shown: str, err: Any, lines: dict[Path_, int], model: type[BaseModel]) -> Problem:
    loc: Path_ = tuple(err["loc"])
    ctx = dict(err.get("ctx") or {})
    extra_path = ctx.pop("path", None)
    dotted = _dotted(loc)
    if extra_path:
        dotted = f"{dotted}.{extra_path}" if dotted else str(extra_path)
        loc = (*loc, *_parse_dotted(str(extra_path)))
    line = _line_for(loc, lines)
    code, params = _translate(err, ctx, loc, model)
    return Problem(shown, code, dotted, line, params)


def _translate(err: Any, ctx: dict[str, Any], loc: Path_, model: type[BaseModel]) -> tuple[str, dict[str, str]]:
    kind = err["type"]
    got = _show_input(err.get("input"))
    if kind == "missing":
        return "missing", {}
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1) if loc else []
        params = {"allowed": ", ".join(allowed)}
        return ("extra_forbidden_close", {**params, "close": close[0]}) if close else ("extra_forbidden", params)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "integer", {"got": got}
    if kind in ("float_type", "float_parsing", "finite_number"):
        return "number", {"got": got}
    if kind in ("string_type", "string_sub_type"):
        return "text", {"got": got}
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "mapping", {"got": got}
    if kind in ("tuple_type", "list_type", "iterable_type"):
        return "list", {"got": got}
    if kind in ("bool_type", "bool_parsing"):
        return "boolean", {"got": got}
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return "choice", {"expected": expected, "got": got}
    if kind == "string_pattern_mismatch":
        return "slug", {"got": got}
    if kind == "string_too_short":
        return "empty_value", {}
    if kind in ("string_too_long", "too_long"):
        return "too_long", {"max": str(ctx.get("max_length", ""))}
    if kind == "too_short":
        return "too_few", {"min": str(ctx.get("min_length", 1))}
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        ops = {
            "greater_than": (">", "gt"),
            "greater_than_equal": (">=", "ge"),
            "less_than": ("<", "lt"),
            "less_than_equal": ("<=", "le"),
        }
        op, key = ops[kind]
        return "bound", {"op": op, "op_en": op, "limit": str(ctx.get(key, "")), "got": got}
    if kind == "multiple_of":
        return "multiple_of", {"got": got}
    if kind == "text_or_mapping":
        return kind, {"got": got}
    if kind in _CUSTOM:
        return kind, {k: str(v) for k, v in ctx.items()}
    return "other", {"detail": err.get("msg", kind)}


_CUSTOM = {
    "minutes_sum",
    "unknown_role",
    "unknown_phase",
    "phase_order",
    "duplicate_id",
    "range_order",
    "intervention_missing",
    "criteria_missing",
    "min_elements",
    "no_good_option",
    "scale_ends",
    "choice_options",
    "options_only_choice",
    "unknown_field",
    "one_correct",
}


def _line_for(loc: Path_, lines: dict[Path_, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _allowed_keys(model: type[BaseModel], loc: Path_) -> list[str]:
    """The field names of the model found at ``loc`` inside ``model`` (for 'did you mean ...?')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return sorted(current.model_fields) if _is_model(current) else []


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _dotted(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _parse_dotted(path: str) -> Path_:
    """``phases[1].speakers[0]`` -> ``("phases", 1, "speakers", 0)``."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", path))


def _show_input(value: Any) -> str:
    if isinstance(value, dict):
        return "{...}" if value else "{}"
    if isinstance(value, list):
        return "[...]" if value else "[]"
    if value is None:
        return "null"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text", type(None): "null"}.get(type(value), type(value).__name__)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"
