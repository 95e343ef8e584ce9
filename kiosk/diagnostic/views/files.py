"""A simulated file chooser, all inside the kiosk: folders on the left, the files of the open folder, the
file chosen, and the item's buttons (Ouvrir, Imprimer, Enregistrer, Annuler) at the bottom.

Opening folders and choosing files is free; a button pressed with the wrong file, or the wrong button, is
a wrong try. A double-click on a file is the same as choosing it and pressing Ouvrir (when shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
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

from kiosk.diagnostic.items import File, FilePickerItem, Folder
from kiosk.diagnostic.typography import french_spacing as said
from kiosk.diagnostic.views.base import Exercise, TileButton, passive
from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import wizard_label as label


def button_text(button: str) -> str:
    return {
        "ouvrir": QCoreApplication.translate("FilePickerExercise", "Ouvrir"),
        "imprimer": QCoreApplication.translate("FilePickerExercise", "Imprimer"),
        "enregistrer": QCoreApplication.translate("FilePickerExercise", "Enregistrer"),
        "annuler": QCoreApplication.translate("FilePickerExercise", "Annuler"),
    }[button]


_BUTTON_ICONS = {"ouvrir": "check", "imprimer": "printer", "enregistrer": "arrow-right", "annuler": "x"}


class _FileRow(TileButton):
    """A file line that also tells a double-click."""

    def __init__(self, on_double_click):
        super().__init__()
        self._on_double_click = on_double_click

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_double_click()


class FilePickerExercise(Retranslating, Exercise):
    item: FilePickerItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self._folders = {f.id: f for f in item.folders}
        self.selected: str = item.selected
        self.folder: Folder = self._folders[item.start]
        self.folder_buttons: dict[str, QPushButton] = {}
        self.file_rows: dict[str, QPushButton] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._empty_label: QLabel | None = None  # "Ce dossier est vide.", while it shows

        window = QFrame()
        window.setObjectName("SimWindow")
        self._title = title = label("", "SimTab")
        folders = QWidget()
        folders.setObjectName("MailList")
        folder_column = QVBoxLayout(folders)
        folder_column.setContentsMargins(8, 8, 8, 8)
        folder_column.setSpacing(8)
        folder_icon = QIcon(pictures.pixmap("dossier", 40, self.devicePixelRatioF()))
        for folder in item.folders:
            button = QPushButton(folder_icon, folder.name)
            button.setObjectName("FolderButton")
            button.setIconSize(QSize(40, 40))
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setMinimumHeight(theme.MIN_TILE)
            button.clicked.connect(lambda _=False, f=folder: self._open_folder(f))
            folder_column.addWidget(button)
            self.folder_buttons[folder.id] = button
        folder_column.addStretch()
        self.files = QWidget()
        self.files.setObjectName("SimPage")
        self.files_layout = QVBoxLayout(self.files)
        self.files_layout.setContentsMargins(16, 8, 16, 8)
        self.files_layout.setSpacing(8)
        area = QScrollArea()
        area.setObjectName("SimScroll")
        area.setWidget(self.files)
        area.setWidgetResizable(True)
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        middle = QHBoxLayout()
        middle.setSpacing(0)
        middle.addWidget(folders, 1)
        middle.addWidget(area, 2)
        self.chosen_label = label("", "FileChosen")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 8, 16, 8)
        bottom.setSpacing(16)
        bottom.addWidget(self.chosen_label, 1)
        for name in item.buttons:
            button = self.button("", _BUTTON_ICONS[name], primary=name == item.buttons[0])
            button.clicked.connect(lambda _=False, n=name: self._press(n))
            bottom.addWidget(button)
            self.buttons[name] = button
        column = QVBoxLayout(window)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(title)
        column.addLayout(middle, 1)
        column.addLayout(bottom)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(window)
        self._open_folder(self.folder)  # which sets the texts

    def retranslate(self) -> None:
        """The file picker's own words; the folders and files are the content's."""
        self._title.setText(self.tr("Choisir un fichier"))
        for name, button in self.buttons.items():
            button.setText(button_text(name))
        if self._empty_label is not None:
            self._empty_label.setText(self.tr("Ce dossier est vide."))
        self._show_chosen()

    def _open_folder(self, folder: Folder) -> None:
        self.folder = folder
        self.folder_buttons[folder.id].setChecked(True)
        while (child := self.files_layout.takeAt(0)) is not None:
            if child.widget() is not None:
                child.widget().hide()  # gone from the screen now, deleted later
                child.widget().deleteLater()
        self.file_rows = {}
        self._empty_label = None
        if not folder.files:
            self._empty_label = label("", "SimText")
            self.files_layout.addWidget(self._empty_label)
        for file in folder.files:
            row = self._file_row(file)
            self.files_layout.addWidget(row)
            self.file_rows[file.id] = row
        self.files_layout.addStretch()
        self.retranslate()

    def _file_row(self, file: File) -> QPushButton:
        row = _FileRow(lambda f=file: self._double_click(f))
        row.setObjectName("FileRow")
        row.setCheckable(True)
        row.setAutoExclusive(True)
        row.setChecked(file.id == self.selected)
        row.setMinimumHeight(theme.MIN_TILE + 8)
        line = QHBoxLayout(row)
        line.setContentsMargins(12, 4, 12, 4)
        line.setSpacing(12)
        if file.type == "pdf":
            line.addWidget(self.picture_label("document", 44))
        else:
            icon = passive(label("", "FileIcon"))
            icon.setPixmap(self.icons.pixmap("image" if file.type == "image" else "file-text", theme.INK, 44))
            line.addWidget(icon)
        line.addWidget(passive(label(file.name, "FileName")), 1)
        line.addWidget(passive(label(file.date, "MailDate", wrap=False)))
        row.clicked.connect(lambda _=False, f=file: self._choose(f))
        return row

    def _choose(self, file: File) -> None:
        self.selected = file.id
        self._show_chosen()

    def _double_click(self, file: File) -> None:
        self._choose(file)
        if "ouvrir" in self.item.buttons:
            self._press("ouvrir")

    def _show_chosen(self) -> None:
        names = {f.id: f.name for folder in self.item.folders for f in folder.files}
        if self.selected in names:
            self.chosen_label.setText(
                said(self.tr("Fichier choisi : {name}")).format(name=names[self.selected])
            )
        else:
            self.chosen_label.setText(self.tr("Aucun fichier choisi."))

    def _press(self, name: str) -> None:
        goal = self.item.goal
        self._try(name == goal.button and self.selected == goal.file)
