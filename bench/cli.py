"""Cold start of a command: `python -m app --data-dir D due` against `python -c pass`, same run.

    python bench/cli.py [--runs 15]

Budget (issue: the house): the `due` cold start ≤ 8× the bare interpreter's (it was ~21×
while a command loaded PySide6 to find the data folder). Each sample is a fresh process;
the data folder is created (all migrations) once before timing, as a merchant's would be.
Prints medians and the ratio; the machine is shared, so read the median, not the minimum.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 8.0


def sample(args: list[str], runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        command = [sys.executable, "-m", "app", "--data-dir", str(data), "due"]
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # creates the database
        bare, due = [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
            bare += sample([sys.executable, "-c", "pass"], 1)
            due += sample(command, 1)
    b, d = statistics.median(bare), statistics.median(due)
    ratio = d / b
    print(f"python -c pass      median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"python -m app due   median {d * 1000:7.1f} ms  (min {min(due) * 1000:.1f})")
    print(f"ratio {ratio:.1f}×  (budget ≤ {BUDGET:.0f}×) {'ok' if ratio <= BUDGET else 'OVER BUDGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
