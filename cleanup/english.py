"""English-side helpers: word boundaries, case transfer and plurals for glossary replacements,
and the agreement of English that replaces Chinese with the words around it (``a``/``an``,
``the`` said once, a plural after a number, a singular after ``a``, a modifier before a noun).

Case handling follows codespell's ``fix_case``: the replacement takes the shape of the text it
replaces (lower, Capitalised, Title Case, UPPER), except that a name keeps its own capitals.
"""

from __future__ import annotations

import regex

SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to via vs with".split())


def is_word_char(ch: str) -> bool:
    """Letters, digits and ``_`` of alphabetic scripts. Han characters end an English word:
    machine translation glues them to English (``Houston人民``) and they will be replaced."""
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    return ch.isalnum() and not ("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000")


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to letters or digits on either side."""
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        return False
    if end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]):
        return False
    return True


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset preserved (a few characters lower to two code points)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def case_shape(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return "upper"
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in SMALL_WORDS):
        return "title"
    if letters[0].isupper():
        return "capital"
    return "lower"


# The last word of a generic body's English: after a place's name the body is that place's own and
# its English is a proper name (Haidian District Emergency Management Bureau, Pudong People's Court).
# Not government or Party committee: Xinhua writes the Shanghai municipal government.
INSTITUTIONS = frozenset(
    """bureau court commission department administration hospital procuratorate academy institute zone
    university college library museum""".split()
)


_OF_OR_FOR = regex.compile(r" (?:of|for) ")
THE_BEFORE = regex.compile(r"(?<![\w'’])[Tt]he $")  # "the" right before a position


def named_body(english: str) -> bool:
    """Whether ``english`` is a generic body in lower case (people's court, library, department of
    housing and urban-rural development) that a place's name before it makes a proper name. The
    body is the last word, or the word before "of" or "for"."""
    if english != english.lower():
        return False
    head = _OF_OR_FOR.split(english, maxsplit=1)[0]
    return head.rsplit(" ", 1)[-1] in INSTITUTIONS or english.endswith(("people's government", "people’s government"))


def title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in SMALL_WORDS:
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def transfer_case(matched: str, replacement: str) -> str:
    """Give ``replacement`` the case shape of ``matched``; names keep their own capitals, and
    a replacement holding one still starts with a capital where the text did (``Robbing Peter
    to pay Paul`` at a sentence start)."""
    shape = case_shape(matched)
    if shape == "upper":
        return replacement.upper()
    if any(c.isupper() for c in replacement):
        first = replacement.split(" ", 1)[0]  # iPhone keeps its own shape; "rob" does not
        return capitalise(replacement) if shape in ("capital", "title") and first.islower() else replacement
    if shape == "title":
        return title_case(replacement)
    if shape == "capital":
        return capitalise(replacement)
    return replacement


def matches_case(text: str, key: str) -> bool:
    """A key written with capitals only matches the same capitals, or ALL CAPS text."""
    if text == key:
        return True
    return case_shape(text) == "upper"


# Nouns whose plural is the singular (two aircraft, five species).
INVARIANT = frozenset(
    "aircraft spacecraft hovercraft personnel equipment series species news sheep fish deer headquarters "
    "means offspring livestock cattle poultry police staff people rabies diabetes measles mumps herpes "
    "scabies".split()
)
# Plurals that do not end in a plain s, both ways (singular reads the left, plural the right).
_IRREGULAR = {
    "children": "child", "men": "man", "women": "woman", "crises": "crisis", "analyses": "analysis",
    "theses": "thesis", "diagnoses": "diagnosis", "feet": "foot", "teeth": "tooth", "mice": "mouse",
}
_SINGULAR_OF = dict(_IRREGULAR)
_PLURAL_OF = {v: k for k, v in _IRREGULAR.items()}


NOUN_PAIR = regex.compile(r"([a-z]+) (and|or) ([a-z]+)")  # country and region: both nouns counted
_NEXT_ANY = regex.compile(r"[ ]?([A-Za-z]+)")  # the word after a span, glued or not
_NEXT_LOWER = regex.compile(r" ([a-z]+)\b")  # a lower-case word after a space
_ONE = regex.compile(r"1(?:\.0+)?[ ]")


def plural(phrase: str) -> str:
    """Plural of a noun phrase: inflect its last word (mineral → minerals, policy → policies);
    of two nouns joined by "and" or "or", both (country and region → countries and regions)."""
    pair = NOUN_PAIR.fullmatch(phrase)
    if pair is not None:
        return f"{plural(pair.group(1))} {pair.group(2)} {plural(pair.group(3))}"
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low in _PLURAL_OF:
        many = _PLURAL_OF[low]
        return f"{head} {many}" if head else many
    if low in INVARIANT:
        return phrase
    if low.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def said_next(text: str, end: int, word: str) -> bool:
    """Whether the English right after ``end`` is ``word``, in either number: MT kept the unit or
    noun a reading ends with (``30周年 anniversary``, ``20架次 sorties``)."""
    nxt = _NEXT_ANY.match(text, end)
    said = nxt.group(1).lower() if nxt is not None else ""
    return bool(said) and word.isalpha() and said in (word.lower(), plural(word).lower(), singular(word).lower())


def singular(phrase: str) -> str:
    """Singular of a plural noun phrase: its last word (drones → drone, policies → policy,
    buses → bus, enterprises → enterprise, children → child); a word that does not look plural is
    left as it is (news, analysis, police)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low in _SINGULAR_OF:
        one = _SINGULAR_OF[low]
        return f"{head} {one}" if head else one
    if low in INVARIANT or not low.endswith("s") or low.endswith(("ss", "us", "is", "ics")):
        return phrase
    if low.endswith("uses") and not low.endswith(("ouses", "auses")):
        last = last[:-2]  # buses, viruses, campuses: bus, virus, campus
    elif low.endswith("ses") and not low.endswith("sses"):
        last = last[:-1]  # cases, diseases, enterprises, houses, causes: the stem ends in e
    elif low.endswith("ies") and len(low) > 4:
        last = last[:-3] + "y"
    elif low.endswith(("sses", "shes", "ches", "xes", "zes")):
        last = last[:-2]
    else:
        last = last[:-1]
    return f"{head} {last}" if head else last


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence: start of text or paragraph, or after . ! ? and space."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in ":：" and i < pos - 1 and _SPEAKER.search(text, max(0, i - 40), i + 1):
        return True  # Phoenix TV: 据报道, … (a transcript's speaker before what they say)
    return text[i] in ".!?。！？" and i < pos - 1


