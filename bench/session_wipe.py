"""Ending a session: the time from "Oui, terminer" to the clean home screen, and the kiosk's memory after many
open → wipe cycles, under a private Xvfb, in one process.

    .venv/bin/python bench/session_wipe.py [--runs 10] [--cycles 200]

A real `kiosk.app.Kiosk` (public mode, full screen) has one shortcut to a page served on loopback by
bench/local_site.py. Each cycle is a visitor: the tile is clicked (the session starts), the page loads
(loadFinished), then "Terminer ma session" and its confirmation "Oui, terminer" are clicked, as a finger would
(on the window's QWindow, through its input filters).

(a) Wipe time: from the confirming click to the clean home screen: the home screen is current and the
    deferred deletions have run (the browser screen, its view, its page and the visitor's profile have sent
    `destroyed`). Measured at every cycle. Baseline in the same run: a bare QWebEngineView's first load of
    the same page (a new view in its own full-screen window, QtWebEngine already started), `--runs` times,
    spread over the cycles. Target (issue 3): the wipe is no slower.
(b) Memory: the process's resident memory (VmRSS of /proc/self/status, after the event loop has run the
    deferred deletions and after `gc.collect()`) after 10 cycles and after `--cycles` cycles. Target: drift
    ≤ 10%. The renderer processes' memory (QtWebEngineProcess children) and the Python object types that
    grew are printed too, to say what grows when something does.

The bare view's warm-up load runs first, so QtWebEngine's start and the default profile are in both memory
figures. Figures are medians.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_site import local_site  # noqa: E402
from shortcut_open import (  # noqa: E402
    BareLoader,
    KioskOpener,
    build_kiosk,
    settle,
    touch,
    wait_until,
)
from xvfb import virtual_screen  # noqa: E402

EARLY = 10  # the cycle after which the reference memory is taken
LOOK_S = 0.05  # the visitor looks at the page, then at the confirmation, before touching


def rss_kib(pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)


def renderers_kib() -> tuple[int, int]:
    """(how many, total VmRSS) of this process's QtWebEngineProcess children."""
    count, total = 0, 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            if ppid == os.getpid() and name.startswith("QtWebEngine"):
                count, total = count + 1, total + rss_kib(entry.name)
        except (OSError, ValueError):
            continue
    return count, total


def settled_memory() -> int:
    """VmRSS once the event loop has run deferred deletions and Python's cycles are collected."""
    from PySide6.QtCore import QCoreApplication, QEvent

    settle(0.3)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle(0.2)
    gc.collect()
    return rss_kib()


def python_types() -> Counter:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def live_web_objects() -> str:
    import shiboken6
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

    kinds = Counter(
        cls.__name__
        for o in gc.get_objects()
        for cls in (QWebEnginePage, QWebEngineProfile)
        if isinstance(o, cls) and shiboken6.isValid(o)
    )
    return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"


def end_session(kiosk, opener: KioskOpener) -> float:
    """Clicks "Terminer ma session" then "Oui, terminer"; seconds from the confirming click to clean."""
    screen = opener.screen
    watched = [screen, screen.view, screen.page, screen.page.profile()]
    destroyed: list[float] = []
    for thing in watched:
        thing.destroyed.connect(lambda *_: destroyed.append(time.perf_counter()))
    del screen, thing
    window = kiosk.window
    if not kiosk.session.active:
        raise RuntimeError("the tile click did not start a session")
    touch(window, kiosk.top_bar.end_button)
    if not window.confirm_overlay.isVisible():
        raise RuntimeError("Terminer ma session did not ask for confirmation")
    settle(LOOK_S)
    started = time.perf_counter()
    touch(window, window.confirm_overlay.end_button)
    wait_until(
        lambda: len(destroyed) == len(watched) and window.screens.currentWidget() is window.home,
        what="the clean home screen",
    )
    if kiosk.session.active or window.screens.count() != 1:
        raise RuntimeError("the session did not end cleanly")
    opener.screen = None
    return max(destroyed) - started


