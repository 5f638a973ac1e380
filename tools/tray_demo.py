"""Show the tray icon with demo data and one balloon alert (for screenshots on a real desktop).

    DISPLAY=:79 python tools/tray_demo.py [--seconds 20]

Opens a throw-away data folder with the demo cases, moves the clock to the next alert
instant, runs the wake-up job once and shows what it delivers in the tray and in the
banner window. Needs a desktop with a system tray (../shared/tools/desktop.sh).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bootstrap import AppContext
from app.services.cases.demo import seed_demo
from app.services.clock import FixedClock, SystemClock
from app.ui.alerts.center import AlertCenter
from app.ui.alerts.tray import QtTrayNotifier
from app.ui.common.tasks import TaskRunner


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20, help="quit after this long (0: stay)")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    data = Path(tempfile.mkdtemp(prefix="tray-demo-"))
    clock = FixedClock(SystemClock().now())
    ctx = AppContext.open(data, clock)
    seed_demo(ctx.cases, clock)
    ctx.alerts.catch_up()  # what is due at start is summarised; the demo shows the next fresh alert

    window = QMainWindow()
    window.setWindowTitle("售后哨兵 · tray demo")
    center = AlertCenter(
        ctx.alerts, clock, QtTrayNotifier(app), window=window, runner=TaskRunner(inline=True)
    )
    body = QWidget()
    layout = QVBoxLayout(body)
    center.banner.add_notices(ctx.alerts.unseen())  # the catch-up summary's items
    layout.addWidget(center.banner)
    layout.addWidget(QLabel(f"托盘可用: {center.tray_available}    数据: {data}"))
    layout.addStretch(1)
    window.setCentralWidget(body)
    window.resize(720, 300)
    window.move(60, 80)
    window.show()
    if center.tray is not None:
        center.tray.show()

    def fire_next_alert() -> None:
        plan = center.scheduler.replan()
        if plan.instant is not None:
            clock.set(plan.instant)
            center.scheduler.wake()
        print(f"tray available: {center.tray_available}; shown at {clock.now().isoformat()}: {plan.reason}")

    QTimer.singleShot(1500, fire_next_alert)
    if args.seconds:
        QTimer.singleShot(args.seconds * 1000, app.quit)
    try:
        return app.exec()
    finally:
        center.shutdown()
        ctx.close()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
