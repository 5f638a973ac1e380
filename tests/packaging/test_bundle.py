"""The bundled app (PyInstaller, this OS) starts and passes its own --self-test.

A build takes 30-60 s and 160 MB, so it happens only on request: SENTINEL_BUNDLE names
the dist folder of a built bundle (packaging/ci_bundle_check.sh builds once, then runs
this file; .ci/run calls that script), or SENTINEL_BUILD_BUNDLE=1 builds one here.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("SENTINEL_BUNDLE")
    if prebuilt:
        return Path(prebuilt)
    if os.environ.get("SENTINEL_BUILD_BUNDLE") != "1":
        pytest.skip(
            "builds a 160 MB bundle: run packaging/ci_bundle_check.sh (or set SENTINEL_BUILD_BUNDLE=1)"
        )
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail('SENTINEL_BUILD_BUNDLE=1 but PyInstaller is not installed (pip install -e ".[package]")')
    tmp = tmp_path_factory.mktemp("bundle")
    build.build(tmp / "dist", tmp / "work")
    return tmp / "dist"


def _clean_env() -> dict[str, str]:
    """No PYTHONPATH and no source tree in reach: the bundle must carry everything."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)  # the self-test must pick offscreen by itself
    env.pop("WAYLAND_DISPLAY", None)
    return env


def test_bundle_passes_its_self_test(dist: Path, tmp_path: Path) -> None:
    program = build.cli_program(dist)
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), "--self-test"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    wall = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(bundle," in result.stdout  # really the frozen app, not a Python on PATH
    for step in ("app modules", "database", "rule presets", "translations", "icons", "main window", "report"):
        assert f"ok   {step}" in result.stdout
    print(f"\nbundle: {build.folder_size(dist / build.APP_NAME) / 2**20:.1f} MiB, --self-test {wall:.2f}s")


def test_bundle_answers_version_and_usage_errors(dist: Path, tmp_path: Path) -> None:
    program = build.cli_program(dist)
    version = subprocess.run([str(program), "--version"], env=_clean_env(), capture_output=True, text=True)
    assert version.returncode == 0 and "Aftersales Sentinel" in version.stdout
    bad = subprocess.run([str(program), "--no-such-flag"], env=_clean_env(), capture_output=True, text=True)
    assert bad.returncode == 2
