"""The residue evaluation (bench/eval_residue.py): its measures on small cases of our own, and
the issue's targets on the shared dev set when that is present (skipped otherwise)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .conftest import EVAL_DIR, ROOT

RESIDUE = EVAL_DIR / "residual_han.dev.jsonl"
CLEAN = EVAL_DIR / "clean.dev.jsonl"


def _load():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_residue", ROOT / "bench" / "eval_residue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


ev = _load()


def test_content_words_and_stems() -> None:
    assert ev.content_words("the US dollar of his") == ["US", "dollar"]
    assert ev.words_of("@SouthChinaSeaStrategic #NUMBER#") == ["South", "China", "Sea", "Strategic", "NUMBER"]
    assert ev.stem("received") == ev.stem("receive") and ev.stem("dollars") == ev.stem("dollar")


def test_reference_match() -> None:
    assert ev.matches_reference("receive", ["But I received it."])
    assert ev.matches_reference("Meixinli that branch", ["the branch store at Meixinli"])
    assert not ev.matches_reference("nephew", ["five brothers and one grandson"])
    assert ev.matches_reference("|", ["Starry sky | Geminid"])  # no content word: as it is
    assert not ev.matches_reference("|", ["Media+丨Beijing"])


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_figures_on_small_cases(tmp_path: Path) -> None:
    def record(target: str, ref: str | None, span: str) -> dict:
        start = target.index(span)
        gold = [{"start": start, "end": start + len(span), "text": span}]
        return {"target": target, "refs": {"a": ref} if ref else {}, "gold_spans": gold}

    residue = _write(tmp_path / "r.jsonl", [
        record("By 刘白 today.", "By Liu Bai today.", "刘白"),
        record("the affected area贏.", "the area", "贏"),
        record("search 介观生科 online", None, "介观生科"),
    ])
    clean = _write(tmp_path / "c.jsonl", [{"target": "Plain English."}, {"target": "Another clean line."}])
    figures = ev.evaluate(residue, clean).figures()
    assert figures["gold_spans"] == 3 and figures["recall"] == 1.0 and figures["precision"] == 1.0
    assert figures["proposals"] == pytest.approx(2 / 3)  # 介观生科 has none
    assert figures["reference_match"] == pytest.approx(1 / 2)  # Liu Bai yes, "beat" no
    assert figures["false_positives"] == 0.0 and figures["clean_segments"] == 2


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main([str(tmp_path / "missing.jsonl")]) == 2
    assert capsys.readouterr().err.strip().endswith("missing.jsonl: no such file")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"target": "x", "gold_spans": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"broken.jsonl:2: not JSON"):
        ev.evaluate(broken)


@pytest.mark.skipif(not (RESIDUE.is_file() and CLEAN.is_file()), reason="the shared dev set is not here")
def test_dev_set_targets() -> None:
    """The issue's targets that are met; reference match is below its 60% target (see
    docs/residue.md for why), and is held at what it reaches so that it cannot slip."""
    figures = ev.evaluate(RESIDUE, CLEAN).figures()
    assert figures["recall"] == 1.0
    assert figures["proposals"] >= 0.90
    assert figures["false_positives"] <= 0.005
    assert figures["reference_match"] >= 0.40
