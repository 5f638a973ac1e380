"""The importer: file → preview (what each row would do) → one-transaction write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case
from app.models.enums import Platform
from app.services.cases.service import CaseService
from app.services.cases.state import CaseState, load_states
from app.services.clock import Clock
from app.services.importing.applying import apply_rows
from app.services.importing.gc_pause import gc_paused
from app.services.importing.guessing import guess_platform
from app.services.importing.headers import ColumnMap
from app.services.importing.mapping import FIELDS, MappingBook, map_columns
from app.services.importing.parsing import clean_text
from app.services.importing.planning import Key, KnownCase, Outcome, RowPlan, plan_rows
from app.services.importing.progress import CHECKING, Progress, every
from app.services.importing.reading import ImportFileError, iter_records, locate_header, read_sheet
from app.services.importing.records import BadRow, ImportRow, ProblemKind, read_row
from app.services.text.messages import Template, Text

KEY_CHUNK = 500

MISSING_COLUMNS = Template(
    en="{source}: missing required columns: {names}", zh="{source}：缺少必需的列：{names}"
)
MISSING_COLUMNS_MAP = Template(
    en="{source}: missing required columns: {names}; map them in the import wizard or in {mapping}",
    zh="{source}：缺少必需的列：{names}；请在导入向导中指定，或写进 {mapping}",
)
COLUMN_NAME = Template(en="{label} ({field})", zh="{label}（{field}）")
COLUMN_NAME_NEAR = Template(
    en="{label} ({field}; closest headers: {near})", zh="{label}（{field}；最接近的列：{near}）"
)


@dataclass(frozen=True)
class ImportPlan:
    source: str
    kind: str  # xlsx or csv
    encoding: str | None
    platform: Platform
    platform_guessed: bool  # not given by the user
    guess_confident: bool
    preset_label: str
    header_line: int
    headers: tuple[str, ...]
    columns: ColumnMap
    title_lines: tuple[str, ...]
    skipped_lines: tuple[int, ...]  # totals rows
    rows: tuple[RowPlan, ...]
    user_mapping: str | None = None  # where the merchant's own words for this platform live

    @property
    def missing_columns(self) -> list[str]:
        return self.columns.missing()

    def missing_text(self) -> Text:
        near = self.columns.closest
        names = tuple(
            COLUMN_NAME_NEAR(label=FIELDS[f], field=f, near=near[f])
            if near.get(f)
            else COLUMN_NAME(label=FIELDS[f], field=f)
            for f in self.missing_columns
        )
        if self.user_mapping:
            return MISSING_COLUMNS_MAP(source=self.source, names=names, mapping=self.user_mapping)
        return MISSING_COLUMNS(source=self.source, names=names)

    def counts(self) -> dict[str, int]:
        c = Counter(r.outcome.value for r in self.rows)
        return {o.value: c.get(o.value, 0) for o in Outcome}

    def unknown_words(self, kind: ProblemKind) -> dict[str, list[int]]:
        """Unknown statuses (or types) → the rows they appear in, for mapping them."""
        out: dict[str, list[int]] = {}
        for r in self.rows:
            for p in r.problems:
                if p.kind is kind and p.value:
                    out.setdefault(p.value, []).append(r.line)
        return out


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    dry_run: bool
    case_ids: dict[int, int] = field(default_factory=dict)  # line → case id of the rows written

    @property
    def imported_case_ids(self) -> list[int]:
        return sorted(set(self.case_ids.values()))


class Importer:
    def __init__(
        self, cases: CaseService, sessions: sessionmaker[Session], clock: Clock, mappings: MappingBook
    ) -> None:
        self._cases = cases
        self._sessions = sessions
        self._clock = clock
        self.mappings = mappings

    def preview(
        self,
        path: Path,
        platform: Platform | None = None,
        encoding: str | None = None,
        progress: Progress | None = None,
    ) -> ImportPlan:
        """What importing `path` would do, row by row; writes nothing. ImportFileError if unreadable.

        `progress` hears (rows read, rows in the sheet or 0, READING) while the file is read,
        then (step, 2 × data rows, CHECKING) while each row is parsed and then planned.
        """
        with gc_paused():
            return self._preview(path, platform, encoding, progress)

    def _preview(
        self, path: Path, platform: Platform | None, encoding: str | None, progress: Progress | None
    ) -> ImportPlan:
        sheet = read_sheet(path, encoding, progress)
        table = locate_header(sheet, self.mappings.known_header)
        guessed = platform is None
        confident = True
        if platform is None:
            any_preset = self.mappings.preset(Platform.CUSTOM)
            column = map_columns(any_preset, table.headers).by_field.get("platform")
            values: list[str] = []
            if column:
                values = [clean_text(rec.get(column)) for _, rec in iter_records(table)][:200]
            guess = guess_platform(self.mappings, table.headers, table.title_lines, values, path.name)
            platform, confident = guess.platform, guess.confident
        preset = self.mappings.preset(platform)
        columns = map_columns(preset, table.headers)
        user_file = self.mappings.user_file(platform)
        plan = ImportPlan(
            source=sheet.name,
            kind=sheet.kind,
            encoding=sheet.encoding,
            platform=platform,
            platform_guessed=guessed,
            guess_confident=confident,
            preset_label=preset.label,
            header_line=table.header_line,
            headers=tuple(table.headers),
            columns=columns,
            title_lines=tuple(table.title_lines),
            skipped_lines=tuple(table.skipped_lines),
            rows=(),
            user_mapping=str(user_file) if user_file else None,
        )
        if columns.missing():
            return plan
        total = 2 * len(table.rows)
        step = every(total)
        rows: list[ImportRow | BadRow] = []
        for i, (line, rec) in enumerate(iter_records(table), 1):
            rows.append(read_row(line, rec, columns, preset, platform))
            if progress is not None and i % step == 0:
                progress(i, total, CHECKING)
        known = self._known(r.key for r in rows if isinstance(r, ImportRow))

        def planned(i: int) -> None:
            if progress is not None and i % step == 0:
                progress(len(rows) + i, total, CHECKING)

        plans = plan_rows(rows, known, self._cases.rules.active, self._clock.now(), planned)
        if progress is not None:
            progress(total, total, CHECKING)
        return replace(plan, rows=tuple(plans))

    def import_file(
        self,
        path: Path,
        platform: Platform | None = None,
        encoding: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Plan, then (unless `dry_run`) write every new/update row in one transaction."""
        plan = self.preview(path, platform, encoding, progress)
        if dry_run:
            if plan.missing_columns:
                raise ImportFileError(plan.missing_text())
            return ImportResult(plan, True)
        return self.apply(plan, progress)

    def apply(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        """Write a previewed plan (the wizard does not read the file twice).

        A case that changed in the database since the preview rolls the whole import back
        (ImportAborted): preview again and import.
        """
        if plan.missing_columns:
            raise ImportFileError(plan.missing_text())
        return ImportResult(plan, False, apply_rows(self._cases, plan.rows, progress, plan.source))

    def _known(self, keys: Iterable[Key]) -> dict[Key, KnownCase]:
        wanted = set(keys)
        numbers = sorted({no for _, no in wanted})
        out: dict[Key, KnownCase] = {}
        with self._sessions() as session:
            for i in range(0, len(numbers), KEY_CHUNK):
                chunk = numbers[i : i + KEY_CHUNK]
                ids = [
                    row.id
                    for row in session.execute(
                        select(Case.id, Case.platform, Case.aftersale_no).where(Case.aftersale_no.in_(chunk))
                    )
                    if (row.platform, row.aftersale_no) in wanted
                ]
                for state in load_states(session, ids).values():
                    out[(state.platform, state.aftersale_no)] = _known_case(session, self._cases, state)
        return out


def _known_case(session: Session, cases: CaseService, state: CaseState) -> KnownCase:
    return KnownCase(state, cases.preset_for(session, state.rule_set_id))


def problems_of(plans: Sequence[RowPlan]) -> list[RowPlan]:
    return [p for p in plans if p.outcome is Outcome.ERROR]


__all__ = ["ImportPlan", "ImportResult", "Importer", "problems_of"]
