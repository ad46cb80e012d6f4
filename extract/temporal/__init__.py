"""The temporal layer: recognise and normalise time expressions, and date every document.

Public API (importing this package does not import spaCy; ``extract.temporal.component``
does, and registers the ``ptkg_timex`` pipeline component):

- ``TimexTagger().tag(text, dct, tokens=None) -> list[Timex]``
- ``resolve``, ``resolve_range``, ``narrow_anchor``: the rule language
  (``extract.temporal.rules``); ``timex_value``: the TIMEX3 value of the days a rule gives
  (``extract.temporal.values``)
- ``infer_dct(timexes, prior, *, published=None, tenses=None, deadlines=(), movable=False)
  -> DocumentDate`` and ``default_prior(collected)`` (the year up to the collection day);
  ``tenses_of`` and ``deadlines_of`` give its ``tenses`` and ``deadlines``
- ``reresolve(timex, dct) -> Timex``, ``reresolve_all(timexes, dct) -> list[Timex]``
"""

from extract.temporal.dct import default_prior, infer_dct, reresolve, reresolve_all, tenses_of
from extract.temporal.lexicon import Lexicon, load_lexicon
from extract.temporal.rules import (
    RuleError,
    narrow_anchor,
    parse_rule,
    resolve,
    resolve_range,
)
from extract.temporal.tagger import TimexTagger
from extract.temporal.tense import deadlines_of
from extract.temporal.tokens import TokenInfo, tokens_from_doc
from extract.temporal.values import timex_value, underspecified_value

__all__ = [
    "Lexicon",
    "RuleError",
    "TimexTagger",
    "TokenInfo",
    "deadlines_of",
    "default_prior",
    "infer_dct",
    "load_lexicon",
    "narrow_anchor",
    "parse_rule",
    "reresolve",
    "reresolve_all",
    "resolve",
    "resolve_range",
    "tenses_of",
    "timex_value",
    "tokens_from_doc",
    "underspecified_value",
]
