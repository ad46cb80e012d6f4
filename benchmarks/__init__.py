"""Benchmarks of the project, run from the repository root (``python -m benchmarks.perf.queries``);
not part of the installed package. See benchmarks/README.md."""