# A speaker's name at a line's start before a colon, as transcripts write it: "Mao Ning: ",
# "Phoenix TV: ", "Q: ".
_SPEAKER = regex.compile(r"(?:^|\n)(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}|[A-Z]{1,6})[:：]$")  # not "Margin: down"


# Words spelled with a vowel that start with a consonant sound (a university, a one-off) and
# words spelled with a consonant that start with a vowel sound (an hour, an honest).
_CONSONANT_SOUND = (
    "uni",
    "use",
    "usu",
    "uti",
    "uk",
    "ur",
    "eu",
    "ewe",
    "one",
    "once",
    "ubiq",
    "uganda",
    "ukrain",
    "uruguay",
    "utah",
    "uzbek",
)
_VOWEL_SOUND = ("hour", "honest", "honor", "honour", "heir", "herb")
_VOWEL_LETTER_NAMES = "AEFHILMNORSX"  # letters whose names start with a vowel sound: an FBI, an SUV


_CURRENCY_SIGN = regex.compile(r"^(?:[A-Z]{1,3})?[$€£¥](?=\d)")


def takes_an(phrase: str) -> bool:
    """Whether an English phrase takes ``an`` rather than ``a``, by the sound of its first word:
    an atypical case, a universal rule, an hour, an FBI agent, an 8-year plan, a US envoy."""
    word = phrase.lstrip(" \"'“‘(").split(" ", 1)[0]
    word = _CURRENCY_SIGN.sub("", word) or word  # an $800 million loan is read "an eight hundred": the figure
    if not word:
        return False
    low = word.lower()
    if word[0].isdigit():
        digits = regex.match(r"[\d,]*", word).group().replace(",", "")  # type: ignore[union-attr]
        return digits.startswith("8") or (digits[:2] in ("11", "18") and len(digits) in (2, 5, 8))
    letters = "".join(ch for ch in word if ch.isalpha())
    initial = len(word) == 1 or not word[1].isalpha()  # H (of H-6K) or F-35: a letter read by its name
    if letters.isupper() and (len(letters) > 1 or initial):  # an acronym read as letters (an FBI) or as a word (a NATO)
        if letters in ("NATO", "UNESCO", "UNICEF", "OPEC", "ASEAN", "APEC", "NASA", "NASDAQ"):
            return letters[0] in "AEIO"
        return letters[0] in _VOWEL_LETTER_NAMES
    if low.startswith(_VOWEL_SOUND):
        return True
    if low.startswith(_CONSONANT_SOUND):
        return False
    return low[:1] in ("a", "e", "i", "o", "u")


