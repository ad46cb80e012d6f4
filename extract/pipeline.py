"""Documents -> records: runs the spaCy pipeline in batches, in this process or on workers.

Reads: ``Document`` records. Adds: one ``DocumentRecords`` per document, in input order.
Workers (``extract.executors``: local processes, or a Dask cluster) load the pipeline once
and send back records only (small, picklable), never spaCy Docs, so adding a worker adds
throughput instead of serialisation work. A document's records do not depend on the batch
it was in nor on the worker, so every executor gives the records one process gives.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.executors import Executor, dispatch_size, in_input_order
from extract.nlp import PipelineOptions, load_pipeline, pipeline_label, with_lexicons
from extract.records import DateRange, Document, DocumentDate, DocumentRecords, TextSpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# How long before its collection an undated document may have been published.
DEFAULT_DCT_WINDOW_DAYS = 365


@dataclass(frozen=True)
class ExtractOptions:
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    batch_size: int = 16
    n_process: int = 1
    dct_window_days: int = DEFAULT_DCT_WINDOW_DAYS


def dct_prior(document: Document, window_days: int = DEFAULT_DCT_WINDOW_DAYS) -> DocumentDate:
    """What is known of a document's date before reading it: the manifest's dates."""
    if document.published is not None:
        return DocumentDate(document.published, inferred=False, evidence=("manifest: published",))
    if document.collected is not None:
        end = document.collected
        return DocumentDate(
            DateRange(end - timedelta(days=window_days - 1), end),
            inferred=True,
            evidence=(
                f"collected on {end.isoformat()}: published at most {window_days} days before",
            ),
        )
    today = date.today()
    return DocumentDate(
        DateRange(today - timedelta(days=window_days - 1), today),
        inferred=True,
        evidence=("no published or collected date: bounded by the day of the build",),
    )


class Extractor:
    """Runs extraction over documents; one pipeline per process, loaded on first use."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.options.pipeline)
        return self._nlp

    def with_lexicons(self, extra: Sequence[Path], n_process: int = 1) -> Extractor:
        """An extractor that also reads ``extra`` lexicons, in this process or in
        ``n_process`` processes forked from it. It takes over this one's pipeline when it
        is loaded (the base model is not loaded again), and this one loads its own when
        next used."""
        pipeline = replace(
            self.options.pipeline, lexicons=(*self.options.pipeline.lexicons, *extra)
        )
        other = Extractor(replace(self.options, pipeline=pipeline, n_process=n_process))
        if self._nlp is not None:
            other._nlp = with_lexicons(self._nlp, pipeline)
            self._nlp = None
        return other

    def extract(
        self,
        documents: Iterable[Document],
        on_done: Callable[[DocumentRecords], None] | None = None,
        executor: Executor | None = None,
    ) -> Iterator[DocumentRecords]:
        """Records of ``documents`` in input order; ``on_done`` is called for each as soon
        as it is extracted. Runs on ``executor`` when given (its workers are kept: the
        caller closes it), else on ``n_process`` processes started for this call."""
        if executor is None and self.options.n_process > 1:
            from extract.executors.local import LocalProcesses

            with LocalProcesses(self.options, self.options.n_process, self) as processes:
                yield from self.extract(documents, on_done, processes)
            return
        if executor is None:
            batches = _batched(documents, self.options.batch_size)
            results: Iterable[list[DocumentRecords]] = (self.extract_batch(b) for b in batches)
            yield from _flatten(results, on_done)
            return
        todo = list(documents)
        size = dispatch_size(len(todo), self.options.batch_size, executor.workers)
        yield from in_input_order(executor.map_unordered(_batched(todo, size)), on_done)

    def extract_batch(self, documents: list[Document]) -> list[DocumentRecords]:
        nlp = self.nlp
        label = pipeline_label(nlp)
        docs = []
        priors = []
        for document in documents:
            doc = nlp.make_doc(document.text)
            prior = dct_prior(document, self.options.dct_window_days)
            _set_prior(doc, prior, document)
            docs.append(doc)
            priors.append(prior)
        out = []
        for document, prior, doc in zip(
            documents, priors, nlp.pipe(docs, batch_size=self.options.batch_size), strict=True
        ):
            out.append(records_from_doc(doc, document, prior, label))
        return out


def records_from_doc(
    doc: Doc, document: Document, prior: DocumentDate, pipeline: str = ""
) -> DocumentRecords:
    """What the components left on a processed Doc, as records."""
    timexes = tuple(_extension(doc, "timexes") or ())
    dct = _extension(doc, "dct")
    if dct is None:
        dct = _infer_dct(timexes, prior, document)
    return DocumentRecords(
        document=document,
        dct=dct,
        sentences=tuple(TextSpan(s.start_char, s.end_char, s.text) for s in doc.sents),
        timexes=timexes,
        entities=tuple(_extension(doc, "entities") or ()),
        events=tuple(_extension(doc, "events") or ()),
        pipeline=pipeline,
    )


def _infer_dct(timexes: Any, prior: DocumentDate, document: Document) -> DocumentDate:
    if not prior.inferred:
        return prior
    try:
        from extract.temporal import infer_dct
    except ImportError:
        return prior
    result: DocumentDate = infer_dct(list(timexes), prior.range, published=document.published)
    return result


def _extension(doc: Doc, name: str) -> Any:
    from spacy.tokens import Doc as SpacyDoc

    return getattr(doc._, name) if SpacyDoc.has_extension(name) else None


def _set_prior(doc: Doc, prior: DocumentDate, document: Document) -> None:
    """What the temporal component reads: the bound on the document's date, whether that bound
    is only the default assumption for an undated document (the text's own dates may
    overrule it), and, when the corpus gives its day of publication, that day (its date is
    then known, not inferred)."""
    from extract.spacy_extensions import register_extensions

    register_extensions("dct_prior", "dct_prior_movable", "dct_published")
    doc._.dct_prior = prior.range
    doc._.dct_prior_movable = prior.inferred
    published = document.published
    doc._.dct_published = published if published is not None and published.days == 1 else None


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


def _flatten(
    batches: Iterable[list[DocumentRecords]],
    on_done: Callable[[DocumentRecords], None] | None,
) -> Iterator[DocumentRecords]:
    for batch in batches:
        for records in batch:
            if on_done is not None:
                on_done(records)
            yield records
