"""Load the tagger's lexicon and patterns (extract/data/temporal_en.yaml) and compile them.

Longer than most modules: each of the data file's fifty-odd sections is read, checked and
turned into one field of the frozen ``Lexicon`` here, in one function, so that what a user
can write in the file is seen whole in one place.

Everything language-specific comes from the data file; this module turns its word lists
into regular-expression alternations and its patterns into compiled regexes, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from extract.datafiles import parse_yaml
from extract.errors import DataFileError
from extract.records import Precision

DEFAULT_LEXICON = "temporal_en.yaml"

# Characters that may not stand right before an expression: "$2026", "#5", "GPT-5".
_BEFORE = r"(?<![\w$€£¥#@&/])"
_AFTER = r"(?![\w@])"


@dataclass(frozen=True)
class Unit:
    name: str
    code: str  # TIMEX3 duration code: D W M Y (H M S with ``time``)
    rule: str | None  # calendar unit of the rule language
    precision: Precision | None
    factor: int
    time: bool


@dataclass(frozen=True)
class CompiledPattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    priority: int  # position in the data file: earlier wins ties
    # A match holds one of these words (lower case) or, with ``digit``, a digit: a text
    # without any is not searched. None: always searched.
    needs: frozenset[str] | None = None
    digit: bool = False


_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Lexicon:
    source: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    seasons: dict[str, str]
    month_cues: frozenset[str]
    weekday_cues: frozenset[str]
    indefinite_words: frozenset[str]
    numbers: dict[str, float]
    centuries: dict[str, int]
    thousands: dict[str, int]
    decade_words: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]  # singular and plural names
    calendar_units: dict[str, tuple[str, Precision]]
    parts: dict[str, tuple[str, str]]  # phrase -> (rule operator, TIMEX3 mod)
    deictic: dict[str, int | None]
    anaphoric: frozenset[str]
    approx: dict[str, str]
    approx_cues: dict[str, frozenset[str]]  # approx words that need a cue word before
    times_of_day: dict[str, str]
    offset_words: dict[str, int]
    signal_offsets: frozenset[str]
    dated_offsets: frozenset[tuple[str, str]]  # (unit, offset word)
    fixed: dict[str, dict[str, Any]]
    set_words: dict[str, dict[str, Any]]
    year_cues: frozenset[str]
    deadline_words: frozenset[str]
    onset_words: tuple[str, ...]
    alternative_words: tuple[str, ...]
    count_words: frozenset[str]
    future_cues: re.Pattern[str]
    past_cues: re.Pattern[str]
    past_suffix: str
    be_words: frozenset[str]
    attributive_words: frozenset[str]
    adverbs: frozenset[str]
    forward_verbs: tuple[str, ...]
    forward_prepositions: frozenset[str]
    margin_verbs: frozenset[str]
    margin_after: frozenset[str]
    age_words: frozenset[str]
    measure_nouns: frozenset[str]
    clock_cues: frozenset[str]
    holidays: dict[str, str]  # lower-case name, straight apostrophes -> rule position
    patterns: tuple[CompiledPattern, ...]

    def year(self, text: str) -> int | None:
        """A year in digits or words ("1996", "nineteen ninety-six", "two thousand")."""
        if text.isdigit():
            return int(text)
        words = " ".join(text.lower().replace("-", " ").split())
        for thousands, value in self.thousands.items():
            if words.startswith(thousands):
                rest = words[len(thousands) :].removeprefix(" and").strip()
                number = self.number(rest) if rest else 0.0
                return None if number is None else value + int(number)
        head, _, rest = words.partition(" ")
        if head in self.centuries:
            number = self.number(rest)
            return None if number is None else self.centuries[head] * 100 + int(number)
        return None

    def number(self, text: str) -> float | None:
        """The value of a number written in digits or words; None if it is not one."""
        key = " ".join(text.lower().replace("-", " ").split())
        if key in self.numbers:
            return self.numbers[key]
        whole, _, fraction = key.partition(" ")
        if fraction and whole.isdigit() and re.fullmatch(r"[1-3]/[2-4]", fraction):
            return int(whole) + int(fraction[0]) / int(fraction[2])  # "2 1/2"
        try:
            return float(key.replace(",", ""))
        except ValueError:
            return None


def _words(values: Any, where: str, path: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str | int) for v in values):
        raise DataFileError(path, f"{where} must be a list of words", fix="write [word, word]")
    if any(isinstance(v, bool) for v in values):
        raise DataFileError(
            path,
            f"{where} holds a YAML boolean",
            fix='quote words YAML reads as booleans: "on", "off", "yes", "no"',
        )
    return [str(v) for v in values]


def _alternation(words: list[str], space: str = r"\s+") -> str:
    """A non-capturing alternation, longest first so that "Sept" beats "Sep"."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(space.join(map(re.escape, w.split())) for w in unique) + ")"


