"""First start: create the data folder with the merchant's shops, and demo cases if asked.

The welcome screen collects a `FirstRunChoice`; `set_up_data_dir` applies it. Pure
Python (the window runs it on the background worker). `needs_welcome` runs before the
first paint, so this module imports SQLAlchemy (via the context) only inside the setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.models.enums import Platform
from app.models.schema_version import DB_FILE_NAME
from app.services.clock import Clock

BACKUP_GLOB = "backups/sentinel-*.db"  # app/services/storage/backup.py: BACKUP_DIR_NAME / backup_name()


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


def needs_welcome(data_dir: Path) -> bool:
    """A first start: no database and no backups. (Backups without a database means the data
    was lost: the start-up check offers a restore instead of a fresh start.)"""
    return not has_database(data_dir) and not any(data_dir.glob(BACKUP_GLOB))


def set_up_data_dir(choice: FirstRunChoice, clock: Clock) -> SetupResult:
    """Create the database (every migration), the chosen shops and, if asked, the demo cases.

    Demo cases go only into a folder that had no database: they never mix with real cases.
    """
    from app.bootstrap import AppContext
    from app.services.cases.demo import seed_demo
    from app.services.cases.shops import ShopService

    fresh = not has_database(choice.data_dir)
    ctx = AppContext.open(choice.data_dir, clock)
    try:
        shops = ShopService(ctx.sessions).ensure(choice.shops)
        demo = seed_demo(ctx.cases, clock) if choice.demo and fresh else []
    finally:
        ctx.close()
    return SetupResult(choice.data_dir, len(shops), len(demo))
