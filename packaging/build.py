"""Build the one-folder app for this OS with PyInstaller and print its size.

    pip install -e ".[package]"
    python packaging/build.py                # -> dist/AftersalesSentinel/ (+ .app on macOS)
    python packaging/build.py --self-test    # then start the bundle with --self-test

Options --dist/--work put the result and PyInstaller's scratch folder elsewhere (the
bundle test builds into a temp folder). Exit code: PyInstaller's, else the self-test's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "sentinel.spec"
APP_NAME = "AftersalesSentinel"
CLI_NAME = "sentinel-cli"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def cli_program(dist: Path) -> Path:
    """The program to self-test: on Windows the console twin of the windowed .exe (it can print),
    on macOS the one inside the .app (its layout differs from the plain folder's)."""
    if sys.platform == "win32":
        return dist / APP_NAME / f"{CLI_NAME}.exe"
    app = dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / APP_NAME
    if sys.platform == "darwin" and app.exists():
        return app
    return dist / APP_NAME / APP_NAME


def build(dist: Path, work: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('PyInstaller is not installed: pip install -e ".[package]"')
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    folder = dist / APP_NAME
    print(f"built {folder} in {time.perf_counter() - started:.0f}s")
    print(f"bundle size: {folder_size(folder) / 2**20:.1f} MiB in {sum(1 for _ in folder.rglob('*'))} files")
    app = dist / f"{APP_NAME}.app"
    if app.exists():
        print(f"macOS app: {app} ({folder_size(app) / 2**20:.1f} MiB)")
    return folder


def self_test(dist: Path) -> int:
    """Start the bundled app with --self-test, away from the source tree; print its wall time."""
    program = cli_program(dist)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    started = time.perf_counter()
    result = subprocess.run([str(program), "--self-test"], cwd=dist, env=env)
    print(f"bundled --self-test: exit {result.returncode}, {time.perf_counter() - started:.2f}s wall time")
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch folder")
    parser.add_argument("--self-test", action="store_true", help="run the bundle's self-test afterwards")
    args = parser.parse_args()
    build(args.dist.resolve(), args.work.resolve())
    return self_test(args.dist.resolve()) if args.self_test else 0


if __name__ == "__main__":
    sys.exit(main())
