"""The tray icon: a count of merchant deadlines due within 24 h, messages, a menu of what is next.

`TrayController` holds the behaviour and talks to a `Notifier`: `QtTrayNotifier` wraps
QSystemTrayIcon; tests use a fake (offscreen has no tray). `messageClicked` carries no id,
so the controller remembers which case the message on screen is about.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.services.alerts.service import Delivery, TrayStatus
from app.services.clock import BEIJING
from app.ui.common import formatting, vocab
from app.ui.common.own_deadlines import own_name
from app.ui.common.service_text import say

MESSAGE_MS = 15000
NORMAL = QColor("#1565c0")
OVERDUE = QColor("#c62828")
BADGE = QColor("#ef6c00")


class Notifier(Protocol):
    """What the controller needs of a tray icon."""

    def is_available(self) -> bool: ...
    def set_visible(self, visible: bool) -> None: ...
    def set_icon(self, icon: QIcon) -> None: ...
    def set_tooltip(self, text: str) -> None: ...
    def set_menu(self, menu: QMenu) -> None: ...
    def show_message(self, title: str, text: str, urgent: bool) -> None: ...
    def on_message_clicked(self, slot: Callable[[], None]) -> None: ...
    def on_icon_clicked(self, slot: Callable[[], None]) -> None: ...


class QtTrayNotifier:
    def __init__(self, parent: QObject | None = None) -> None:
        self.tray = QSystemTrayIcon(parent)

    def is_available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_visible(self, visible: bool) -> None:
        self.tray.setVisible(visible)

    def set_icon(self, icon: QIcon) -> None:
        self.tray.setIcon(icon)

    def set_tooltip(self, text: str) -> None:
        self.tray.setToolTip(text)

    def set_menu(self, menu: QMenu) -> None:
        self.tray.setContextMenu(menu)

    def show_message(self, title: str, text: str, urgent: bool) -> None:
        kind = QSystemTrayIcon.MessageIcon.Warning if urgent else QSystemTrayIcon.MessageIcon.Information
        self.tray.showMessage(title, text, kind, MESSAGE_MS)

    def on_message_clicked(self, slot: Callable[[], None]) -> None:
        self.tray.messageClicked.connect(slot)

    def on_icon_clicked(self, slot: Callable[[], None]) -> None:
        def activated(reason: QSystemTrayIcon.ActivationReason) -> None:
            if reason in (
                QSystemTrayIcon.ActivationReason.Trigger,
                QSystemTrayIcon.ActivationReason.DoubleClick,
            ):
                slot()

        self.tray.activated.connect(activated)


def render_icon(count: int, overdue: bool, size: int = 64) -> QPixmap:
    """The app mark, red when something is overdue, with the 24 h count as a badge."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(OVERDUE if overdue else NORMAL)
    p.drawRoundedRect(QRect(2, 2, size - 4, size - 4), size * 0.2, size * 0.2)
    p.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(int(size * 0.55))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "!" if overdue else "哨")
    if count > 0:
        text = str(count) if count < 100 else "99+"
        badge = QRect(size - int(size * 0.62), 0, int(size * 0.62), int(size * 0.48))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white") if overdue else BADGE)
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        p.setPen(OVERDUE if overdue else QColor("white"))
        font.setPixelSize(int(size * (0.36 if len(text) < 3 else 0.26)))
        p.setFont(font)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pix


def left(due_at: datetime, now: datetime) -> str:
    return formatting.countdown(int((due_at - now).total_seconds()))


def tooltip_text(status: TrayStatus, now: datetime) -> str:
    due = QCoreApplication.translate("TrayController", "Aftersales Sentinel · due within 24 h: {0}")
    lines = [due.format(status.due_within_24h)]
    if status.overdue:
        lines.append(
            QCoreApplication.translate("TrayController", "Overdue, not handled: {0}").format(status.overdue)
        )
    if status.upcoming:
        u = status.upcoming[0]
        platform = vocab.label(vocab.platforms(), u.platform)
        lines.append(
            QCoreApplication.translate("TrayController", "Next: {0} {1}").format(platform, u.aftersale_no)
        )
        lines.append(f"{vocab.label(vocab.auto_actions(), u.auto_action)} · {left(u.due_at, now)}")
    else:
        lines.append(QCoreApplication.translate("TrayController", "No running deadlines"))
    return "\n".join(lines)


SUMMARY = -1  # `_showing` value: the message on screen is a summary, not one case


