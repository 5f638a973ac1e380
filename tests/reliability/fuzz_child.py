"""Runs `python -m app import FILE` on many files, each in a forked worker, and reports each one.

    python tests/reliability/fuzz_child.py FILES.json RESULTS.json

It imports the app once, makes one empty data folder, then for each file forks a worker
(two at a time) that copies that folder, runs the CLI's `main` on the file with its stdout
and stderr sent to files, and exits with the CLI's code (99 when an exception escaped).
The parent records each worker's exit status, wall time and peak memory (`ru_maxrss` from
wait4: the worker's resident set, the app's own imports included), and kills one that runs
past TIMEOUT. A worker is limited to LIMIT_AS of address space, so a runaway allocation
fails in the worker (and is counted) instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from app.bootstrap import AppContext
from app.cli import main
from app.services.clock import BEIJING, FixedClock

NOW = "2026-11-02T10:00:00+08:00"
PARALLEL = 2
TIMEOUT = 60.0
LIMIT_AS = 3 * 2**30
CRASH = 99


def worker(path: Path, template: Path, work: Path) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))
    data = work / "data"
    shutil.copytree(template, data)
    out = os.open(work / "out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(work / "err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(err, 2)
    code = CRASH
    try:
        code = main(["--data-dir", str(data), "--now", NOW, "import", str(path)])
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def run_all(files: list[str], results: Path) -> None:
    root = Path(tempfile.mkdtemp(prefix="sentinel-fuzz-"))
    template = root / "template"
    from datetime import datetime

    AppContext.open(template, FixedClock(datetime(2026, 11, 2, 10, tzinfo=BEIJING))).close()
    todo = list(enumerate(files))
    running: dict[int, tuple[int, float, Path]] = {}
    report: list[dict[str, object]] = [{} for _ in files]
    while todo or running:
        while todo and len(running) < PARALLEL:
            i, name = todo.pop(0)
            work = root / f"w{i}"
            work.mkdir()
            pid = os.fork()
            if pid == 0:
                worker(Path(name), template, work)
            running[pid] = (i, time.monotonic(), work)
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            now = time.monotonic()
            for p, (_i, started, _w) in running.items():
                if now - started > TIMEOUT:
                    os.kill(p, signal.SIGKILL)
            time.sleep(0.005)  # the supervisor's poll for its children's time limit; no assertion waits on it
            continue
        i, started, work = running.pop(pid)
        report[i] = {
            "file": files[i],
            "exit": os.waitstatus_to_exitcode(status),
            "seconds": round(time.monotonic() - started, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "stdout": (work / "out").read_text(errors="replace")[-2000:],
            "stderr": (work / "err").read_text(errors="replace")[-4000:],
        }
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)
    results.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    run_all(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), Path(sys.argv[2]))