_THE = regex.compile(r"(?<![\w'’-])(?P<the>[Tt]he)[ ]$")
_ARTICLE = regex.compile(r"(?<![\w'’-])(?P<article>[Aa]n?)(?P<gap>[ ]?)$")


def agree_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """Where a replacement right after ``a``/``an`` needs the other article, widen it over the
    article: ``a 非典型 case`` is ``an atypical case``, not ``a atypical case``; and where it
    brings its own ``the`` after one, say it once: ``the 澎湃新闻`` is ``The Paper``. Returns the
    start of the edit and its text (unchanged when the article agrees or there is none)."""
    the = _THE.search(text, max(0, start - 5), start)
    if the is not None and regex.match(r" ?[Tt]he ", replacement):  # the 澎湃新闻: the The Paper
        body = replacement.lstrip(" ")
        body = "The" + body[3:] if the.group("the")[0] == "T" or body[0] == "T" else body
        return the.start(), body
    m = _ARTICLE.search(text, max(0, start - 5), start)
    if m is None or not replacement.strip() or (m.group("gap") == "" and not replacement.startswith(" ")):
        return start, replacement
    article = m.group("article")
    if article[0] == "A" and not sentence_start(text, m.start()):
        return start, replacement  # Class A, Plan A: a letter, not the article
    if replacement.lstrip(" ").startswith("The "):
        return m.start(), replacement.lstrip(" ")  # a Surging News reporter: The Paper reporter, one article
    wanted = "an" if takes_an(replacement) else "a"
    if article.lower() == wanted:
        return start, replacement
    wanted = wanted.capitalize() if article[0].isupper() else wanted
    return m.start(), wanted + m.group("gap") + replacement


# Words before a noun that make it plural, and words after a noun that show it ended there.
_PLURAL_BEFORE = regex.compile(
    r"(?<![\w'’])(?:several|many|multiple|numerous|various|these|those|both|few|fewer|two|three|four|five|six|seven"
    r"|eight|nine|ten|dozens of|hundreds of|thousands of|millions of|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[ ]$"
    r"|(?<![\d.])(?!1[个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支次])\d[\d,.]*[个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支次]$"
    r"|(?<![\w'’])(?!(?:news|series|species|means|his|its|this|was|has|is|us|as|thus|plus|less|always|perhaps)[ ])"
    r"[a-z]{2,}[^s\W]s (?:and|or) $",  # chat records and 快递单号: tracking numbers
    regex.IGNORECASE,
)
_PREPOSITION = regex.compile(r" (?:of|for|in|on|with|to|from|against|between) ")  # the head is before it
_ADJECTIVE_ENDINGS = ("ive", "ous", "ful", "ic", "able", "ible", "less", "ed", "ing", "ial", "ical")
NOT_A_NOUN = frozenset(
    """of in on at and or to for with from by as ago later old earlier since after before than that which who
    was were is are be been has have had will would could should can may might must did do does not
    through via thanks despite into onto during against amid without within across also still already recently
    remains remained continues continued""".split()
)


