"""Config schema, loading, layering and last-known-good fallback (pure: no Qt)."""

import textwrap
from pathlib import Path

import msgspec
import pytest

from kiosk.browser.policy import Decision, NavigationKind, SiteRules, decide
from kiosk.config import (
    ConfigError,
    ConfigProblem,
    Site,
    check_config,
    domain_matches,
    layer,
    load_config,
)
from kiosk.config.problems import check_struct
from kiosk.config.schema import (
    PERMISSIONS,
    AdvisorSlot,
    Category,
    OfflineHelp,
    Shortcut,
    ShortcutsFile,
)
from kiosk.resources import bundled_shortcuts

BUNDLED = bundled_shortcuts()
LUCIDE_ICONS = {
    "landmark",
    "heart-pulse",
    "users",
    "briefcase",
    "receipt-euro",
    "id-card",
    "mail",
    "armchair",
    "tractor",
    "stethoscope",
}

ONE_SHORTCUT = """\
version: 1
categories:
  - id: droits
    label: "Mes aides et mes droits"
shortcuts:
  - id: caf
    label: "CAF"
    description: "Allocations familiales"
    icon: users
    url: "https://www.caf.fr/"
    allowed_domains: ["caf.fr", "*.caf.fr"]
    category: droits
    offline_help:
      phone: "3230"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, site: str | None = None, shortcuts: str | None = None) -> list[ConfigProblem]:
    config_dir = tmp_path / "etc"
    config_dir.mkdir(exist_ok=True)
    if site is not None:
        write(config_dir, "site.yaml", site)
    if shortcuts is not None:
        write(config_dir, "shortcuts.yaml", shortcuts)
    return check_config(config_dir, BUNDLED)


def only(problems: list[ConfigProblem]) -> ConfigProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- the schema and the bundled file -------------------------------------------------------------------


def test_schema_defaults_are_valid_against_their_own_types() -> None:
    defaults = msgspec.to_builtins(Site())
    assert msgspec.convert(defaults, Site) == Site()
    assert check_struct(defaults, Site) == []
    assert Site().idle_warning < Site().idle_timeout


@pytest.mark.parametrize("cls", [Site, Shortcut, Category, OfflineHelp, AdvisorSlot, ShortcutsFile])
def test_every_key_has_a_description(cls: type[msgspec.Struct]) -> None:
    for field in msgspec.structs.fields(cls):
        meta = [m for m in getattr(field.type, "__metadata__", ()) if isinstance(m, msgspec.Meta)]
        assert any(m.description for m in meta), f"{cls.__name__}.{field.name} has no description"


def test_every_site_key_has_a_default() -> None:
    assert all(not f.required for f in msgspec.structs.fields(Site))


def test_bundled_shortcuts_load_cleanly_with_known_icons(tmp_path: Path) -> None:
    load = load_config(None, BUNDLED, tmp_path / "last-good.json", icon_exists=LUCIDE_ICONS.__contains__)
    assert load.problems == ()
    assert load.source == "files"
    config = load.config
    assert {s.icon for s in config.shortcuts} <= LUCIDE_ICONS
    assert "franceconnect.gouv.fr" in config.identity_providers
    assert all(config.shortcuts_in(c.id) for c in config.categories)
    assert {"service-public", "ameli", "caf", "france-travail", "impots", "ants", "la-poste"} <= {
        s.id for s in config.shortcuts
    }
    assert config.site == Site()


def test_icon_exists_callback_reports_missing_icon() -> None:
    problem = only(check_config(None, BUNDLED, icon_exists=lambda name: name != "users"))
    assert problem.key.endswith(".icon")
    assert problem.file == BUNDLED
    assert BUNDLED.read_text().splitlines()[problem.line - 1].strip() == "icon: users"


def test_domain_patterns() -> None:
    assert domain_matches("caf.fr", "caf.fr")
    assert not domain_matches("www.caf.fr", "caf.fr")
    assert domain_matches("www.caf.fr", "*.caf.fr")
    assert domain_matches("a.b.caf.fr", "*.caf.fr")
    assert not domain_matches("caf.fr", "*.caf.fr")
    assert not domain_matches("evilcaf.fr", "*.caf.fr")


# --- every kind of error names the file and the right line ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('site_id: "demo"\nsite_name: "Bureau\nlanguage: fr\n', 2),  # unclosed quote: where it opens
        ("site_id: demo\nlanguage: [fr\nidle_timeout: 200\n", 2),  # unclosed bracket: where it opens
        ("site_id: demo\n  language: fr\n", 2),  # bad indentation
        ("site_id: demo\n---\nlanguage: fr\n", 2),  # two documents
    ],
)
def test_bad_yaml_syntax_gives_the_line(tmp_path: Path, text: str, line: int) -> None:
    problem = only(problems_of(tmp_path, site=text))
    assert (problem.file, problem.line) == (tmp_path / "etc" / "site.yaml", line)
    assert "not valid YAML" in problem.message


def test_tab_indentation_gives_the_line(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="site_id: demo\nadvisor_schedule:\n\t- day: lundi\n"))
    assert problem.line == 3
    assert "tabs" in problem.fix


def test_wrong_type_gives_file_line_key_and_example(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="site_id: lyon-3\n\n# comment\nidle_timeout: trois\n"))
    site_file = tmp_path / "etc" / "site.yaml"
    assert str(problem) == (
        f"{site_file}:4: idle_timeout: expected a whole number of seconds (at least 30, at most 3600), "
        'got "trois". Fix: write for example idle_timeout: 180'
    )


def test_number_where_text_is_expected_suggests_quotes(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="site_name: 12\n"))
    assert (problem.line, problem.key) == (1, "site_name")
    assert 'site_name: "12"' in problem.fix


def test_unknown_key_suggests_the_closest_known_key(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="site_id: demo\nidel_timeout: 200\n"))
    assert (problem.line, problem.key, problem.message) == (2, "idel_timeout", "unknown key")
    assert problem.fix == "did you mean idle_timeout?"


def test_unknown_key_deep_inside_a_shortcut(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace('      phone: "3230"', '      phone: "3230"\n      hourz: "9 h"')
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (15, "shortcuts[0].offline_help.hourz")
    assert problem.fix == "did you mean hours?"


def test_missing_required_key_points_at_its_mapping(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace('    url: "https://www.caf.fr/"\n', "")
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (6, "shortcuts[0].url")
    assert "missing required key" in problem.message


def test_duplicate_shortcut_id_points_at_the_second(tmp_path: Path) -> None:
    second = ONE_SHORTCUT.split("shortcuts:\n")[1]
    problem = only(problems_of(tmp_path, shortcuts=ONE_SHORTCUT + second))
    assert (problem.line, problem.key) == (15, "shortcuts[1].id")
    assert "shortcuts[0]" in problem.message


def test_key_written_twice_points_at_the_second(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="idle_timeout: 200\nsite_id: demo\nidle_timeout: 300\n"))
    assert (problem.line, problem.key) == (3, "idle_timeout")
    assert "line 1" in problem.message


def test_url_outside_its_own_allowed_domains(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace("https://www.caf.fr/", "https://www.ameli.fr/")
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (10, "shortcuts[0].url")
    assert "www.ameli.fr" in problem.message


def test_url_must_be_https(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace("https://www.caf.fr/", "http://www.caf.fr/")
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (10, "shortcuts[0].url")
    assert problem.message == "expected an https:// address"
    assert "allow_http: true" in problem.fix


HTTP_CAF = ONE_SHORTCUT.replace("https://www.caf.fr/", "http://www.caf.fr/")


def test_allow_http_lets_an_http_url_load_and_the_browser_open_it(tmp_path: Path) -> None:
    write(tmp_path / "etc", "shortcuts.yaml", HTTP_CAF + "    allow_http: true\n")
    load = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json")
    assert (load.source, load.problems) == ("files", ())
    shortcut = load.config.shortcuts[0]
    assert (shortcut.url, shortcut.allow_http) == ("http://www.caf.fr/", True)

    rules = SiteRules.for_shortcut(shortcut, load.config.identity_providers)
    assert decide(shortcut.url, rules, NavigationKind.TYPED) == Decision(True, "allowed")
    assert decide("http://www.ameli.fr/", rules, NavigationKind.LINK) == Decision(False, "domain")
    https_only = SiteRules.for_shortcut(msgspec.structs.replace(shortcut, allow_http=False), ())
    assert decide(shortcut.url, https_only, NavigationKind.TYPED) == Decision(False, "not-https")


def test_allow_http_keeps_https_and_the_allowed_domains(tmp_path: Path) -> None:
    assert problems_of(tmp_path, shortcuts=ONE_SHORTCUT + "    allow_http: true\n") == []
    text = HTTP_CAF.replace("http://www.caf.fr/", "http://www.ameli.fr/") + "    allow_http: true\n"
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (10, "shortcuts[0].url")
    assert "www.ameli.fr is not in this shortcut's allowed_domains" in problem.message


def test_allow_http_allows_no_other_scheme(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace("https://", "ftp://") + "    allow_http: true\n"
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.line, problem.key) == (10, "shortcuts[0].url")
    assert problem.message == "expected an https:// or http:// address"


def test_allow_http_and_permissions_default_to_refused(tmp_path: Path) -> None:
    write(tmp_path / "etc", "shortcuts.yaml", ONE_SHORTCUT)
    shortcut = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json").config.shortcuts[0]
    assert (shortcut.allow_http, shortcut.permissions) == (False, ())


def test_allow_http_and_permissions_are_read(tmp_path: Path) -> None:
    text = ONE_SHORTCUT + "    allow_http: true\n    permissions: [camera, clipboard-read]\n"
    write(tmp_path / "etc", "shortcuts.yaml", text)
    shortcut = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json").config.shortcuts[0]
    assert (shortcut.allow_http, shortcut.permissions) == (True, ("camera", "clipboard-read"))


def test_every_permission_is_accepted(tmp_path: Path) -> None:
    text = ONE_SHORTCUT + "    permissions:\n" + "".join(f"      - {p}\n" for p in PERMISSIONS)
    assert problems_of(tmp_path, shortcuts=text) == []
    assert set(PERMISSIONS) == {"camera", "microphone", "location", "notifications", "clipboard-read"}


def test_unknown_permission_names_file_line_and_the_known_ones(tmp_path: Path) -> None:
    text = ONE_SHORTCUT + "    permissions:\n      - camera\n      - webcam\n"
    problem = only(problems_of(tmp_path, shortcuts=text))
    assert (problem.file, problem.line) == (tmp_path / "etc" / "shortcuts.yaml", 17)
    assert problem.key == "shortcuts[0].permissions[1]"
    assert '"webcam"' in problem.message
    assert all(p in problem.message for p in PERMISSIONS)


def test_unknown_permission_in_a_flow_list_names_its_line(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, shortcuts=ONE_SHORTCUT + "    permissions: [location, gps]\n"))
    assert (problem.line, problem.key) == (15, "shortcuts[0].permissions[1]")


def test_permissions_must_be_a_list(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, shortcuts=ONE_SHORTCUT + "    permissions: camera\n"))
    assert (problem.line, problem.key) == (15, "shortcuts[0].permissions")
    assert "a list" in problem.message


def test_allow_http_must_be_true_or_false(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, shortcuts=ONE_SHORTCUT + "    allow_http: oui\n"))
    assert (problem.line, problem.key) == (15, "shortcuts[0].allow_http")
    assert "true or false" in problem.message


def test_unknown_category(tmp_path: Path) -> None:
    text = ONE_SHORTCUT.replace("    category: droits", "    category: droit")
    problems = problems_of(tmp_path, shortcuts=text)
    unknown = next(p for p in problems if p.key == "shortcuts[0].category")
    assert unknown.line == 12
    assert "did you mean droits?" in unknown.message
    empty = next(p for p in problems if p.key == "categories[0].id")  # droits is now empty
    assert empty.line == 3


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="# a comment\n- idle_timeout: 200\n"))
    assert (problem.line, problem.key) == (2, "")
    assert "got a list" in problem.message


def test_empty_site_file_means_all_defaults(tmp_path: Path) -> None:
    assert problems_of(tmp_path, site="# nothing set yet\n") == []
    load = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json")
    assert load.config.site == Site()


def test_empty_shortcuts_file_is_an_error(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, shortcuts="# nothing\n"))
    assert (problem.file, problem.line) == (tmp_path / "etc" / "shortcuts.yaml", 1)
    assert "empty" in problem.message


def test_one_bad_shortcut_does_not_hide_the_others(tmp_path: Path) -> None:
    second = ONE_SHORTCUT.split("shortcuts:\n")[1].replace("id: caf", "id: caf-2")
    text = ONE_SHORTCUT.replace("icon: users", "icon: Users") + second.replace("caf.fr/", "ameli.fr/")
    problems = problems_of(tmp_path, shortcuts=text)
    assert [(p.line, p.key) for p in problems] == [(9, "shortcuts[0].icon"), (19, "shortcuts[1].url")]


def test_all_site_problems_are_collected_in_line_order(tmp_path: Path) -> None:
    site = """\
        language: de
        idle_timeout: 10
        advisor_schedule:
          - day: lundy
            start: "09:00"
            end: "12:00"
          - {day: mardi, start: "14:00", end: "9:00"}
    """
    problems = problems_of(tmp_path, site=site)
    assert [(p.line, p.key) for p in problems] == [
        (1, "language"),
        (2, "idle_timeout"),
        (4, "advisor_schedule[0].day"),
        (7, "advisor_schedule[1].end"),
    ]


def test_times_are_text_not_sexagesimal_numbers(tmp_path: Path) -> None:
    site = "advisor_schedule:\n  - day: mardi\n    start: 09:30\n    end: 14:30\n"
    assert problems_of(tmp_path, site=site) == []
    load = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json")
    assert load.config.site.advisor_schedule == (AdvisorSlot("mardi", "09:30", "14:30"),)


def test_schedule_start_must_be_before_end(tmp_path: Path) -> None:
    site = 'advisor_schedule:\n  - day: mardi\n    start: "14:00"\n    end: "12:00"\n'
    problem = only(problems_of(tmp_path, site=site))
    assert (problem.line, problem.key) == (4, "advisor_schedule[0].end")


def test_hub_token_is_required_with_hub_url(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site='site_id: lyon-3\nhub_url: "https://hub.example.fr/"\n'))
    assert (problem.line, problem.key) == (2, "hub_token")
    assert problems_of(tmp_path, site='hub_url: "https://hub.example.fr/"\nhub_token: "s3cret"\n') == []


def test_hub_url_must_be_http(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site='hub_url: "hub.example.fr"\nhub_token: "s3cret"\n'))
    assert (problem.line, problem.key) == (1, "hub_url")


def test_idle_warning_must_be_less_than_idle_timeout(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path, site="site_id: demo\nidle_timeout: 60\nidle_warning: 60\n"))
    assert (problem.line, problem.key) == (3, "idle_warning")
    # the default warning (30 s) against a timeout set in the file: point at the line the file sets
    problem = only(problems_of(tmp_path, site="site_id: demo\nidle_timeout: 30\n"))
    assert (problem.line, problem.key) == (2, "idle_warning")
    assert problems_of(tmp_path, site="idle_timeout: 60\nidle_warning: 59\n") == []


def test_unreadable_bytes_name_the_line(tmp_path: Path) -> None:
    config_dir = tmp_path / "etc"
    config_dir.mkdir()
    (config_dir / "site.yaml").write_bytes(b"site_id: demo\nsite_name: \xe9t\xe9\n")
    problem = only(check_config(config_dir, BUNDLED))
    assert problem.line == 2
    assert "UTF-8" in problem.message


def test_missing_config_dir_is_a_problem(tmp_path: Path) -> None:
    problem = only(check_config(tmp_path / "nowhere", BUNDLED))
    assert problem.file == tmp_path / "nowhere"


# --- layering ----------------------------------------------------------------------------------------


def test_layer_deep_merges_and_later_wins() -> None:
    merged = layer({"a": 1, "b": {"x": 1, "y": 2}, "l": [1, 2]}, {"b": {"y": 3}, "l": [9]}, {"a": 5})
    assert merged == {"a": 5, "b": {"x": 1, "y": 3}, "l": [9]}


def test_site_file_overrides_defaults_and_keeps_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "etc", "site.yaml", 'site_id: lyon-3\nsite_name: "Lyon 3"\nidle_timeout: 240\n')
    site = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json").config.site
    assert (site.site_id, site.site_name, site.idle_timeout) == ("lyon-3", "Lyon 3", 240)
    assert (site.terminal_id, site.idle_warning, site.language) == ("borne-1", 30, "fr")


def test_config_dir_shortcuts_replace_the_bundled_ones(tmp_path: Path) -> None:
    write(tmp_path / "etc", "shortcuts.yaml", ONE_SHORTCUT)
    config = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json").config
    assert [s.id for s in config.shortcuts] == ["caf"]
    assert config.identity_providers == ()
    assert config.shortcuts_in("droits")[0].offline_help.phone == "3230"


# --- last known good -----------------------------------------------------------------------------------


def test_last_known_good_is_saved_then_used_when_the_site_file_breaks(tmp_path: Path) -> None:
    last_good = tmp_path / "data" / "last-good.json"
    write(tmp_path / "etc", "site.yaml", "site_id: lyon-3\nidle_timeout: 240\n")
    first = load_config(tmp_path / "etc", BUNDLED, last_good)
    assert first.source == "files" and last_good.exists()

    write(tmp_path / "etc", "site.yaml", "site_id: lyon-3\nidle_timeout: trois\n")
    second = load_config(tmp_path / "etc", BUNDLED, last_good)
    assert second.source == "last-known-good"
    assert second.config == first.config
    assert second.config.site.idle_timeout == 240
    assert [p.key for p in second.problems] == ["idle_timeout"]


def test_corrupt_last_known_good_falls_back_to_bundled(tmp_path: Path) -> None:
    last_good = tmp_path / "last-good.json"
    last_good.write_text('{"format": 1, "config": {"site": ')
    write(tmp_path / "etc", "site.yaml", "idle_timeout: trois\n")
    load = load_config(tmp_path / "etc", BUNDLED, last_good)
    assert load.source == "bundled"
    assert load.config.site == Site()
    assert len(load.config.shortcuts) >= 10
    assert load.problems


def test_last_known_good_of_another_shape_falls_back_to_bundled(tmp_path: Path) -> None:
    last_good = tmp_path / "last-good.json"
    last_good.write_text('{"format": 1, "config": {"site": {"idle_timeout": 5}}}')
    write(tmp_path / "etc", "site.yaml", "idle_timeout: trois\n")
    assert load_config(tmp_path / "etc", BUNDLED, last_good).source == "bundled"


def test_broken_bundled_shortcuts_raise(tmp_path: Path) -> None:
    bundled = write(tmp_path, "shortcuts.yaml", "version: 2\n")
    with pytest.raises(ConfigError) as raised:
        load_config(None, bundled, tmp_path / "lg.json")
    assert raised.value.problems[0].file == bundled


def test_unchanged_files_load_from_the_last_good_copy_without_parsing(tmp_path: Path, monkeypatch) -> None:
    import kiosk.config.yaml_source as yaml_source

    last_good = tmp_path / "data" / "last-good.json"
    write(tmp_path / "etc", "site.yaml", "site_name: Bureau de Lyon\n")
    first = load_config(tmp_path / "etc", BUNDLED, last_good)

    def no_parsing(text: str):
        raise AssertionError("the YAML parser ran although no file changed")

    monkeypatch.setattr(yaml_source, "parse_yaml", no_parsing)
    again = load_config(tmp_path / "etc", BUNDLED, last_good)
    assert again == first
    assert again.config.site.site_name == "Bureau de Lyon"


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    last_good = tmp_path / "data" / "last-good.json"
    write(tmp_path / "etc", "site.yaml", "site_name: Bureau de Lyon\n")
    load_config(tmp_path / "etc", BUNDLED, last_good)
    write(tmp_path / "etc", "site.yaml", "site_name: Bureau de Caen\n")  # same length: content counts
    assert load_config(tmp_path / "etc", BUNDLED, last_good).config.site.site_name == "Bureau de Caen"
    write(tmp_path / "etc", "shortcuts.yaml", ONE_SHORTCUT)
    assert [s.id for s in load_config(tmp_path / "etc", BUNDLED, last_good).config.shortcuts] == ["caf"]


def test_an_empty_file_appearing_where_none_was_is_reported(tmp_path: Path) -> None:
    last_good = tmp_path / "data" / "last-good.json"
    write(tmp_path / "etc", "site.yaml", "site_name: Bureau de Lyon\n")
    load_config(tmp_path / "etc", BUNDLED, last_good)
    write(tmp_path / "etc", "shortcuts.yaml", "")
    load = load_config(tmp_path / "etc", BUNDLED, last_good)
    assert load.source == "last-known-good"
    assert "shortcuts.yaml" in str(load.problems[0])


def test_the_assisted_modes_idle_minutes_default_to_10_and_say_their_bounds(tmp_path):
    assert Site().assisted_idle_minutes == 10
    assert problems_of(tmp_path, site="assisted_idle_minutes: 3\n") == []
    problem = only(problems_of(tmp_path, site="assisted_idle_minutes: 0\n"))
    expected = "assisted_idle_minutes: expected a whole number of minutes (at least 1, at most 120)"
    assert expected in str(problem)
