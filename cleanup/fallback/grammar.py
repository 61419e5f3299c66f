"""Chinese function words: what they become in an English gloss, and what they do to it.

CC-CEDICT describes grammatical words instead of translating them (``的``: "(used after an
attribute)"; ``或``: "maybe/perhaps/might/possibly/or", the conjunction last), so the commonest
ones are listed here, keyed by simplified form. Particles and other words jieba tags as
auxiliaries (``u…``), modal particles (``y``) or interjections (``e``) have no English of their
own and are dropped from a composed gloss. Two of them still shape the English: a pronoun
before 的 is possessive (我们的 → our), and a verb before 了 (completed action) is in the past
tense (买了 → bought).
"""

from __future__ import annotations

FUNCTION_WORDS: dict[str, str] = {
    "和": "and", "与": "and", "及": "and", "以及": "and", "并": "and", "或": "or", "或者": "or",
    "但": "but", "但是": "but", "而": "and", "如果": "if", "因为": "because", "所以": "so",
    "在": "at", "从": "from", "由": "by", "被": "by", "对": "to", "向": "to", "给": "to",
    "跟": "with", "为": "for", "把": "", "将": "will", "会": "will", "要": "will", "能": "can",
    "可以": "can", "是": "is", "有": "has", "没有": "no", "不": "not", "没": "not",
    "也": "also", "都": "all", "还": "still", "又": "again", "再": "again", "很": "very",
    "最": "most", "更": "more", "更多": "more", "已经": "already", "曾经": "once", "就": "",
    "然后": "then", "之后": "after", "以后": "after", "之前": "before", "以前": "before",
    "因此": "therefore", "此外": "in addition", "而且": "and",
    "等": "etc.", "等等": "etc.", "之": "of",
    "里": "in", "中": "in", "上": "on", "下": "under", "内": "within", "外": "outside",
    "前": "before", "后": "after",
    "根据": "according to", "按照": "according to", "通过": "through", "关于": "about",
    "对于": "for", "除了": "except",
    "这个": "this", "那个": "that", "这些": "these", "那些": "those", "这里": "here", "那里": "there",
}
POSSESSIVE = {"I": "my", "we": "our", "you": "your", "he": "his", "she": "her", "they": "their", "it": "its"}
DROPPED_TAGS = ("u", "y", "e")
_IRREGULAR = dict(
    pair.split(":")
    for pair in """be:was become:became begin:began break:broke bring:brought build:built buy:bought
    catch:caught choose:chose come:came cost:cost cut:cut do:did draw:drew drink:drank drive:drove
    eat:ate fall:fell feel:felt fight:fought find:found fly:flew forget:forgot get:got give:gave
    go:went grow:grew have:had hear:heard hide:hid hit:hit hold:held hurt:hurt keep:kept know:knew
    lay:laid lead:led leave:left lend:lent let:let lose:lost make:made mean:meant meet:met pay:paid
    put:put read:read ride:rode ring:rang rise:rose run:ran say:said see:saw sell:sold send:sent
    set:set shake:shook shoot:shot shut:shut sing:sang sit:sat sleep:slept speak:spoke spend:spent
    stand:stood steal:stole strike:struck swim:swam take:took teach:taught tell:told think:thought
    throw:threw understand:understood wake:woke wear:wore win:won write:wrote""".split()
)


def function_english(word: str, tag: str) -> str | None:
    """English for a function word ("" to drop it); ``None`` when ``word`` is a content word."""
    if word in FUNCTION_WORDS:
        return FUNCTION_WORDS[word]
    if tag.startswith(DROPPED_TAGS):
        return ""
    return None


_PARTICIPLES = dict(
    pair.split(":")
    for pair in """be:been become:become begin:begun break:broken choose:chosen come:come do:done draw:drawn
    drink:drunk drive:driven eat:eaten fall:fallen fly:flown forget:forgotten give:given go:gone grow:grown
    hide:hidden know:known ride:ridden ring:rung rise:risen run:run see:seen shake:shaken sing:sung
    speak:spoken steal:stolen swim:swum take:taken throw:thrown wake:woken wear:worn write:written""".split()
)


def participle(verb: str) -> str:
    """The past participle of a gloss's first word, after ``been``/``was`` (抓获 → arrested,
    take → taken); the simple past where the two are the same."""
    word, _, rest = verb.partition(" ")
    low = word.lower()
    if low not in _PARTICIPLES:
        return past(verb)
    done = _PARTICIPLES[low] if word.islower() else _PARTICIPLES[low].capitalize()
    return f"{done} {rest}" if rest else done


def past(verb: str) -> str:
    """The simple past of a gloss's first word: ``buy`` → bought, ``receive`` → received."""
    word, _, rest = verb.partition(" ")
    low = word.lower()
    if low in _IRREGULAR:
        done = _IRREGULAR[low]
    elif low.endswith("e"):
        done = low + "d"
    elif low.endswith("y") and low[-2:-1] not in "aeiou":
        done = low[:-1] + "ied"
    elif len(low) <= 4 and _one_short_vowel(low) and low[-1] in "bdgmnpt":
        done = low + low[-1] + "ed"  # stop → stopped
    else:
        done = low + "ed"
    done = done if word.islower() else done[:1].upper() + done[1:]
    return f"{done} {rest}" if rest else done


def _one_short_vowel(word: str) -> bool:
    vowels = [i for i, ch in enumerate(word) if ch in "aeiou"]
    return len(vowels) == 1 and vowels[0] == len(word) - 2
