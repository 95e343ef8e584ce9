"""A simulated web browser, all inside the kiosk (no network): a Retour button, the address bar and a page
made of the item's elements. Links and buttons with `goes_to` open another page of the item.

Following a link is free; any other click that is not the goal (a button, a field, a text, a browser
control) is a wrong try. A goal `reach` ends the item when its page opens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.diagnostic.items import ADDRESS_BAR, BACK_BUTTON, Page, PageElement, WebPageItem
from kiosk.diagnostic.views.base import Exercise
from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating

_ELEMENT_NAMES = {
    "heading": "SimHeading",
    "text": "SimTextButton",
    "link": "SimLink",
    "button": "SimButton",
    "search_box": "SimSearch",
    "field": "SimSearch",
    "image": "SimImage",
}


class WebPageExercise(Retranslating, Exercise):
    item: WebPageItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self._pages = {page.id: page for page in item.pages}
        self._back: list[str] = list(item.history)
        self.page: Page = self._pages[item.start]
        self.elements: dict[str, QPushButton] = {}
        self._done = False

        window = QFrame()
        window.setObjectName("SimWindow")
        self.tab = QLabel()
        self.tab.setObjectName("SimTab")
        self.back_button = QPushButton(icons.icon("arrow-left", theme.BLUE, 32), "")
        self.back_button.setObjectName("SimBack")
        self.back_button.setIconSize(QSize(32, 32))
        self.back_button.setMinimumHeight(theme.MIN_TILE)
        self.back_button.clicked.connect(self._on_back)
        self.address_bar = QPushButton()
        self.address_bar.setObjectName("AddressBar")
        self.address_bar.setMinimumHeight(theme.MIN_TILE)
        self.address_bar.clicked.connect(self._on_address)
        bar = QFrame()
        bar.setObjectName("SimBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(12)
        row.addWidget(self.back_button)
        row.addWidget(self.address_bar, 1)
        self.body = QWidget()
        self.body.setObjectName("SimPage")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(32, 12, 32, 12)
        self.body_layout.setSpacing(12)
        area = QScrollArea()
        area.setObjectName("SimScroll")
        area.setWidget(self.body)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        column = QVBoxLayout(window)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tab)
        column.addWidget(bar)
        column.addWidget(area, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(window)
        self._show(self.page)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Retour"))

    def _show(self, page: Page) -> None:
        self.page = page
        self.tab.setText(page.title or page.address)
        self.address_bar.setText(page.address)
        while (child := self.body_layout.takeAt(0)) is not None:
            if child.widget() is not None:
                child.widget().hide()  # gone from the screen now, deleted later
                child.widget().deleteLater()
        self.elements = {}
        for element in page.elements:
            widget = self._element(element)
            self.body_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            self.elements[element.id] = widget
        self.body_layout.addStretch()

    def _element(self, element: PageElement) -> QPushButton:
        widget = QPushButton(element.text)
        widget.setObjectName(_ELEMENT_NAMES[element.role])
        widget.setMinimumHeight(theme.MIN_CONTROL)
        widget.setCursor(
            Qt.CursorShape.PointingHandCursor
            if element.role in ("link", "button")
            else Qt.CursorShape.ArrowCursor
        )
        if element.role == "search_box":
            widget.setIcon(self.icons.icon("zoom-in", theme.INK_SOFT, 28))
            widget.setIconSize(QSize(28, 28))
            widget.setMinimumWidth(560)
        if element.picture:
            widget.setIcon(self.pictures.pixmap(element.picture, 96, self.devicePixelRatioF()))
            widget.setIconSize(QSize(96, 96))
        widget.clicked.connect(lambda _=False, e=element: self._on_element(e))
        return widget

    def _on_element(self, element: PageElement) -> None:
        if self._done:
            return
        if self.item.goal.click == element.id:
            self._finish()
            return
        if element.role != "link":
            self._try(False)
        if element.goes_to and element.goes_to in self._pages:
            self._open(element.goes_to)

    def _open(self, page_id: str) -> None:
        self._back.append(self.page.id)
        self._show(self._pages[page_id])
        if self.item.goal.reach == page_id:
            self._finish()

    def _on_back(self) -> None:
        if self._done:
            return
        if self.item.goal.click == BACK_BUTTON:
            self._finish()
            return
        self._try(False)
        if self._back:
            self._show(self._pages[self._back.pop()])

    def _on_address(self) -> None:
        if self._done:
            return
        if self.item.goal.click == ADDRESS_BAR:
            self._finish()
        else:
            self._try(False)

    def _finish(self) -> None:
        self._done = True
        self._try(True)
