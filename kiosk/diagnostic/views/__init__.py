"""The Qt side of the diagnostic: one exercise widget per kind (`EXERCISES`); `DiagnosticScreen` (screen.py)
and its pages (`*_page.py`)."""

from __future__ import annotations

from kiosk.diagnostic.views.base import Exercise, Pictures
from kiosk.diagnostic.views.files import FilePickerExercise
from kiosk.diagnostic.views.forms import ChoiceExercise, ScrollExercise, TypingExercise
from kiosk.diagnostic.views.mailbox import MailboxExercise
from kiosk.diagnostic.views.pointer import ClickExercise, DoubleClickExercise, DragExercise
from kiosk.diagnostic.views.web import WebPageExercise

EXERCISES: dict[str, type[Exercise]] = {
    "click": ClickExercise,
    "double_click": DoubleClickExercise,
    "drag": DragExercise,
    "typing": TypingExercise,
    "scroll": ScrollExercise,
    "choice": ChoiceExercise,
    "web_page": WebPageExercise,
    "mailbox": MailboxExercise,
    "file_picker": FilePickerExercise,
}


def make_exercise(item, pictures: Pictures, icons) -> Exercise:
    """The widget of an item, by its kind."""
    return EXERCISES[type(item).__struct_config__.tag](item, pictures, icons)


__all__ = ["EXERCISES", "Exercise", "Pictures", "make_exercise"]
