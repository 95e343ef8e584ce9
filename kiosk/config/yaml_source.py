"""Read a YAML config file into plain data plus the line of every key, so problems can point at a line.

The dialect is YAML's safe loader with YAML 1.2 scalars: only true/false are booleans, and `14:30` or
`0809401401` stay text (YAML 1.1 would read them as the numbers 870 and 809401401, and `no` as false).
A key written twice in one mapping is reported instead of silently keeping the last one.

Anchors and aliases (`&help` ... `*help`) are allowed, as the diagnostic content uses them, but the parsed
node graph is measured before anything walks it or builds data from it: an alias shares its anchor's node,
so a small file can stand for billions of values (the "billion laughs"). A file whose aliases would add more
than `MAX_ALIAS_VALUES` values, that nests deeper than `MAX_DEPTH`, or whose alias contains itself is
refused with one issue, at the cost of one pass over its distinct nodes.
"""

import re
from typing import Any

import msgspec
import yaml

from kiosk.config.problems import Issue, KeyPath

MAX_ALIAS_VALUES = 10_000  # the bundled diagnostic content's aliases add 153
MAX_DEPTH = 50  # the bundled files nest 10 levels at most

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader with YAML 1.2 core scalars (no sexagesimal numbers, no yes/no/on/off booleans)."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("float", r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^<<$", "<"),
]:
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


class YamlDocument(msgspec.Struct):
    """The data of one YAML file, the line of each key path in it, and its syntax problems."""

    data: Any = None  # None for an empty file (or one with only comments)
    lines: dict[KeyPath, int] = {}
    issues: list[Issue] = []  # bad syntax, duplicate keys
    syntax_ok: bool = True

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, or of the nearest enclosing key written in the file (1 at worst)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; never raises for bad YAML (the problem goes in `issues`)."""
    loader = _Loader(text)
    doc = YamlDocument()
    try:
        node = loader.get_single_node()
        if node is not None:
            _measure(node)
            _index(node, (), doc)
            doc.data = loader.construct_document(node)
    except _TooBig as error:
        doc.lines[()] = error.line
        doc.issues.append(Issue((), error.message, error.fix))
        doc.syntax_ok = False
    except yaml.MarkedYAMLError as error:
        # an unclosed quote or bracket is best shown where it opens; anything else where it was noticed
        opened = error.context_mark and ("quoted" in str(error.context) or "flow" in str(error.context))
        mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
        message = " ".join(str(p) for p in (error.context, error.problem) if p)
        line = mark.line + 1 if mark else 1
        doc.lines[()] = line
        lines = text.splitlines()
        line_text = lines[line - 1] if line <= len(lines) else ""
        doc.issues.append(Issue((), f"this is not valid YAML: {message}", _syntax_fix(message, line_text)))
        doc.syntax_ok = False
    except yaml.reader.ReaderError as error:
        doc.lines[()] = text.count("\n", 0, error.position) + 1
        doc.issues.append(Issue((), f"this file contains a character YAML refuses: {error.reason}"))
        doc.syntax_ok = False
    finally:
        loader.dispose()
    return doc


def _syntax_fix(message: str, line_text: str) -> str:
    if "tab" in message or "\t" in line_text:
        return "indent with spaces, never with tabs"
    return "check the indentation, quotes and brackets on this line and the one before"


class _TooBig(Exception):
    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


def _children(node: yaml.Node) -> list[tuple[yaml.Node, int]]:
    """The nodes right under `node`, each with the line to blame for it: an alias shares its anchor's node
    and marks, so its line is that of the key it is the value of, else that of the enclosing list."""
    if isinstance(node, yaml.MappingNode):
        return [(n, key.start_mark.line + 1) for key, value in node.value for n in (key, value)]
    if isinstance(node, yaml.SequenceNode):
        return [(item, node.start_mark.line + 1) for item in node.value]
    return []


def _measure(root: yaml.Node) -> None:
    """Raise `_TooBig` when the aliases under `root` would expand into too many values, when it nests too
    deep (aliases included), or when an alias contains itself. Each distinct node is visited once."""
    seen: dict[int, tuple[int, int]] = {}  # node -> (values it stands for once expanded, levels it holds)
    open_: set[int] = set()  # nodes being measured: meeting one again is an alias to a parent
    added = 0  # values the aliases add

    def measure(node: yaml.Node, line: int, depth: int) -> tuple[int, int]:
        nonlocal added
        if id(node) in open_:
            raise _TooBig(line, "a YAML alias (*name) refers to itself", "remove the alias, or its anchor")
        if id(node) in seen:  # an alias
            size, height = seen[id(node)]
            added += size
            if added > MAX_ALIAS_VALUES:
                raise _TooBig(line, _TOO_MANY, "write the values out instead of repeating them with aliases")
            if depth + height - 1 > MAX_DEPTH:
                raise _TooBig(line, _TOO_DEEP, _DEEP_FIX)
            return size, height
        if depth > MAX_DEPTH:
            raise _TooBig(node.start_mark.line + 1, _TOO_DEEP, _DEEP_FIX)
        open_.add(id(node))
        below = [measure(child, at, depth + 1) for child, at in _children(node)]
        open_.discard(id(node))
        seen[id(node)] = 1 + sum(s for s, _ in below), 1 + max((h for _, h in below), default=0)
        return seen[id(node)]

    measure(root, root.start_mark.line + 1, 1)


_TOO_MANY = f"the YAML aliases (*name) here would repeat more than {MAX_ALIAS_VALUES} values, far too many"
_TOO_DEEP = f"the values of this file nest more than {MAX_DEPTH} levels deep, far more than any config"
_DEEP_FIX = "check the indentation and the brackets (and the aliases, which nest what they repeat)"


def _index(node: yaml.Node, path: KeyPath, doc: YamlDocument) -> None:
    """Record the line of every key and list item under `node`, and report keys written twice."""
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            _index(item, (*path, n), doc)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue
            key, line = key_node.value, key_node.start_mark.line + 1
            if key in seen:
                doc.issues.append(
                    Issue(
                        (*path, key),
                        f"this key is written twice (first on line {seen[key]})",
                        "keep only one of the two lines",
                        line=line,
                    )
                )
                continue
            seen[key] = line
            doc.lines[(*path, key)] = line
            _index(value_node, (*path, key), doc)