def measure(url: str, cycles: int, runs: int) -> None:
    """The measuring process: prints the figures."""
    bare_at = {round(cycles * (k + 1) / (runs + 1)) for k in range(runs)}
    with tempfile.TemporaryDirectory() as data:
        kiosk = build_kiosk(url, Path(data))
        bare = BareLoader(url)
        bare.load()  # not counted: QtWebEngine's start and the default profile
        bare.drop_view()
        bare.window.lower()
        kiosk.window.raise_()
        opener = KioskOpener(kiosk)
        wipes, opens, bare_loads, memory, renderers = [], [], [], {}, {}
        types_early = Counter()
        true_refs = sys.getrefcount(True)
        started = time.perf_counter()
        for cycle in range(1, cycles + 1):
            settle(LOOK_S)
            opens.append(opener.open())
            settle(LOOK_S)
            wipes.append(end_session(kiosk, opener))
            if cycle in (EARLY, cycles) or cycle % 50 == 0:
                memory[cycle] = settled_memory()
                renderers[cycle] = renderers_kib()
                if cycle == EARLY:
                    types_early = python_types()
            if cycle in bare_at:
                settle()
                bare_loads.append(bare.load())
                bare.drop_view()
        elapsed = time.perf_counter() - started
        true_lost = true_refs - sys.getrefcount(True)
        types_late = python_types()
        web_objects = live_web_objects()
        kiosk.quit()
        kiosk.shutdown()
        bare.window.close()

    wipe, bare_first = statistics.median(wipes), statistics.median(bare_loads)
    early, late = memory[EARLY], memory[cycles]
    print(f"{cycles} open → wipe cycles in {elapsed:.0f} s; {len(bare_loads)} bare first loads; medians")
    print(f"(a) wipe, confirm → clean home    {wipe * 1000:8.1f} ms")
    print(f"    wipe, first {EARLY} cycles         {statistics.median(wipes[:EARLY]) * 1000:8.1f} ms")
    print(f"    wipe, last {EARLY} cycles          {statistics.median(wipes[-EARLY:]) * 1000:8.1f} ms")
    print(f"    bare view's first load        {bare_first * 1000:8.1f} ms")
    print(f"    kiosk open (tile → loaded)    {statistics.median(opens) * 1000:8.1f} ms   (for reference)")
    print(f"    ratio wipe / bare load        {wipe / bare_first:8.2f}×     (target ≤ 1×)")
    print("(b) after cycle   kiosk VmRSS   renderers (count, VmRSS)")
    for cycle, kib in memory.items():
        count, total = renderers[cycle]
        print(f"    {cycle:11d} {kib / 1024:9.1f} MiB   {count:3d} {total / 1024:9.1f} MiB")
    drift = late / early - 1
    print(
        f"    drift {EARLY} → {cycles} cycles: {(late - early) / 1024:+.1f} MiB = {drift * 100:+.1f}% "
        f"({(late - early) / (cycles - EARLY):+.1f} KiB per cycle)   (target ≤ 10%)"
    )
    grown = [(t, types_late[t] - types_early[t]) for t in types_late if types_late[t] > types_early[t]]
    grown.sort(key=lambda item: -item[1])
    print("    Python objects grown: " + (", ".join(f"{t} +{n}" for t, n in grown[:8]) or "none"))
    print(f"    live web objects at the end: {web_objects}")
    if true_lost > 0:
        print(
            f"REFCOUNT BUG: sys.getrefcount(True) fell by {true_lost} over {cycles} cycles "
            f"({true_lost / cycles:.1f} per cycle); on Python 3.11 True is not immortal: at 0 the "
            "process aborts (Fatal Python error: bool_dealloc)."
        )
    sys.stdout.flush()
    os._exit(0)  # if references to True were lost (see above), the interpreter's finalization would abort


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10, help="bare first loads, spread over the cycles")
    parser.add_argument("--cycles", type=int, default=200, help="open → wipe cycles (at least 20)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    cycles = max(args.cycles, 2 * EARLY)
    if args.child:
        measure(args.url, cycles, args.runs)
        return
    # A deployed kiosk (PyInstaller) runs from compiled bytecode: compile the sources as it would be.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)
    with local_site() as url, virtual_screen():
        # The Qt process is a child, so that it ends before its X server does.
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QTWEBENGINE_DISABLE_SANDBOX="1")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [sys.executable, __file__, "--child", "--url", url, "--cycles", str(cycles), "--runs"]
        result = subprocess.run([*command, str(args.runs)], env=env, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"the measuring process failed ({result.returncode}):\n{result.stderr[-3000:]}")


if __name__ == "__main__":
    main()
