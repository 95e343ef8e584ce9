"""PDF naming and assembly, the `kiosk check` report, and the visitor's texts for each problem."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtPdf import QPdfDocument

from kiosk.devices.scanner import pdf
from kiosk.devices.scanner.capabilities import Device, parse_options
from kiosk.devices.scanner.check import check_scanners, report
from kiosk.devices.scanner.messages import pdf_failed_text, problem_text
from kiosk.devices.scanner.probe import ProbeResult, Scanner
from kiosk.devices.scanner.problems import Problem


def test_document_names_follow_on() -> None:
    assert pdf.document_name([]) == "Document scanné 1.pdf"
    assert pdf.document_name(["Document scanné 1.pdf", "attestation.pdf"]) == "Document scanné 2.pdf"
    assert pdf.document_name(["document SCANNÉ 4.PDF"]) == "Document scanné 5.pdf"
    assert pdf.document_name(["Document scanné 2.pdf"]) == "Document scanné 3.pdf"  # never reused


def test_assemble_is_lossless_and_leaves_no_partial(tmp_path, sane_env) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    pages = []
    for number, mode in enumerate(("Color", "Gray"), 1):
        page = tmp_path / f"p{number}.png"
        command = ["scanimage", "-d", "test:0", "--format=png", "-o", str(page), f"--mode={mode}"]
        subprocess.run([*command, "--resolution=150"], env=sane_env, check=True, capture_output=True)
        pages.append(pdf.PdfPage(page))
    target = pdf.assemble(pages, tmp_path / "Document scanné 1.pdf")
    document = QPdfDocument()
    document.load(str(target))
    assert document.pageCount() == 2
    size = document.pagePointSize(0)  # 80 × 100 mm at 72 points an inch: the page keeps its real size
    assert abs(size.width() - 80 / 25.4 * 72) < 2 and abs(size.height() - 100 / 25.4 * 72) < 2
    document.close()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["Document scanné 1.pdf", "p1.png", "p2.png"]
    with pytest.raises(OSError):
        pdf.assemble([pdf.PdfPage(tmp_path / "gone.png")], tmp_path / "x.pdf")
    assert not list(tmp_path.glob("*x.pdf*"))


def test_check_live(sane_config) -> None:
    found = check_scanners(sane_config())
    assert found.ok
    text = "\n".join(found.lines)
    assert "test:0" in text and "Automatic Document Feeder [feeder]" in text and "1 to 1200 dpi" in text
    empty = check_scanners(sane_config(backends=""))
    assert not empty.ok and empty.lines[0] == "Scanner: no scanner found."
    assert any("scanimage -L" in line for line in empty.lines)


def test_check_report_cases(captured) -> None:
    assert "sane-utils" in report(ProbeResult(problem="missing-program")).lines[0]
    timeout = report(ProbeResult(problem="timeout", details=("scanimage -L gave no answer in 30 s",)))
    assert not timeout.ok and "30 s" in timeout.lines[1]
    snap = Scanner(
        Device("epjitsu:libusb:001:018", "FUJITSU", "ScanSnap S1300i"),
        parse_options(captured("fujitsu-scansnap-s1300i-A.txt")),
    )
    lines = report(ProbeResult((snap,))).lines
    assert "can scan from: document feeder" in lines[2]
    assert "Lineart [lineart]" in lines[3] and "50 to 600 dpi" in lines[3]


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_has_plain_short_french(qapp, problem) -> None:
    texts = problem_text(problem)
    assert texts == problem_text(problem.value)
    for text in texts:
        assert text and text[0].isupper() and text.endswith(".")
        for sentence in re.split(r"(?<=\.) ", text):
            assert len(sentence.split()) <= 12, sentence
    assert any(word in texts.todo.lower() for word in ("touchez", "attendez", "vérifiez", "posez", "retirez"))


def test_problem_texts_differ(qapp) -> None:
    whats = {problem_text(problem).what for problem in Problem}
    assert len(whats) == len(Problem)
    assert pdf_failed_text().what not in whats
