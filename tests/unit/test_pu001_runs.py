"""A run of CJK marks next to Chinese that a rule translates converges: each mark is written in
English in one pass, not one mark per pass (found by the fuzz run)."""

from __future__ import annotations

import pytest

from cleanup.api import clean_text, default_glossary


@pytest.mark.parametrize("text", [
    "x 英国皇家国际事务研究所、《；「窙忧",
    "英国皇家国际事务研究所、《；「窙忧 x",
    "He said 北京，「《上海》」、；广州 and more",
])  # fmt: skip
@pytest.mark.parametrize("suggestions", [False, True])
def test_a_run_of_marks_converges(text: str, suggestions: bool) -> None:
    result = clean_text(text, suggestions=suggestions, glossary=default_glossary())
    assert clean_text(result.cleaned, suggestions=suggestions, glossary=default_glossary()).cleaned == result.cleaned
