from cleanup.engine import clean
from cleanup.report.summary import render_summary


def test_summary_counts_and_next_command(small) -> None:
    results = [clean("the Millet phone and 普惠 trade", small, path="a.txt"), clean("plain", small, path="b.txt")]
    text = render_summary(results, "cleanup review")
    assert text.splitlines()[0] == "2 file(s), 1 changed, 1 need review"
    assert "ZH001 applied ×1" in text and "EN001 suggested ×1" in text
    assert text.splitlines()[-1] == "next: cleanup review a.txt"
