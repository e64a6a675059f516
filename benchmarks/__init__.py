"""Benchmarks of issue 7: is every page instant at city scale, and does it stay linear?

``python -m benchmarks`` (``make bench``) builds the ``town`` and ``city`` demo stores once (cached in
``benchmarks/.cache/``), then measures import throughput, each page's computation cold and from
cache (through the same functions the pages call), two references on the same data (the bare DuckDB
scan and a pandas implementation of the indicators), the whole server script (AppTest), the
browser's view (headless Chromium) and the scaling from a tenth of the city to the city; it writes
``docs/benchmarks.md`` and ``docs/benchmarks.json`` with the machine it ran on.

Modules: :mod:`.stores` (cached demo stores), :mod:`.pages` (what each page computes),
:mod:`.computation` (pages, references, derived refresh), :mod:`.imports`, :mod:`.script`,
:mod:`.browser`, :mod:`.report`, :mod:`.cli`.
"""
