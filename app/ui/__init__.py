"""Qt widgets, item models, dialogs and the tray. Business rules live in app.services."""

from app.ui.pyside_guard import make_singletons_immortal

make_singletons_immortal()  # before any Qt call: see pyside_guard.py
