"""The photocopy: "Photocopier" on the home screen, a scan on SANE's test scanner, then the print wizard with
that scan, out of a private CUPS's PDF printer; back home at the end."""

from __future__ import annotations

from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.devices.printer.conftest import pdf_page_count
from tests.gui.devices.printer.test_print_wizard import print_kiosk  # noqa: F401 (fixture)
from tests.gui.devices.scanner.conftest import write_sane_config


def test_photocopier_scans_then_prints(print_kiosk, cups, printer, monkeypatch, tmp_path, qtbot):  # noqa: F811
    monkeypatch.setenv("SANE_CONFIG_DIR", str(write_sane_config(tmp_path / "sane")))
    kiosk = print_kiosk()
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "copy"))
    scan = kiosk.window.screens.currentWidget()
    assert scan.choose_page.title.text() == "Que voulez-vous photocopier ?"
    touch(kiosk.window, scan.choose_page.one_sheet_button)
    assert scan.place_page.scan_button.text() == "Photocopier"
    touch(kiosk.window, scan.place_page.scan_button)
    qtbot.waitUntil(lambda: scan.pages.currentWidget() is scan.preview_page, timeout=30000)
    touch(kiosk.window, scan.preview_page.yes_button)  # "Est-elle lisible ?" Oui: one sheet, to the printer

    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.printing.wizard, timeout=15000)
    wizard = kiosk.printing.wizard
    assert wizard.path.endswith("Document scanné 1.pdf")
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    touch(kiosk.window, wizard.options_page.copies.more_button)
    touch(kiosk.window, wizard.options_page.print_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=30000)
    assert pdf_page_count(cups.output(printer)) == 2  # one page, two copies

    touch(kiosk.window, wizard.done_page.done_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home
