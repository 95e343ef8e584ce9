"""The kiosk's main window: the top bar over a stack of screens (the home screen first), and the overlays.

In public mode it is frameless, covers the whole screen (never more, whatever a screen asks for) and refuses
to close; the composition root lets it close only when the kiosk itself quits. A screen change waits until no
page's question is open (`LocalLoops.settle`): the page that asked must stay on screen till Qt has its answer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.shell.home import HomeScreen
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.overlay import ConfirmEndOverlay, IdleOverlay
from kiosk.shell.top_bar import TopBar


class KioskWindow(QWidget):
    firstPainted = Signal()

    def __init__(
        self,
        top_bar: TopBar,
        public: bool,
        local_loops: LocalLoops | None = None,
        parent: QWidget | None = None,
    ):
        self.public = public  # before super().__init__: Qt calls changeEvent from there
        self.allow_close = not public
        self._painted = False
        self._input_filters: list[QObject] = []
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setWindowTitle("Îlot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        if public:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.local_loops = local_loops or LocalLoops(self)
        self.home: HomeScreen | None = None  # set_home(): the home's tiles come from the features
        self.top_bar = top_bar
        self.screens = QStackedWidget()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(top_bar)
        self._banners = QVBoxLayout()  # add_banner(): under the top bar, over every screen
        self._banners.setSpacing(0)
        column.addLayout(self._banners)
        column.addWidget(self.screens, 1)
        self.idle_overlay = IdleOverlay(self)
        self.confirm_overlay = ConfirmEndOverlay(self)
        top_bar.homeRequested.connect(self.show_home)
        # A screen's window title names the place the visitor is in (a service, say) for the top bar.
        self.screens.currentChanged.connect(
            lambda _: top_bar.show_place(self.screens.currentWidget().windowTitle())
        )

    def add_banner(self, banner: QWidget) -> None:
        """A strip under the top bar, on every screen, shown and hidden by its owner (a help call's state,
        the assisted mode); banners stack in the order they are added."""
        self._banners.addWidget(banner)

    def set_home(self, home: HomeScreen) -> None:
        """The first screen, the one "Accueil" and every session end come back to."""
        self.home = home
        home.installEventFilter(self)
        self.screens.insertWidget(0, home)
        self.screens.setCurrentWidget(home)

    def show_screen(self, screen: QWidget) -> None:
        """Shows a feature's screen; it stays in the stack until the session ends or it is removed."""
        self.local_loops.settle(lambda: self._show_screen_now(screen))

    def _show_screen_now(self, screen: QWidget) -> None:
        if self.screens.indexOf(screen) < 0:
            screen.installEventFilter(self)
            self.screens.addWidget(screen)
        self.screens.setCurrentWidget(screen)

    def remove_screen(self, screen: QWidget) -> None:
        """Takes a feature's screen out of the stack; the feature that made it decides whether it lives on."""
        self.local_loops.settle(lambda: self._remove_screen_now(screen))

    def _remove_screen_now(self, screen: QWidget) -> None:
        if screen is self.home or self.screens.indexOf(screen) < 0:
            return
        self.screens.removeWidget(screen)
        screen.removeEventFilter(self)
        screen.setParent(None)

    def show_home(self) -> None:
        self.local_loops.settle(lambda: self.screens.setCurrentWidget(self.home))

    def wipe(self) -> None:
        """Session wiper: every feature screen closed, the home back at the top, the clipboard empty."""
        self.idle_overlay.cancel()
        self.confirm_overlay.hide()
        for index in reversed(range(self.screens.count())):
            self.remove_screen(self.screens.widget(index))
        self.show_home()
        self.home.reset()
        QGuiApplication.clipboard().clear()

    def watch_input(self, event_filter: QObject) -> None:
        """Installs `event_filter` on the window's QWindow: it sees every key, click, wheel and touch before
        any widget. Not on the QApplication: with a Python application-wide filter, adding a QWebEngineView
        to a shown window crashed PySide6 (segmentation fault), and every widget's events paid for it.
        Qt replaces the QWindow when the first web view joins (to draw with OpenGL): see `event`."""
        self._input_filters.append(event_filter)
        if self.windowHandle() is not None:
            self.windowHandle().installEventFilter(event_filter)

    def unwatch_input(self, event_filter: QObject) -> None:
        if event_filter in self._input_filters:
            self._input_filters.remove(event_filter)
        if self.windowHandle() is not None:
            self.windowHandle().removeEventFilter(event_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowTitleChange and watched is self.screens.currentWidget():
            self.top_bar.show_place(watched.windowTitle())  # a screen's title in a new language, say
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WinIdChange and self.windowHandle() is not None:
            for event_filter in self._input_filters:  # a new QWindow: the filters follow it
                self.windowHandle().installEventFilter(event_filter)
        return super().event(event)

    def show_kiosk(self) -> None:
        if self.public:
            screen = QGuiApplication.primaryScreen()
            self._cover(screen.geometry())
            screen.geometryChanged.connect(self._cover, Qt.ConnectionType.UniqueConnection)
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()

    def _cover(self, area: QRect) -> None:
        """The window is the screen, always. Without a window manager, showFullScreen() alone keeps the
        natural size; and a screen whose layout asks for more room than the display has would otherwise
        grow the window past its edges (cutting the top bar): its size is fixed, the layouts make do."""
        self.setFixedSize(area.size())
        self.setGeometry(area)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Once this paint is over: the frame reaches the screen before anything that waits for it runs.
            QTimer.singleShot(0, self, self.firstPainted.emit)  # not at all if the window is gone by then

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self.public and event.type() == QEvent.Type.WindowStateChange and not self.isFullScreen():
            self.showFullScreen()  # nobody minimises or un-maximises the kiosk

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
