"""Screenshots of the real app on an X display (see ../shared/tools/desktop.sh), for docs/screenshots.

    DISPLAY=:78 python tools/take_screenshots.py --lang zh_CN
    DISPLAY=:78 python tools/take_screenshots.py --lang en --size 1024x700

`--size` is the window's outer size (default 1440x900, the desktop's own); a size other than
the default adds it to the file names (cases-zh-1024x700.png).

Starts the window exactly as `python -m app --demo` does, then shows each screen in turn
and captures the X screen with ImageMagick's `import`, cropped to the window.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from app.bootstrap import Options  # noqa: E402
from app.services.clock import parse_instant  # noqa: E402
from app.ui.shell.main import Startup  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
X, Y = 0, 0
DEFAULT_SIZE = "1440x900"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=["zh_CN", "en"], required=True)
    parser.add_argument("--now", default="2026-11-20T15:30:00+08:00")
    parser.add_argument("--size", default=DEFAULT_SIZE, help="window size, e.g. 1024x700")
    args = parser.parse_args()
    W, H = (int(n) for n in args.size.lower().split("x"))
    if "DISPLAY" not in os.environ:
        sys.exit("set DISPLAY to the virtual desktop (desktop.sh start)")
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", args.lang)
    start = Startup(Options(None, parse_instant(args.now), True), settings)
    w = start.window
    w.show()
    # The outer frame is the size asked for (a 1024x700 screen holds the whole window).
    frame = w.frameGeometry().size() - w.geometry().size()
    w.setGeometry(X, Y, W - frame.width(), H - frame.height())
    QTimer.singleShot(0, start.open_services)
    suffix = "zh" if args.lang == "zh_CN" else "en"
    if args.size != DEFAULT_SIZE:
        suffix += f"-{args.size}"

    def shot(name: str, widget: object = None) -> None:
        path = OUT / f"{name}-{suffix}.png"
        raw = tmp / "raw.png"
        subprocess.run(["import", "-window", "root", str(raw)], check=True)
        g = (widget or w).frameGeometry()  # type: ignore[attr-defined]
        subprocess.run(
            ["convert", str(raw), "-crop", f"{g.width()}x{g.height()}+{g.x()}+{g.y()}", "+repage", str(path)],
            check=True,
        )
        print("wrote", path)

    steps = []

    def cases() -> None:
        w.show_screen("cases")

    def detail() -> None:
        rows = w.cases.model.rows
        pick = next((r.id for r in rows if r.stage == "awaiting_merchant_receipt" and r.due), rows[0].id)
        w.controller.open_case(pick)

    def desk() -> None:
        """The detail with our side: a return that arrived this morning (our refund-within-48-h
        target counting down beside the platform's receipt clock), the first answer's target met,
        a follow-up agreed in a note, the reply templates for its stage."""
        from datetime import timedelta
        from decimal import Decimal

        from app.models.enums import Action, CaseType, Platform, Reason
        from app.services.cases.service import ActionRequest, NewCase
        from app.services.rules.actions import default_actor
        from app.ui.common.changes import ChangeSet

        ctx = w.ctx
        now = ctx.clock.now()
        cid = ctx.cases.add_case(
            NewCase(
                Platform.DOUYIN,
                CaseType.RETURN_REFUND,
                Reason.QUALITY,
                "DY-O-90017",
                "DY-90017",
                Decimal("89.00"),
                now - timedelta(days=2, hours=3),
                buyer_nick="小鹿",
                product_title="暖暖家居 保温杯 500ml",
                sku="BW-500",
                shop="暖暖家居旗舰店",
            )
        )
        zh = args.lang == "zh_CN"
        steps = [
            (Action.APPROVE, timedelta(days=2, hours=2), {}),
            (Action.BUYER_SHIP, timedelta(days=1, hours=6), {"tracking": "SF1409371122"}),
            (Action.RETURN_DELIVERED, timedelta(hours=5), {}),
            (
                Action.NOTE,
                timedelta(minutes=10),
                {
                    "text": "买家说杯盖漏水，约好收货验货后回电说明退款"
                    if zh
                    else "Lid leaks: call back after checking the return",
                    "follow_up_by": (now + timedelta(hours=2)).isoformat(),
                },
            ),
        ]
        for action, ago, payload in steps:
            request = ActionRequest(
                action, at=now - ago, actor=default_actor(action), payload=payload, handler=""
            )
            ctx.cases.act(cid, request)
        w.changes.publish(ChangeSet.cases([cid]))
        w.controller.open_case(cid)

    def settings_targets() -> None:
        close_dialogs()
        from app.ui.settings.dialog import open_settings_dialog

        dialog = open_settings_dialog(w)
        dialog.move(w.frameGeometry().x() + 40, w.frameGeometry().y() + 40)
        if dialog.desk is not None:
            dialog.tabs.setCurrentWidget(dialog.desk)
        dialogs.append(dialog)

    def dashboard() -> None:
        w.cases.show_detail(False)
        w.show_screen("dashboard")

    def rules() -> None:
        w.show_screen("rules")
        screen = w.screen_widget("rules")
        screen.platform.setCurrentIndex(screen.platform.findData("pinduoduo"))

    dialogs: list[object] = []

    def settings_dialog() -> None:
        from app.ui.settings.dialog import open_settings_dialog

        dialog = open_settings_dialog(w)
        dialog.move(w.frameGeometry().x() + 40, w.frameGeometry().y() + 40)
        dialogs.append(dialog)

    def close_dialogs() -> None:
        for d in dialogs:
            d.close()  # type: ignore[attr-defined]
        dialogs.clear()  # (they delete themselves on close)

    steps = [
        (cases, "cases"),
        (detail, "case-detail"),
        (desk, "case-detail-desk"),
        (dashboard, "dashboard"),
        (rules, "rules"),
        (settings_dialog, "settings"),
        (settings_targets, "settings-targets"),
    ]

    def run(i: int = 0) -> None:
        if w.controller is None or not w.cases.model.complete:
            QTimer.singleShot(300, lambda: run(i))
            return
        if i == len(steps):
            close_dialogs()
            start.app.quit()
            return
        action, name = steps[i]
        action()
        QTimer.singleShot(1500, lambda: (shot(name), run(i + 1)))

    QTimer.singleShot(1000, run)
    start.app.exec()
    start.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
