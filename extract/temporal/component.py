"""The ``ptkg_timex`` spaCy component: time expressions and the document date on a Doc.

Reads ``doc._.dct_prior`` (a DateRange the caller sets before the pipeline runs: the
manifest's bound on the creation time; None when unknown), ``doc._.dct_prior_movable``
(True when that bound is only the default assumption for an undated document, which the
text's own dates may overrule) and ``doc._.dct_published``
(the published date when the manifest knows it). Tags the text with the tokens' tags and
dependencies when the pipeline has them, infers the DCT (``doc._.dct``), re-resolves the
relative expressions against it, and sets ``doc._.timexes`` (text order) and
``doc.spans["timex"]`` (labels DATE, TIME, DURATION, SET). No extra model pass.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.records import DateRange, DocumentDate, Timex
from extract.spacy_extensions import register_extensions
from extract.temporal.chronology import anchor_chronology
from extract.temporal.clause import moves_forward, tenses_of
from extract.temporal.dateline import CREATION_TIME, datelines
from extract.temporal.dct import infer_dct, reresolve_all
from extract.temporal.tagger import TimexTagger
from extract.temporal.tense import END, period_signals
from extract.temporal.tokens import tokens_from_doc

SPAN_KEY = "timex"

register_extensions("timexes", "dct_prior", "dct_prior_movable", "dct_published", "dct")


class TimexComponent:
    """Runs a TimexTagger over each Doc; see the module docstring for what it sets."""

    def __init__(self, tagger: TimexTagger, *, use_tokens: bool, infer: bool) -> None:
        self.tagger = tagger
        self.use_tokens = use_tokens
        self.infer = infer

    def __call__(self, doc: Doc) -> Doc:
        prior: DateRange | None = doc._.dct_prior
        published: DateRange | None = doc._.dct_published
        tokens = None
        if self.use_tokens and doc.has_annotation("TAG") and doc.has_annotation("DEP"):
            tokens = tokens_from_doc(doc)
        anchor = published or prior
        text = doc.text  # built anew by spaCy at each access: once here
        timexes: list[Timex] = self.tagger.tag(text, anchor, tokens)
        spans = [(t.id, t.span.start, t.span.end) for t in timexes]
        signals = period_signals(text, spans, self.tagger.lexicon)
        for key, start, _ in spans:
            # "extended the deadline to April 5": where the period now ends
            if key not in signals and moves_forward(text, start, self.tagger.lexicon):
                signals[key] = END
        created = datelines(text, timexes)
        timexes = [
            replace(
                t,
                signal=signals.get(t.id),
                function=CREATION_TIME if t.id in created else None,
            )
            for t in timexes
        ]
        timexes = anchor_chronology(text, timexes)
        dct: DocumentDate | None = None
        bound = prior if prior is not None else published
        if bound is not None and (self.infer or published is not None):
            tenses = tenses_of(text, spans, self.tagger.lexicon, tokens)
            deadlines = frozenset(signals)
            dct = infer_dct(
                timexes,
                bound,
                published=published,
                tenses=tenses,
                deadlines=deadlines,
                movable=bool(doc._.dct_prior_movable),
            )
            timexes = reresolve_all(timexes, dct)
        doc._.dct = dct
        doc._.timexes = timexes
        spans_out = []
        for timex in timexes:
            span = doc.char_span(
                timex.span.start, timex.span.end, label=timex.type, alignment_mode="expand"
            )
            if span is not None:
                spans_out.append(span)
        doc.spans[SPAN_KEY] = spans_out
        return doc


@Language.factory(
    "ptkg_timex",
    requires=["token.tag", "token.dep"],
    assigns=["doc._.timexes", "doc._.dct", "doc.spans"],
    default_config={"lexicon": None, "use_tokens": True, "infer_dct": True},
)
def make_timex_component(
    nlp: Language, name: str, lexicon: str | None, use_tokens: bool, infer_dct: bool
) -> Any:
    """``lexicon``: path of a lexicon file (None: the bundled English one)."""
    return TimexComponent(TimexTagger(lexicon), use_tokens=use_tokens, infer=infer_dct)
