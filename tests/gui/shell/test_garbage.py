"""Cyclic garbage is collected on the GUI thread only, never by whichever thread allocates."""

import gc
import threading
import weakref

from kiosk.shell.garbage import GuiThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_collection_happens_on_the_gui_timer_not_in_other_threads(qtbot):
    collector = GuiThreadGarbageCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        probe = weakref.ref(Node())
        worker = threading.Thread(target=lambda: [Node() for _ in range(50_000)])  # allocates a lot
        worker.start()
        worker.join()
        assert probe() is not None  # no collection ran in the worker thread
        qtbot.waitUntil(lambda: probe() is None, timeout=3000)  # the GUI-thread timer collected it
    finally:
        collector.stop()
    assert gc.isenabled()
