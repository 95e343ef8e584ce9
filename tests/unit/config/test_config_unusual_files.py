"""Config files that are there but bad in unusual ways: an alias bomb, a file far too large, a link to nothing
or to itself, a folder, a pipe, no permission, values nested too deep. Each is one problem naming the file,
never a hang, a traceback or the demo defaults; a running kiosk keeps its last good config (pure: no Qt)."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from kiosk.config import ConfigProblem, check_config, load_config
from kiosk.config.files import MAX_BYTES
from kiosk.config.yaml_source import MAX_ALIAS_VALUES, MAX_DEPTH, _Loader, parse_yaml
from kiosk.diagnostic.loader import load_all_contents
from kiosk.resources import bundled_shortcuts

BUNDLED = bundled_shortcuts()


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """A "billion laughs": each line holds `width` aliases of the line before, so the last one stands for
    width ** levels values. 9 levels of 10: about 600 bytes for a billion strings."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]" for n in range(1, levels + 1)]
    return "\n".join([*lines, f"site_name: *a{levels}", ""])


def only(problems: list[ConfigProblem]) -> ConfigProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert "\n" not in str(problem)
    return problem


@pytest.fixture
def etc(tmp_path: Path) -> Path:
    folder = tmp_path / "etc"
    folder.mkdir()
    return folder


def root_reads_anything(path: Path) -> bool:
    """Whether mode 000 fails to stop this process (root ignores file modes)."""
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


# --- aliases and nesting --------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_its_data_is_built(monkeypatch) -> None:
    def never(self, node):
        raise AssertionError("the data of an alias bomb was built")

    monkeypatch.setattr(_Loader, "construct_document", never)
    doc = parse_yaml(alias_bomb())
    assert not doc.syntax_ok and doc.data is None
    assert len(doc.issues) == 1


def test_an_alias_bomb_is_one_problem_at_the_line_past_the_limit(etc: Path) -> None:
    site = etc / "site.yaml"
    site.write_text(alias_bomb(), encoding="utf-8")

    problem = only(check_config(etc, BUNDLED))

    assert (problem.file, problem.line, problem.key) == (site, 4, "")  # a3: 1 220 values so far, then 11 110
    assert f"would repeat more than {MAX_ALIAS_VALUES} values" in problem.message
    assert problem.fix


def test_an_alias_bomb_costs_little_time_and_memory() -> None:
    text = alias_bomb(levels=30, width=20)  # 20 ** 30 values
    tracemalloc.start()
    started = time.perf_counter()
    doc = parse_yaml(text)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not doc.syntax_ok and doc.data is None
    assert elapsed < 2, elapsed  # measured: a few milliseconds
    assert peak < 20 * 1024 * 1024, peak  # measured: well under 1 MB


def test_aliases_that_repeat_a_little_are_fine(etc: Path) -> None:
    """Anchors are legitimate (the diagnostic content uses them): only an expansion past the limit is not."""
    shortcuts = (BUNDLED.read_text(encoding="utf-8")).replace(
        'offline_help:\n      phone: "3230"', 'offline_help: &caf_help\n      phone: "3230"', 1
    )
    assert "&caf_help" in shortcuts
    shortcuts += "".join(
        f"""  - id: caf-{n}
    label: "CAF {n}"
    description: "Allocations familiales"
    icon: users
    url: "https://www.caf.fr/"
    allowed_domains: ["caf.fr", "*.caf.fr"]
    category: droits
    offline_help: *caf_help
"""
        for n in range(3)
    )
    (etc / "shortcuts.yaml").write_text(shortcuts, encoding="utf-8")
    load = load_config(etc, BUNDLED, etc.parent / "lg.json")
    assert load.problems == ()
    assert load.config.shortcuts[-1].offline_help.phone == "3230"


def test_the_bundled_files_are_well_within_the_limits() -> None:
    contents, problems = load_all_contents()
    assert problems == [] and contents
    assert check_config(None, BUNDLED) == []


def test_an_alias_that_contains_itself_is_refused(etc: Path) -> None:
    (etc / "site.yaml").write_text("site_name: Brest\nadvisor_schedule: &loop [*loop]\n", encoding="utf-8")
    problem = only(check_config(etc, BUNDLED))
    assert problem.line == 2
    assert "refers to itself" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "advisor_schedule:\n  " + "- " * (MAX_DEPTH + 10) + "x\n",
        "site_name: " + "[" * (MAX_DEPTH + 10) + "]" * (MAX_DEPTH + 10) + "\n",
        # aliases that each nest the one before: every line is shallow, the whole is not
        "".join(f"a{n}: &a{n} [[[[[[[[[[*a{n - 1}]]]]]]]]]]\n" for n in range(1, 40)).replace("*a0", "1"),
    ],
    ids=["block", "flow", "through-aliases"],
)
def test_values_nested_too_deep_are_one_problem(etc: Path, text: str) -> None:
    (etc / "site.yaml").write_text(text, encoding="utf-8")
    problem = only(check_config(etc, BUNDLED))
    assert problem.file == etc / "site.yaml"
    assert "nest more than" in problem.message or "nesting depth" in problem.message


