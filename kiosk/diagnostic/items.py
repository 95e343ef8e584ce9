"""The exercise kinds of the diagnostic content, and the parts they are made of (targets, pieces, pages…).

Every item is one exercise *kind*, a tagged union on the key `kind`: each kind carries every parameter its
Qt widget needs. Shared conventions for the widgets:
- `x`, `y` are the centre of a target or piece; `size` is its diameter, in percent of the area's height.
- A *try* ends with an answer the widget can judge (what counts as a try is said in each kind). A right
  first try is `Outcome.SUCCESS_ALONE`. After a wrong try the widget shows `hint`; a right try then is
  `Outcome.SUCCESS_AFTER_HINT`, a second wrong try is `Outcome.FAILED`. "Je ne sais pas" and "Passer"
  are shown for every item. Time never makes an item fail and is never shown.
- Texts the kiosk says (prompt, hint, label, name) are plain French: short sentences of 12 words at most.
  Texts that play a part in a simulation (a message body, a page, a fraudulent SMS in `detail`) are
  simulated material and may be longer.

Pure: nothing here imports PySide6.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from msgspec import Meta

from kiosk.diagnostic.values import Percent, Picture, Size, Slug, Strict, Text

Color = Literal["vert", "bleu", "rouge", "orange", "gris", "noir"]
Shape = Literal["rond", "carre", "bouton"]
TypingRule = Literal["not_empty", "contains_at", "starts_with_capital", "has_digit", "has_accent", "email"]
TYPING_RULES: tuple[str, ...] = get_args(TypingRule)
PageRole = Literal["heading", "text", "link", "button", "search_box", "field", "image"]
FileType = Literal["pdf", "image", "text", "other"]
FileButton = Literal["ouvrir", "imprimer", "enregistrer", "annuler"]
MailAction = Literal["open", "sender", "open_attachment", "reply"]

# The simulated browser's own controls, which a `web_page` goal may name as `click`.
ADDRESS_BAR = "barre-adresse"
BACK_BUTTON = "bouton-retour"
BROWSER_CONTROLS = (ADDRESS_BAR, BACK_BUTTON)

# ---- parts of exercises ------------------------------------------------------------------------------


class Target(Strict, kw_only=True):
    """Something to click or double-click, drawn at a place of the exercise area."""

    id: Annotated[Slug, Meta(description="Identifier, named by the answer")]
    x: Annotated[Percent, Meta(description="Centre, from the left edge")]
    y: Annotated[Percent, Meta(description="Centre, from the top edge")]
    size: Annotated[Size, Meta(description="Diameter, in percent of the area's height")]
    shape: Annotated[Shape, Meta(description="rond, carre or bouton (a button with its label)")] = "rond"
    color: Annotated[Color, Meta(description="Fill colour, named in prompts")] = "bleu"
    label: Annotated[str, Meta(description="Text on or under the target; may be empty")] = ""
    picture: Picture = ""


class Piece(Strict, kw_only=True):
    """Something the visitor drags, drawn at its start place."""

    id: Slug
    label: Annotated[Text, Meta(description="Text on the piece")]
    x: Percent
    y: Percent
    picture: Picture = ""


class Zone(Strict, kw_only=True):
    """A place where pieces are dropped: a rectangle given by its top-left corner, width and height."""

    id: Slug
    label: Annotated[Text, Meta(description="Text in the zone, like a folder name")]
    x: Percent
    y: Percent
    width: Percent
    height: Percent
    picture: Picture = ""


class Field(Strict, kw_only=True):
    """One text field of a typing exercise. Its text is right when it equals `expected` (if given, after
    the ignore_* options; spaces at both ends never count) and follows every rule."""

    id: Slug
    label: Annotated[Text, Meta(description="Label shown before the field")]
    prefill: Annotated[str, Meta(description="Text already in the field (a mistake to correct)")] = ""
    expected: Annotated[str, Meta(description="The exact text to get; empty when only rules apply")] = ""
    ignore_case: bool = False
    ignore_accents: bool = False
    rules: Annotated[tuple[TypingRule, ...], Meta(description="Checks the text must pass")] = ()


class ScrollButton(Strict, kw_only=True):
    """A button inside a long scrolling page, after the paragraph number `after` (0 = the first)."""

    id: Slug
    label: Text
    after: Annotated[int, Meta(ge=0, description="Index of the paragraph the button follows")]


class Choice(Strict, kw_only=True):
    """One answer of a choice question."""

    id: Slug
    label: Annotated[Text, Meta(description="The answer, in plain words")]
    detail: Annotated[str, Meta(description="Simulated material shown with it (a message, an address)")] = ""
    picture: Picture = ""


class PageElement(Strict, kw_only=True):
    """One element of a simulated web page. A link with `goes_to` opens that page."""

    id: Slug
    role: PageRole
    text: Annotated[str, Meta(description="What the element shows (simulated material)")] = ""
    picture: Picture = ""
    goes_to: Annotated[str, Meta(description="Id of the page a link or button opens")] = ""


class Page(Strict, kw_only=True):
    """One page of the simulated browser."""

    id: Slug
    address: Annotated[Text, Meta(description="Shown in the address bar, like https://www.caf.fr/")]
    title: Annotated[str, Meta(description="Tab title")] = ""
    elements: tuple[PageElement, ...]


class PageGoal(Strict, kw_only=True):
    """What ends a web exercise: a click on an element (or on a browser control), or reaching a page.
    Exactly one of the two is set."""

    click: Annotated[str, Meta(description="Element id, or barre-adresse or bouton-retour")] = ""
    reach: Annotated[str, Meta(description="Page id")] = ""


class Attachment(Strict, kw_only=True):
    id: Slug
    name: Annotated[Text, Meta(description="File name, like facture.pdf")]
    type: FileType = "pdf"


class Message(Strict, kw_only=True):
    """One e-mail of the simulated mailbox."""

    id: Slug
    sender_name: Text
    sender_address: Text
    subject: Text
    date: Annotated[str, Meta(description="As shown in the list, like 12 mars")] = ""
    body: Annotated[str, Meta(description="Simulated material")] = ""
    attachments: tuple[Attachment, ...] = ()
    unread: bool = True


class MailGoal(Strict, kw_only=True):
    """open: open `message`; sender: click its sender; open_attachment: open `attachment` of `message`;
    reply: press Répondre on `message`, write anything, press Envoyer."""

    action: MailAction
    message: Slug
    attachment: str = ""


class File(Strict, kw_only=True):
    id: Slug
    name: Annotated[Text, Meta(description="File name as shown, like attestation.pdf")]
    type: FileType
    date: str = ""


class Folder(Strict, kw_only=True):
    id: Slug
    name: Text
    files: tuple[File, ...] = ()


class FileGoal(Strict, kw_only=True):
    """The file to select, then the button to press."""

    file: Slug
    button: FileButton


# ---- the exercise kinds (tagged union on `kind`) ---------------------------------------------------


class ItemBase(Strict, kw_only=True, tag_field="kind"):
    """What every item has. Each kind below adds its own parameters."""

    id: Annotated[Slug, Meta(description="Identifier, unique in the whole file")]
    difficulty: Annotated[Literal[1, 2, 3], Meta(description="1 easy, 2 middle, 3 hard")]
    prompt: Annotated[Text, Meta(description="The instruction, read aloud")]
    hint: Annotated[Text, Meta(description="Shown after a wrong try")]
    picture: Picture = ""


class ClickItem(ItemBase, kw_only=True, tag="click"):
    """Click the targets of `sequence`, in that order. A try: one click in the area; a click outside the
    expected target is a wrong try."""

    targets: Annotated[tuple[Target, ...], Meta(min_length=1)]
    sequence: Annotated[tuple[Slug, ...], Meta(min_length=1, description="Target ids, in click order")]


class DoubleClickItem(ItemBase, kw_only=True, tag="double_click"):
    """Double-click the target `answer`. A try: a double-click, or a single click left alone; anything
    but a double-click on `answer` is a wrong try."""

    targets: Annotated[tuple[Target, ...], Meta(min_length=1)]
    answer: Slug


class DragItem(ItemBase, kw_only=True, tag="drag"):
    """Drag each piece of `answer` into its zone. Pieces not in `answer` stay where they are. A try: one
    drop; a drop in a wrong zone is a wrong try (the piece goes back)."""

    pieces: Annotated[tuple[Piece, ...], Meta(min_length=1)]
    zones: Annotated[tuple[Zone, ...], Meta(min_length=1)]
    answer: Annotated[dict[str, str], Meta(description="Piece id -> zone id")]


class TypingItem(ItemBase, kw_only=True, tag="typing"):
    """Type in the fields, then press Valider. A try: one press of Valider (see `checks.typing_ok`).
    With `require_tab`, the visitor must go from one field to the next with the Tab key."""

    fields: Annotated[tuple[Field, ...], Meta(min_length=1)]
    require_tab: bool = False


class ScrollItem(ItemBase, kw_only=True, tag="scroll"):
    """A page longer than the screen: scroll to find the button `answer` and click it. A try: a click on
    a button; a click on another button is a wrong try."""

    paragraphs: Annotated[tuple[str, ...], Meta(min_length=3, description="Simulated material")]
    buttons: Annotated[tuple[ScrollButton, ...], Meta(min_length=1)]
    answer: Slug


class ChoiceItem(ItemBase, kw_only=True, tag="choice"):
    """Pick the right answer (radio buttons) or, with `multiple`, every right answer (check boxes), then
    press Valider. A try: one press of Valider (see `checks.choice_ok`)."""

    choices: Annotated[tuple[Choice, ...], Meta(min_length=2)]
    correct: Annotated[tuple[Slug, ...], Meta(min_length=1)]
    multiple: bool = False


class WebPageItem(ItemBase, kw_only=True, tag="web_page"):
    """A simulated browser: address bar (`barre-adresse`), Retour button (`bouton-retour`), the page.
    It opens `start`; `history` are the pages before it, reached with Retour. Following a link is free;
    any other click that is not the goal (a button, a field, a text, a browser control) is a wrong try.
    A link or button with `goes_to` opens that page."""

    pages: Annotated[tuple[Page, ...], Meta(min_length=1)]
    start: Slug
    history: Annotated[tuple[Slug, ...], Meta(description="Pages before start, oldest first")] = ()
    goal: PageGoal


class MailboxItem(ItemBase, kw_only=True, tag="mailbox"):
    """A simulated mailbox: the list of messages, a message opened, its attachments. A click on another
    message, sender or attachment than the goal's is a wrong try (opening the goal's message on the way
    is free)."""

    messages: Annotated[tuple[Message, ...], Meta(min_length=1)]
    goal: MailGoal


class FilePickerItem(ItemBase, kw_only=True, tag="file_picker"):
    """A simulated file chooser: folders on the left, files of the open folder, `buttons` at the bottom.
    Selecting files and opening folders is free; pressing a button with the wrong file or the wrong
    button is a wrong try."""

    folders: Annotated[tuple[Folder, ...], Meta(min_length=1)]
    start: Annotated[Slug, Meta(description="Id of the folder open at first")]
    selected: Annotated[str, Meta(description="Id of a file already selected; empty for none")] = ""
    buttons: Annotated[tuple[FileButton, ...], Meta(min_length=1)]
    goal: FileGoal


Item = (
    ClickItem
    | DoubleClickItem
    | DragItem
    | TypingItem
    | ScrollItem
    | ChoiceItem
    | WebPageItem
    | MailboxItem
    | FilePickerItem
)
ITEM_KINDS: dict[str, type[ItemBase]] = {
    cls.__struct_config__.tag: cls  # type: ignore[misc]
    for cls in (
        ClickItem,
        DoubleClickItem,
        DragItem,
        TypingItem,
        ScrollItem,
        ChoiceItem,
        WebPageItem,
        MailboxItem,
        FilePickerItem,
    )
}
