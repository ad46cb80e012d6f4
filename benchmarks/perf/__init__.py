"""Performance benchmarks (issue 7): extraction throughput, build scaling, query latency.

Each benchmark is one command, run from the repository root with the dev virtualenv::

    python -m benchmarks.perf.extraction       # words/s: our extraction vs bare spaCy
    python -m benchmarks.perf.build_scaling    # corpus -> graph at 1x, 10x, 100x the corpus
    python -m benchmarks.perf.queries          # named queries on 1M synthetic events

Every one prints ratios measured side by side in the same run (the machine is shared and
noisy: absolute times alone mean little) and takes ``--quick`` for a smoke run of seconds.
See benchmarks/README.md for what each measures and the figures.
"""
