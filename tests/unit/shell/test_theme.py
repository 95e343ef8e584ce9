"""Every text colour the theme draws has a contrast ratio of at least 7:1 on its background (WCAG AAA)."""

import ast
import pathlib

import pytest

from kiosk.shell import theme


def test_contrast_ratio_formula():
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", sorted(theme.TEXT_PAIRS))
def test_text_pairs_reach_7_to_1(name):
    text, background = theme.TEXT_PAIRS[name]
    assert theme.contrast_ratio(text, background) >= 7.0


def test_shell_modules_use_no_colour_outside_the_theme():
    shell = pathlib.Path(theme.__file__).parent
    for module in shell.glob("*.py"):
        if module.name == "theme.py":
            continue
        strings = [n.value for n in ast.walk(ast.parse(module.read_text())) if isinstance(n, ast.Constant)]
        assert not [s for s in strings if isinstance(s, str) and s.startswith("#") and len(s) in (4, 7)], (
            module
        )
