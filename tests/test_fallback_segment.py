"""The segmenter is ``jieba.posseg.cut``: same words, same tags, on the index instead of jieba."""

from __future__ import annotations

import pytest

from cleanup.fallback.index import default_index
from cleanup.fallback.segment import segment

SENTENCES = [
    "欧阳娜娜和刘白在洋山港",  # dictionary names and places
    "刘白说美新里那个分店关门了",  # 刘白 and 美新里 only the HMM finds
    "查询直招士官条件和各地招收专业分布情况",
    "符合专业范围和招收条件的在线提交报名信息",
    "今天这次是最差的体验",
    "下载小册子查阅我们的全部产品",
    "南海战略态势感知",
    "介观生科公众号获取更多帮助",
    "拉帮结派搞小圈子",
    "关键矿产最低价格",
    "区家麟和单雄信",
    "新华社北京二月四日电",
    "的了吗呢",
    "〇",
]


@pytest.fixture(scope="module")
def posseg(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pytest.importorskip("jieba")
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(tmp_path_factory.mktemp("jieba"))  # its own cache, not the system's
    return jieba.posseg


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_words_and_tags_as_jieba(sentence: str, posseg) -> None:  # type: ignore[no-untyped-def]
    index = default_index()
    if index is None:
        pytest.skip("jieba's dictionary is not installed")
    ours = [(w.text, w.tag) for w in segment(sentence, index)]
    assert ours == [(p.word, p.flag) for p in posseg.cut(sentence)]


def test_offsets_cover_the_text() -> None:
    index = default_index()
    if index is None:
        pytest.skip("jieba's dictionary is not installed")
    words = segment("刘白说美新里那个分店关门了", index)
    assert [w.start for w in words] == [sum(len(v.text) for v in words[:i]) for i in range(len(words))]
    assert "".join(w.text for w in words) == "刘白说美新里那个分店关门了"


def test_extra_words_stay_whole() -> None:
    index = default_index()
    if index is None:
        pytest.skip("jieba's dictionary is not installed")
    assert [w.text for w in segment("观察者网报道", index)] != ["观察者网", "报道"]
    assert [w.text for w in segment("观察者网报道", index, {"观察者网": "nt"})] == ["观察者网", "报道"]
