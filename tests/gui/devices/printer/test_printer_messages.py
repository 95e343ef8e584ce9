"""The visitor's texts: one for every problem, short plain French sentences."""

from __future__ import annotations

import re

import pytest

from kiosk.devices.printer.messages import message, page_limit_message, progress_text
from kiosk.devices.printer.problems import Problem


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_says_what_happened_and_what_to_do(qapp, problem):
    text = message(problem)
    for part in (text.what, text.action):
        assert part and part[0].isupper() and part.endswith(".")
        for sentence in sentences(part):
            assert len(sentence.split()) <= 12, sentence


def test_no_paper_message():
    text = message(Problem.MEDIA_EMPTY)
    assert text.what == "L'imprimante n'a plus de papier."
    assert "conseiller" in text.action


def test_page_limit_message_counts_pages(qapp):
    text = page_limit_message(requested=12, remaining=4)
    assert "12" in text.what
    assert "4" in text.action
    assert "%n" not in text.what + text.action
    nothing_left = page_limit_message(requested=2, remaining=0)
    assert "toutes vos pages" in nothing_left.what


def test_progress_text(qapp):
    assert progress_text(3, 8) == "Pages imprimées : 3 sur 8."
