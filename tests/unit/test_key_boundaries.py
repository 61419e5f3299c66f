"""A glossary key inside an untranslated clause must begin and end on the clause's word
boundaries; one that straddles two words goes back to the unknown Chinese around it."""

from __future__ import annotations

import pytest

from cleanup.api import clean_text
from cleanup.fallback.index import default_index


@pytest.fixture(scope="module", autouse=True)
def data() -> None:
    if default_index() is None:
        pytest.skip("the fallback index is not available")


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("其中药品 were", "其中药品"),  # 中药 straddles 其中 | 药品
        ("两国道路 were", "两国道路"),  # 国道 (national highway) crosses 两国 | 道路
        ("全国开行 the", "全国开行"),  # 国开行 (China Development Bank) crosses 全国 | 开行
        ("李强调 the plan", "李强调"),  # 李强 (a premier) straddles 李 | 强调: Li stressed
    ],
)
def test_a_straddling_key_is_read_with_its_clause(text: str, before: str) -> None:
    changes = clean_text(text, True).changes
    assert [(c.code, c.before) for c in changes] == [("ZH003", before)]


def test_a_key_on_word_boundaries_stays() -> None:
    changes = clean_text("观察者网报道 said", True).changes
    assert [(c.code, c.before) for c in changes] == [("ZH001", "观察者网"), ("ZH003", "报道")]


def test_a_key_inside_a_longer_word_or_cutting_a_place_stays() -> None:
    assert [(c.code, c.before) for c in clean_text("新中国史", True).changes][1] == ("ZH001", "中国")  # in 新中国
    assert clean_text("the 朝阳区委 met", True).cleaned == "the Chaoyang district Party committee met"


def test_a_title_key_after_a_bare_surname_is_one_name() -> None:
    assert clean_text("张律师 said", True).cleaned == "Lawyer Zhang said"


def test_runs_covered_by_keys_are_not_looked_at() -> None:
    assert clean_text("the 广东省委书记 said", True).cleaned == "the Guangdong provincial Party secretary said"
