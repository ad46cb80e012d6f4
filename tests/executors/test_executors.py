"""Extraction on workers: batches back in input order, every document's progress reported,
the records of one process from workers that keep their pipeline, and a worker's error
raised, not retried for ever."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
from pathlib import Path

import pytest

from extract.errors import InputError, OptionError, PipelineError
from extract.executors import (
    ExecutorOptions,
    default_workers,
    dispatch_size,
    in_input_order,
    start_executor,
)
from extract.executors.base import MAX_DEFAULT_WORKERS
from extract.executors.local import LocalProcesses
from extract.nlp import PipelineOptions
from extract.pipeline import ExtractOptions, Extractor
from extract.records import Document, DocumentRecords
from extract.serialize import to_json


def _serialised(records: list[DocumentRecords]) -> list[str]:
    return [json.dumps(to_json(r), ensure_ascii=False) for r in records]


def test_executors_in_input_order_yields_by_index_and_reports_as_batches_finish() -> None:
    finished = [(2, ["e"]), (0, ["a", "b"]), (3, []), (1, ["c", "d"])]
    done: list[str] = []
    out = []
    for item in in_input_order(iter(finished), done.append):
        out.append((item, list(done)))
    assert [item for item, _ in out] == ["a", "b", "c", "d", "e"]
    # "e" is reported done as soon as its batch finished, before "a" was yielded
    assert out[0][1] == ["e", "a", "b"]


def test_executors_in_input_order_refuses_a_lost_batch() -> None:
    with pytest.raises(RuntimeError, match=r"\[1\]"):
        list(in_input_order(iter([(0, ["a"]), (2, ["c"])])))


@pytest.mark.parametrize(
    ("documents", "batch_size", "workers", "expected"),
    [
        (50, 16, 2, 7),  # a small corpus: 8 batches, each worker gets 4
        (500, 16, 2, 16),  # a large one: the NLP batch size
        (5, 16, 2, 1),
        (0, 16, 2, 1),
        (50, 16, 1, 13),
    ],
)
def test_executors_dispatch_size(
    documents: int, batch_size: int, workers: int, expected: int
) -> None:
    assert dispatch_size(documents, batch_size, workers) == expected


def test_executors_one_worker_local_means_this_process() -> None:
    assert start_executor(ExecutorOptions("local", workers=1), ExtractOptions()) is None


def test_executors_errors_come_back_from_a_worker_whole() -> None:
    for error in (
        InputError("a.txt", "empty", line=3, fix="write something", code="E122"),
        PipelineError("cannot load", code="E401"),
        OptionError("--scheduler", "x", "no scheduler", code="E206"),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert (again.code, str(again), again.__dict__) == (error.code, str(error), error.__dict__)


def test_executors_local_processes_give_the_records_of_one_process_in_order(
    corpus_documents: list[Document], corpus_records: list[DocumentRecords]
) -> None:
    # each document twice, so that several batches of one or two documents run at once
    documents = corpus_documents + corpus_documents[::-1]
    expected = _serialised(corpus_records + corpus_records[::-1])
    options = ExtractOptions(batch_size=16)
    with LocalProcesses(options, 2) as processes:
        for _ in range(2):  # the same workers, started once, for two corpora
            done: list[DocumentRecords] = []
            records = list(Extractor(options).extract(documents, done.append, processes))
            assert _serialised(records) == expected
            assert sorted(_serialised(done)) == sorted(expected)


def test_executors_a_pipeline_a_worker_cannot_load_is_raised(
    tmp_path: Path, corpus_documents: list[Document]
) -> None:
    # a directory that is no spaCy pipeline: each worker fails to load it, once
    options = ExtractOptions(pipeline=PipelineOptions(model=str(tmp_path)))
    with LocalProcesses(options, 2) as processes, pytest.raises(PipelineError) as raised:
        list(Extractor(options).extract(corpus_documents[:2], None, processes))
    assert raised.value.code == "E401"
    assert str(tmp_path) in str(raised.value)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are spawned here"
)
def test_executors_forked_workers_inherit_the_loaded_pipeline(
    tmp_path: Path, corpus_documents: list[Document], corpus_records: list[DocumentRecords]
) -> None:
    # The options name a directory that is no pipeline: a worker that loaded its own would
    # fail (as in the test above). Handed this process's loaded extractor, none loads.
    loaded = Extractor(ExtractOptions(batch_size=16))
    unloadable = ExtractOptions(pipeline=PipelineOptions(model=str(tmp_path)), batch_size=16)
    with LocalProcesses(unloadable, 2, loaded) as processes:
        records = list(Extractor(unloadable).extract(corpus_documents, None, processes))
    assert _serialised(records) == _serialised(corpus_records)


def test_executors_default_workers_are_the_usable_cpus_within_bounds() -> None:
    workers = default_workers()
    assert 1 <= workers <= MAX_DEFAULT_WORKERS
    assert workers == min(len(os.sched_getaffinity(0)), MAX_DEFAULT_WORKERS)
