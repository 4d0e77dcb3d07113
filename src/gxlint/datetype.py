"""The classes of :mod:`datetime` without importing it.

In CPython 3.11, ``datetime.py`` first defines its whole pure-Python implementation and then
replaces it with the classes of the C module ``_datetime``: about 4 million instructions
(1.5 % of a cold one-report run) to arrive at the classes ``_datetime`` holds already. The
names here *are* ``datetime.date``, ``datetime.time`` and ``datetime.timedelta`` (the same
objects), so a date made here compares, hashes and prints exactly as one made by
:mod:`datetime`.
"""

try:
    from _datetime import date, time, timedelta
except ImportError:  # pragma: no cover - an interpreter without the C module
    from datetime import date, time, timedelta

__all__ = ["date", "time", "timedelta"]