def plural_here(text: str, start: int, end: int, english: str, count: bool = False) -> bool:
    """Whether English put in place of ``text[start:end]`` is a plural head noun: a lower-case
    noun after a number or a plural word and before no other noun (``several 单克隆抗体 were``
    are several monoclonal antibodies; ``several 单克隆抗体 makers`` are not, nor ``1 ...``). A
    verb after it says nothing: in ``exports of 锑 were`` the subject is the exports."""
    if not _singular_noun(english, hyphens=count) or english.rsplit(" ", 1)[-1].endswith(_ADJECTIVE_ENDINGS):
        return False  # universally beneficial; new type of international relations: not the last word
    before = _PLURAL_BEFORE.search(text, max(0, start - 16), start)
    if before is None or _ONE.fullmatch(before.group()):
        return False
    return _ends_noun_phrase(text, end)  # three 航空母舰 now


def _singular_noun(english: str, hyphens: bool = False) -> bool:
    """Whether ``english`` is a lower-case noun phrase whose last word may take an -s: not a
    plural already, not a phrase headed before a preposition (new type of relations). A count
    noun the glossary marks (``hyphens``) may be hyphenated (three-pointer)."""
    last = english.rsplit(" ", 1)[-1]
    word = last.replace("-", "") if hyphens else last
    if not english[:1].islower() or english.lower() != english or not word.isalpha() or last.endswith("s"):
        return False
    return not _PREPOSITION.search(english)


def _plural_noun(english: str) -> bool:
    """Whether ``english`` is a lower-case plural noun phrase headed by its last word."""
    if not english[:1].islower() or english.lower() != english or singular(english) == english:
        return False
    return not _PREPOSITION.search(english)


def _ends_noun_phrase(text: str, end: int) -> bool:
    """Whether no noun follows ``end`` that the words before would modify: the text ends, or a
    function word, an adverb or a past verb comes next (three 航空母舰 now, exports of 锑 were)."""
    nxt = _NEXT_ANY.match(text[end : end + 30])
    if nxt is None:
        return True
    word = nxt.group(1).lower()
    return word in NOT_A_NOUN or word in _ADVERBS or _past_verb(nxt.group(1))


_ED_NOUNS = frozenset("bed red shed seed speed need feed creed greed weed hundred bred steed reed breed".split())


def _past_verb(word: str) -> bool:
    """A past-tense verb after the noun (several 银行 raised: banks), not a noun of a compound."""
    lower = word.lower()
    return lower in _VERBS_AFTER or (lower.endswith("ed") and len(lower) > 4 and lower not in _ED_NOUNS)


_ONE_BEFORE = regex.compile(
    r"(?<![\w'’])(?:an?|one|each|every|another|this|[A-Za-z]+['’]s (?:second-|third-|fourth-|fifth-)?(?:largest"
    r"|biggest|leading|top|oldest|newest|richest))[ ](?:(?!(?:few|lot|lots|number|couple|dozen|series|range|host|variety"
    r"|handful|total|pair|set|group|bunch|majority|string|wave|slew|raft|spate|flurry|batch|list|kind|type|sort"
    r"|part|portion|share|third|quarter|half|fraction|bit|piece|pack|box|crowd|team|fleet|network|chain|cluster"
    r"|collection|family|line|row|round|year|month|week|day)\b)[a-z]+(?:-[a-z]+)?[ ])?$",
    regex.IGNORECASE,
)  # a 无人机, a new 集装箱码头: singular; not "a few", "a number of"


_SINGULAR_VERB_NEXT = regex.compile(r"[ ](?:was|is|has|does)\b")
_THIS_BEFORE = regex.compile(r"(?<![\w'’])(?i:the|this|that)[ ]$")


def singular_subject(text: str, start: int, end: int, english: str) -> bool:
    """Whether a lower-case plural rendering after ``the`` or ``this`` is the subject of a verb in
    the singular: ``the 航天员 was`` is the astronaut, not "the astronauts was"."""
    if not _plural_noun(english):
        return False
    return bool(_SINGULAR_VERB_NEXT.match(text, end) and _THIS_BEFORE.search(text, max(0, start - 6), start))


def singular_here(text: str, start: int, english: str) -> bool:
    """Whether a lower-case plural rendering follows ``a``, ``one``, ``each``...: ``a 无人机
    flew`` is a drone, not "a drones". Not when the phrase's head comes before a preposition
    (a new type of international relations)."""
    if not _plural_noun(english):
        return False
    return _ONE_BEFORE.search(text, max(0, start - 30), start) is not None


