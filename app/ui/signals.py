"""`emit()`: emit a Qt signal from Python without losing a reference to `True`.

PySide6 6.12 (CPython 3.11) returns `True` from `SignalInstance.emit()` without the
reference it owes the caller: every emit lowers `True`'s reference count by one, and
once it reaches zero the interpreter aborts ("bool_dealloc: deallocating True or
False"). The countdown emits ~30 times a second, so the window would die within the
hour. Held by tests/ui/test_signals.py. Giving the reference
back is harmless on a fixed PySide6 (an extra reference to True is never freed anyway).
"""

from __future__ import annotations

import ctypes
from typing import Any

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: Any, *args: Any) -> None:
    result = signal.emit(*args)
    if result is True or result is False:
        _incref(result)