def _names(section: dict[Any, list[str]]) -> str:
    """Full names (the first of each list) and abbreviations with an optional full stop."""
    full = [str(names[0]) for names in section.values()]
    short = [str(n) for names in section.values() for n in names[1:]]
    return "(?:" + _alternation(full) + r"(?!\.\w)|" + _alternation(short) + r"\.?)"


def _number_words(section: dict[str, Any], tens: dict[str, Any]) -> dict[str, float]:
    numbers = {str(k).lower(): float(v) for k, v in section.items()}
    units = {k: v for k, v in numbers.items() if 1 <= v <= 9 and float(v).is_integer()}
    units = {k: v for k, v in units.items() if k not in ("a", "an")}
    for ten, ten_value in tens.items():
        numbers[str(ten).lower()] = float(ten_value)
        for unit, unit_value in units.items():
            numbers[f"{ten} {unit}"] = float(ten_value) + unit_value
    small = {k: v for k, v in numbers.items() if 1 <= v <= 12 and float(v).is_integer()}
    for word, value in small.items():
        if word not in ("a", "an"):
            numbers.setdefault(f"{word} and a half", value + 0.5)  # "two and a half"
    return numbers


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and compile a lexicon file (the bundled English one by default)."""
    if path is None:
        source = f"extract/data/{DEFAULT_LEXICON}"
        text = resources.files("extract.data").joinpath(DEFAULT_LEXICON).read_text("utf-8")
    else:
        source = str(path)
        text = Path(path).read_text(encoding="utf-8")
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(source, f"not valid YAML: {error}", line=line) from None
    if not isinstance(data, dict):
        raise DataFileError(source, "expected a mapping at the top level")
    try:
        return _build(data, source)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, DataFileError):
            raise
        raise DataFileError(
            source, f"malformed section: {error!r}", fix="compare with the bundled file"
        ) from None


@lru_cache(maxsize=8)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def _build(data: dict[str, Any], source: str) -> Lexicon:
    months = {
        w.lower(): int(n) for n, ws in data["months"].items() for w in _words(ws, "months", source)
    }
    weekdays = {
        w.lower(): int(n)
        for n, ws in data["weekdays"].items()
        for w in _words(ws, "weekdays", source)
    }
    seasons = {
        w.lower(): code
        for code, ws in data["seasons"].items()
        for w in _words(ws, "seasons", source)
    }
    numbers = _number_words(data["number_words"], data["tens_words"])
    ordinals = {str(k).lower(): int(v) for k, v in data["ordinals"].items()}
    units: dict[str, Unit] = {}
    for name, spec in data["units"].items():
        precision = Precision(spec["precision"]) if spec.get("precision") else None
        unit = Unit(
            name,
            spec["code"],
            spec.get("rule"),
            precision,
            int(spec.get("factor", 1)),
            bool(spec.get("time", False)),
        )
        units[name] = unit
        units[str(spec["plural"])] = unit
    calendar_units = {
        name: (spec["rule"], Precision(spec["precision"]))
        for name, spec in data["calendar_units"].items()
    }
    parts = {str(k).lower(): (v["op"], v["mod"]) for k, v in data["parts"].items()}
    deictic = {str(k).lower(): (None if v is None else int(v)) for k, v in data["deictic"].items()}
    approx = {str(k).lower(): str(v) for k, v in data["approx"].items()}
    approx_cues = {
        str(k).lower(): frozenset(w.lower() for w in _words(v, f"approx_cues.{k}", source))
        for k, v in data.get("approx_cues", {}).items()
    }
    times_of_day = {str(k).lower(): str(v) for k, v in data["times_of_day"].items()}
    offset_words = {str(k).lower(): int(v) for k, v in data["offset_words"].items()}
    dated_offsets = frozenset(
        (str(unit).lower(), " ".join(str(word).lower().split()))
        for unit, words in data.get("dated_offsets", {}).items()
        for word in _words(words, f"dated_offsets.{unit}", source)
    )
    fixed = {str(k).lower(): dict(v) for k, v in data["fixed"].items()}
    set_words = {str(k).lower(): dict(v) for k, v in data["set_words"].items()}
    vague = _words(data["vague_numbers"], "vague_numbers", source)
    centuries = {str(k).lower(): int(v) for k, v in data.get("century_words", {}).items()}
    thousands = {str(k).lower(): int(v) for k, v in data.get("thousands_words", {}).items()}
    decade_words = {str(k).lower(): int(v) for k, v in data.get("decade_words", {}).items()}
    below_100 = [k for k, v in numbers.items() if 10 <= v < 100 and float(v).is_integer()]
    small = [
        k
        for k, v in numbers.items()
        if 1 <= v < 100 and float(v).is_integer() and k not in ("a", "an")
    ]
    spelled = []
    if centuries:
        spelled.append(
            _alternation(list(centuries)) + r"[\s-]+" + _alternation(below_100, r"[\s-]+")
        )
    if thousands:
        spelled.append(
            _alternation(list(thousands))
            + r"(?:(?:\s+and)?\s+"
            + _alternation(small, r"[\s-]+")
            + ")?"
        )
    fragments = {
        "month": _names(data["months"]),
        "weekday": _names(data["weekdays"]),
        "season": _alternation(list(seasons)),
        # a count starts no longer number ("06" of "2018-06 weeks later" is a month's)
        "number": r"(?:(?<!\d)(?<!\d-)(?:0|[1-9]\d*)(?:[.,]\d+)?(?:\s+[1-3]/[2-4])?|"
        + _alternation(list(numbers), r"[\s-]+")
        + ")",
        "vague_number": _alternation(vague),
        "ordinal": _alternation(list(ordinals)),
        "unit": _alternation([u.name for u in units.values()]),
        "units": _alternation([k for k, u in units.items() if k != u.name]),
        "part": _alternation(list(parts)),
        "approx": _alternation(list(approx)),
        "deictic": _alternation(list(deictic)),
        "time_of_day": _alternation(list(times_of_day)),
        "offset_word": _alternation(list(offset_words)),
        "calendar_unit": _alternation(list(calendar_units)),
        "fixed": _alternation(list(fixed)),
        "set_word": _alternation(list(set_words)),
        "day": r"(?:[12]\d|3[01]|0?[1-9])",
        "year": r"(?:1\d{3}|20\d{2}" + "".join("|" + x for x in spelled) + ")",
        "duration_filler": _alternation(
            _words(data.get("duration_fillers", []), "duration_fillers", source)
        ),
        "decade_word": _alternation(list(decade_words)) if decade_words else "(?!)",
        "time_zone": _alternation(_words(data.get("time_zones", []), "time_zones", source))
        if data.get("time_zones")
        else "(?!)",
        "office_word": _alternation(_words(data.get("office_words", []), "office_words", source))
        if data.get("office_words")
        else "(?!)",
    }
    holidays = {holiday_key(str(k)): str(v) for k, v in data.get("holidays", {}).items()}
    fragments["holiday"] = _alternation(list(holidays)).replace("'", "['’]") if holidays else "(?!)"
    need_words = {
        "holiday": list(holidays),
        "month": [w for ws in data["months"].values() for w in ws],
        "weekday": [w for ws in data["weekdays"].values() for w in ws],
        "season": list(seasons),
        "unit": list(units),
        "calendar_unit": list(calendar_units),
        "time_of_day": list(times_of_day),
        "fixed": list(fixed),
        "set_word": list(set_words),
        "decade_word": list(decade_words),
        "year_word": [*centuries, *thousands],
        "office_word": _words(data.get("office_words", []), "office_words", source),
    }
    patterns = []
    for priority, spec in enumerate(data["patterns"]):
        template = spec["pattern"]
        needs, digit = _needs(spec, need_words, source)
        try:
            body = re.sub(r"\{([a-z_]+)\}", lambda m: fragments[m.group(1)], template)
            regex = re.compile(_BEFORE + "(?:" + body + ")" + _AFTER, re.IGNORECASE)
        except KeyError as error:
            raise DataFileError(
                source,
                f"pattern {spec.get('name')!r} uses unknown list {{{error.args[0]}}}",
                fix=f"use one of {sorted(fragments)}",
            ) from None
        except re.error as error:
            raise DataFileError(
                source, f"pattern {spec.get('name')!r} is not a valid regex: {error}"
            ) from None
        patterns.append(
            CompiledPattern(str(spec["name"]), str(spec["kind"]), regex, priority, needs, digit)
        )
    return Lexicon(
        source=source,
        months=months,
        ambiguous_months=frozenset(
            w.lower() for w in _words(data["ambiguous_months"], "ambiguous_months", source)
        ),
        weekdays=weekdays,
        ambiguous_weekdays=frozenset(
            w.lower() for w in _words(data["ambiguous_weekdays"], "ambiguous_weekdays", source)
        ),
        seasons=seasons,
        weekday_cues=frozenset(
            w.lower()
            for w in _words(data.get("weekday_cue_words", []), "weekday_cue_words", source)
        ),
        month_cues=frozenset(
            w.lower() for w in _words(data["month_cue_words"], "month_cue_words", source)
        ),
        indefinite_words=frozenset(
            w.lower() for w in _words(data.get("indefinite_words", []), "indefinite_words", source)
        ),
        numbers=numbers,
        centuries=centuries,
        thousands=thousands,
        decade_words=decade_words,
        vague_numbers=frozenset(v.lower() for v in vague),
        ordinals=ordinals,
        units=units,
        calendar_units=calendar_units,
        parts=parts,
        deictic=deictic,
        anaphoric=frozenset(
            w.lower()
            for w in _words(data.get("anaphoric_deictic", []), "anaphoric_deictic", source)
        ),
        approx=approx,
        approx_cues=approx_cues,
        times_of_day=times_of_day,
        offset_words=offset_words,
        signal_offsets=frozenset(
            " ".join(w.lower().split())
            for w in _words(data.get("signal_offsets", []), "signal_offsets", source)
        ),
        dated_offsets=dated_offsets,
        fixed=fixed,
        set_words=set_words,
        deadline_words=frozenset(
            w.lower() for w in _words(data.get("deadline_words", []), "deadline_words", source)
        ),
        onset_words=tuple(
            w.lower() for w in _words(data.get("onset_words", []), "onset_words", source)
        ),
        alternative_words=tuple(
            w.lower()
            for w in _words(data.get("alternative_words", []), "alternative_words", source)
        ),
        year_cues=frozenset(
            w.lower() for w in _words(data["year_cue_words"], "year_cue_words", source)
        ),
        count_words=frozenset(
            w.lower() for w in _words(data["count_words"], "count_words", source)
        ),
        future_cues=_cue_regex(_words(data["future_cues"], "future_cues", source)),
        past_cues=_past_regex(
            _words(data["past_cues"], "past_cues", source),
            str(data.get("past_suffix", "")),
            _words(data.get("not_past_ed", []), "not_past_ed", source),
        ),
        past_suffix=str(data.get("past_suffix", "")).lower(),
        be_words=_word_set(data, "be_words", source),
        attributive_words=_word_set(data, "attributive_words", source),
        adverbs=_word_set(data, "adverbs", source),
        forward_verbs=tuple(
            " ".join(w.lower().split())
            for w in _words(data.get("forward_verbs", []), "forward_verbs", source)
        ),
        forward_prepositions=_word_set(data, "forward_prepositions", source),
        margin_verbs=_word_set(data, "margin_verbs", source),
        margin_after=_word_set(data, "margin_after", source),
        age_words=_word_set(data, "age_words", source),
        measure_nouns=_word_set(data, "measure_nouns", source),
        clock_cues=_word_set(data, "clock_cues", source),
        holidays=holidays,
        patterns=tuple(patterns),
    )


def _needs(
    spec: dict[str, Any], lists: dict[str, list[str]], source: str
) -> tuple[frozenset[str] | None, bool]:
    """The words one of which every match of the pattern holds (from its ``needs``: word
    lists named as in patterns, ``{month}``; words; ``digit``), and whether a digit will
    do."""
    if "needs" not in spec:
        return None, False
    words: set[str] = set()
    digit = False
    for item in _words(spec["needs"], f"needs of pattern {spec.get('name')!r}", source):
        if item == "digit":
            digit = True
            continue
        name = item[1:-1] if item.startswith("{") and item.endswith("}") else None
        if name is not None and name not in lists:
            raise DataFileError(
                source,
                f"pattern {spec.get('name')!r} needs unknown list {item}",
                fix=f"use digit, a word, or one of {sorted('{' + n + '}' for n in lists)}",
            )
        for entry in lists[name] if name is not None else [item]:
            # A match holds a whole entry of the list, so its last word will do ("the
            # near term": "term"), and is rarer than its first ("the").
            words.update(_WORD.findall(str(entry).lower())[-1:])
    return frozenset(words), digit


def holiday_key(name: str) -> str:
    """The key of a holiday's name in ``Lexicon.holidays``."""
    return " ".join(name.lower().replace("’", "'").split())


def _word_set(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    """An optional word list of the file, lower-cased."""
    return frozenset(w.lower() for w in _words(data.get(key, []), key, source))


def _cue_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + _alternation(words) + r"(?!\w)", re.IGNORECASE)


def _past_regex(words: list[str], suffix: str, exceptions: list[str]) -> re.Pattern[str]:
    """Past-tense cue words, plus any word with the regular past ``suffix`` but the
    listed exceptions ("need", "expected")."""
    alternatives = [_alternation(words)]
    if suffix:
        block = _alternation(exceptions) + r"(?!\w)" if exceptions else "(?!)"
        alternatives.append(rf"(?!{block})[a-z]{{2,}}{re.escape(suffix)}")
    return re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
