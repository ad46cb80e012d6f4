"""Documents not in the pipeline's language are skipped, with a message naming the language."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import ReadOptions, Skipped, read_corpus
from extract.corpus.language import UNDETERMINED, detect_language

ENGLISH = (
    "The trade ministry said on Monday that it would lift the restrictions it had placed on "
    "the company earlier in the year, and that the decision was taken after a review of the "
    "evidence that the firm had sent to the regulators."
)
FRENCH = (
    "Le ministère du commerce a annoncé lundi qu'il allait lever les restrictions qu'il avait "
    "imposées à la société au début de l'année, et que la décision a été prise après un "
    "examen des éléments que l'entreprise avait transmis aux autorités."
)
MALAY = (
    "Kementerian perdagangan berkata pada hari Isnin bahawa ia akan menarik balik sekatan yang "
    "telah dikenakan ke atas syarikat itu pada awal tahun, dan keputusan itu dibuat selepas "
    "kajian ke atas bukti yang dihantar oleh syarikat kepada pihak berkuasa untuk tujuan ini."
)
UNKNOWN = (
    "Kauppaministeriö kertoi maanantaina poistavansa rajoitukset, jotka se oli asettanut "
    "yhtiölle vuoden alussa, ja päätös tehtiin sen jälkeen kun viranomaiset olivat "
    "tarkastaneet yhtiön lähettämän aineiston huolellisesti ja perusteellisesti kokonaan."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (MALAY, "ms"), (UNKNOWN, UNDETERMINED), ("Too short.", None)],
)
def test_language_detected_from_function_words(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_other_than_the_pipelines_is_skipped_by_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "c.txt").write_text(UNKNOWN, encoding="utf-8")
    read = list(read_corpus(tmp_path, ReadOptions()))
    skipped = {Path(s.source).name: str(s.error) for s in read if isinstance(s, Skipped)}
    assert [d.id for d in read if not isinstance(d, Skipped)] == ["a"]
    assert "French" in skipped["b.txt"] and "English only" in skipped["b.txt"]
    assert "profiles do not know" in skipped["c.txt"]