class TrayController(QObject):
    open_case_requested = Signal(int)
    open_window_requested = Signal()
    summary_clicked = Signal()
    snooze_requested = Signal()
    resume_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        notifier: Notifier,
        status: Callable[[], TrayStatus],
        now: Callable[[], datetime],
        snooze_minutes: int = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self._status = status
        self._now = now
        self.snooze_minutes = snooze_minutes
        self.snoozed_until: datetime | None = None
        self.showing: int | None = None  # case id of the message on screen, or SUMMARY
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        notifier.set_menu(self.menu)
        notifier.on_message_clicked(self.message_clicked)
        notifier.on_icon_clicked(self.open_window_requested.emit)
        self.last_status: TrayStatus | None = None

    def show(self) -> None:
        self.refresh()
        self.notifier.set_visible(True)

    def refresh(self) -> TrayStatus:
        """Icon and tooltip from the current status (after a wake-up, a change, a re-plan)."""
        status = self._status()
        self.last_status = status
        self.notifier.set_icon(QIcon(render_icon(status.due_within_24h, status.overdue > 0)))
        self.notifier.set_tooltip(tooltip_text(status, self._now()))
        return status

    def show_delivery(self, delivery: Delivery) -> None:
        for notice in delivery.popups:
            self.notifier.show_message(say(notice.title), say(notice.text), notice.kind == "auto_action")
            self.showing = notice.case_id
        if delivery.summary is not None:
            lines = [say(n.title) for n in delivery.summary.notices[:3]]
            if len(delivery.summary.notices) > 3:
                lines.append(self.tr("…{0} in all: click to see them").format(len(delivery.summary.notices)))
            self.notifier.show_message(say(delivery.summary.headline), "\n".join(lines), True)
            self.showing = SUMMARY

    def show_note(self, title: str, text: str) -> None:
        """A message about the app itself: clicking it opens the window."""
        self.notifier.show_message(title, text, False)
        self.showing = None

    def message_clicked(self) -> None:
        if self.showing == SUMMARY:
            self.summary_clicked.emit()
        elif self.showing is not None:
            self.open_case_requested.emit(self.showing)
        else:
            self.open_window_requested.emit()

    def rebuild_menu(self) -> None:
        """On every open: the next five deadlines, snooze, open, quit."""
        self.menu.clear()
        status = self.refresh()
        now = self._now()
        if status.upcoming:
            for u in status.upcoming:
                who = "" if u.party == "merchant" else f"[{vocab.label(vocab.parties(), u.party)}] "
                text = (
                    f"{left(u.due_at, now)}  {who}{vocab.label(vocab.platforms(), u.platform)} "
                    f"{u.aftersale_no} · {vocab.label(vocab.auto_actions(), u.auto_action)}"
                )
                action = QAction(text, self.menu)
                action.triggered.connect(lambda _=False, cid=u.case_id: self.open_case_requested.emit(cid))
                self.menu.addAction(action)
        else:
            none = QAction(self.tr("No running deadlines"), self.menu)
            none.setEnabled(False)
            self.menu.addAction(none)
        if status.own:  # ours (follow-ups, service targets, 回访): one submenu beside the platform's
            own_menu = self.menu.addMenu(self.tr("Our own deadlines ({0})").format(len(status.own)))
            for o in status.own:
                text = (
                    f"{left(o.due_at, now)}  {vocab.label(vocab.platforms(), o.platform)} "
                    f"{o.aftersale_no} · {own_name(o.kind)}"
                )
                action = QAction(text, own_menu)
                action.triggered.connect(lambda _=False, cid=o.case_id: self.open_case_requested.emit(cid))
                own_menu.addAction(action)
        self.menu.addSeparator()
        until = self.snoozed_until
        if until is not None and until > now:
            resume = QAction(
                self.tr("Resume alerts (snoozed until {0})").format(f"{until.astimezone(BEIJING):%H:%M}"),
                self.menu,
            )
            resume.triggered.connect(self.resume_requested.emit)
            self.menu.addAction(resume)
        else:
            label = (
                self.tr("Snooze alerts for {0} h").format(self.snooze_minutes // 60)
                if self.snooze_minutes % 60 == 0
                else self.tr("Snooze alerts for {0} min").format(self.snooze_minutes)
            )
            snooze = QAction(label, self.menu)
            snooze.triggered.connect(self.snooze_requested.emit)
            self.menu.addAction(snooze)
        open_action = QAction(self.tr("Open Aftersales Sentinel"), self.menu)
        open_action.triggered.connect(self.open_window_requested.emit)
        self.menu.addAction(open_action)
        quit_action = QAction(self.tr("Quit"), self.menu)
        quit_action.triggered.connect(self.quit_requested.emit)
        self.menu.addAction(quit_action)
