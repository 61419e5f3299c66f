"""The mixed-token affix index travels in the glossary cache as two joined strings; what comes
back must answer every lookup exactly as the index built in memory."""

from __future__ import annotations

import pickle
import random

from cleanup.glossary.lean import Affixes

FORMS = ["观察者网", "人民日报", "环球时报", "人民网", "察者网", "日报", "报", "人民"]


def round_trip(affixes: Affixes) -> Affixes:
    back = pickle.loads(pickle.dumps(affixes))
    assert isinstance(back, Affixes)
    return back


def test_lookups_survive_the_cache() -> None:
    built = Affixes(FORMS)
    back = round_trip(built)
    for probe in ["察者网", "网", "人民", "人", "报", "日报", "时报", "x"]:
        assert back.with_suffix(probe) == built.with_suffix(probe)
        assert back.with_prefix(probe) == built.with_prefix(probe)
        assert back.with_suffix(probe, lambda c: c == "观") == built.with_suffix(probe, lambda c: c == "观")
    assert back.with_suffix("察者网") == ["观察者网"]
    assert back.with_prefix("人民") == ["人民日报", "人民网"]


def test_random_forms_round_trip() -> None:
    rng = random.Random(7)
    forms = ["".join(rng.choice("中国人民日报网时") for _ in range(rng.randint(1, 5))) for _ in range(300)]
    built, back = Affixes(forms), round_trip(Affixes(forms))
    for probe in {f[: rng.randint(1, len(f))] for f in forms} | {f[-rng.randint(1, len(f)) :] for f in forms}:
        assert back.with_prefix(probe) == built.with_prefix(probe)
        assert back.with_suffix(probe) == built.with_suffix(probe)


def test_empty_and_pickled_twice() -> None:
    assert round_trip(Affixes([])).with_suffix("网") == []
    twice = round_trip(round_trip(Affixes(FORMS)))  # re-pickled before any lookup split it
    assert twice.with_suffix("察者网") == ["观察者网"]


def test_a_form_with_a_newline_is_stored_as_lists() -> None:
    odd = Affixes(["甲\n乙", "乙"])
    assert isinstance(odd.__getstate__()[0], list)
    assert round_trip(odd).with_prefix("甲") == ["甲\n乙"]
