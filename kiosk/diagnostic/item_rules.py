"""The rules inside one exercise of the diagnostic content, beyond its keys' types: its answers name things
that exist in it, its ids are unique, its expected texts follow its own rules.
Pure: no Qt.
"""

from __future__ import annotations

from kiosk.config.problems import Issue, KeyPath
from kiosk.diagnostic.checks import typing_ok
from kiosk.diagnostic.items import (
    BROWSER_CONTROLS,
    ChoiceItem,
    ClickItem,
    DoubleClickItem,
    DragItem,
    FilePickerItem,
    ItemBase,
    MailboxItem,
    ScrollItem,
    TypingItem,
    WebPageItem,
)


def item_issues(item: ItemBase, path: KeyPath) -> list[Issue]:
    """The references inside one item: answers name things that exist, ids are unique."""
    issues: list[Issue] = []

    def ids(values: list[str], key: str, sub: str = "id") -> set[str]:
        issues.extend(duplicates(values, (*path, key), sub))
        return set(values)

    def must(value: str, known: set[str], key: KeyPath, what: str) -> None:
        if value not in known:
            issues.append(unknown((*path, *key), what, value, known))

    if isinstance(item, ClickItem | DoubleClickItem):
        targets = ids([t.id for t in item.targets], "targets")
        if isinstance(item, ClickItem):
            for n, target in enumerate(item.sequence):
                must(target, targets, ("sequence", n), "target")
            issues += duplicates(list(item.sequence), (*path, "sequence"), None)
        else:
            must(item.answer, targets, ("answer",), "target")
    elif isinstance(item, DragItem):
        pieces = ids([p.id for p in item.pieces], "pieces")
        zones = ids([z.id for z in item.zones], "zones")
        if not item.answer:
            issues.append(
                Issue((*path, "answer"), "no piece to drag", "write for example answer: {piece: zone}")
            )
        for piece, zone in item.answer.items():
            must(piece, pieces, ("answer", piece), "piece")
            must(zone, zones, ("answer", piece), "zone")
    elif isinstance(item, TypingItem):
        ids([f.id for f in item.fields], "fields")
        if not any(f.expected or f.rules for f in item.fields):
            issues.append(Issue((*path, "fields"), "no field is checked", "give a field expected or rules"))
        for n, field in enumerate(item.fields):
            if field.expected and not typing_ok(field, field.expected):
                issues.append(
                    Issue(
                        (*path, "fields", n, "expected"),
                        f"the expected text {field.expected} does not follow the field's own rules",
                        "change the text or the rules",
                    )
                )
    elif isinstance(item, ScrollItem):
        buttons = ids([b.id for b in item.buttons], "buttons")
        must(item.answer, buttons, ("answer",), "button")
        for n, button in enumerate(item.buttons):
            if button.after >= len(item.paragraphs):
                issues.append(
                    Issue(
                        (*path, "buttons", n, "after"),
                        f"there are only {len(item.paragraphs)} paragraphs (numbered from 0)",
                        f"write a number up to {len(item.paragraphs) - 1}",
                    )
                )
    elif isinstance(item, ChoiceItem):
        choices = ids([c.id for c in item.choices], "choices")
        for n, choice in enumerate(item.correct):
            must(choice, choices, ("correct", n), "choice")
        issues += duplicates(list(item.correct), (*path, "correct"), None)
        if not item.multiple and len(item.correct) != 1:
            issues.append(
                Issue(
                    (*path, "correct"), "a single choice has exactly one right answer", "add multiple: true"
                )
            )
    elif isinstance(item, WebPageItem):
        pages = ids([p.id for p in item.pages], "pages")
        elements: set[str] = set()
        for n, page in enumerate(item.pages):
            for m, element in enumerate(page.elements):
                where = (*path, "pages", n, "elements", m)
                if element.id in elements or element.id in BROWSER_CONTROLS:
                    issues.append(Issue((*where, "id"), f"the id {element.id} is already used in this item"))
                elements.add(element.id)
                if element.goes_to and element.goes_to not in pages:
                    issues.append(unknown((*where, "goes_to"), "page", element.goes_to, pages))
        must(item.start, pages, ("start",), "page")
        for n, page in enumerate(item.history):
            must(page, pages, ("history", n), "page")
        goal = item.goal
        if bool(goal.click) == bool(goal.reach):
            issues.append(
                Issue((*path, "goal"), "set exactly one of click and reach", "write goal: {click: id}")
            )
        elif goal.click:
            must(goal.click, elements | set(BROWSER_CONTROLS), ("goal", "click"), "element")
        else:
            must(goal.reach, pages - {item.start}, ("goal", "reach"), "page other than start")
    elif isinstance(item, MailboxItem):
        messages = ids([m.id for m in item.messages], "messages")
        for n, message in enumerate(item.messages):
            issues += duplicates(
                [a.id for a in message.attachments], (*path, "messages", n, "attachments"), "id"
            )
        goal = item.goal
        must(goal.message, messages, ("goal", "message"), "message")
        target = next((m for m in item.messages if m.id == goal.message), None)
        if goal.action == "open_attachment":
            if target is not None:
                must(
                    goal.attachment, {a.id for a in target.attachments}, ("goal", "attachment"), "attachment"
                )
        elif goal.attachment:
            issues.append(
                Issue((*path, "goal", "attachment"), f"only for open_attachment, not {goal.action}")
            )
    elif isinstance(item, FilePickerItem):
        folders = ids([f.id for f in item.folders], "folders")
        files: set[str] = set()
        for n, folder in enumerate(item.folders):
            for m, file in enumerate(folder.files):
                if file.id in files:
                    where = (*path, "folders", n, "files", m, "id")
                    issues.append(Issue(where, f"the id {file.id} is already used in this item"))
                files.add(file.id)
        must(item.start, folders, ("start",), "folder")
        if item.selected:
            must(item.selected, files, ("selected",), "file")
        must(item.goal.file, files, ("goal", "file"), "file")
        must(item.goal.button, set(item.buttons), ("goal", "button"), "button of buttons")
    return issues


def unknown(path: KeyPath, what: str, value: str, known: set[str]) -> Issue:
    """A reference to a `what` that is not among the `known` ids."""
    choices = ", ".join(sorted(known)) or "none"
    return Issue(path, f"there is no {what} {value} here", f"use one of: {choices}")


def duplicates(values: list[str], path: KeyPath, sub: str | None) -> list[Issue]:
    """Each value written a second time, at its index (and its `sub` key, like "id")."""
    seen: set[str] = set()
    issues = []
    for n, value in enumerate(values):
        if value in seen:
            where = (*path, n, sub) if sub else (*path, n)
            issues.append(Issue(where, f"{value} is written twice", "give each one its own id"))
        seen.add(value)
    return issues