_DETERMINER = regex.compile(
    r"(?<![\w'’])(?:an?|the|this|that|these|those|its|their|his|her|our|each|every|several|many|some|two|three"
    r"|four|five|\d[\d,]*)[ ]$",
    regex.IGNORECASE,
)
_VERBS_AFTER = frozenset(
    """said says say told tells added noted stressed urged warned made makes took takes gave gives saw sees sent
    won lost held holds met left rose rises fell falls grew grows hit cut set put led went goes came comes
    became becomes began begins paid pays sold sells spent built bought brought thought found kept showed
    wants plans hopes needs agreed announced reported spoke""".split()
)


def modifies_noun(text: str, start: int, end: int) -> bool:
    """Whether what stands at ``text[start:end]`` is between a determiner and a noun, and so
    modifies it: ``a 十年 plan`` (a 10-year plan), ``a 日本 company`` (a Japanese company). The
    next word is taken for a noun unless it is a function word or a common verb."""
    word = _NEXT_LOWER.match(text[end : end + 30])
    if word is not None and word.group(1).endswith("ed") and _A_BEFORE.search(text, max(0, start - 4), start):
        after = _NEXT_LOWER.match(text[end + word.end() : end + word.end() + 30])  # a 2年 suspended sentence
        return after is not None and after.group(1) not in NOT_A_NOUN and not after.group(1).endswith("ed")
    if word is None or word.group(1) in NOT_A_NOUN or word.group(1) in _VERBS_AFTER or word.group(1).endswith("ed"):
        return False
    return (
        _DETERMINER.search(text, max(0, start - 10), start) is not None
        or _DETERMINED_BEFORE.search(text, max(0, start - 50), start) is not None
    )


_STATE_VERBS = frozenset("remains remained continues continued insists insisted stands stood".split())
_AUXILIARIES = frozenset("has have had is was are were will would can could should must may might also".split())


def verb_next(text: str, end: int) -> bool:
    """Whether a common verb or an auxiliary comes right after ``end`` (The 中国 said, … rose)."""
    word = _NEXT_LOWER.match(text[end : end + 30])
    if word is None:
        return False
    w = word.group(1)
    return w in _VERBS_AFTER or w in _AUXILIARIES or w in _STATE_VERBS or (w.endswith("ed") and _past_verb(w))


_A_BEFORE = regex.compile(r"(?<![\w'’])(?i:an?)[ ]$")
# A determiner and an adjective, or a possessive, before a measure that modifies the noun after it:
# a new 100万吨 ethylene plant, the company's 100万吨 plant, the world's longest 55公里 sea bridge.
_ADJECTIVE = (
    r"(?:new|large|big|huge|small|latest|longest|largest|biggest|tallest|highest|deepest|planned|proposed|annual"
    r"|total|single|giant|major|key|flagship|existing|first|second|third|fourth|fifth|[a-z]+(?:est|al|ic|ive|ous))"
)
_DETERMINED_BEFORE = regex.compile(
    rf"(?:(?<![\w'’])(?i:an?|the|this|that|its|their|his|her|our)[ ]{_ADJECTIVE}|(?<![\w'’])[A-Za-z][\w-]*['’]s(?:[ ]{_ADJECTIVE})?)[ ]$"
)


# Plural nouns a place's adjective goes before with no determiner: in 东南亚 markets (Southeast Asian
# markets), 非洲 countries (African countries). A closed list: Middle East talks keep the noun.
_PEOPLES_OF = frozenset(
    """countries nations states markets companies firms economies leaders cities students tourists visitors
    products goods businesses investors banks partners governments officials neighbors neighbours allies
    consumers brands buyers exporters importers manufacturers carmakers automakers""".split()
)


def before_plural_of_place(text: str, end: int) -> bool:
    """Whether a place's name at ``end`` stands before a plural noun its adjective describes, or
    before the noun of a body or event named with the adjective (the 非洲 Union: African Union,
    the 东南亚 Games: Southeast Asian Games)."""
    nxt = _NEXT_LOWER.match(text[end : end + 30])
    return (nxt is not None and nxt.group(1) in _PEOPLES_OF) or _NAMED_WITH_ADJECTIVE.match(text, end) is not None


