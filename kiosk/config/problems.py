"""What can be wrong in a config file, said plainly (`ConfigProblem`), and the walker that finds it.

`check_value` walks a value against a schema type (msgspec Structs, tuples, annotated leaves) and returns
every `Issue` it finds instead of stopping at the first one, as `msgspec.convert` does. An issue names a
path inside the file (`("shortcuts", 2, "url")`); the loader turns it into a `ConfigProblem` with the file
and line. Messages are for technicians: what is wrong, what is expected, and how to fix it.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import msgspec

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in one config file, with where it is and how to fix it."""

    file: Path
    line: int | None  # 1-based; None when the file itself cannot be read
    key: str  # dotted path such as `shortcuts[2].url` or `idle_timeout`; "" for the whole file
    message: str  # what is wrong and what is expected
    fix: str = ""  # a suggestion

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else f"{self.file}"
        key = f" {self.key}:" if self.key else ""
        fix = f". Fix: {self.fix}" if self.fix else ""
        return f"{where}:{key} {self.message}{fix}"


class ConfigError(Exception):
    """Config that cannot be used at all (the bundled files are broken: a packaging error)."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


class Issue(msgspec.Struct, frozen=True):
    """A problem found at a path inside one file, before it is given its file and line."""

    path: KeyPath
    message: str
    fix: str = ""
    line: int | None = None  # set when the line is known better than from `path` (a key written twice)


def key_text(path: KeyPath) -> str:
    """`("shortcuts", 2, "url")` -> `shortcuts[2].url`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def show(value: Any) -> str:
    """A value as a technician would write it in YAML, for "got ..." messages."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _unwrap(tp: Any) -> tuple[Any, dict[str, Any]]:
    """The bare type and the merged constraints of `Annotated[T, Meta(...), ...]`."""
    meta: dict[str, Any] = {}
    while get_origin(tp) is Annotated:
        tp, *extras = get_args(tp)
        for m in extras:
            if isinstance(m, msgspec.Meta):
                for name in ("ge", "le", "min_length", "max_length", "pattern", "description"):
                    if getattr(m, name) is not None:
                        meta.setdefault(name, getattr(m, name))
                if m.examples:
                    meta.setdefault("examples", m.examples)
                for k, v in (m.extra or {}).items():
                    meta.setdefault(k, v)
    return tp, meta


def description(tp: Any) -> str:
    """The one-line description of a schema type (from its `Meta(description=...)`)."""
    return _unwrap(tp)[1].get("description", "")


def expected(tp: Any) -> str:
    """Plain words for what a schema type accepts, e.g. "a whole number (at least 30)"."""
    base, meta = _unwrap(tp)
    if "expected" in meta:
        return meta["expected"]
    if get_origin(base) is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(base))
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        return "a mapping (key: value lines)"
    if get_origin(base) in (tuple, list):
        return "a list"
    words = {int: "a whole number", str: "text", bool: "true or false", float: "a number"}.get(
        base, str(base)
    )
    limits = []
    if "ge" in meta:
        limits.append(f"at least {meta['ge']}")
    if "le" in meta:
        limits.append(f"at most {meta['le']}")
    if meta.get("min_length") == 1 and base is str:
        words = "non-empty text"
    if "max_length" in meta:
        limits.append(f"at most {meta['max_length']} characters")
    return f"{words} ({', '.join(limits)})" if limits else words


def example(tp: Any, default: Any = msgspec.NODEFAULT) -> Any:
    """An example value for fix suggestions: the first `Meta(examples=...)`, else a non-empty default."""
    meta = _unwrap(tp)[1]
    if meta.get("examples"):
        return meta["examples"][0]
    if default not in (msgspec.NODEFAULT, "", (), None):
        return default
    return None


def _write(key: str, value: Any) -> str:
    return f"write for example {key}: {show(value) if isinstance(value, str) else value}"


def _leaf_fix(path: KeyPath, tp: Any, value: Any, default: Any) -> str:
    base, _ = _unwrap(tp)
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if base is str and isinstance(value, int | float | bool):
        return f'put the value in double quotes, like {name}: "{value}"'
    sample = example(tp, default)
    return _write(name, sample) if sample is not None else ""


_AT = r"^(?P<text>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"  # compiled on first use: errors are rare
_PART = r"\.([^.\[\]]+)|\[(\d+)\]"


def split_validation_error(error: msgspec.ValidationError) -> tuple[str, KeyPath]:
    """msgspec's "Expected `int` - at `$.a[1].b`" -> ("Expected `int`", ("a", 1, "b"))."""
    match = re.match(_AT, str(error), re.DOTALL)
    assert match is not None  # the pattern matches any text
    parts = re.findall(_PART, match["path"] or "")
    return match["text"], tuple(int(i) if i else k for k, i in parts)


def check_value(value: Any, tp: Any, path: KeyPath = (), default: Any = msgspec.NODEFAULT) -> list[Issue]:
    """Every issue of `value` against schema type `tp`; none when `msgspec.convert` will accept it."""
    base, _ = _unwrap(tp)
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        return check_struct(value, base, path)
    if get_origin(base) in (tuple, list):
        if not isinstance(value, list | tuple):
            return [Issue(path, f"expected {expected(tp)}, got {show(value)}", "start each item with - ")]
        item_type = get_args(base)[0]
        issues = [i for n, item in enumerate(value) for i in check_value(item, item_type, (*path, n))]
        if issues:
            return issues
    try:
        msgspec.convert(value, tp)
    except msgspec.ValidationError as error:
        text, inner = split_validation_error(error)
        if inner:  # deeper than this walker goes: keep msgspec's words
            return [Issue((*path, *inner), text)]
        if get_origin(base) in (tuple, list):
            return [Issue(path, f"expected {expected(tp)}, got {len(value)} item(s)")]
        return [
            Issue(path, f"expected {expected(tp)}, got {show(value)}", _leaf_fix(path, tp, value, default))
        ]
    return []


def check_struct(value: Any, cls: type[msgspec.Struct], path: KeyPath = ()) -> list[Issue]:
    """Every issue of a mapping against a Struct: unknown keys, missing keys, and each key's value."""
    if not isinstance(value, dict):
        return [Issue(path, f"expected a mapping (key: value lines), got {show(value)}")]
    fields = {f.encode_name: f for f in msgspec.structs.fields(cls)}
    issues = []
    for key in value:
        if key not in fields:
            issues.append(unknown_key((*path, str(key)), str(key), list(fields)))
    for name, field in fields.items():
        if name in value:
            issues += check_value(value[name], field.type, (*path, name), field.default)
        elif field.required:
            what = description(field.type) or expected(field.type)
            sample = example(field.type)
            fix = (
                f"add the line {name}: {show(sample) if isinstance(sample, str) else sample}"
                if sample
                else ""
            )
            issues.append(Issue((*path, name), f"missing required key ({what})", fix or f"add {name}"))
    return issues


def unknown_key(path: KeyPath, key: str, known: list[str]) -> Issue:
    """An unknown key, with the closest known key when there is one."""
    import difflib  # only paid for when a file has a typo

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return Issue(path, "unknown key", f"did you mean {close[0]}?")
    return Issue(path, "unknown key", "remove it; the known keys here are " + ", ".join(known))
