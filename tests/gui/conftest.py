"""Fixtures for widget tests: a test shortcuts.yaml and a fully wired kiosk (on the run's Xvfb screen)."""

from __future__ import annotations

import textwrap

import pytest

from kiosk.config import load_config
from kiosk.paths import Paths
from kiosk.resources import bundled_shortcuts

TEST_SHORTCUTS = textwrap.dedent(
    """\
    version: 1
    categories:
      - id: aides
        label: "Aides de test"
      - id: papiers
        label: "Papiers de test"
    identity_providers: []
    shortcuts:
      - id: alpha
        label: "Alpha"
        description: "Le premier service"
        icon: users
        url: "https://127.0.0.1:59999/alpha"
        allowed_domains: ["127.0.0.1"]
        category: aides
        offline_help: {phone: "0100000001"}
      - id: beta
        label: "Bêta"
        description: "Le deuxième service"
        icon: landmark
        url: "https://127.0.0.1:59999/beta"
        allowed_domains: ["127.0.0.1"]
        category: papiers
        offline_help: {phone: "0100000002"}
      - id: gamma
        label: "Gamma"
        description: "Le troisième service"
        icon: mail
        url: "https://127.0.0.1:59999/gamma"
        allowed_domains: ["127.0.0.1"]
        category: aides
        offline_help: {phone: "0100000003", hours: "Le lundi"}
    """
)


@pytest.fixture
def paths(tmp_path) -> Paths:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "shortcuts.yaml").write_text(TEST_SHORTCUTS, encoding="utf-8")
    (config_dir / "site.yaml").write_text(
        "site_name: Bureau de test\nidle_timeout: 60\nidle_warning: 5\n", encoding="utf-8"
    )
    result = Paths(config_dir=config_dir, data_dir=tmp_path / "data")
    result.ensure()
    return result


@pytest.fixture
def config(paths):
    loaded = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config)
    assert loaded.problems == ()
    return loaded.config


@pytest.fixture
def make_kiosk(qapp, qtbot, paths):
    """Builds the wired kiosk in public mode from the site's files, shown and started as after its first
    paint; every kiosk built is shut down (store closed, filters and translators removed) afterwards."""
    from kiosk.app import Kiosk

    built_kiosks = []

    def make(config=None) -> Kiosk:
        if config is None:
            config = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config).config
        built = Kiosk(config, paths, public=True)
        built_kiosks.append(built)
        built.window.show_kiosk()
        qtbot.waitExposed(built.window)
        qtbot.waitUntil(built.store.opened.done)
        return built

    yield make
    from PySide6.QtCore import QCoreApplication, QEvent

    for built in built_kiosks:
        built.shutdown()
        built.window.allow_close = True
        built.window.close()
        built.window.deleteLater()
    # Deleted now: pytest-qt never runs the application's own event loop, where deferred deletions happen,
    # and every kiosk left alive would be restyled again by each later stylesheet change.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def kiosk(make_kiosk, config):
    return make_kiosk()


def touch(window, widget, button=None) -> None:
    """A click as the X server delivers it: on the kiosk window's QWindow at the widget's centre, so that it
    crosses the window's input filters (lockdown, idle watcher) like a visitor's finger does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    position = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(
        window.windowHandle(), button or Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), position
    )


def files_held_under(folder) -> list[str]:
    """What this process holds open inside `folder`, read from /proc/self/fd as the kernel tells it (a file
    deleted while open shows as "… (deleted)"): after a session end, nothing may be in the scratch folder."""
    import os

    inside = os.path.realpath(folder) + os.sep
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # the listing's own fd, closed meanwhile
        if target.startswith(inside):
            held.append(target)
    return held
