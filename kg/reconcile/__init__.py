"""Reconciliation: the documents' claims -> canonical entities, events, dates, states, conflicts.

Reads: every document's records. Adds: a ``Reconciliation`` (``pipeline.reconcile``), which
``kg.reconciled_graph`` writes into the reconciled named graph. The steps, each in its own
module:

1. ``entities``: reported entities merged into canonical ones across documents;
2. ``claims``: reported events with canonical participants and a first date;
3. ``events``: claims clustered into canonical events (cross-document coreference), each
   dated by the date most sources support (``values``);
4. ``temporal``: event and document dates tightened by all the evidence together;
5. ``support``: how many independent sources report each event, its confidence, and
   whether it is strong enough for the timeline;
6. ``states``: restriction state intervals per subject, authority and population;
7. ``conflicts``: what the sources disagree on;
8. ``labels``: keys and labels of the canonical events.
"""

from kg.reconcile.pipeline import Reconciliation, reconcile
from kg.reconcile.support import Threshold

__all__ = ["Reconciliation", "Threshold", "reconcile"]