_NAMED_WITH_ADJECTIVE = regex.compile(r"[ ](?:Union|Games|Championships?|Economic Community|Parliament)\b")


# Nouns news puts a plural term before, which then modifies them in the singular: new energy
# vehicle makers, treasury bond yields. A closed list: an open one takes "off" or "last" for nouns.
_HEAD_NOUNS = frozenset(
    """maker makers manufacturer manufacturers market markets industry industries sector sales output
    production exports imports export import price prices yield yields company companies firm firms
    buyer buyers owner owners purchase purchases demand supply auction auctions issuance model models
    brand brands fund funds index plant plants factory factories project projects program programs
    programme programmes sector segment business businesses penetration shipments deliveries loan loans plan plans
    policy policies reform reforms financing growth development ticket tickets service services network
    networks route routes operator operators fleet fleets technology technologies standard standards
    subsidy subsidies quota quotas salary salaries wage wages rule rules regulation regulations case cases
    gang gangs group groups team teams union unions exam exams pension pensions training recruitment
    shortage shortages effect effects problem problems issue issues crisis risk risks concern concerns
    investor investors trader traders trading rally listing listings valuation valuations futures options""".split()
)
# Plurals that are not the plural of a count noun: esports is not "esport", goods not "good".
_PLURAL_ONLY = frozenset(
    """esports news series species means politics economics physics goods headquarters savings earnings
    proceeds outskirts premises arms rights systems""".split()
)


def attributive_plural(text: str, start: int, end: int, english: str) -> bool:
    """Whether a plural term at ``text[start:end]`` modifies the noun after it, and so takes the
    singular: ``several 新能源汽车 makers`` (new energy vehicle makers), ``the 国债 yield``."""
    last = english.rsplit(" ", 1)[-1]
    if not last.islower() or "," in english or " of " in english or last in _PLURAL_ONLY:
        return False
    word = _NEXT_LOWER.match(text[end : end + 30])
    if word is None or word.group(1) not in _HEAD_NOUNS or text.startswith(" to ", end + word.end()):
        return False  # many 外资企业 plan to expand: "plan" is their verb
    return singular(english) != english


# Proper names that English writes with "the": the Middle East, the United States, the Yangtze
# River, the Ministry of Commerce, the National Health Commission.
_THE_NAMES = frozenset(
    name.strip()  # the lines' indentation is no part of a name
    for name in """Middle East|United States|United Kingdom|Netherlands|Philippines|European Union|United Nations
    |Persian Gulf|Arctic|Antarctic|Caribbean|Balkans|Baltic states|Sahel|Vatican|Kremlin|Pentagon
    |White House|State Council|Bahamas|Maldives|Pacific|Atlantic|Mediterranean|Gaza Strip|West Bank
    |Korean Peninsula|Mainland|Greater Bay Area|Belt and Road Initiative|Hague|Gambia|Far East|World Bank
    |Federal Reserve|European Central Bank|Asian Development Bank|Asian Infrastructure Investment Bank
    |New Development Bank|G7|G20|Chinese mainland|UAE|US|UK|EU|UN|DPRK|United Arab Emirates|Czech Republic
    |Dominican Republic|Central African Republic|Comoros|Seychelles|Solomon Islands|Marshall Islands""".split("|")
)
_THE_FORM = regex.compile(
    r"^(?:Ministry|Department|Office|University|Institute|Academy|Republic|Supreme People's|Central"
    r" Committee|Standing Committee|National People's Congress|People's Bank|People's Republic"
    r"|(?:Port|Bank|Gulf|Bay|Temple|Palace|Hall|Tomb|Gate|Museum|Cave|Isle) of)\b"
    r"|\b(?:River|Sea|Ocean|Strait|Gulf|Islands|Mountains|Canal|Commission|Committee|Council|Ministry"
    r"|Administration|Federation|Association|Peninsula|Plateau|Desert|Basin|Delta|Organization|Organisation"
    r"|Union|Fund|Forum|Festival|Bureau|Department|Agency|Center|Centre|Assembly|Party|Court|Office|Emperor|Empress|Dynasty"
    r"|Museum|Corridor|holiday|holidays)$"
    r"|^(?!.*\b(?:University|College|School|Institute|Thought)\b).*\b(?:Law|Code|Constitution)$"  # the Food Safety Law
    r"|\b(?:Academy|Bureau|Bank|Center|Centre|Office|Agency|Party|Association|Law|Forum|Administration) (?:of|for)\b"
)
# A verb whose object may be such a name: He urged 世卫组织 to act (the World Health Organization).
_VERB_BEFORE = regex.compile(r"(?<![\w'’])([a-z]+)[ ]$")
_OBJECT_VERBS = frozenset(
    """urge urges visit visits join joins leave leaves support supports criticise criticises criticize
    criticizes praise praises thank thanks told met left sent lead leads""".split()
)
_PREPOSITION_BEFORE = regex.compile(
    r"(?<![\w'’])(?:in|of|from|to|with|at|on|by|into|onto|across|for|between|throughout|within|among|toward"
    r"|towards|against|about|near|around|over|beyond|inside|outside|under|via|through|like|along|during|after|before|since"
    r"|until|both|either|neither)[ ]$",
    regex.IGNORECASE,
)


