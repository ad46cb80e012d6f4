"""Extraction: news articles -> per-document records of entities, time expressions and events.

Reads: a corpus (``extract.corpus``: a manifest and its txt/md/html/jsonl files) and the
domain knowledge of ``extract/data`` plus the user's data files. Writes nothing itself:
``extract.pipeline`` runs spaCy with the project's components (``ptkg_timex``,
``ptkg_entities``, ``ptkg_events``) and returns one ``records.DocumentRecords`` per
document, which ``kg`` turns into the graph.

What the later layers share with this one lives in small modules of its own: ``records``
(the records), ``errors`` (the project's exceptions), ``datafiles`` (reading the data
files), ``type_schemes`` (entity and event types), ``dates`` and ``temporal.rules`` (date
arithmetic on ranges).
"""
