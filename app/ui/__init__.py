"""The Qt side of the app (widgets, item models, dialogs). Imports PySide6; services never import this."""

from app.ui.pyside_guard import make_singletons_immortal

make_singletons_immortal()
