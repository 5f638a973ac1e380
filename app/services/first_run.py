"""First start: create the data folder with the merchant's shops, and demo cases if asked.

The welcome screen collects a `FirstRunChoice`; `set_up_data_dir` applies it. Pure
Python (the window runs it on the background worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.models.enums import Platform
from app.models.schema_version import DB_FILE_NAME
from app.services.clock import Clock
from app.services.context import AppContext
from app.services.demo import seed_demo
from app.services.shops import ShopService


@dataclass(frozen=True)
class FirstRunChoice:
    data_dir: Path
    platforms: tuple[Platform, ...]
    shops: tuple[tuple[Platform, str], ...] = ()
    demo: bool = False


@dataclass(frozen=True)
class SetupResult:
    data_dir: Path
    shops: int
    demo_cases: int


def has_database(data_dir: Path) -> bool:
    return (data_dir / DB_FILE_NAME).exists()


def set_up_data_dir(choice: FirstRunChoice, clock: Clock) -> SetupResult:
    """Create the database (every migration), the chosen shops and, if asked, the demo cases.

    Demo cases go only into a folder that had no database: they never mix with real cases.
    """
    fresh = not has_database(choice.data_dir)
    ctx = AppContext.open(choice.data_dir, clock)
    try:
        shops = ShopService(ctx.sessions).ensure(choice.shops)
        demo = seed_demo(ctx.cases, clock) if choice.demo and fresh else []
    finally:
        ctx.close()
    return SetupResult(choice.data_dir, len(shops), len(demo))
