"""After-sales metrics for a period and a set of shops, computed from cases and their timelines.

The definitions live in `metric_defs.py` (one place), the per-case ledger in
`case_figures.py`; this module adds periods, the accumulation over many cases
and the service that streams them from the database in bounded memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, exists, or_, select, true
from sqlalchemy.orm import Session, aliased, sessionmaker

from app.models.entities import Case, Event, RuleSet, Shop
from app.models.enums import CaseType, Party, Reason, Stage
from app.services.clock import BEIJING, FIRST_YEAR, LAST_YEAR, Clock
from app.services.errors import InvalidInput
from app.services.reports.case_figures import (
    ZERO,
    CaseFigures,
    CaseRecord,
    DurationSamples,
    DurationStats,
    EventRecord,
    case_figures,
    duration_stats,
    month_of,
)
from app.services.reports.metric_defs import LEDGER_KEYS, NA_NO_BASE, NA_ORDERS, ORDER_RATES, QUALITY_REASONS
from app.services.reports.order_counts import OrderCountService, OrderInput, ShopRef
from app.services.rules.presets import RulePreset, preset_from_content
from app.services.text.messages import Template
from app.services.text.ranges import date_out_of_range

Progress = Callable[[int, int, str], None]
CHUNK = 2000
MAX_LISTED_NOS = 20  # after-sales nos. listed per repeat buyer (the count is exact)


# ---- periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole Beijing days, first and last inclusive; `start`/`end` are the UTC instants [start, end)."""

    first_day: date
    last_day: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_day, time(), BEIJING).astimezone(UTC)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last_day + timedelta(days=1), time(), BEIJING).astimezone(UTC)

    def months(self) -> list[str]:
        out: list[str] = []
        y, m = self.first_day.year, self.first_day.month
        while (y, m) <= (self.last_day.year, self.last_day.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    @property
    def label(self) -> str:
        return f"{self.first_day.isoformat()} – {self.last_day.isoformat()}"

    def previous(self) -> Period:
        """The period just before, for 环比: as many whole months when this one is whole months,
        else as many days."""
        whole = self.first_day.day == 1 and self.last_day == _month_end(self.last_day.replace(day=1))
        if whole:
            n = len(self.months())
            y, m = self.first_day.year, self.first_day.month - n
            while m < 1:
                y, m = y - 1, m + 12
            return Period(date(y, m, 1), self.first_day - timedelta(days=1))
        days = (self.last_day - self.first_day).days + 1
        return Period(self.first_day - timedelta(days=days), self.first_day - timedelta(days=1))


NOT_A_DATE = Template(
    en="{flag}: not a date: {text!r} (use YYYY-MM-DD)", zh="{flag}：不是日期：「{text}」（格式为 YYYY-MM-DD）"
)
STARTS_AFTER_END = Template(
    en="the period starts after it ends ({first} > {last})", zh="开始日期晚于结束日期（{first} > {last}）"
)


def parse_period(first: str, last: str) -> Period:
    """'2026-11-01', '2026-11-30' (Beijing dates, inclusive) → Period; InvalidInput otherwise."""
    days: list[date] = []
    for flag, text in (("--from", first), ("--to", last)):
        try:
            days.append(date.fromisoformat(text.strip()))
        except ValueError:
            raise InvalidInput(NOT_A_DATE(flag=flag, text=text)) from None
        if not FIRST_YEAR <= days[-1].year <= LAST_YEAR:
            raise InvalidInput(date_out_of_range(flag, text))
    if days[0] > days[1]:
        raise InvalidInput(STARTS_AFTER_END(first=days[0], last=days[1]))
    return Period(days[0], days[1])


PRESETS = ("this_month", "last_month", "this_quarter")


def period_preset(name: str, now: datetime) -> Period:
    """This month / last month / this quarter, in Beijing time, up to the end of that span."""
    today = now.astimezone(BEIJING).date()
    first_of_month = today.replace(day=1)
    if name == "this_month":
        return Period(first_of_month, _month_end(first_of_month))
    if name == "last_month":
        last = first_of_month - timedelta(days=1)
        return Period(last.replace(day=1), last)
    if name == "this_quarter":
        q_first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        q_last_month = date(q_first.year, q_first.month + 2, 1)
        return Period(q_first, _month_end(q_last_month))
    raise ValueError(f"unknown period preset {name!r}")


def _month_end(first: date) -> date:
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


# ---- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    numerator: Decimal
    denominator: int | None  # None: not available (see `missing`)
    missing: str = ""  # "" | "orders" | "base"
    missing_detail: tuple[str, ...] = ()  # e.g. the shop/months without an order count

    @property
    def value(self) -> Decimal | None:
        if self.denominator is None or self.denominator == 0:
            return None
        return self.numerator / Decimal(self.denominator)

    def text(self, lang: str = "zh") -> str:
        v = self.value
        if v is None:
            return (NA_ORDERS if self.missing == "orders" else NA_NO_BASE)[lang if lang == "en" else "zh"]
        return f"{v * 100:.2f}%"


@dataclass(frozen=True)
class SkuRow:
    sku: str
    product_title: str
    cases: int
    returns: int
    refund_amount: Decimal
    reasons: dict[str, int]


@dataclass(frozen=True)
class BuyerRow:
    buyer: str
    cases: int
    refund_amount: Decimal
    aftersale_nos: tuple[str, ...]


@dataclass(frozen=True)
class MetricsReport:
    period: Period
    shops: tuple[ShopRef, ...] | None  # None: all shops
    generated_at: datetime
    cases_in_report: int
    totals: dict[str, Decimal]
    rates: dict[str, Rate]
    shop_rates: list[tuple[str, dict[str, Rate]]]  # (shop label, rates)
    monthly: list[tuple[str, dict[str, Decimal], dict[str, Rate]]]
    by: dict[str, dict[str, dict[str, Decimal]]]  # dimension → value → ledger key → total
    durations: dict[tuple[str, str], DurationStats]
    top_skus: list[SkuRow]
    repeat_buyers: list[BuyerRow]
    # The shop-months behind the rates (shop, then month), entered or not: the 订单数 sheet.
    order_inputs: tuple[OrderInput, ...] = ()

    def total(self, key: str) -> Decimal:
        return self.totals.get(key, ZERO)


# ---- accumulation ------------------------------------------------------------------------


DIMENSIONS = ("type", "reason", "platform", "shop", "handler", "stage_end")


@dataclass
class _Sku:
    title: str = ""
    cases: int = 0
    returns: int = 0
    refund_amount: Decimal = ZERO
    reasons: dict[str, int] = field(default_factory=dict)


class MetricsAccumulator:
    """Adds up CaseFigures one case at a time (the report streams; memory stays bounded)."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.rows = 0
        self.totals: dict[str, Decimal] = {}
        self.monthly: dict[tuple[str, str], Decimal] = {}
        self.per_shop: dict[tuple[int | None, str], Decimal] = {}
        self.shop_names: dict[int | None, str] = {}
        self.shop_platforms: dict[int | None, str] = {}
        self.by: dict[str, dict[str, dict[str, Decimal]]] = {d: {} for d in DIMENSIONS}
        self.samples = DurationSamples()
        self.skus: dict[str, _Sku] = {}
        self.buyers: dict[str, tuple[int, Decimal, list[str]]] = {}

    def add(self, f: CaseFigures) -> None:
        c = f.case
        self.rows += 1
        self.shop_names.setdefault(c.shop_id, c.shop)
        self.shop_platforms.setdefault(c.shop_id, c.platform)
        start, end = self.period.start, self.period.end
        totals, monthly = self.totals, self.monthly
        for e in f.entries:
            if start <= e.at < end:
                totals[e.key] = totals.get(e.key, ZERO) + e.value
                mk = (month_of(e.at), e.key)
                monthly[mk] = monthly.get(mk, ZERO) + e.value
        for key, value in f.in_period.items():
            sk = (c.shop_id, key)
            self.per_shop[sk] = self.per_shop.get(sk, ZERO) + value
        dims = {
            "type": c.case_type,
            "reason": c.reason,
            "platform": c.platform,
            "shop": c.shop,
            "handler": c.handler,
            "stage_end": f.stage_at_end,
        }
        for dim, label in dims.items():
            bucket = self.by[dim].setdefault(label, {})
            bucket["cases_in_report"] = bucket.get("cases_in_report", ZERO) + 1
            for key, amount in f.in_period.items():
                bucket[key] = bucket.get(key, ZERO) + amount
        shipped = "shipped" if c.shipped else "unshipped"
        self.samples.add("first_response_hours", shipped, f.first_response_hours)
        self.samples.add("resolution_hours", shipped, f.resolution_hours)
        received = "after_receipt" if f.refund_after_receipt else "before_receipt"
        self.samples.add("refund_hours", received, f.refund_hours)
        new = "cases_new" in f.in_period
        refund = f.in_period.get("refund_amount", ZERO)
        if new or refund:
            key = c.sku or c.product_title or "-"
            s = self.skus.get(key)
            if s is None:
                s = self.skus[key] = _Sku(title=c.product_title)
            s.refund_amount += refund
            if new:
                s.cases += 1
                s.returns += CaseType(c.case_type).has_return
                s.reasons[c.reason] = s.reasons.get(c.reason, 0) + 1
        if new and c.buyer_nick:
            n, amt, nos = self.buyers.get(c.buyer_nick, (0, ZERO, []))
            if len(nos) < MAX_LISTED_NOS:
                nos.append(c.aftersale_no)
            self.buyers[c.buyer_nick] = (n + 1, amt + refund, nos)

    def result(
        self,
        shops: tuple[ShopRef, ...] | None,
        orders: dict[tuple[int, str], int],
        now: datetime,
        entered: dict[tuple[int, str], datetime] | None = None,
    ) -> MetricsReport:
        months = self.period.months()
        # Shops whose orders form the denominator: the chosen ones, else every shop with cases here.
        shop_ids: list[int | None] = (
            [s.id for s in shops]
            if shops is not None
            else sorted(self.shop_names, key=lambda x: (x is None, x))
        )
        names = dict(self.shop_names)
        platforms = dict(self.shop_platforms)
        for s in shops or ():
            names[s.id] = s.name
            platforms[s.id] = s.platform
        when = entered or {}
        inputs = tuple(
            OrderInput(
                sid,
                names.get(sid) or "",
                platforms.get(sid, "") if sid is not None else "",
                m,
                orders.get((sid, m)) if sid is not None else None,
                when.get((sid, m)) if sid is not None else None,
            )
            for sid in shop_ids
            for m in months
        )

        totals = {k: self.totals.get(k, ZERO) for k in LEDGER_KEYS}
        rates = _rates(_getter(totals, None), shop_ids, months, orders, names)
        shop_rates = [
            (names.get(sid) or "-", _rates(_getter(self.per_shop, sid), [sid], months, orders, names))
            for sid in shop_ids
        ]
        monthly = [
            (
                m,
                {k: self.monthly.get((m, k), ZERO) for k in LEDGER_KEYS},
                _rates(_getter(self.monthly, m), shop_ids, [m], orders, names),
            )
            for m in months
        ]
        durations = {key: duration_stats(vals) for key, vals in self.samples.values.items()}
        skus = sorted(self.skus.items(), key=lambda kv: (-kv[1].cases, -kv[1].refund_amount, kv[0]))
        top = [SkuRow(k, s.title, s.cases, s.returns, s.refund_amount, dict(s.reasons)) for k, s in skus[:50]]
        buyers = sorted(
            ((b, n, amt, nos) for b, (n, amt, nos) in self.buyers.items() if n >= 2),
            key=lambda x: (-x[1], -x[2], x[0]),
        )
        return MetricsReport(
            period=self.period,
            shops=shops,
            generated_at=now,
            cases_in_report=self.rows,
            totals=totals,
            rates=rates,
            shop_rates=shop_rates,
            monthly=monthly,
            by=self.by,
            durations=durations,
            top_skus=top,
            repeat_buyers=[BuyerRow(b, n, amt, tuple(nos)) for b, n, amt, nos in buyers[:100]],
            order_inputs=inputs,
        )


def _getter(source: dict[Any, Decimal], prefix: Any) -> Callable[[str], Decimal]:
    """key → total, from a dict keyed by key (prefix None) or by (prefix, key)."""
    if prefix is None:
        return lambda k: source.get(k, ZERO)
    return lambda k: source.get((prefix, k), ZERO)


def _rates(
    value: Callable[[str], Decimal],
    shop_ids: Sequence[int | None],
    months: Sequence[str],
    orders: dict[tuple[int, str], int],
    names: dict[int | None, str],
) -> dict[str, Rate]:
    missing: list[str] = []
    denominator = 0
    for sid in shop_ids:
        for m in months:
            n = orders.get((sid, m)) if sid is not None else None
            if n is None:
                missing.append(f"{names.get(sid) or '(no shop)'} {m}")
            else:
                denominator += n
    if not shop_ids:
        missing.append("(no shop)")
    out: dict[str, Rate] = {}
    for rate_key, num_key in ORDER_RATES.items():
        if missing:
            out[rate_key] = Rate(value(num_key), None, "orders", tuple(missing))
        else:  # every count entered; all of them 0 gives n/a — nothing to divide by
            out[rate_key] = Rate(value(num_key), denominator)
    new = int(value("cases_new"))
    out["intervention_rate"] = Rate(value("escalated_new"), new or None, "" if new else "base")
    ended = int(value("deadlines_met") + value("deadlines_lapsed"))
    out["on_time_rate"] = Rate(value("deadlines_met"), ended or None, "" if ended else "base")
    return out


# ---- the service -------------------------------------------------------------------------


_CASE_COLUMNS = (
    Case.id,
    Case.platform,
    Case.shop_id,
    Case.aftersale_no,
    Case.order_no,
    Case.case_type,
    Case.reason,
    Case.reason_detail,
    Case.shipped,
    Case.stage,
    Case.requested_at,
    Case.closed_at,
    Case.buyer_nick,
    Case.buyer_phone,
    Case.buyer_address,
    Case.product_title,
    Case.sku,
    Case.quantity,
    Case.order_amount,
    Case.refund_requested,
    Case.refund_granted,
    Case.handler,
    Case.tags,
    Case.rule_set_id,
)
_EARLIER = aliased(Case)


def _first_of_order(period: Period) -> Any:
    """Whether the case is its order's first application (品质退款率 counts orders, platform-rules.md).

    Asked only of the cases it matters for (a quality reason, applied in the period): the
    look-up on ix_cases_order_no then runs for a few rows of a chunk, not all of them.
    """
    earlier = exists().where(
        _EARLIER.platform == Case.platform,
        _EARLIER.order_no == Case.order_no,
        or_(
            _EARLIER.requested_at < Case.requested_at,
            and_(_EARLIER.requested_at == Case.requested_at, _EARLIER.id < Case.id),
        ),
    )
    asked = and_(
        Case.reason.in_([r.value for r in QUALITY_REASONS]),
        Case.requested_at >= period.start,
        Case.requested_at < period.end,
    )
    return case((asked, ~earlier), else_=true()).label("first_of_order")


_EVENT_COLUMNS = (
    Event.case_id,
    Event.seq,
    Event.at,
    Event.actor,
    Event.action,
    Event.from_stage,
    Event.to_stage,
    Event.rule_id,
    Event.payload,
)


class MetricsService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, orders: OrderCountService) -> None:
        self._sessions = sessions
        self._clock = clock
        self.orders = orders

    def shops(self) -> list[ShopRef]:
        return self.orders.shops()

    def _scope(self, period: Period, shops: Sequence[ShopRef] | None) -> Any:
        """Cases applied before the end that were open during the period or had an event in it."""
        start, end = period.start, period.end
        active = exists().where(Event.case_id == Case.id, Event.at >= start, Event.at < end)
        cond = and_(Case.requested_at < end, or_(Case.closed_at.is_(None), Case.closed_at >= start, active))
        if shops is not None:
            cond = and_(cond, Case.shop_id.in_([s.id for s in shops]))
        return cond

    def count(self, period: Period, shops: Sequence[ShopRef] | None = None) -> int:
        from sqlalchemy import func

        with self._sessions() as session:
            return int(session.scalar(select(func.count(Case.id)).where(self._scope(period, shops))) or 0)

    def iter_figures(
        self, period: Period, shops: Sequence[ShopRef] | None = None
    ) -> Iterator[tuple[CaseFigures, list[EventRecord]]]:
        """Every case in the report with its full timeline, in id order, a chunk at a time."""
        start, end = period.start, period.end
        with self._sessions() as session:
            shop_names = {s.id: s.name for s in session.scalars(select(Shop))}
            clocks = _MerchantClocks(session)
            first_of_order = _first_of_order(period)
            conn = session.connection()
            last_id = 0
            while True:
                # Core execution on the session's connection: typed columns, no ORM row machinery.
                rows = conn.execute(
                    select(*_CASE_COLUMNS, first_of_order)
                    .where(self._scope(period, shops), Case.id > last_id)
                    .order_by(Case.id)
                    .limit(CHUNK)
                ).all()
                if not rows:
                    return
                last_id = rows[-1].id
                ids = [r.id for r in rows]
                timelines: dict[int, list[EventRecord]] = {i: [] for i in ids}
                # One fetch per chunk (iterating the result fetches row by row); rows unpacked by
                # position in _EVENT_COLUMNS order (a Row's attribute lookups cost more).
                event_rows = conn.execute(
                    select(*_EVENT_COLUMNS).where(Event.case_id.in_(ids)).order_by(Event.case_id, Event.seq)
                ).all()
                for case_id, seq, at, actor, action, from_stage, to_stage, rule_id, payload in event_rows:
                    timelines[case_id].append(
                        EventRecord(seq, at, actor, action, from_stage, to_stage, rule_id, payload or {})
                    )
                for r in rows:
                    shop = shop_names.get(r.shop_id, "") if r.shop_id is not None else ""
                    case = CaseRecord(shop=shop, **r._mapping)
                    events = timelines.pop(r.id)
                    yield case_figures(case, events, start, end, clocks), events

    def compute(
        self, period: Period, shops: Sequence[ShopRef] | None = None, progress: Progress | None = None
    ) -> MetricsReport:
        acc = MetricsAccumulator(period)
        total = self.count(period, shops) if progress else 0
        for i, (figures, _events) in enumerate(self.iter_figures(period, shops), 1):
            acc.add(figures)
            if progress and i % CHUNK == 0:
                progress(i, total, "")
        return self.finish(acc, shops)

    def finish(self, acc: MetricsAccumulator, shops: Sequence[ShopRef] | None) -> MetricsReport:
        chosen = tuple(shops) if shops is not None else None
        ids = [s.id for s in chosen] if chosen is not None else [k for k in acc.shop_names if k is not None]
        months = acc.period.months()
        orders = self.orders.lookup(ids, months)
        return acc.result(chosen, orders, self._clock.now(), self.orders.entered(ids, months))


class _MerchantClocks:
    """Does a merchant clock run for (case, stage)? Read from the rule set the case was opened under."""

    def __init__(self, session: Session) -> None:
        self._presets: dict[int, RulePreset] = {
            rs.id: preset_from_content(rs.content) for rs in session.scalars(select(RuleSet))
        }
        self._memo: dict[tuple[int, str, str, bool, str], bool] = {}

    def __call__(self, case: CaseRecord, stage: Stage) -> bool:
        key = (case.rule_set_id, case.case_type, stage.value, case.shipped, case.reason)
        hit = self._memo.get(key)
        if hit is None:
            preset = self._presets.get(case.rule_set_id)
            ctype, reason = CaseType(case.case_type), Reason(case.reason)
            hit = preset is not None and any(
                r.party is Party.MERCHANT and r.matches(ctype, stage, case.shipped, reason)
                for r in preset.rules
            )
            self._memo[key] = hit
        return hit


def shops_text(shops: Iterable[ShopRef] | None, lang: str = "zh") -> str:
    if shops is None:
        return "全部店铺" if lang != "en" else "all shops"
    return "、".join(s.label for s in shops) or "-"
