"""The merchant's own deadlines (a follow-up, a service target, a 回访 task) as the list, the
status bar and the tray name them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def own_name(kind: str) -> str:
    """What the 'Our deadline' cell calls the merchant's own deadline."""
    names = {
        "follow_up": QCoreApplication.translate("CaseTable", "Follow-up"),
        "callback": QCoreApplication.translate("CaseTable", "Callback"),
        "target:first_response": QCoreApplication.translate("CaseTable", "First response"),
        "target:refund": QCoreApplication.translate("CaseTable", "Refund"),
        "target:callback": QCoreApplication.translate("CaseTable", "Callback target"),
    }
    return names.get(kind, kind)
