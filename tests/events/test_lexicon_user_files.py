"""Users extend the event scheme with their own files; mistakes name the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import DataFileError
from extract.events import load_event_lexicon
from extract.nlp import PipelineOptions, load_pipeline

USER_TYPES = """
event_types:
  - id: fine
    label: Fine
    definition: A regulator fines a company.
    coarse: other
    plover: {category: SANCTION}
triggers:
  - id: fine_verb
    type: fine
    lemmas: [fine]
    pos: [VERB]
    object: [entity:organization]
"""


def test_lexicon_user_file_adds_a_type_and_its_trigger(tmp_path: Path) -> None:
    path = tmp_path / "fines.yaml"
    path.write_text(USER_TYPES, encoding="utf-8")
    lexicon = load_event_lexicon([path])
    assert lexicon.types["fine"].plover_category == "SANCTION"
    nlp = load_pipeline(
        PipelineOptions(components=("ptkg_entities", "ptkg_events"), lexicons=(path,))
    )
    doc = nlp("The European Commission fined Apple last year over its app store rules.")
    [event] = [e for e in doc._.events if e.type == "fine"]
    names = {e.id: e.name for e in doc._.entities}
    assert [names[i] for i in event.agents] == ["European Commission"]
    assert [names[i] for i in event.affected] == ["Apple"]


@pytest.mark.parametrize(
    ("text", "term", "file"),
    [
        ("triggers:\n  - {id: x, type: nonsense, lemmas: [ban]}\n", "'nonsense'", None),
        (
            "triggers:\n  - {id: x, type: lawsuit, lemmas: [sue], object: [no_class]}\n",
            "'no_class'",
            None,
        ),
        ("populations:\n  p: {patterns: [[{LOWER: {IN: [no, yes]}}]]}\n", "population 'p'", None),
        # a second rule of one id in one file would silently replace the first
        (
            "triggers:\n  - {id: x, type: lawsuit, lemmas: [sue]}\n"
            "  - {id: x, type: lawsuit, lemmas: [appeal]}\n",
            "'x' is also entry 1",
            None,
        ),
        # checked on the merged scheme, which does not keep the file of each type
        ("event_types:\n  - {id: y, coarse: nowhere}\n", "'nowhere'", "event_types.yaml"),
        (
            "event_types:\n  - {id: z, coarse: other, refused_as: no_ruling}\n",
            "'no_ruling'",
            "event_types.yaml",
        ),
    ],
)
def test_lexicon_errors_name_the_problem(
    tmp_path: Path, text: str, term: str, file: str | None
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_event_lexicon([path])
    assert (info.value.code, info.value.path) == ("E140", file or str(path))
    assert term in info.value.problem  # the term at fault


def test_component_without_a_parse_says_what_is_missing() -> None:
    import spacy

    from extract import components  # noqa: F401  (registers the factories)
    from extract.errors import PipelineError

    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_events")
    with pytest.raises(PipelineError) as info:
        nlp("The government lifted the ban.")
    assert info.value.code == "E402"
    assert "parser" in str(info.value)  # what to add before it
