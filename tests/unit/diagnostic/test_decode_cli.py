"""`kiosk diagnostic decode CODE`: a visitor's code, made by a real diagnostic, read back by the command."""

from __future__ import annotations

from kiosk.cli import main
from kiosk.diagnostic.code import encode
from kiosk.diagnostic.engine import Diagnostic, Outcome
from kiosk.diagnostic.loader import load_bundled_content
from kiosk.diagnostic.schema import NeedQuestion


def finished_code(outcome: Outcome) -> str:
    content = load_bundled_content()
    diagnostic = Diagnostic(content)
    while (item := diagnostic.next_item()) is not None:
        if isinstance(item, NeedQuestion):
            diagnostic.declare(item.id, None)  # a phone question: "Passer"
        else:
            diagnostic.record(item.id, outcome)
    return encode(diagnostic.result(), content)


def test_a_real_code_prints_its_result(capsys):
    code = finished_code(Outcome.SUCCESS_ALONE)
    assert main(["diagnostic", "decode", code.lower()]) == 0
    out = capsys.readouterr().out
    assert "Avancé" in out
    assert out.count(": Autonome") == 7  # every area


def test_a_typo_is_refused_plainly(capsys):
    code = finished_code(Outcome.SUCCESS_ALONE)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert main(["diagnostic", "decode", wrong]) == 1
    assert capsys.readouterr().err.strip() == "Ce code n'est pas valide."
