"""The Chromium switches the kiosk adds (kiosk/browser/engine_flags.py): pure, no Qt."""

from __future__ import annotations

from kiosk.browser.engine_flags import VARIABLE, set_kiosk_flags, with_kiosk_flags

OFF = "--disable-blink-features=FileSystemAccessLocal"


def test_the_pickers_are_turned_off_when_nothing_is_given():
    assert with_kiosk_flags("") == OFF


def test_switches_given_by_the_environment_are_kept():
    assert with_kiosk_flags("--lang=fr --enable-logging") == f"--lang=fr --enable-logging {OFF}"


def test_a_list_switch_of_the_same_name_is_merged_not_repeated():
    # Chromium keeps only the last switch of a name: two would drop the environment's features.
    merged = with_kiosk_flags("--disable-blink-features=Foo,Bar")
    assert merged == "--disable-blink-features=Foo,Bar,FileSystemAccessLocal"


def test_adding_twice_changes_nothing():
    once = with_kiosk_flags("--x")
    assert with_kiosk_flags(once) == once


def test_set_kiosk_flags_writes_the_variable_qtwebengine_reads():
    environ = {VARIABLE: "--lang=fr"}
    set_kiosk_flags(environ)
    assert environ == {VARIABLE: f"--lang=fr {OFF}"}
