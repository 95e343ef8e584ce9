""" "Outils du conseiller": a menu of what the unlocked role may do, each tool on its own page. An advisor has
"Ouvrir un site", "Lire un code de diagnostic", "État de la borne", "Demandes d'aide" and "Terminer la
session du visiteur"; a technician also "Recharger la configuration", "Rapport de la borne" and "Quitter vers
le bureau". The screen is made at each unlock for that role, and deleted at the relock: a technician's tools
do not exist at all on an advisor's screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.advisor.accounts import Account
from kiosk.advisor.assisted.address_page import AddressPage
from kiosk.advisor.assisted.calls_page import CallsPage
from kiosk.advisor.assisted.code_page import CodePage
from kiosk.advisor.assisted.powers import Powers
from kiosk.advisor.assisted.status_page import StatusPage
from kiosk.advisor.assisted.technician_pages import ReloadPage, ReportPage
from kiosk.advisor.assisted.tool_page import ToolPage
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import ICON_SIZE, button_icon, wizard_label
from kiosk.tasks import Tasks

COLUMNS = 2
CONTEXT = "ToolsScreen"
LABELS = {
    "address": QT_TRANSLATE_NOOP("ToolsScreen", "Ouvrir un site"),
    "code": QT_TRANSLATE_NOOP("ToolsScreen", "Lire un code de diagnostic"),
    "status": QT_TRANSLATE_NOOP("ToolsScreen", "État de la borne"),
    "calls": QT_TRANSLATE_NOOP("ToolsScreen", "Demandes d'aide"),
    "end_session": QT_TRANSLATE_NOOP("ToolsScreen", "Terminer la session du visiteur"),
    "reload": QT_TRANSLATE_NOOP("ToolsScreen", "Recharger la configuration"),
    "report": QT_TRANSLATE_NOOP("ToolsScreen", "Rapport de la borne"),
    "quit": QT_TRANSLATE_NOOP("ToolsScreen", "Quitter vers le bureau"),
}
ICONS = {
    "address": "arrow-right",
    "code": "clipboard-check",
    "status": "heart-pulse",
    "calls": "hand-helping",
    "end_session": "log-out",
    "reload": "rotate-cw",
    "report": "file-text",
    "quit": "x",
}
ADVISOR_TOOLS = ("address", "code", "status", "calls", "end_session")
TECHNICIAN_TOOLS = ("reload", "report", "quit")


def tools_for(role: str) -> tuple[str, ...]:
    return ADVISOR_TOOLS + TECHNICIAN_TOOLS if role == "technician" else ADVISOR_TOOLS


class ToolsScreen(Retranslating, QWidget):
    def __init__(
        self, account: Account, powers: Powers, icons: Icons, tasks: Tasks, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("AssistedScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.account = account
        self.stack = QStackedWidget()
        self.menu = QWidget()
        self.heading = wizard_label("", "WizardTitle")
        self.who = wizard_label("", "AssistedText")
        grid = QGridLayout()
        grid.setSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        self.pages: dict[str, ToolPage] = {}
        makers: dict[str, Callable[[], ToolPage]] = {
            "address": lambda: AddressPage(icons, powers.open_address),
            "code": lambda: CodePage(icons, tasks, powers.read_code),
            "status": lambda: StatusPage(icons, tasks, powers.status),
            "calls": lambda: CallsPage(icons, tasks, powers.open_calls),
            "reload": lambda: ReloadPage(icons, tasks, powers.check_config, powers.restart),
            "report": lambda: ReportPage(icons, tasks, powers.check_report),
        }
        direct = {"end_session": powers.end_session, "quit": powers.quit}
        for n, tool in enumerate(tools_for(account.role)):
            button = QPushButton(button_icon(icons, ICONS[tool]), "")
            button.setObjectName("ToolButton")
            button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
            button.setMinimumHeight(theme.MIN_TILE)
            self.buttons[tool] = button
            grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            if tool in direct:
                button.clicked.connect(lambda _=False, act=direct[tool]: act())
            else:
                page = makers[tool]()
                page.back.connect(self.show_menu)
                self.pages[tool] = page
                self.stack.addWidget(page)
                button.clicked.connect(lambda _=False, t=tool: self.open_tool(t))
        menu = QVBoxLayout(self.menu)
        menu.setContentsMargins(48, 16, 48, 16)
        menu.setSpacing(16)
        menu.addWidget(self.heading)
        menu.addWidget(self.who)
        menu.addLayout(grid)
        menu.addStretch()
        self.stack.insertWidget(0, self.menu)
        self.stack.setCurrentWidget(self.menu)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stack)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outils du conseiller"))
        self.heading.setText(self.tr("Outils du conseiller"))
        if self.account.role == "technician":
            who = self.tr("Vous êtes {name}, technicien.")
        else:
            who = self.tr("Vous êtes {name}, conseiller.")
        self.who.setText(who.format(name=self.account.name))
        for tool, button in self.buttons.items():
            button.setText(QCoreApplication.translate(CONTEXT, LABELS[tool]))

    def open_tool(self, tool: str) -> None:
        page = self.pages[tool]
        self.stack.setCurrentWidget(page)
        page.opened()

    def show_menu(self) -> None:
        self.stack.setCurrentWidget(self.menu)

    def forget(self) -> None:
        for page in self.pages.values():
            page.forget()