def takes_the(english: str) -> bool:
    """Whether a proper name is written with "the" (the Middle East, the Ministry of Commerce), or
    a body named in lower case by what it does (the administration for market regulation)."""
    if english[:1].isupper():
        return english in _THE_NAMES or _THE_FORM.search(english) is not None
    return _LOWER_BODY.search(english) is not None


# A local body named by what it does, in lower case (administration for market regulation): a
# particular body, not a generic like "health commission", whose article the text decides.
_LOWER_BODY = regex.compile(r"^(?:administration|bureau|commission|department|committee) (?:for|of)\b")



_COPULAS = frozenset({"was", "is"})  # it was 第一次 visit: the first visit


def _object_place(text: str, start: int, verbs: frozenset[str] = frozenset()) -> bool:
    """Whether ``start`` is where a noun phrase needs its own determiner: right after a
    preposition, a verb (past, one of the object verbs, or one of ``verbs``) or at a sentence's
    start."""
    if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) or sentence_start(text, start):
        return True
    verb = _VERB_BEFORE.search(text, max(0, start - 16), start)
    if verb is None:
        return False
    if _DETERMINER.search(text, max(0, verb.start() - 10), verb.start()):
        return False  # the revised 兵役法: an adjective after a determiner, not a verb
    word = verb.group(1).lower()
    return _past_verb(word) or word in _OBJECT_VERBS or word in verbs


_SAYING = regex.compile(r"[ ](?:said|says|announced|stated|reported|added|noted|warned|urged|confirmed|revealed)\b")
_BREAK_BEFORE = regex.compile(r"(?:^|[,;:(\"“])[ ]?$")


def _speaks_after_a_break(text: str, start: int, end: int) -> bool:
    """A body's name as the subject of a verb of saying, right after a comma or a quotation's
    end (``…June 8 to 10, 文旅部 said``): it takes "the" there as at a sentence's start. Either
    may be one of several names joined by "and" (``…, 文旅部 and 商务部 said``)."""
    said = _SAYING.match(text, end) or _SAYING.match(text, _after_conjuncts(text, end))
    return bool(said and _BREAK_BEFORE.search(text, max(0, (begin := _first_conjunct(text, start, end)) - 3), begin))


