"""The tray icon: a count of merchant deadlines due within 24 h, messages, a menu of what is next.

`TrayController` holds the behaviour and talks to a `Notifier`: `QtTrayNotifier` wraps
QSystemTrayIcon; tests use a fake (offscreen has no tray). `messageClicked` carries no id,
so the controller remembers which case the message on screen is about.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.services.alerts import Delivery, TrayStatus
from app.services.clock import BEIJING
from app.services.labels import AUTO_ZH, PARTY_ZH, PLATFORM_ZH, format_left

APP_TITLE = "售后哨兵"
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


def tooltip_text(status: TrayStatus, now: datetime) -> str:
    lines = [f"{APP_TITLE} · 24小时内到期 {status.due_within_24h} 个"]
    if status.overdue:
        lines.append(f"已超时未处理 {status.overdue} 个")
    if status.upcoming:
        u = status.upcoming[0]
        lines.append(f"下一个: {PLATFORM_ZH.get(u.platform, u.platform)} {u.aftersale_no}")
        lines.append(f"{AUTO_ZH.get(u.auto_action, u.auto_action)} · {format_left(u.due_at - now)}")
    else:
        lines.append("没有进行中的期限")
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
            self.notifier.show_message(notice.title, notice.text, notice.kind == "auto_action")
            self.showing = notice.case_id
        if delivery.summary is not None:
            lines = [n.title for n in delivery.summary.notices[:3]]
            if len(delivery.summary.notices) > 3:
                lines.append(f"…共 {len(delivery.summary.notices)} 条，点击查看")
            self.notifier.show_message(delivery.summary.headline, "\n".join(lines), True)
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
                who = "" if u.party == "merchant" else f"[{PARTY_ZH.get(u.party, u.party)}] "
                text = (
                    f"{format_left(u.due_at - now)}  {who}{PLATFORM_ZH.get(u.platform, u.platform)} "
                    f"{u.aftersale_no} · {AUTO_ZH.get(u.auto_action, u.auto_action)}"
                )
                action = QAction(text, self.menu)
                action.triggered.connect(lambda _=False, cid=u.case_id: self.open_case_requested.emit(cid))
                self.menu.addAction(action)
        else:
            none = QAction("没有进行中的期限", self.menu)
            none.setEnabled(False)
            self.menu.addAction(none)
        self.menu.addSeparator()
        until = self.snoozed_until
        if until is not None and until > now:
            resume = QAction(f"恢复提醒 (已暂停至 {until.astimezone(BEIJING):%H:%M})", self.menu)
            resume.triggered.connect(self.resume_requested.emit)
            self.menu.addAction(resume)
        else:
            span = (
                f"{self.snooze_minutes // 60} 小时"
                if self.snooze_minutes % 60 == 0
                else f"{self.snooze_minutes} 分钟"
            )
            snooze = QAction(f"暂停提醒 {span}", self.menu)
            snooze.triggered.connect(self.snooze_requested.emit)
            self.menu.addAction(snooze)
        open_action = QAction(f"打开{APP_TITLE}", self.menu)
        open_action.triggered.connect(self.open_window_requested.emit)
        self.menu.addAction(open_action)
        quit_action = QAction("退出", self.menu)
        quit_action.triggered.connect(self.quit_requested.emit)
        self.menu.addAction(quit_action)
