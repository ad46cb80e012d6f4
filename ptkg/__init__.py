"""The application: the ``ptkg`` command line and the jobs it runs.

``ptkg.build`` runs a whole build (extraction, graph, exports) into an output directory
atomically; ``ptkg.evaluate`` scores a graph against a reference timeline; ``ptkg.cli``
turns arguments into those calls and errors into messages and exit codes. Only this layer
prints.
"""