# --- files too large, or there but unreadable -----------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_parsing(etc: Path, monkeypatch) -> None:
    import kiosk.config.yaml_source as yaml_source

    parsed: list[str] = []
    real = yaml_source.parse_yaml
    monkeypatch.setattr(yaml_source, "parse_yaml", lambda text: parsed.append(text) or real(text))
    site = etc / "site.yaml"
    site.write_text("site_name: Brest\n" + "# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    size = site.stat().st_size

    problem = only(check_config(etc, BUNDLED))

    assert (problem.file, problem.line) == (site, None)
    assert f"{size:,} bytes".replace(",", " ") in problem.message
    assert "too large" in problem.message
    assert parsed and not any(text.startswith("site_name: Brest") for text in parsed)  # only the bundled file


def test_a_file_just_under_the_limit_is_read(etc: Path) -> None:
    site = etc / "site.yaml"
    padding = "# padding\n" * ((MAX_BYTES - 100) // 10)
    site.write_text("site_name: Brest\n" + padding, encoding="utf-8")
    assert check_config(etc, BUNDLED) == []


def test_a_site_file_linking_to_itself_is_a_problem_not_the_demo_defaults(etc: Path) -> None:
    (etc / "site.yaml").symlink_to("site.yaml")
    problem = only(check_config(etc, BUNDLED))
    assert (problem.file, problem.line) == (etc / "site.yaml", None)
    assert "loops back on itself" in problem.message


def test_a_site_file_linking_to_nothing_names_the_target(etc: Path) -> None:
    (etc / "site.yaml").symlink_to("/srv/ilot/site.yaml")
    problem = only(check_config(etc, BUNDLED))
    assert problem.file == etc / "site.yaml"
    assert "a symbolic link to /srv/ilot/site.yaml, which does not exist" in problem.message


def test_a_shortcuts_link_to_nothing_is_not_replaced_by_the_bundled_file(etc: Path) -> None:
    (etc / "shortcuts.yaml").symlink_to(etc / "gone.yaml")
    problem = only(check_config(etc, BUNDLED))
    assert problem.file == etc / "shortcuts.yaml"
    assert "which does not exist" in problem.message


def test_a_folder_named_site_yaml_is_a_problem(etc: Path) -> None:
    (etc / "site.yaml").mkdir()
    problem = only(check_config(etc, BUNDLED))
    assert (problem.file, problem.message) == (etc / "site.yaml", "this is a folder, not a file")


def test_a_pipe_named_site_yaml_is_refused_without_waiting_for_a_writer(etc: Path) -> None:
    os.mkfifo(etc / "site.yaml")
    problem = only(check_config(etc, BUNDLED))
    assert "not a plain file" in problem.message


def test_a_file_the_kiosk_may_not_read_is_a_problem(etc: Path) -> None:
    site = etc / "site.yaml"
    site.write_text("site_name: Brest\n", encoding="utf-8")
    site.chmod(0)
    if root_reads_anything(site):
        pytest.skip("root reads a mode-000 file: tests/e2e/test_check_unusual_files.py drops that power")
    problem = only(check_config(etc, BUNDLED))
    assert "permission denied" in problem.message


def test_a_file_where_the_config_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "etc").write_text("site_name: Brest\n", encoding="utf-8")
    problem = only(check_config(tmp_path / "etc", BUNDLED))
    assert (problem.file, problem.message) == (
        tmp_path / "etc",
        "this should be the config folder, but it is not a folder",
    )


# --- a running kiosk keeps its last good config ---------------------------------------------------------


def bomb(site: Path) -> None:
    site.unlink()
    site.write_text(alias_bomb(), encoding="utf-8")


def too_large(site: Path) -> None:
    site.write_text("site_name: Brest\n" + "#" * MAX_BYTES, encoding="utf-8")


def self_link(site: Path) -> None:
    site.unlink()
    site.symlink_to(site.name)


def dangling_link(site: Path) -> None:
    site.unlink()
    site.symlink_to(site.with_name("moved-away.yaml"))


def folder(site: Path) -> None:
    site.unlink()
    site.mkdir()


@pytest.mark.parametrize("breaks", [bomb, too_large, self_link, dangling_link, folder])
def test_the_kiosk_keeps_its_last_good_config(etc: Path, breaks) -> None:
    last_good = etc.parent / "data" / "last-good.json"
    site = etc / "site.yaml"
    site.write_text("site_name: Bureau de Morlaix\nidle_timeout: 240\n", encoding="utf-8")
    first = load_config(etc, BUNDLED, last_good)
    assert (first.source, first.problems) == ("files", ())

    breaks(site)
    second = load_config(etc, BUNDLED, last_good)

    assert second.source == "last-known-good"
    assert second.config == first.config
    assert second.config.site.site_name == "Bureau de Morlaix"
    assert only(list(second.problems)).file == site


def test_a_looping_link_where_no_site_file_was_is_still_reported(etc: Path) -> None:
    """The last good copy was made without a site file: an unreadable one must not pass for "still absent"."""
    last_good = etc.parent / "data" / "last-good.json"
    assert load_config(etc, BUNDLED, last_good).source == "files"
    (etc / "site.yaml").symlink_to("site.yaml")

    load = load_config(etc, BUNDLED, last_good)

    assert load.source == "last-known-good"
    assert "loops back on itself" in only(list(load.problems)).message
