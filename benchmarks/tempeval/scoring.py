"""TempEval-3 scores of one system's TIMEX3s against the gold ones.

Definitions of the task (UzZaman et al. 2013): strict span match = same offsets; relaxed
= the spans overlap. Type and value are judged on relaxed matches: value F1 counts a
system timex correct when its span overlaps a gold one and its value is the same
(precision over system timexes, recall over gold ones); type accuracy is the share of
relaxed matches with the right type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.tempeval.timeml import Annotation


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Scores:
    strict: tuple[float, float, float]
    relaxed: tuple[float, float, float]
    type_accuracy: float
    type_f1: float
    value: tuple[float, float, float]


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def count(system: Iterable[Annotation], gold: Iterable[Annotation]) -> Counts:
    sys_list, gold_list = list(system), list(gold)
    counts = Counts(system=len(sys_list), gold=len(gold_list))
    used: set[int] = set()
    for s in sys_list:
        strict = [i for i, g in enumerate(gold_list) if (g.start, g.end) == (s.start, s.end)]
        overlapping = [i for i, g in enumerate(gold_list) if g.start < s.end and s.start < g.end]
        candidates = [i for i in strict + overlapping if i not in used]
        if not candidates:
            continue
        i = candidates[0]
        used.add(i)
        g = gold_list[i]
        counts.relaxed += 1
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.type_ok += g.type == s.type
        counts.value_ok += g.value == s.value
    return counts


def score(counts: Counts) -> Scores:
    relaxed = _prf(counts.relaxed, counts.system, counts.gold)
    return Scores(
        strict=_prf(counts.strict, counts.system, counts.gold),
        relaxed=relaxed,
        type_accuracy=counts.type_ok / counts.relaxed if counts.relaxed else 0.0,
        type_f1=_prf(counts.type_ok, counts.system, counts.gold)[2],
        value=_prf(counts.value_ok, counts.system, counts.gold),
    )
