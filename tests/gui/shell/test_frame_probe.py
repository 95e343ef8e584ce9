"""The heartbeat's last_frame: the real kiosk's window on the run's X screen notes when it painted, and the
time moves on while the home screen stands still and the event loop runs; it stops when the loop does."""

from __future__ import annotations

import time

from kiosk.shell.frame_probe import FrameProbe


def test_the_kiosks_last_frame_is_its_first_paint(kiosk, qtbot):
    qtbot.waitUntil(lambda: kiosk.frame_probe.last_frame is not None, timeout=3000)
    assert time.time() - kiosk.frame_probe.last_frame < 10
    assert kiosk.frame_probe.size().width() == 1 and not kiosk.frame_probe.isHidden()


def test_the_probe_time_advances_while_the_loop_runs_and_stops_when_it_is_blocked(kiosk, qtbot):
    probe = FrameProbe(kiosk.window, interval_ms=100)  # a faster probe over the same still home screen
    probe.show()
    qtbot.waitUntil(lambda: probe.last_frame is not None, timeout=3000)
    seen = [probe.last_frame]
    for _ in range(3):
        qtbot.waitUntil(lambda: probe.last_frame > seen[-1], timeout=3000)
        seen.append(probe.last_frame)
    assert seen == sorted(seen) and len(set(seen)) == 4

    time.sleep(0.5)  # the GUI thread blocked: a frozen kiosk paints nothing
    assert time.time() - probe.last_frame >= 0.5
    qtbot.waitUntil(lambda: time.time() - probe.last_frame < 0.3, timeout=3000)  # and recovers
    probe.deleteLater()


def test_a_kiosk_stopped_right_after_its_first_paint_starts_nothing_after(qapp, qtbot, paths, config):
    from kiosk.app import Kiosk

    stopped = Kiosk(config, paths, public=True)
    painted = []
    stopped.window.firstPainted.connect(lambda: (painted.append(True), stopped.shutdown()))
    stopped.window.show_kiosk()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    qtbot.wait(100)  # the turns of the event loop that would have started the store, sync and network watch
    # The shutdown itself opened the store to write what was counted, and closed it; nothing started after.
    assert stopped.sync is None and stopped._network_watch is None
    assert not stopped.store._thread.is_alive()
    stopped.window.allow_close = True
    stopped.window.close()
    stopped.window.deleteLater()
