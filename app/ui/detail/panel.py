"""The case detail side panel: big countdown, the rule behind it, fields, actions, timeline, files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Action
from app.services.cases.attachments import AttachmentView
from app.services.listing.queries import CaseDetail, DeadlineView
from app.services.listing.urgency import Urgency, urgency
from app.services.rules.presets import Duration
from app.services.service_desk.callbacks import CallbackView
from app.services.service_desk.follow_ups import FollowUpView
from app.services.service_desk.targets import TargetView
from app.services.service_desk.templates import FilledTemplate
from app.services.text.pii import mask_address, mask_phone
from app.ui.common import formatting, vocab
from app.ui.common.service_text import say
from app.ui.detail.attachments import AttachmentsWidget
from app.ui.detail.event_model import EventTableModel
from app.ui.detail.follow_ups import FollowUpsWidget, status_words
from app.ui.detail.replies import RepliesWidget
from app.ui.detail.service_desk import CallbackWidget, TargetClock, TargetsWidget

URGENCY_COLOURS = {
    Urgency.OVERDUE: "#e03131",
    Urgency.WITHIN_1H: "#e8590c",
    Urgency.WITHIN_6H: "#f08c00",
    Urgency.WITHIN_24H: "#e67700",
}
ACTIONS_PER_ROW = 3  # at most: fewer when the panel is too narrow for three buttons side by side


class CaseDetailPanel(QWidget):
    actionRequested = Signal(int, str)  # case id, action value
    editRequested = Signal(int)
    filesDropped = Signal(int, list)  # case id, list[Path]
    closeRequested = Signal()
    muteToggled = Signal(int, bool)  # case id, muted
    callbackRecorded = Signal(int, str, str)  # case id, result, comment

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.detail: CaseDetail | None = None
        self.case_id: int | None = None
        self._show_private = False

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Close the detail panel (Esc)"))
        close.clicked.connect(self.closeRequested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closeRequested)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(close)

        self.countdown = QLabel()
        self.countdown.setObjectName("bigCountdown")
        big = QFont(self.countdown.font())
        big.setPointSizeF(big.pointSizeF() * 2.4)
        big.setBold(True)
        self.countdown.setFont(big)
        self.consequence = QLabel()
        self.consequence.setObjectName("detailConsequence")
        self.consequence.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setObjectName("detailRule")
        self.rule.setWordWrap(True)
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Rule id, rule-set version and the preset's technical note: for support only, small and grey.
        self.rule_details = QLabel()
        self.rule_details.setObjectName("ruleDetails")
        self.rule_details.setWordWrap(True)
        self.rule_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_details.setStyleSheet("color: #868e96;")
        small = QFont(self.rule_details.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.rule_details.setFont(small)
        self.other_clocks = QLabel()
        self.other_clocks.setWordWrap(True)
        self.targets = TargetsWidget()  # ours, quieter, under the platform's

        self.mute = QCheckBox(self.tr("Mute alerts for this case"))
        self.mute.setObjectName("muteAlerts")
        self.mute.setToolTip(
            self.tr("No tray messages or banner alerts for this case; its deadlines still count.")
        )
        self.mute.toggled.connect(self._mute_toggled)

        # Who works the case, and the claim / assign / release buttons (the controller's actions).
        self.assignee = QLabel()
        self.assignee.setObjectName("detailAssignee")
        self.assign_row = QHBoxLayout()
        self.assign_buttons: list[QToolButton] = []

        self.actions_box = QGroupBox(self.tr("Actions"))
        self.actions_grid = QGridLayout(self.actions_box)
        self.action_buttons: dict[str, QPushButton] = {}
        self._action_order: list[QPushButton] = []
        self._per_row = 0

        self.fields_box = QGroupBox(self.tr("Case"))
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.show_private = QPushButton(self.tr("Show phone and address"))
        self.show_private.setObjectName("showPrivate")
        self.show_private.setCheckable(True)
        self.show_private.toggled.connect(self._toggle_private)
        fields_layout = QVBoxLayout(self.fields_box)
        fields_layout.addLayout(self.fields)
        fields_layout.addWidget(self.show_private, 0, Qt.AlignmentFlag.AlignLeft)

        self.timeline_model = EventTableModel(self)
        self.timeline = QTableView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().hide()
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.setWordWrap(True)
        for col, width in ((0, 120), (1, 50), (2, 110), (3, 130)):
            self.timeline.horizontalHeader().resizeSection(col, width)
        self.timeline.setMinimumHeight(160)
        timeline_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        # The merchant's own side: what was agreed with the buyer, and the replies to send.
        self.follow_ups = FollowUpsWidget()
        follow_box = QGroupBox(self.tr("Agreed follow-ups"))
        QVBoxLayout(follow_box).addWidget(self.follow_ups)
        self.callback = CallbackWidget()
        self.callback.recordRequested.connect(self._callback_requested)
        self.callback_box = QGroupBox(self.tr("Callback (回访)"))
        QVBoxLayout(self.callback_box).addWidget(self.callback)
        self.replies = RepliesWidget()
        replies_box = QGroupBox(self.tr("Replies (templates for this stage first)"))
        QVBoxLayout(replies_box).addWidget(self.replies)

        self.attachments = AttachmentsWidget()
        self.attachments.filesDropped.connect(self._files_dropped)
        files_box = QGroupBox(self.tr("Attachments"))
        QVBoxLayout(files_box).addWidget(self.attachments)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(header)
        inner.addWidget(self.countdown)
        inner.addWidget(self.consequence)
        inner.addWidget(self.rule)
        inner.addWidget(self.other_clocks)
        inner.addWidget(self.targets)
        inner.addWidget(self.rule_details)
        inner.addWidget(self.mute)
        inner.addWidget(self.assignee)
        inner.addLayout(self.assign_row)
        inner.addWidget(self.actions_box)
        inner.addWidget(follow_box)
        inner.addWidget(self.callback_box)
        inner.addWidget(replies_box)
        inner.addWidget(timeline_box)
        inner.addWidget(self.fields_box)
        inner.addWidget(files_box)
        inner.addStretch(1)
        self._inner = inner
        self.body_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.viewport().installEventFilter(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(380)

    # ---- content -------------------------------------------------------------------------

    def show_case(
        self,
        detail: CaseDetail,
        attachments: Sequence[AttachmentView],
        now: int,
        replies: Sequence[FilledTemplate] = (),
        follow_ups: Sequence[FollowUpView] = (),
        targets: Sequence[TargetView] = (),
        callback: CallbackView | None = None,
        target_clock: TargetClock | None = None,
    ) -> None:
        same_case = self.case_id == detail.row.id
        self.detail = detail
        self.case_id = detail.row.id
        if not same_case:
            self._show_private = False
            self.show_private.setChecked(False)
        f = detail.fields
        platform = vocab.label(vocab.platforms(), f["platform"])
        self.title.setText(f"{platform} · {f['aftersale_no']}")
        self.mute.blockSignals(True)
        self.mute.setChecked(bool(f.get("muted")))
        self.mute.blockSignals(False)
        self._fill_actions(detail.allowed)
        who = f.get("assignee")
        self.assignee.setText(self.tr("Assigned to: {0}").format(who) if who else self.tr("Unassigned"))
        self._fill_fields()
        self.timeline_model.set_events(detail.events, {f.event_seq: status_words(f) for f in follow_ups})
        self.follow_ups.set_follow_ups(follow_ups, now)
        self.targets.set_targets(targets, target_clock, now)
        ended = f.get("closed_at") is not None
        self.callback.set_callback(callback, ended, now)
        self.callback_box.setVisible(ended or callback is not None)
        self.replies.set_templates(replies)
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()
        self.attachments.set_attachments(attachments)
        self.tick(now)

    def tick(self, now: int) -> None:
        """Repaint the big countdown from the clock snapshot (no database access)."""
        if self.detail is None:
            return
        self.follow_ups.tick(now)
        self.targets.tick(now)
        self.callback.tick(now)
        d = self.detail.row.next_deadline
        stage = vocab.label(vocab.stages(), self.detail.row.stage)
        if d is None:
            self.countdown.setText(stage)
            self.countdown.setStyleSheet("")
            self.consequence.setText(self.tr("No platform clock runs in this stage."))
            self.rule.setText("")
            self.other_clocks.setText("")
            self.rule_details.setText(self._details_text(None))
            return
        due = int(d.due_at.timestamp()) if d.due_at else None
        self.countdown.setText(formatting.clock_text(due, d.waiting_for, True, now))
        colour = URGENCY_COLOURS.get(urgency(d.party, due, now))
        self.countdown.setStyleSheet(f"color: {colour};" if colour else "")
        self.consequence.setText(self._consequence_text(d, due))
        self.rule.setText(self._rule_text(d))
        self.rule_details.setText(self._details_text(d))
        others = [x for x in self.detail.row.deadlines if x is not d]
        self.other_clocks.setText("\n".join(self._other_clock(x, now) for x in others))

    def _consequence_text(self, d: DeadlineView, due: int | None) -> str:
        stage = vocab.label(vocab.stages(), self.detail.row.stage if self.detail else d.stage)
        party = vocab.label(vocab.parties(), d.party)
        auto = vocab.label(vocab.auto_actions(), d.auto_action)
        target = vocab.label(vocab.stages(), d.next_stage)
        if due is None:
            waiting = vocab.label(vocab.waiting(), d.waiting_for)
            return self.tr("{0}. Then the {1}'s clock starts; at zero: {2} → {3}").format(
                waiting, party, auto, target
            )
        text = self.tr("Stage: {0}. {1}'s clock; at zero the platform will: {2} → {3}. Due {4}").format(
            stage, party, auto, target, formatting.epoch_text(due)
        )
        return text

    def _rule_text(self, d: DeadlineView) -> str:
        assert self.detail is not None
        rule = self.detail.rules.get(d.rule_id, {})
        if d.platform_deadline:  # the platform's own deadline, from its export: it wins over the preset
            text = self.tr("Platform deadline (from its export)")
            if d.preset_due is not None and d.due_at is not None and d.preset_due != d.due_at:
                text += " · " + self.tr("our preset said {0}").format(
                    formatting.epoch_text(int(d.preset_due.timestamp()))
                )
            return text
        conf = vocab.label(vocab.confidences(), d.confidence)
        try:
            length = formatting.duration_text(Duration.parse(str(rule.get("duration", ""))))
        except ValueError:
            length = "?"
        text = self.tr("Platform rule: {0} · confidence {1}").format(length, conf)
        text += "\n" + self.tr("Source: {0}").format(
            rule.get("source_zh") or self.tr("not recorded in this rule set (unverified)")
        )
        if d.confidence == "C" and "未核实" not in str(rule.get("source_zh", "")):
            text += "\n" + self.tr("Unverified preset — check your platform's rule centre.")
        if d.estimate is not None:  # a working-day clock across a year whose holidays are unknown
            text += "\n" + say(d.estimate)
        if d.adjustment is not None:  # the platform's holiday adjustment moved this clock
            text += "\n" + say(d.adjustment)
        return text

    def _details_text(self, d: DeadlineView | None) -> str:
        """For support: the rule's id, the rule set's version and the preset's own note."""
        assert self.detail is not None
        parts = []
        if d is not None and not d.platform_deadline:
            parts.append(d.rule_id)
            source = self.detail.rules.get(d.rule_id, {}).get("source")
            if source:
                parts.append(str(source))
        parts.append(self.tr("rule set version {0}").format(self.detail.rule_set_version))
        return self.tr("Details (for support): {0}").format(" · ".join(parts))

    def _other_clock(self, d: DeadlineView, now: int) -> str:
        due = int(d.due_at.timestamp()) if d.due_at else None
        return self.tr("{0}'s clock: {1} → {2}").format(
            vocab.label(vocab.parties(), d.party),
            formatting.clock_text(due, d.waiting_for, True, now),
            formatting.consequence(d.party, d.auto_action, d.confidence, d.waiting_for, due),
        )

    def _fill_actions(self, allowed: Sequence[Action]) -> None:
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = {}
        buttons: list[QPushButton] = []
        for action in allowed:
            button = QPushButton(vocab.label(vocab.actions(), action.value))
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action.value: self._request(a))
            self.action_buttons[action.value] = button
            buttons.append(button)
        edit = QPushButton(self.tr("Edit fields…"))
        edit.setObjectName("editFields")
        edit.clicked.connect(lambda: self.editRequested.emit(self.case_id))
        buttons.append(edit)
        self._action_order = buttons
        self._per_row = 0
        self._arrange_actions()

    def _arrange_actions(self) -> None:
        """Three buttons a row when they fit in the panel's width, else two (or one): the panel has
        no horizontal scroll bar, so a row wider than the panel would be cut off."""
        buttons = self._action_order
        if not buttons:
            return
        spacing = max(self.actions_grid.horizontalSpacing(), 0)
        widest = max(b.sizeHint().width() for b in buttons)
        margins = self._inner.contentsMargins()
        grid = self.actions_grid.contentsMargins()
        frame = self.actions_box.width() - self.actions_box.contentsRect().width()
        room = (
            self.body_scroll.viewport().width()
            - margins.left()
            - margins.right()
            - grid.left()
            - grid.right()
            - max(frame, 2)
        )
        per_row = max(1, min(ACTIONS_PER_ROW, (room + spacing) // (widest + spacing)))
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for button in buttons:
            self.actions_grid.removeWidget(button)
        for i, button in enumerate(buttons):
            self.actions_grid.addWidget(button, i // per_row, i % per_row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange_actions()  # the width the buttons share (delivered when shown, too)
        return super().eventFilter(watched, event)

    def _callback_requested(self, result: str, comment: str) -> None:
        if self.case_id is not None:
            self.callbackRecorded.emit(self.case_id, result, comment)

    def _mute_toggled(self, muted: bool) -> None:
        if self.case_id is not None:
            self.muteToggled.emit(self.case_id, muted)

    def _request(self, action: str) -> None:
        if self.case_id is not None:
            self.actionRequested.emit(self.case_id, action)

    @property
    def version(self) -> int | None:
        """The version of the case as shown here (what a write from this panel is made against)."""
        return int(self.detail.fields["version"]) if self.detail is not None else None

    def set_assign_actions(self, actions: Sequence[Any]) -> None:
        """Claim, assign to…, release: buttons beside who works the case."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.assign_row.addWidget(button)
            self.assign_buttons.append(button)
        self.assign_row.addStretch(1)

    def _fill_fields(self) -> None:
        assert self.detail is not None
        f = self.detail.fields
        while self.fields.rowCount():
            self.fields.removeRow(0)
        yes, no = self.tr("yes"), self.tr("no")
        phone = f["buyer_phone"] if self._show_private else mask_phone(f["buyer_phone"])
        address = f["buyer_address"] if self._show_private else mask_address(f["buyer_address"])
        rows: list[tuple[str, str]] = [
            (self.tr("Platform"), vocab.label(vocab.platforms(), f["platform"])),
            (self.tr("Shop"), f["shop"]),
            (self.tr("After-sales no."), f["aftersale_no"]),
            (self.tr("Order no."), f["order_no"]),
            (self.tr("Type"), vocab.label(vocab.case_types(), f["case_type"])),
            (self.tr("Reason"), vocab.label(vocab.reasons(), f["reason"])),
            (self.tr("Buyer's words"), f["reason_detail"]),
            (self.tr("Goods shipped"), yes if f["shipped"] else no),
            (self.tr("Stage"), vocab.label(vocab.stages(), f["stage"])),
            (self.tr("In stage since"), formatting.datetime_text(f["stage_since"])),
            (self.tr("Requested at"), formatting.datetime_text(f["requested_at"])),
            (self.tr("Closed at"), formatting.datetime_text(f["closed_at"])),
            (self.tr("Buyer"), f["buyer_nick"]),
            (self.tr("Buyer phone"), phone),
            (self.tr("Buyer address"), address),
            (self.tr("Product"), f["product_title"]),
            (self.tr("SKU"), f["sku"]),
            (self.tr("Quantity"), str(f["quantity"])),
            (self.tr("Order amount"), formatting.money(f["order_amount"])),
            (self.tr("Refund requested"), formatting.money(f["refund_requested"])),
            (self.tr("Refund granted"), formatting.money(f["refund_granted"])),
            (self.tr("Handler"), f["handler"]),
            (self.tr("Tags"), f["tags"]),
            (self.tr("Return tracking no."), f["return_tracking_no"]),
            (self.tr("Reship tracking no."), f["reship_tracking_no"]),
            (self.tr("Penalised (late shipment)"), yes if f["penalized"] else no),
            (self.tr("Rule set"), self.detail.rule_set_label),
        ]
        for name, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name in (self.tr("Buyer phone"), self.tr("Buyer address")):
                label.setObjectName("buyerPhone" if name == self.tr("Buyer phone") else "buyerAddress")
            self.fields.addRow(name, label)

    def _toggle_private(self, shown: bool) -> None:
        self._show_private = shown
        self.show_private.setText(
            self.tr("Hide phone and address") if shown else self.tr("Show phone and address")
        )
        if self.detail is not None:
            self._fill_fields()

    def _files_dropped(self, paths: list[Any]) -> None:
        if self.case_id is not None:
            self.filesDropped.emit(self.case_id, paths)

    def clear(self) -> None:
        self.detail = None
        self.case_id = None