# A name (capitalised words, Chinese, "of"/"for"/"and" inside it) coordinated with the one at hand:
# ``from Europe and 美国`` (the United States), ``文旅部 and 商务部 said``.
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*(?<!['’]s)|\p{Han}+)"  # not a possessive: Beijing's 文旅部 and 商务部
_NAME_PHRASE = rf"(?:the )?{_NAME_WORD}(?: (?:{_NAME_WORD}|of|for|and))*"
_CONJUNCTS_BEFORE = regex.compile(
    rf"(?<![\w'’.&-])(?:(?:the|The) )?{_NAME_WORD}(?:(?: |, )(?:{_NAME_WORD}|of|for|and|the))*(?P<join> and | or |, )$"
)
_CONJUNCTS_AFTER = regex.compile(rf"(?:(?: and | or |, ){_NAME_PHRASE})+")
_LIST_GOES_ON = regex.compile(rf"(?:, {_NAME_PHRASE})*,? (?:and|or) ")  # a comma joins names only in a list


def _first_conjunct(text: str, start: int, end: int) -> int:
    """Where the first of the names coordinated with the one at ``text[start:end]`` begins
    (``start`` itself when none is): the place that decides whether the names take "the". A
    comma before it joins names only when an "and" ends the list after it (``Xi Jinping, 中共中央
    总书记, said`` is an apposition)."""
    m = _CONJUNCTS_BEFORE.search(text, max(0, start - 80), start)
    if m is None or (m.group("join") == ", " and not _LIST_GOES_ON.match(text, end)):
        return start
    return m.start()


def _after_conjuncts(text: str, end: int) -> int:
    """Where the names coordinated after the one ending at ``end`` end (``end`` when none is)."""
    m = _CONJUNCTS_AFTER.match(text, end)
    return m.end() if m is not None else end


def the_missing(text: str, start: int, end: int, english: str) -> bool:
    """Whether English put at ``text[start:end]`` needs a "the" the text lacks: a name that takes
    one, right after a preposition (``tensions in 中东``: in the Middle East) or at a sentence's
    start (``国务院 also approved``: The State Council also approved). After anything else
    (a possessive, an adjective, a verb) the writer may have meant it so; and a name that
    modifies a noun after it takes none (``in 国务院 meetings``, ``in 财政部-approved plans``)."""
    if not takes_the(english):
        return False
    if text[start - 1 : start] in ("《", "〈") and not text[max(0, start - 5) : start - 1].rstrip().lower().endswith("the"):
        start -= 1  # Article 148 of 《食品安全法》: of the Food Safety Law
    begin = _first_conjunct(text, start, end)  # from Europe and 美国: from Europe and the United States
    if not (_object_place(text, begin) or _speaks_after_a_break(text, start, end)):
        return False  # 国务院 also approved it: The State Council, at a sentence's start too
    if text[end : end + 1] == "-":
        return False
    nxt = _NEXT_ANY.match(text[end : end + 30])
    word = nxt.group(1) if nxt else ""
    if word == "and":  # Both 商务部 and 海关总署 data: the names together modify the noun after them
        stop = _after_conjuncts(text, end)
        if _NEXT_LOWER.match(text[stop : stop + 30]) and not _ends_noun_phrase(text, stop):
            return False
    return not word or word[:1].isupper() or word.lower() in NOT_A_NOUN | _ADVERBS or _past_verb(word)


_THERE_BE = regex.compile(r"(?<![\w'’])(?i:there) (?:are|were|will be|would be|may be|could be|have been|had been) $")


def bare_count_plural(text: str, start: int, end: int, english: str) -> bool:
    """Whether a count noun the glossary marks as inflecting, put at ``text[start:end]`` with no
    determiner, is plural: a bare singular count noun is not English (``Sales in 一线城市 fell``:
    in first-tier cities). Only where a noun phrase starts (after a preposition, a past or
    object verb, or at a sentence's start) and when no noun follows that it would modify
    (``in 一线城市 markets`` stays attributive)."""
    if not _singular_noun(english, hyphens=True):
        return False
    if not (_object_place(text, start) or _THERE_BE.search(text, max(0, start - 24), start)):
        return False  # there will be 暴雨: rainstorms
    if text[end : end + 1] in ("-", "'", "’"):
        return False
    return _ends_noun_phrase(text, end)


_ORDINAL_START = regex.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|last|same|previous)"
    r"(?= |$)(?!.* place$)"  # third-party payment is an adjective; (finished in) second place takes none
)


def ordinal_needs_the(text: str, start: int, english: str) -> bool:
    """Whether English that begins with an ordinal needs a "the" the text lacks: after a
    preposition, a verb or at a sentence's start (In 上半年 → In the first half; attended 第二届
    Expo → attended the second Expo). A word that already determines it (its, this, China's)
    leaves it be."""
    return _ORDINAL_START.match(english) is not None and _object_place(text, start, _COPULAS)


_ADVERBS = frozenset(
    "also still already recently previously then now later again jointly further together too today yesterday "
    "tomorrow annually here there abroad every this last next".split()
)
