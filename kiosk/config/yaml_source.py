"""Read a YAML config file into plain data plus the line of every key, so problems can point at a line.

The dialect is YAML's safe loader with YAML 1.2 scalars: only true/false are booleans, and `14:30` or
`0809401401` stay text (YAML 1.1 would read them as the numbers 870 and 809401401, and `no` as false).
A key written twice in one mapping is reported instead of silently keeping the last one.
"""

import re
from typing import Any

import msgspec
import yaml

from kiosk.config.problems import Issue, KeyPath

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
            _index(node, (), doc, set())
            doc.data = loader.construct_document(node)
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


def _index(node: yaml.Node, path: KeyPath, doc: YamlDocument, parents: set[int]) -> None:
    """Record the line of every key and list item under `node`, and report keys written twice."""
    if id(node) in parents:  # an alias to one of its own parents
        raise yaml.MarkedYAMLError(problem="a YAML alias refers to itself", problem_mark=node.start_mark)
    doc.lines.setdefault(path, node.start_mark.line + 1)
    parents = parents | {id(node)}
    if isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            _index(item, (*path, n), doc, parents)
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
            _index(value_node, (*path, key), doc, parents)
