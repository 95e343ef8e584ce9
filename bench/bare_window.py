"""Baseline for bench/startup.py: a bare PySide6 full-screen window. Like the kiosk run with
`--quit-after-first-paint`, it prints its peak memory at its first paint, then quits a second later.

With `--qt-namespace` it also centres its text with `Qt.AlignmentFlag`, as any real PySide6 program does:
PySide6 makes the Python enums of Qt's namespace (94 of them) on that first use. This shows what share
of the kiosk's start-up is Qt's own, not the kiosk's."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

SETTLE_MS = 1000


def peak_memory_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


class Label(QLabel):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"first-paint {peak_memory_kib()}", flush=True)
            QTimer.singleShot(SETTLE_MS, app.quit)


app = QApplication(sys.argv[:1])
window = Label("Bienvenue")
if "--qt-namespace" in sys.argv:
    from PySide6.QtCore import Qt

    window.setAlignment(Qt.AlignmentFlag.AlignCenter)
window.setGeometry(app.primaryScreen().geometry())
window.showFullScreen()
sys.exit(app.exec())
