"""Colours, sizes and the stylesheet of the kiosk, in one place.

Colours follow the French State's design system (DSFR): "bleu France" on white. Every text/background pair
used here has a contrast ratio of at least 7:1 (checked by tests/unit/shell/test_theme.py).
"""

from __future__ import annotations

BLUE = "#000091"  # bleu France
WHITE = "#FFFFFF"
INK = "#161616"  # main text
INK_SOFT = "#3A3A3A"  # secondary text, still ≥ 7:1 on white and on PAGE
PAGE = "#F6F6F6"  # page background
FOCUS = "#FFB000"  # focus ring, shown around the focused control
RED = "#8A0000"  # "Terminer ma session"
SHADE = "rgba(0, 0, 0, 170)"  # behind the overlays
AMBER_SOFT = "#FFE9B3"  # the help call's banner: seen at a glance, black text at 15:1
GREY = "#8A8A8A"  # a button that cannot be used now (WCAG exempts inactive controls from contrast)
ASSISTED = "#0F5C2E"  # the assisted mode's banner: an advisor is at the terminal

TEXT_PAIRS = {  # (text, background): every pair the stylesheet draws
    "body": (INK, PAGE),
    "soft": (INK_SOFT, PAGE),
    "tile": (INK, WHITE),
    "tile-soft": (INK_SOFT, WHITE),
    "bar": (WHITE, BLUE),
    "primary": (WHITE, BLUE),
    "danger": (WHITE, RED),
    "heading": (BLUE, PAGE),
    "card-accent": (BLUE, WHITE),
    "offline-mark": (WHITE, INK),
    "call-banner": (INK, AMBER_SOFT),
    "diagnostic-hint": (INK, WHITE),  # the hint, in a white box with an amber border
    "diagnostic-code": (BLUE, WHITE),  # the result code and the group
    "diagnostic-material": (INK, PAGE),  # simulated material (a message, an address) in a choice
    "diagnostic-selected-folder": (WHITE, BLUE),
    "assisted-banner": (WHITE, ASSISTED),
    "assisted-button": (ASSISTED, WHITE),
}

MIN_CONTROL = 48  # px: every control
MIN_TILE = 64  # px: every tile
TILE_HEIGHT = 96
HOME_TILE_HEIGHT = 88  # the least; the home makes a row of tiles taller when their words need it
SERVICE_TILE_HEIGHT = 78
ICON = 48
BAR_HEIGHT = 88

