"""TempEval-3 benchmark of the temporal tagger, side by side with HeidelTime.

Run ``python -m benchmarks.tempeval.run DIR`` from the repository root; see
``benchmarks/README.md``.
"""
