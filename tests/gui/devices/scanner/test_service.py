"""ScanService against the real SANE test device: scanimage runs as a child process, signals through qtbot."""

from __future__ import annotations

import os
import signal
import time

import pikepdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from kiosk.devices.scanner.defaults import Purpose
from kiosk.devices.scanner.service import ScanService

SLOW = {"read_delay": "true", "read_delay_duration": "200000"}  # 0.2 s a buffer: a colour page takes seconds
WAIT = 30_000


@pytest.fixture
def make_service(qtbot, scratch):
    made = []

    def make(config, **options) -> ScanService:
        service = ScanService(scratch, sane_config_dir=config, **options)
        made.append(service)
        return service

    yield make
    for service in made:
        service.wipe()


def files_under(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def mm_to_pixels(mm: float, dpi: int) -> int:
    return round(mm / 25.4 * dpi)


def test_lists_the_test_device(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config())
    with qtbot.waitSignal(service.devices_changed, timeout=WAIT) as blocker:
        service.refresh_devices()
    names = [scanner.device.name for scanner in blocker.args[0]]
    assert names == ["test:0", "test:1"]
    assert service.scanners[0].capabilities.has_feeder


def test_one_text_page(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config(test_picture='"Color pattern"'))
    progress, pages = [], []
    service.progress.connect(lambda percent, page: progress.append((percent, page)))
    service.page_scanned.connect(pages.append)
    with qtbot.waitSignal(service.finished, timeout=WAIT) as blocker:
        assert service.scan(Purpose.TEXT)
    paths = blocker.args[0]
    assert paths == pages and len(paths) == 1
    image = QImage(paths[0])
    # test.conf's scan area is 80 × 100 mm; text is scanned at 300 dpi
    assert abs(image.width() - mm_to_pixels(80, 300)) <= 2
    assert abs(image.height() - mm_to_pixels(100, 300)) <= 2
    assert image.isGrayscale()
    assert progress and all(page == 1 for _, page in progress) and max(p for p, _ in progress) >= 99
    assert [page.path.name for page in service.pages()] == [os.path.basename(paths[0])]
    assert not list(scratch.glob("*.png")), "raw pages are kept out of the visitor's documents"


def test_photo_is_in_colour(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config(test_picture='"Color pattern"'))
    with qtbot.waitSignal(service.finished, timeout=WAIT) as blocker:
        service.scan(Purpose.PHOTO)
    image = QImage(blocker.args[0][0])
    assert not image.isGrayscale()
    assert image.format() != QImage.Format.Format_Grayscale8


def test_feeder_batch_into_one_pdf(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config())  # the test feeder holds 10 sheets
    with qtbot.waitSignal(service.finished, timeout=WAIT) as blocker:
        service.scan(Purpose.TEXT, feeder=True)
    assert len(blocker.args[0]) == 10
    service.delete_page(9)
    assert len(service.pages()) == 9 and len(files_under(scratch / ".scans")) == 9
    service.rotate_page(0)
    service.rotate_page(1, 2)
    with qtbot.waitSignal(service.pdf_ready, timeout=WAIT) as made:
        target = service.make_pdf()
    assert made.args[0] == str(target) and target.name == "Document scanné 1.pdf"
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() == 9
    document.close()
    with pikepdf.open(target) as pdf:
        assert [int(page.obj.get("/Rotate", 0)) for page in pdf.pages[:3]] == [90, 180, 0]
    with qtbot.waitSignal(service.pdf_ready, timeout=WAIT) as second:
        service.make_pdf(service.pages()[:2])
    assert second.args[0].endswith("Document scanné 2.pdf")


def test_flatbed_pages_add_up(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config())
    for _ in range(2):
        with qtbot.waitSignal(service.finished, timeout=WAIT):
            service.scan(Purpose.TEXT)
    pages = service.pages()
    assert len(pages) == 2 and pages[0].path != pages[1].path
    assert all(page.path.is_file() for page in pages)


def test_cancel_mid_scan(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config(**SLOW))
    with qtbot.waitSignal(service.devices_changed, timeout=WAIT):
        service.refresh_devices()
    started = time.monotonic()
    with qtbot.waitSignal(service.progress, timeout=WAIT, check_params_cb=lambda percent, page: percent > 0):
        service.scan(Purpose.PHOTO)
    finished = []
    service.finished.connect(finished.append)
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        service.cancel()
    assert blocker.args == ["cancelled"]
    assert time.monotonic() - started < 5, "a cancelled scan stops at once"
    assert not finished and service.pages() == []
    assert files_under(scratch / ".scans") == [], "no partial page is left"
    assert not service.scanning


def test_no_device(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config(backends=""))
    devices = []
    service.devices_changed.connect(devices.append)
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        service.scan(Purpose.TEXT)
    assert blocker.args == ["no-device"]
    assert devices == [()]


def test_driver_killed_mid_scan(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config(**SLOW))
    with qtbot.waitSignal(service.progress, timeout=WAIT, check_params_cb=lambda percent, page: percent > 0):
        service.scan(Purpose.PHOTO)
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        os.kill(service.driver_pid, signal.SIGKILL)
    assert blocker.args == ["crashed"]
    before = len(ticks)
    qtbot.wait(100)
    timer.stop()
    assert len(ticks) > before, "the event loop still runs after the driver died"
    assert files_under(scratch / ".scans") == []


def test_watchdog_stops_a_frozen_driver(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config(**SLOW), stall_timeout=1.0)
    with qtbot.waitSignal(service.progress, timeout=WAIT, check_params_cb=lambda percent, page: percent > 0):
        service.scan(Purpose.PHOTO)
    frozen = time.monotonic()
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        os.kill(service.driver_pid, signal.SIGSTOP)  # the driver hangs: no output, no exit
    assert blocker.args == ["timeout"]
    assert 0.9 <= time.monotonic() - frozen < 5


def test_busy_device_that_hangs(qtbot, make_service, sane_config) -> None:
    """The test device answers "Device busy" and then never ends the scan: the watchdog names the cause."""
    service = make_service(sane_config(read_status_code='"SANE_STATUS_DEVICE_BUSY"'), stall_timeout=1.0)
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        service.scan(Purpose.TEXT)
    assert blocker.args == ["busy"]


def test_cover_open(qtbot, make_service, sane_config) -> None:
    service = make_service(sane_config(read_status_code='"SANE_STATUS_COVER_OPEN"'), stall_timeout=2.0)
    with qtbot.waitSignal(service.failed, timeout=WAIT) as blocker:
        service.scan(Purpose.TEXT)
    assert blocker.args == ["cover-open"]
    assert service.pages() == []


def test_wipe_leaves_no_file(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config())
    with qtbot.waitSignal(service.finished, timeout=WAIT):
        service.scan(Purpose.TEXT, feeder=True)
    with qtbot.waitSignal(service.pdf_ready, timeout=WAIT):
        service.make_pdf()
    (scratch / "téléchargement.pdf").write_bytes(b"%PDF-1.4\n")  # not the scanner's: it stays
    assert len(files_under(scratch)) == 12
    service.wipe()
    assert files_under(scratch) == ["téléchargement.pdf"]
    assert service.pages() == []


def test_wipe_during_a_scan_and_a_pdf(qtbot, make_service, sane_config, scratch) -> None:
    service = make_service(sane_config())
    with qtbot.waitSignal(service.finished, timeout=WAIT):
        service.scan(Purpose.TEXT)
    slow = make_service(sane_config(**SLOW))
    signals = []
    for signal_ in (slow.failed, slow.finished, slow.page_scanned):
        signal_.connect(signals.append)
    with qtbot.waitSignal(slow.progress, timeout=WAIT, check_params_cb=lambda percent, page: percent > 0):
        slow.scan(Purpose.PHOTO)
    service.make_pdf()  # still being written while the session ends
    slow.wipe()
    service.wipe()
    qtbot.wait(500)  # the PDF worker ends meanwhile: what it wrote is removed
    assert files_under(scratch) == []
    assert signals == [], "a wiped scan reports nothing to the next visitor"


def test_wipe_kills_the_scan_without_waiting_and_leaves_no_process(qtbot, make_service, sane_config, scratch):
    service = make_service(sane_config(**SLOW))
    with qtbot.waitSignal(service.progress, timeout=WAIT, check_params_cb=lambda percent, page: percent > 0):
        service.scan(Purpose.PHOTO)
    pid = service.driver_pid
    os.kill(pid, signal.SIGSTOP)  # a driver that answers nothing: the wipe must not wait for it
    started = time.monotonic()
    service.wipe()
    assert time.monotonic() - started < 0.5
    assert service.driver_pid is None and not service.scanning
    qtbot.waitUntil(lambda: not os.path.exists(f"/proc/{pid}"), timeout=WAIT)  # killed and reaped
    qtbot.wait(100)
    assert files_under(scratch) == []
