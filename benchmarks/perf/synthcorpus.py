"""Synthetic corpora made of the bundled corpus's real sentences, N distinct stories.

Copy 0 is the bundled corpus as it is. Copy c > 0 is the same articles with the story's
names replaced consistently (the company and its competitor, their model families and
models, the official, the head of the administration: new invented names, the same in
every article of the copy) and every date shifted by 13 c months: each month name moves c
months (``June 12`` becomes ``July 12`` in copy 1) and the collected date, which gives the
year, moves 13 c months, so two copies never tell of the same month. Government agencies,
countries and outlets keep their names: one Commerce Department acting on a hundred
companies is exactly what reconciliation must keep apart.

``write_corpus(n, directory)`` writes ``articles/``, a ``manifest.yaml`` that ``ptkg build``
reads, and ``lexicon.yaml`` (gazetteer entries for the invented companies and model
families, passed with ``--lexicon``, as a user would add the names of their own story).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from benchmarks.perf.common import CORPUS_MANIFEST

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Names of the bundled story, replaced in every copy but the first (longest first).
_STORY_NAMES = (
    "Howard Lutnick",
    "Anthropic",
    "OpenAI",
    "ChatGPT",
    "Claude",
    "Mythos",
    "Fable",
    "GPT",
    "Lutnick",
    "Howard",
    "Trump",
)
_SYLLABLES = (
    "bar",
    "cel",
    "dor",
    "fen",
    "gal",
    "hol",
    "jun",
    "kas",
    "lem",
    "mor",
    "nav",
    "pel",
    "quor",
    "ris",
    "sal",
    "tav",
    "vel",
    "wen",
    "yor",
    "zan",
    "bre",
    "cla",
    "dru",
    "fro",
    "gri",
    "kle",
    "pra",
    "stu",
    "tro",
    "vry",
)
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b(\s+\d{1,2}\b)?")


@dataclass(frozen=True)
class Story:
    copy: int
    names: dict[str, str]  # bundled name -> this copy's name
    months: int  # shift of every date


def _word(rng: random.Random, used: set[str], syllables: int) -> str:
    while True:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()
        if word not in used:
            used.add(word)
            return word


def stories(n: int) -> list[Story]:
    """The ``n`` stories of a corpus n times the bundled one; copy 0 is the original."""
    rng = random.Random(7)
    used: set[str] = set()
    out = [Story(0, {}, 0)]
    for copy in range(1, n):
        first, last, head = _word(rng, used, 2), _word(rng, used, 3), _word(rng, used, 2)
        names = {
            "Anthropic": _word(rng, used, 3),
            "OpenAI": _word(rng, used, 3),
            "Claude": _word(rng, used, 2),
            "GPT": _word(rng, used, 2).upper(),
            "ChatGPT": "Chat" + _word(rng, used, 2),
            "Mythos": _word(rng, used, 2),
            "Fable": _word(rng, used, 2),
            "Howard Lutnick": f"{first} {last}",
            "Lutnick": last,
            "Howard": first,
            "Trump": head,
        }
        out.append(Story(copy, names, 13 * copy))  # a year and a month apart
    return out


def shift_months(text: str, months: int) -> str:
    """Every month name ``months`` later; "May" counts as a month only before a day."""
    if months == 0:
        return text

    def replace(match: re.Match[str]) -> str:
        name, day = match.group(1), match.group(2) or ""
        if name == "May" and not day:
            return match.group(0)  # the modal verb ("Fable 5 May Follow")
        shifted = MONTH_NAMES[(MONTH_NAMES.index(name) + months) % 12]
        if day:
            day = day[: len(day) - len(day.lstrip())] + str(min(int(day), 28))
        return shifted + day

    return _MONTH.sub(replace, text)


def rename(text: str, story: Story) -> str:
    for old in _STORY_NAMES:
        new = story.names.get(old)
        if new is not None:
            text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    return text


def shift_date(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


def write_corpus(n: int, directory: Path, manifest: Path = CORPUS_MANIFEST) -> Path:
    """Write a corpus of ``n`` stories under ``directory``; returns its manifest."""
    source = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    collected = source.get("collected")
    articles = directory / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, object]] = []
    lexicon: dict[str, list[dict[str, object]]] = {"entities": [], "model_families": []}
    for story in stories(n):
        for entry in source["documents"]:
            raw = (manifest.parent / entry["file"]).read_text(encoding="utf-8")
            doc_id = entry["id"] if story.copy == 0 else f"{entry['id']}-c{story.copy:03d}"
            path = articles / f"{doc_id}.txt"
            path.write_text(shift_months(rename(raw, story), story.months), encoding="utf-8")
            title = entry.get("title")
            item: dict[str, object] = {
                "id": doc_id,
                "file": f"articles/{path.name}",
                "title": shift_months(rename(title, story), story.months) if title else None,
                "published": None,
            }
            when = entry.get("collected", collected)
            if isinstance(when, date):
                item["collected"] = shift_date(when, story.months).isoformat()
            entries.append(item)
        if story.copy:
            company = story.names["Anthropic"]
            for key in ("Anthropic", "OpenAI"):
                name = story.names[key]
                lexicon["entities"].append(
                    {
                        "id": f"bench_{name.lower()}",
                        "name": name,
                        "type": "organization",
                        "aliases": [],
                    }
                )
            for family, owner in (
                ("Claude", company),
                ("GPT", story.names["OpenAI"]),
                ("ChatGPT", story.names["OpenAI"]),
            ):
                lexicon["model_families"].append(
                    {
                        "id": f"bench_{story.names[family].lower()}",
                        "name": story.names[family],
                        "owner": owner,
                        "type": "ai_model",
                        "aliases": [],
                    }
                )
    (directory / "lexicon.yaml").write_text(
        "# Invented names of the synthetic stories (benchmarks.perf.synthcorpus).\n"
        "version: 1\n" + yaml.safe_dump(lexicon, sort_keys=False),
        encoding="utf-8",
    )
    target = directory / "manifest.yaml"
    target.write_text(
        f"# {n} copies of the bundled corpus with renamed entities and shifted dates.\n"
        + yaml.safe_dump(
            {"language": "en", "documents": entries}, sort_keys=False, allow_unicode=True
        ),
        encoding="utf-8",
    )
    return target


def words(directory: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in directory.glob("articles/*"))
