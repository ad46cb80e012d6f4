"""The graph: documents' records -> an RDF dataset in an embedded Oxigraph store.

Reads: the ``DocumentRecords`` of ``extract`` and the type schemes of the data files.
Writes: a store directory (``kg.store``) with one named graph per document (what each
source says, with the sentence it says it in), a reconciled graph (``kg.reconcile``:
canonical entities and events, dates, support, states per subject and authority,
disagreements) and the vocabulary graph; TriG and N-Quads exports (``kg.files``).
``kg.build`` orchestrates; ``kg.validate`` checks the result against the SHACL shapes.
"""
