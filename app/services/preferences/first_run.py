"""First start: create the data folder with the merchant's shops, and demo cases if asked.

The welcome screen collects a `FirstRunChoice`; `bootstrap.set_up_data_dir` applies it.
Pure Python (the window runs it on the background worker). `needs_welcome` runs before
the first paint, so this module imports no SQLAlchemy at its top.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.models.enums import Platform
from app.models.schema_version import DB_FILE_NAME
from app.services.clock import Clock

if TYPE_CHECKING:
    from app.services.cases.service import CaseService
    from app.services.cases.shops import ShopService

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


def populate(
    choice: FirstRunChoice, shops: ShopService, cases: CaseService, clock: Clock, fresh: bool
) -> SetupResult:
    """The chosen shops and, if asked and the folder had no database (`fresh`), the demo cases.

    `bootstrap.set_up_data_dir` opens the database (every migration) and calls this.
    """
    from app.services.cases.demo import seed_demo

    made = shops.ensure(choice.shops)
    demo = seed_demo(cases, clock) if choice.demo and fresh else []
    return SetupResult(choice.data_dir, len(made), len(demo))
