"""The importer: file → preview (what each row would do) → one-transaction write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.entities import Case, Shop
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
from app.services.importing.reading import ImportFileError, Table, iter_records, locate_header, read_sheet
from app.services.importing.records import BadRow, ImportRow, ProblemKind, RowProblem, export_time, read_row
from app.services.importing.running import announced
from app.services.text.messages import Template, Text

KEY_CHUNK = 500

MISSING_COLUMNS = Template(
    en="{source}: missing required columns: {names}", zh="{source}：缺少必需的列：{names}"
)
MISSING_COLUMNS_MAP = Template(
    en="{source}: missing required columns: {names}; map them in the import wizard or in {mapping}",
    zh="{source}：缺少必需的列：{names}；请在导入向导中指定，或写进 {mapping}",
)
ASK_PLATFORM = Template(
    en="{source}: cannot tell which platform made this file (scores: {scores}): choose it (--platform)",
    zh="{source}：无法判断这个文件来自哪个平台（得分：{scores}）：请选择平台（--platform）",
)
NOTHING_POINTS = Template(en="no preset matches", zh="没有匹配的预设")
ASK_SHOP = Template(
    en="the file has no shop column and you have several {platform} shops ({shops}): choose one (--shop)",
    zh="文件没有店铺列，而您在{platform}有多个店铺（{shops}）：请选择一个（--shop）",
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
    platform_question: Text | None = None  # the guess was a tie or weak: ask which platform it is
    shop: str | None = None  # the shop rows without a shop column go to
    shop_choices: tuple[str, ...] = ()  # no shop column and several shops: ask which

    @property
    def questions(self) -> list[Text]:
        """What the merchant must answer before this file can be imported."""
        out = [self.platform_question] if self.platform_question is not None else []
        if self.shop_choices:
            out.append(ASK_SHOP(platform=self.platform, shops=self.shop_choices))
        return out

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
class ShopOptions:
    """The shop question of a file, asked before its preview (the wizard's first page)."""

    platform: Platform | None  # the platform the file was taken for (None: the preview will ask)
    shops: tuple[str, ...]  # the shops to choose from: empty when the file needs no answer
    remembered: str | None  # the shop chosen last time for this platform


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
        self,
        cases: CaseService,
        sessions: sessionmaker[Session],
        clock: Clock,
        mappings: MappingBook,
        data_dir: Path | None = None,
    ) -> None:
        self._data_dir = data_dir  # where the "an import is running" note goes while it writes
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
        shop: str | None = None,
    ) -> ImportPlan:
        """What importing `path` would do, row by row; writes nothing. ImportFileError if unreadable.

        `progress` hears (rows read, rows in the sheet or 0, READING) while the file is read,
        then (step, 2 × data rows, CHECKING) while each row is parsed and then planned.
        """
        with gc_paused():
            return self._preview(path, platform, encoding, progress, shop)

    def _preview(
        self,
        path: Path,
        platform: Platform | None,
        encoding: str | None,
        progress: Progress | None,
        shop: str | None = None,
    ) -> ImportPlan:
        sheet = read_sheet(path, encoding, progress)
        table = locate_header(sheet, self.mappings.known_header)
        guessed = platform is None
        confident = True
        question: Text | None = None
        if platform is None:
            platform, question = self._guess(table, path)
            confident = question is None
        preset = self.mappings.preset(platform)
        columns = map_columns(preset, table.headers)
        shops = self._shop_names(platform)
        default_shop = None
        if "shop" not in columns.by_field:  # a shop column, even with empty cells, says it all
            default_shop = shop or preset.shop or (shops[0] if len(shops) == 1 else None)
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
            platform_question=question,
            shop=default_shop,
            shop_choices=shops if "shop" not in columns.by_field and default_shop is None else (),
        )
        if columns.missing():
            return plan
        total = 2 * len(table.rows)
        step = every(total)
        rows: list[ImportRow | BadRow] = []
        exported_at = export_time(table.title_lines)
        for i, (line, rec) in enumerate(iter_records(table), 1):
            row = read_row(line, rec, columns, preset, platform, exported_at)
            if default_shop and isinstance(row, ImportRow) and not row.shop:
                row = replace(row, shop=default_shop)
            rows.append(row)
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
        shop: str | None = None,
    ) -> ImportResult:
        """Plan, then (unless `dry_run`) write every new/update row in one transaction."""
        plan = self.preview(path, platform, encoding, progress, shop)
        if dry_run:
            if plan.missing_columns:
                raise ImportFileError(plan.missing_text())
            return ImportResult(plan, True)
        return self.apply(plan, progress)

    def apply(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        """Write a previewed plan (the wizard does not read the file twice).

        A case written in the database since the preview is refused (its row becomes an error
        saying who changed it, when, and what it is now); the other rows are written. A new
        case added meanwhile rolls the whole import back (ImportAborted): preview again. A question left open (which platform,
        which shop) refuses the import: answer it and preview again.
        """
        if plan.missing_columns:
            raise ImportFileError(plan.missing_text())
        if plan.questions:
            raise ImportFileError(plan.questions[0])
        return self._apply(plan, progress)

    def _apply(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        if plan.missing_columns:
            raise ImportFileError(plan.missing_text())
        todo = sum(1 for r in plan.rows if r.outcome in (Outcome.NEW, Outcome.UPDATE))
        refused: dict[int, str] = {}
        with announced(self._data_dir, plan.source, todo, self._clock.now()):
            written = apply_rows(
                self._cases, plan.rows, progress, plan.source, self._sessions, self._clock.now(), refused
            )
        if refused:
            plan = replace(plan, rows=tuple(_refused(r, refused.get(r.line)) for r in plan.rows))
        return ImportResult(plan, False, written)

    def shop_options(self, path: Path, encoding: str | None = None) -> ShopOptions:
        """Which shop a file's rows go to must be asked when it has no shop column and the
        platform it is taken for has several shops. Reads the file, parses no row."""
        with gc_paused():
            table = locate_header(read_sheet(path, encoding), self.mappings.known_header)
            platform, question = self._guess(table, path)
        if question is not None:
            return ShopOptions(None, (), None)
        preset = self.mappings.preset(platform)
        if "shop" in map_columns(preset, table.headers).by_field:
            return ShopOptions(platform, (), None)
        shops = self._shop_names(platform)
        return ShopOptions(platform, shops if len(shops) > 1 else (), preset.shop)

    def remember_shop(self, platform: Platform, shop: str) -> None:
        """The shop this platform's files without a shop column go to from now on (the merchant's file)."""
        self.mappings.save_user_words(platform, shop=shop)

    def _guess(self, table: Table, path: Path) -> tuple[Platform, Text | None]:
        """The platform that made the file, and the question to ask when the guess is weak or tied."""
        any_preset = self.mappings.preset(Platform.CUSTOM)
        column = map_columns(any_preset, table.headers).by_field.get("platform")
        values: list[str] = []
        if column:
            values = [clean_text(rec.get(column)) for _, rec in islice(iter_records(table), 200)]
        guess = guess_platform(self.mappings, table.headers, table.title_lines, values, path.name)
        if guess.confident:
            return guess.platform, None
        by_shop = self._platform_of_shops(table, map_columns(any_preset, table.headers))
        if by_shop is not None:
            return by_shop, None
        return guess.platform, ASK_PLATFORM(source=table.sheet.name, scores=_scores(guess.scores) or NOTHING_POINTS())

    def _shop_names(self, platform: Platform) -> tuple[str, ...]:
        """The merchant's shops on `platform` (a file without a shop column goes to the only one)."""
        with self._sessions() as session:
            names = session.scalars(select(Shop.name).where(Shop.platform == platform.value).order_by(Shop.name))
            return tuple(names)

    def _platform_of_shops(self, table: Table, columns: ColumnMap) -> Platform | None:
        """The platform of the merchant's shops a file names, when they are all on one platform."""
        header = columns.by_field.get("shop")
        if header is None:
            return None
        names = {clean_text(rec.get(header)) for _, rec in iter_records(table)} - {""}
        if not names:
            return None
        with self._sessions() as session:
            found = session.execute(select(Shop.platform, Shop.name).where(Shop.name.in_(sorted(names)))).all()
        platforms = {p for p, _ in found}
        if {n for _, n in found} != names or len(platforms) != 1:
            return None
        return Platform(platforms.pop())

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


def _refused(row: RowPlan, why: str | None) -> RowPlan:
    """A row not written because its case was written since the preview: an error, with why."""
    if why is None:
        return row
    return replace(row, outcome=Outcome.ERROR, problems=(RowProblem(ProblemKind.CONFLICT, why),), state=None)


def _scores(scores: Sequence[tuple[Platform, float]]) -> tuple[str, ...]:
    return tuple(f"{p.value} {s:.2f}" for p, s in scores)


def problems_of(plans: Sequence[RowPlan]) -> list[RowPlan]:
    return [p for p in plans if p.outcome is Outcome.ERROR]


__all__ = ["ImportPlan", "ImportResult", "Importer", "ShopOptions", "problems_of"]
