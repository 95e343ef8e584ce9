"""Baseline for bench/startup.py: a bare PySide6 full-screen window that quits after its first paint."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class Label(QLabel):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)


app = QApplication(sys.argv[:1])
window = Label("Bienvenue")
window.setGeometry(app.primaryScreen().geometry())
window.showFullScreen()
sys.exit(app.exec())
