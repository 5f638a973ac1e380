"""Keep None, True and False alive under PySide6 6.12 on CPython 3.11.

Measured in this project's venv (PySide6 6.12.0, CPython 3.11.7): every call from Python
to a Qt function returning void (`label.setText(...)`, `timer.setInterval(...)`) lowers
the reference count of None by one, and every `signal.emit(...)` lowers True's. The
binding counts on these objects being immortal, which they are from CPython 3.12 on
(there the same calls change nothing). On 3.11 the count reaches zero after enough calls
and the interpreter aborts ("none_dealloc: deallocating None"): the window, whose
countdown makes dozens of such calls a second, would die within hours.

`make_singletons_immortal()` gives the three objects a reference count no program can
drain (2**40), which is what 3.12 does by design. It runs once when `app.ui` is imported,
only on CPython < 3.12. tests/ui/test_pyside_guard.py holds it.
"""

from __future__ import annotations

import ctypes
import sys

UNDRAINABLE = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of PyObject
        if refcnt.value < UNDRAINABLE:
            refcnt.value += UNDRAINABLE
