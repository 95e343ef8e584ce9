"""Tools' page "Ouvrir un site": an address bar that opens any https site in the kiosk's browser (through
`open_address`, given by the composition root); http, files and other schemes are refused with a plain
reason (kiosk.advisor.assisted.address)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.advisor.assisted.address import read_address
from kiosk.advisor.assisted.tool_page import ToolPage, field
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, wizard_label


class AddressPage(ToolPage):
    def __init__(self, icons: Icons, open_address: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(icons, parent)
        self._open_address = open_address
        self._refused: str | None = None
        self.text = wizard_label("", "AssistedText")
        self.address = field("")
        self.address.returnPressed.connect(self.open)
        self.message = wizard_label("", "AssistedMessage")
        self.open_button = big_button(icons, "arrow-right", "", self.open, primary=True)
        self.body.addWidget(self.text)
        self.body.addWidget(self.address)
        self.body.addWidget(self.message)
        self.body.addStretch()
        self.actions.addWidget(self.open_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Ouvrir un site"))
        self.text.setText(
            self.tr("Tapez l'adresse du site. La borne ouvre seulement les sites sûrs, en https.")
        )
        self.address.setAccessibleName(self.tr("Adresse du site"))
        self.address.setPlaceholderText(self.tr("Par exemple : www.service-public.fr"))
        self.open_button.setText(self.tr("Ouvrir"))
        self.message.setText(self._refusal_text())

    def opened(self) -> None:
        self.address.setFocus()

    def open(self) -> None:
        found = read_address(self.address.text())
        self._refused = found.refused
        self.message.setText(self._refusal_text())
        if found.accepted:
            self.address.clear()
            self._open_address(found.url)

    def forget(self) -> None:
        self.address.clear()
        self._refused = None
        self.message.clear()

    def _refusal_text(self) -> str:
        return {
            None: "",
            "empty": self.tr("Tapez d'abord une adresse."),
            "not-https": self.tr(
                "Cette adresse n'est pas sûre. La borne ouvre seulement les adresses en https."
            ),
            "scheme": self.tr(
                "Ce n'est pas l'adresse d'un site. La borne ouvre seulement les sites en https."
            ),
            "malformed": self.tr("Cette adresse n'est pas valide. Vérifiez-la."),
        }[self._refused]
