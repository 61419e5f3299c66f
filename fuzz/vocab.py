"""The pieces documents are made of, drawn from a compiled glossary.

Glossary keys in every form the matchers know (simplified and traditional Chinese keys, wrong
English renderings in four cases, variants, approved forms), mixed Latin+Han tokens of the
kind machine translation leaves (``Guan察者网``), random Han, CJK and full-width punctuation,
amounts with Chinese units, relative and Chinese dates, numbered series, places and titles before
offices and names, boilerplate lines, the entries' own examples,
newlines of every kind, and plain ASCII.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleanup.glossary.compiled import Compiled

CJK_PUNCTUATION = list("，。、：；！？（）【】《》「」『』〔〕…—～·丨　＂＇＋－＝％＄＃＆＊／＼＠ＡＢＣａｂｃ０１２３")
NEWLINES = ["\n", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "\n\n\n", " \n", "\t\n"]
SPACES = [" ", " ", " ", "  ", "\t", ". ", ", ", "; ", ": ", "\u00a0", "'s ", "-", "/"]
DATES = ["On February 4th, ", "on the 5th, ", "the 4th floor", "On March 2 ", "January 13, 2026", "since the 21st", "by the 3rd.",
         "from the 3rd to the 5th", "on the 10th and 11th", "2024年3月5日", "3月", "5日", "二〇二四年十二月", "10时30分", "9点半",
         "百分之五", "百分之二点五", "100多个", "30余", "90年代", "3月底", "神舟十八号", "长征二号F", "……", "——",
         "法国总统马克龙", "马克龙总统", "Biden总统", "Joe Biden 总统", "印度总理", "人民币 120 billion yuan",
         "美元 5 billion dollars", "100 欧元 euros", "10：30", "\"Really？\" she", "泸定县委", "泸定 county",
         "第二十三条", "第十四届", "第一季度", "第一季度报告", "第三次", "广东省深圳市", "上海市浦东新区",
         "特朗普", "Donald Trump ", "Trump (特朗普)", "冯德莱恩", "特朗普总统", "十年", "a 十年 plan", "35岁",
         "an 8岁 boy", "3万人", "70周年", "两年前", "3个多月", "举行百分之五", "成立70周年", "a 非典型", "an 高铁",
         "12名 doctors", "三十四", "1.2万名", "三百余名", "下午3点", "晚上8点半", "3月5日上午9时", "去年10月",
         "2月15日至22日", "减20", "满300减50", "新华社北京3月5日电", "【新华社北京3月5日电】", "第三", "92.5%的",
         "28歲", "三年六個月", "李 said", "张部长", "李大爷", "王阿姨", "Professor 李教授", "Dr. 李华主任",
         "张亚东教授", "长安街", "人民路", "福田区", "石岩街道龙腾社区", "《自然》", "(求同存异)", "worried 擔憂",
         "Kang Yi康义", "11个篮板", "in 中东", "海淀区应急管理局", "surnamed 黄", "王某某", "版权所有"]
LATIN_SYLLABLES = ["Guan", "Ren", "Huan", "Zhong", "Xin", "Bei", "Shang", "Hai", "Min", "Ri", "Bao", "Wang", "Li", "Zhang", "HK", "US", "EU", "a", "The"]
ASCII_WORDS = ["the", "said", "and", "of", "China", "trade", "minerals", "key", "open", "inclusive", "Houston", "US", "Ministry", "ASEAN", "2026", "50%", "$3", "(", ")", "\"", "'"]


@dataclass
class Vocabulary:
    zh: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)  # wrong keys, variants, idioms, approved forms
    examples: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)


def vocabulary(glossary: Compiled) -> Vocabulary:
    vocab = Vocabulary()
    vocab.zh = sorted(glossary.zh)  # every script form of every Chinese key
    english: set[str] = set()
    for entry in glossary.entries:
        english.update(entry.wrong)
        english.update(entry.variants)
        english.update(entry.phrases)
        if entry.en:
            english.add(entry.en)
        vocab.examples.extend(example.text for example in entry.examples)
        if entry.kind == "currency":
            for key in entry.zh + getattr(entry, "bound", ()):
                vocab.amounts.extend(f"{n}{unit}{key}" for n in ("3", "1.5", "50") for unit in ("", "亿", "万"))
    vocab.english = sorted(english)
    vocab.examples.sort()
    return vocab
