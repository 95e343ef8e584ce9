"""Counts wait in memory for the periodic flush (30 s), except at a session end, which writes them: a kiosk
killed with SIGKILL (or a power cut) right after a session ended keeps that session's counts. The session is
started with a real click on the kiosk's screen (xdotool) and ends by itself after the idle timeout, as when
a visitor walks away; the database is read with the sqlite3 program after the kill. The kill leaves nothing
running either: the kiosk's bus ends with it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
import uuid

import pytest

from tests.e2e.conftest import ROOT, SCREEN, kiosk_command, kiosk_env
from tests.e2e.test_kiosk_process import window_geometries
from tests.processes import wait_until_gone

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool (apt-get install xdotool)"),
    pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs sqlite3 (apt-get install sqlite3)"),
]

IDLE_TIMEOUT, IDLE_WARNING = 30, 5  # the shortest site.yaml allows
MARKER = "ILOT_TEST_KIOSK"


def stored_counts(database) -> dict[tuple[str, str], int]:
    """What the kiosk has committed so far, read beside it (WAL: a reader never blocks the kiosk)."""
    if not database.exists():
        return {}
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT metric, key, SUM(count) FROM usage_counters GROUP BY metric, key")
        return {(metric, key): n for metric, key, n in rows}
    except sqlite3.OperationalError:  # not made yet
        return {}
    finally:
        connection.close()


def counters_table_made(database) -> bool:
    if not database.exists():
        return False
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        connection.execute("SELECT 1 FROM usage_counters LIMIT 1").fetchall()
        return True
    except sqlite3.OperationalError:  # not made yet
        return False
    finally:
        connection.close()


def test_an_ended_session_is_counted_in_the_database_after_a_kill_9(x_display, tmp_path):
    config, data = tmp_path / "etc", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text(
        f"site_name: Bureau de test\nidle_timeout: {IDLE_TIMEOUT}\nidle_warning: {IDLE_WARNING}\n"
    )
    mark = uuid.uuid4().hex
    process = subprocess.Popen(
        kiosk_command("run", "--config", str(config), "--data-dir", str(data)),
        env=kiosk_env(DISPLAY=x_display, **{MARKER: mark}),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while (0, 0, *SCREEN) not in window_geometries(x_display) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (0, 0, *SCREEN) in window_geometries(x_display)
        # The database opens just after the first paint: touch once its counters' table is there.
        deadline = time.monotonic() + 30
        while not counters_table_made(data / "kiosk.db") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert counters_table_made(data / "kiosk.db"), "the kiosk made no database"
        centre = [str(SCREEN[0] // 2), str(SCREEN[1] // 2)]
        subprocess.run(
            ["xdotool", "mousemove", *centre, "click", "1"], env={"DISPLAY": x_display}, check=True
        )
        touched = time.monotonic()

        # The session ends IDLE_TIMEOUT + IDLE_WARNING after the touch; the periodic flush could bring its
        # counts no sooner than 30 s after the kiosk's start + 60 s: well after this deadline.
        deadline = touched + IDLE_TIMEOUT + IDLE_WARNING + 10
        while ("session_ended", "idle") not in stored_counts(
            data / "kiosk.db"
        ) and time.monotonic() < deadline:
            time.sleep(0.1)
        process.kill()
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    dump = subprocess.run(
        ["sqlite3", str(data / "kiosk.db"), "SELECT metric, key, count FROM usage_counters"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = {tuple(line.split("|")[:2]): int(line.split("|")[2]) for line in dump.splitlines()}
    assert rows.get(("session_ended", "idle")) == 1, dump
    assert rows.get(("session_started", "")) == 1
    assert rows.get(("session_duration", "<1min")) == 1
    assert wait_until_gone(mark, 5, MARKER) == []  # the bus went with the kiosk