STYLESHEET = f"""
* {{ font-family: "DejaVu Sans"; font-size: 20px; color: {INK}; }}
#KioskWindow, #HomeScreen, #Page {{ background: {PAGE}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {PAGE}; border: none; }}
QScrollBar:vertical {{ width: 48px; background: {PAGE}; }}
QScrollBar::handle:vertical {{ background: {INK_SOFT}; min-height: 64px; border-radius: 8px; margin: 4px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}

#TopBar {{ background: {BLUE}; }}
#TopBar QLabel {{ color: {WHITE}; font-size: 22px; font-weight: bold; }}
QPushButton {{
  min-height: {MIN_CONTROL}px; padding: 8px 24px; border-radius: 8px; font-size: 22px; font-weight: bold;
  background: {WHITE}; color: {BLUE}; border: 3px solid {BLUE};
}}
QPushButton:focus {{ outline: none; border: 4px solid {FOCUS}; }}
QPushButton:pressed {{ background: {PAGE}; }}
#TopBar QPushButton {{ background: {WHITE}; color: {BLUE}; border: 3px solid {WHITE}; }}
#TopBar QPushButton#EndSession {{ background: {RED}; color: {WHITE}; border: 3px solid {WHITE}; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: {WHITE}; }}
#CallBanner {{ background: {AMBER_SOFT}; border-bottom: 2px solid {INK_SOFT}; }}
#CallBannerText {{ font-size: 22px; font-weight: bold; color: {INK}; background: transparent; }}
#CallBanner QPushButton {{ font-size: 20px; padding: 2px 16px; }}
#CallTicket {{ font-size: 72px; font-weight: bold; color: {BLUE}; }}
QPushButton:disabled {{ color: {GREY}; border-color: {GREY}; background: {PAGE}; }}

#Title {{ font-size: 32px; font-weight: bold; color: {INK}; }}
#Subtitle {{ font-size: 24px; color: {INK_SOFT}; padding-bottom: 2px; }}
#CategoryHeading {{ font-size: 23px; font-weight: bold; color: {BLUE}; }}
#PageButton {{ font-size: 24px; padding: 4px 24px; min-height: {MIN_TILE - 14}px; }}
#HomePageNumber {{ font-size: 24px; font-weight: bold; color: {INK}; }}
#ServiceDock {{ background: {WHITE}; border-top: 2px solid {INK_SOFT}; }}
#ServiceTile {{
  background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; padding: 0;
  min-height: {SERVICE_TILE_HEIGHT}px;
}}
#ServiceTile:hover {{ border: 3px solid {BLUE}; }}
#ServiceTile:focus {{ border: 4px solid {FOCUS}; }}
#ServiceTile:pressed {{ background: {PAGE}; }}

#Tile {{
  background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; padding: 0; text-align: left;
}}
#Tile:hover {{ border: 3px solid {BLUE}; }}
#Tile:focus {{ border: 4px solid {FOCUS}; }}
#Tile:pressed {{ background: {PAGE}; }}
#TileLabel {{ font-size: 26px; font-weight: bold; color: {INK}; background: transparent; }}
#Tile #TileLabel {{ font-size: 24px; }}
#TileDescription {{ font-size: 18px; color: {INK_SOFT}; background: transparent; }}
#OfflineMark {{ background: {INK}; border-radius: 6px; }}
#OfflineMark QLabel {{ color: {WHITE}; font-size: 16px; font-weight: bold; background: transparent; }}

#HelpCard {{ background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; }}
#HelpIntro {{ font-size: 26px; font-weight: bold; color: {INK}; }}
#HelpName {{ font-size: 22px; font-weight: bold; color: {INK_SOFT}; padding-top: 6px; }}
#HelpValue {{ font-size: 24px; color: {INK}; padding-top: 4px; }}
#HelpPhone {{ font-size: 36px; font-weight: bold; color: {BLUE}; }}

#BrowserBar {{ background: {WHITE}; border-bottom: 2px solid {INK_SOFT}; }}
QToolButton[bar="true"] {{
  min-height: {MIN_CONTROL}px; padding: 4px 8px; border-radius: 8px; font-size: 18px; font-weight: bold;
  background: {WHITE}; color: {BLUE}; border: 3px solid {BLUE};
}}
QToolButton[bar="true"][role="primary"] {{ background: {BLUE}; color: {WHITE}; }}
QToolButton[bar="true"]:focus {{ outline: none; border: 4px solid {FOCUS}; }}
QToolButton[bar="true"]:pressed {{ background: {PAGE}; }}
QToolButton[bar="true"]:disabled {{ color: {GREY}; border-color: {GREY}; background: {PAGE}; }}
#PopupBar {{ background: {BLUE}; }}
#PopupBar QLabel {{ color: {WHITE}; font-size: 22px; font-weight: bold; }}

#Overlay {{ background: {SHADE}; }}
#OverlayCard {{ background: {WHITE}; border-radius: 16px; }}
#OverlayTitle {{ font-size: 40px; font-weight: bold; }}
#OverlayText {{ font-size: 24px; }}
#Countdown {{ font-size: 72px; font-weight: bold; color: {BLUE}; }}

#ChooserMessage {{ font-size: 28px; font-weight: bold; color: {INK}; }}
#ChooserDocuments, #ChooserGrid {{ background: {WHITE}; border: none; }}
#DocumentTile {{ background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; padding: 0; }}
#DocumentTile:hover {{ border: 3px solid {BLUE}; }}
#DocumentTile:focus {{ border: 4px solid {FOCUS}; }}
#DocumentTile:checked {{ background: {WHITE}; border: 6px solid {BLUE}; }}
#DocumentTile:checked:focus {{ border: 6px solid {FOCUS}; }}
#DocumentThumbnail {{ background: {PAGE}; border: 1px solid {INK_SOFT}; }}
#DocumentName {{ font-size: 18px; color: {INK}; background: transparent; }}
#TileCheck {{ background: {BLUE}; border-radius: 22px; }}

#StepperButton {{ font-size: 34px; padding: 0; }}
#StepperValue {{ font-size: 34px; font-weight: bold; color: {INK}; }}

#PrintWizard, #ScanWizard {{ background: {PAGE}; }}
#ScanKind {{ font-size: 28px; text-align: left; padding: 16px 32px; min-height: 96px; }}
#ScanPreview {{ background: {WHITE}; border: 2px solid {INK_SOFT}; }}
#WizardTitle {{ font-size: 34px; font-weight: bold; color: {INK}; }}
#WizardText {{ font-size: 24px; color: {INK}; }}
#WizardLabel {{ font-size: 24px; font-weight: bold; color: {INK}; }}
#WizardSummary {{ font-size: 26px; font-weight: bold; color: {BLUE}; }}
#WizardWarning {{ font-size: 22px; color: {INK}; background: {WHITE}; border: 3px solid {RED};
  border-radius: 8px; padding: 12px; }}
#PageThumbnail {{ background: {WHITE}; border: 2px solid {INK_SOFT}; }}
#PageThumbnail[left_out="true"] {{ border: 2px dashed {GREY}; }}
#PageNumber {{ font-size: 18px; color: {INK_SOFT}; }}
QPushButton[choice="true"]:checked {{ background: {BLUE}; color: {WHITE}; }}
QProgressBar {{ min-height: 40px; border: 2px solid {INK_SOFT}; border-radius: 8px; background: {WHITE}; }}
QProgressBar::chunk {{ background: {BLUE}; border-radius: 6px; }}

#DocumentViewer, #DocumentViewer QScrollArea {{ background: {PAGE}; }}
#ViewerBar {{ background: {WHITE}; border-bottom: 2px solid {INK_SOFT}; }}
#ViewerTitle {{ font-size: 24px; font-weight: bold; color: {INK}; background: {WHITE}; }}
#ViewerPages {{ font-size: 20px; color: {INK_SOFT}; background: {WHITE}; }}
#ViewerMessage {{ font-size: 28px; color: {INK}; background: {PAGE}; padding: 48px; }}
#DiagnosticScreen {{ background: {PAGE}; }}
#DiagTitle {{ font-size: 36px; font-weight: bold; color: {BLUE}; }}
#DiagText {{ font-size: 28px; color: {INK}; }}
#DiagProgress {{ font-size: 22px; font-weight: bold; color: {INK_SOFT}; }}
QProgressBar#DiagProgressBar {{ min-height: 12px; max-height: 12px; border-radius: 7px; }}
#DiagPrompt {{ font-size: 30px; font-weight: bold; color: {INK}; }}
#DiagHint {{ background: {WHITE}; border: 4px solid {FOCUS}; border-radius: 12px; }}
#DiagHintText {{ font-size: 24px; color: {INK}; background: transparent; }}
#DiagCard {{ background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; }}
#DiagGroup {{ font-size: 28px; font-weight: bold; color: {BLUE}; background: transparent; }}
#DiagCardText {{ font-size: 21px; color: {INK}; background: transparent; }}
#DiagCardHeading {{ font-size: 21px; font-weight: bold; color: {INK}; background: transparent; }}
#DiagPlace {{ font-size: 21px; font-weight: bold; color: {BLUE}; background: transparent; }}
#DiagResultText {{ font-size: 21px; color: {INK}; }}
#DiagCode {{ font-size: 48px; font-weight: bold; color: {BLUE}; background: transparent; }}
#DiagAreaName {{ font-size: 21px; color: {INK}; }}
#DiagAreaLevel {{ font-size: 21px; font-weight: bold; color: {BLUE}; }}
#ExerciseFieldLabel {{ font-size: 26px; font-weight: bold; color: {INK}; }}
QLineEdit#ExerciseField {{ font-size: 28px; padding: 6px 12px; color: {INK}; background: {WHITE};
  border: 3px solid {INK_SOFT}; border-radius: 8px; }}
QLineEdit#ExerciseField:focus {{ border: 4px solid {FOCUS}; }}
#ExerciseNote {{ font-size: 22px; color: {INK_SOFT}; }}
#SimWindow {{ background: {WHITE}; border: 2px solid {INK_SOFT}; border-radius: 12px; }}
#SimTab {{ background: {PAGE}; font-size: 20px; font-weight: bold; color: {INK}; padding: 4px 16px; }}
#SimBar {{ background: {PAGE}; border-bottom: 2px solid {INK_SOFT}; }}
#SimPage, QScrollArea#SimScroll, QScrollArea#SimScroll > QWidget > QWidget {{ background: {WHITE}; }}
#SimText {{ font-size: 24px; color: {INK}; background: transparent; }}
#SimHeading, #SimTextButton, #SimLink, #SimImage {{ background: transparent; border: none; text-align: left;
  padding: 4px 0; color: {INK}; }}
#SimHeading {{ font-size: 30px; }}
#SimTextButton {{ font-size: 24px; font-weight: normal; }}
#SimLink {{ font-size: 24px; color: {BLUE}; text-decoration: underline; }}
#SimSearch, #AddressBar {{ font-size: 22px; font-weight: normal; color: {INK_SOFT}; background: {WHITE};
  border: 2px solid {INK_SOFT}; text-align: left; padding: 8px 16px; }}
#SimSearch {{ border-radius: 24px; }}
#AddressBar {{ color: {INK}; border-radius: 8px; }}
#MailList {{ background: {PAGE}; }}
#MailHeading {{ font-size: 22px; font-weight: bold; color: {INK}; }}
#MailRow, #FileRow, #ChoiceTile, #NeedChoice {{ background: {WHITE}; border: 3px solid {INK_SOFT};
  border-radius: 10px; padding: 0; text-align: left; min-height: {MIN_TILE}px; }}
#MailRow:checked, #FileRow:checked, #ChoiceTile:checked {{ border: 6px solid {BLUE}; }}
#MailRow:focus, #FileRow:focus, #ChoiceTile:focus, #NeedChoice:focus {{ border: 4px solid {FOCUS}; }}
#MailRow:checked:focus, #FileRow:checked:focus, #ChoiceTile:checked:focus {{ border: 6px solid {FOCUS}; }}
#MailSenderName {{ font-size: 22px; color: {INK}; background: transparent; }}
#MailRow[unread="true"] #MailSenderName {{ font-weight: bold; color: {BLUE}; }}
#MailSubject {{ font-size: 20px; color: {INK}; background: transparent; }}
#MailDate {{ font-size: 18px; color: {INK_SOFT}; background: transparent; }}
#MailTitle {{ font-size: 26px; font-weight: bold; color: {INK}; background: transparent; }}
#MailField {{ font-size: 22px; font-weight: bold; color: {INK}; background: transparent; }}
#MailSender {{ font-size: 22px; font-weight: normal; color: {BLUE}; background: {WHITE}; border: none;
  text-decoration: underline; text-align: left; padding: 4px 8px; }}
#FolderButton {{ text-align: left; font-size: 22px; padding: 6px 12px; }}
#FolderButton:checked {{ background: {BLUE}; color: {WHITE}; }}
#FileName {{ font-size: 24px; color: {INK}; background: transparent; }}
#FileIcon {{ background: transparent; }}
#FileChosen {{ font-size: 22px; font-weight: bold; color: {INK}; }}
#ChoiceMark {{ background: {WHITE}; border: 3px solid {INK_SOFT}; border-radius: 22px; }}
#ChoiceMark[checked="true"] {{ background: {BLUE}; border-color: {BLUE}; }}
#ChoiceLabel {{ font-size: 24px; font-weight: bold; color: {INK}; background: transparent; }}
#ChoiceDetail {{ font-size: 22px; color: {INK}; background: {PAGE}; border: 1px solid {INK_SOFT};
  border-radius: 6px; padding: 4px 8px; }}
#NeedChoiceLabel {{ font-size: 26px; font-weight: bold; color: {INK}; background: transparent; }}

#AdvisorCorner {{ font-size: 16px; font-weight: normal; color: {INK_SOFT}; background: transparent;
  border: 2px solid {PAGE}; padding: 4px 12px; }}
#AdvisorCorner:focus {{ border: 4px solid {FOCUS}; }}
#AssistedBanner {{ background: {ASSISTED}; }}
#AssistedBanner QLabel {{ color: {WHITE}; font-size: 22px; font-weight: bold; }}
#AssistedBanner QPushButton {{ background: {WHITE}; color: {ASSISTED}; border: 3px solid {WHITE};
  font-size: 18px; padding: 2px 12px; }}
#AssistedBanner QPushButton:focus {{ border: 4px solid {FOCUS}; }}
#AssistedScreen {{ background: {PAGE}; }}
#PinDots {{ font-size: 40px; font-weight: bold; color: {INK}; background: {WHITE};
  border: 3px solid {INK_SOFT}; border-radius: 8px; padding: 4px 16px; }}
#PinKey {{ font-size: 32px; padding: 0; min-height: 72px; min-width: 128px; }}
#PinAction {{ font-size: 22px; padding: 0; min-height: 72px; min-width: 128px; }}
#AssistedMessage {{ font-size: 24px; font-weight: bold; color: {INK}; }}
#AssistedText {{ font-size: 22px; color: {INK}; }}
#AssistedName {{ font-size: 22px; font-weight: bold; color: {INK_SOFT}; }}
#ToolButton {{ font-size: 22px; text-align: left; padding: 8px 24px; min-height: {MIN_TILE}px; }}
QLineEdit#AssistedField {{ font-size: 26px; padding: 6px 12px; color: {INK}; background: {WHITE};
  border: 3px solid {INK_SOFT}; border-radius: 8px; min-height: 40px; }}
QLineEdit#AssistedField:focus {{ border: 4px solid {FOCUS}; }}
QPlainTextEdit#AssistedResult {{ font-size: 22px; color: {INK}; background: {WHITE};
  border: 2px solid {INK_SOFT}; border-radius: 8px; padding: 4px 8px; }}
QPlainTextEdit#ReportText {{ font-family: "DejaVu Sans Mono"; font-size: 16px; color: {INK};
  background: {WHITE}; border: 2px solid {INK_SOFT}; }}
"""


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two #RRGGBB colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
