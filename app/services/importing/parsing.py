"""Cell values of after-sales exports → typed values: money, times, identifiers, counts.

Pure functions. Each raises `ValueProblem` with a message a merchant can act on;
the caller adds the row and the column.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from app.services.clock import FIRST_YEAR, LAST_YEAR, ensure_aware, time_from_text
from app.services.text.messages import Template

Cell = str | int | float | Decimal | datetime | date | None

CENT = Decimal("0.01")
EXCEL_EPOCH = datetime(1899, 12, 30)
BEIJING_OFFSET = timedelta(hours=8)  # China keeps no daylight saving time: a fixed offset
# Excel serials of 1982-04-01 .. 2119-10-01: anything else is not a plausible after-sales time.
SERIAL_RANGE = (30000.0, 80000.0)
# Integers up to this many digits survive a float (IEEE double: 15 significant digits).
SAFE_DIGITS = 15
# Bounds of what a row may say, so that nothing past them reaches the database (fen are
# 64-bit integers there; 6.92E+18 yuan used to pass the dry run and crash the write).
MAX_AMOUNT = Decimal(10**10)  # yuan: ten billion, far beyond any after-sales case
MAX_COUNT = 1_000_000
YEARS = (FIRST_YEAR, LAST_YEAR)  # a platform time outside these is a typo or a damaged cell
MAX_DURATION = timedelta(days=3650)


class ValueProblem(ValueError):
    """A cell that cannot be read as what its column holds (the message is a `messages.Text`)."""


NOT_A_NUMBER = Template(en="not a number: {value!r}", zh="不是数字：{value}")
LOST_DIGITS = Template(
    en="{value} was stored as a number and has lost digits: export the column as text",
    zh="{value} 被存成了数字，已丢失位数：请把这一列导出为文本",
)
SHORTENED = Template(
    en="{value} is a number Excel shortened (its digits are lost): export the column as text",
    zh="{value} 是被 Excel 缩写的数字（位数已丢失）：请把这一列导出为文本",
)
NOT_A_WHOLE_NUMBER = Template(en="not a whole number: {value!r}", zh="不是整数：「{value}」")
NOT_AN_AMOUNT = Template(en="not an amount: {value!r}", zh="不是金额：「{value}」")
NOT_AN_AMOUNT_EG = Template(
    en="not an amount: {value!r} (expected e.g. ¥1,299.00)", zh="不是金额：「{value}」（应如 ¥1,299.00）"
)
TOO_MANY_DECIMALS = Template(
    en="amount has more than two decimals: {value!r}", zh="金额超过两位小数：「{value}」"
)
NOT_A_PLAUSIBLE_DATE = Template(en="{value} is not a plausible date", zh="{value} 不像是日期")
NOT_A_TIME = Template(
    en="not a time: {value!r} (expected e.g. 2026-11-03 14:05:09)",
    zh="无法识别的时间：「{value}」（应如 2026-11-03 14:05:09）",
)
NOT_A_DURATION = Template(
    en="not a duration: {value!r} (expected e.g. 0.58天 or 1天2小时)",
    zh="无法识别的时长：「{value}」（应如 0.58天 或 1天2小时）",
)
NOT_A_DATE = Template(en="not a valid date: {value!r}", zh="日期不存在：「{value}」")
AMOUNT_OUT_OF_RANGE = Template(
    en="amount out of range: {value!r} (at most ¥{limit})", zh="金额超出范围：「{value}」（最多 ¥{limit}）"
)
COUNT_OUT_OF_RANGE = Template(en="count out of range: {value!r}", zh="数量超出范围：「{value}」")
TIME_OUT_OF_RANGE = Template(
    en="time out of range: {value!r} (expected a year from {first} to {last})",
    zh="时间超出范围：「{value}」（年份应在 {first} 到 {last} 之间）",
)
DURATION_OUT_OF_RANGE = Template(en="duration out of range: {value!r}", zh="时长超出范围：「{value}」")


def cell_text(value: Cell) -> str:
    """How a cell reads as text (for messages, and for text columns)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**SAFE_DIGITS:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# What exports write in an empty cell (抖店 writes `-`, others 无 or --).
PLACEHOLDERS = frozenset({"-", "--", "---", "—", "——", "无", "暂无", "null", "NULL", "None", "N/A", "n/a"})


def is_placeholder(value: Cell) -> bool:
    return isinstance(value, str) and value.strip() in PLACEHOLDERS


# ---- text and identifiers -------------------------------------------------------------

_EXCEL_TEXT = re.compile(r'^="(.*)"$')  # ="6920000000000000001": how exports keep digits as text
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")


def clean_text(value: Cell) -> str:
    """A text cell without the wrappers exports put around it (`="…"`, surrounding blanks and tabs)."""
    if value is None:  # most optional columns of most rows
        return ""
    text = value.strip() if isinstance(value, str) else cell_text(value)
    if text.startswith('="'):
        m = _EXCEL_TEXT.match(text)
        if m:
            text = m.group(1).strip()
    return text.strip("\t")


def parse_identifier(value: Cell) -> str:
    """An order or after-sales number, kept exactly as text; never via a float.

    Excel shows long numbers as `6.92E+18` and a float keeps only 15 digits:
    such a value has lost its digits and is refused rather than guessed.
    """
    if isinstance(value, bool):
        raise ValueProblem(NOT_A_NUMBER(value=value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 10**SAFE_DIGITS:
            return str(int(value))
        raise ValueProblem(LOST_DIGITS(value=f"{value:.6g}"))
    text = clean_text(value)
    if _SCIENTIFIC.match(text):
        raise ValueProblem(SHORTENED(value=text))
    return text


def parse_count(value: Cell) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, int):
        count = value
    elif isinstance(value, float) and value.is_integer():
        count = int(value)
    else:
        text = clean_text(value).replace(",", "").removesuffix("件").removesuffix("个").strip()
        if not text.isdigit() or not text.isascii():
            raise ValueProblem(NOT_A_WHOLE_NUMBER(value=cell_text(value)))
        if len(text) > 12:
            raise ValueProblem(COUNT_OUT_OF_RANGE(value=cell_text(value)[:40]))
        count = int(text)
    if not -MAX_COUNT <= count <= MAX_COUNT:
        raise ValueProblem(COUNT_OUT_OF_RANGE(value=cell_text(value)[:40]))
    return count


# ---- money ------------------------------------------------------------------------------

_MONEY_NOISE = str.maketrans("", "", "¥￥,，元 \u00a0")


def parse_money(value: Cell) -> Decimal | None:
    """`¥1,299.00`, `1299`, `1,299.00元`, `-5.00`, `(5.00)` → Decimal yuan; blank → None."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(NOT_AN_AMOUNT(value=value))
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = clean_text(value)
        negative = text.startswith("(") and text.endswith(")")
        cleaned = text.strip("()").translate(_MONEY_NOISE).replace("CNY", "").replace("RMB", "")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise ValueProblem(NOT_AN_AMOUNT_EG(value=text)) from None
        if negative:
            amount = -amount
    if not amount.is_finite():
        raise ValueProblem(NOT_AN_AMOUNT(value=cell_text(value)[:40]))
    if abs(amount) >= MAX_AMOUNT:
        raise ValueProblem(AMOUNT_OUT_OF_RANGE(value=cell_text(value)[:40], limit=f"{int(MAX_AMOUNT):,}"))
    try:
        rounded = amount.quantize(CENT)
    except InvalidOperation:  # 1e-999999: more decimals than a Decimal context carries
        raise ValueProblem(TOO_MANY_DECIMALS(value=cell_text(value)[:40])) from None
    if rounded != amount:
        raise ValueProblem(TOO_MANY_DECIMALS(value=cell_text(value)))
    return rounded


# ---- times ------------------------------------------------------------------------------

_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


def from_excel_serial(serial: float) -> datetime:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise ValueProblem(NOT_A_PLAUSIBLE_DATE(value=serial))
    # Rounded to the second: serials carry float noise (…59.9999 s).
    seconds = round(serial * 86400)
    return EXCEL_EPOCH + timedelta(seconds=seconds)


def parse_time(value: Cell) -> datetime | None:
    """An instant from a cell; times without an offset are Beijing time. Blank → None.

    Accepts `2026-11-03 14:05:09`, `2026/11/3 14:05`, `2026年11月03日 14:05`, ISO 8601
    with an offset, a date alone (midnight), Excel date cells and Excel serial numbers.
    """
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = clean_text(value)
        common = _common_time(text)
        if common is not None and YEARS[0] < common.year < YEARS[1]:
            # most cells of most exports: Beijing wall time, no offset
            return (common - BEIJING_OFFSET).replace(tzinfo=UTC)
    try:
        at = _instant(value)
    except OverflowError:  # year 1 moved to UTC
        raise ValueProblem(TIME_OUT_OF_RANGE(value=cell_text(value)[:60], first=YEARS[0], last=YEARS[1])) from None
    except ValueProblem:
        raise
    except ValueError:  # an offset of +25:00
        raise ValueProblem(NOT_A_TIME(value=cell_text(value)[:60])) from None
    if not YEARS[0] <= at.year <= YEARS[1]:
        raise ValueProblem(TIME_OUT_OF_RANGE(value=cell_text(value)[:60], first=YEARS[0], last=YEARS[1]))
    return at


def _instant(value: Cell) -> datetime:
    if isinstance(value, str):
        local = _parse_time_text(clean_text(value))
    elif isinstance(value, datetime):
        local = value
    elif isinstance(value, date):
        local = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        local = from_excel_serial(float(value))
    else:
        local = _parse_time_text(clean_text(value))
    return ensure_aware(local).astimezone(UTC)


def _common_time(text: str) -> datetime | None:
    """`2026-11-03 14:05:09`, `2026/11/03 14:05` (what most exports write), read by the C parser.

    None for anything else, an impossible date included: the regex then reads it or says why not.
    """
    n = len(text)
    sep = text[4:5]
    if (
        (n == 16 or (n == 19 and text[16] == ":"))
        and (sep == "-" or sep == "/")
        and text[7] == sep
        and text[10] == " "
        and text[13] == ":"
        and text.isascii()
    ):
        try:
            return datetime.fromisoformat(text if sep == "-" else text.replace("/", "-"))
        except ValueError:
            return None
    return None


def _parse_time_text(text: str) -> datetime:
    common = _common_time(text)
    if common is not None:
        return common
    if _SERIAL.match(text):
        return from_excel_serial(float(text))
    try:
        local = time_from_text(text)
    except ValueError:
        raise ValueProblem(NOT_A_DATE(value=text)) from None
    if local is None:
        raise ValueProblem(NOT_A_TIME(value=text))
    return local


_DURATION = re.compile(
    r"^(?:(?P<d>\d+(?:\.\d+)?)\s*天)?\s*(?:(?P<h>\d+(?:\.\d+)?)\s*(?:小时|时))?"
    r"\s*(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分钟|分))?$"
)


def parse_duration(value: Cell) -> timedelta | None:
    """`0.58天`, `1天2小时`, `3小时`, `45分钟` → a duration; blank → None.

    淘宝's 完结时间 is such a duration, counted from the application (a reader of the
    report does `finishTime.replace("天","")` and adds that many days).
    """
    if is_blank(value):
        return None
    text = clean_text(value)
    m = _DURATION.match(text)
    if not m or not any(m.groupdict().values()):
        raise ValueProblem(NOT_A_DURATION(value=text))
    d, h, mi = (float(m.group(k) or 0) for k in ("d", "h", "m"))
    seconds = d * 86400 + h * 3600 + mi * 60
    if not seconds <= MAX_DURATION.total_seconds():  # also inf and nan: 1 followed by 400 zeros
        raise ValueProblem(DURATION_OUT_OF_RANGE(value=text[:40]))
    return timedelta(seconds=round(seconds))


def looks_like_duration(value: Cell) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value.strip()[-1] in "天时分"


__all__ = [
    "PLACEHOLDERS",
    "Cell",
    "ValueProblem",
    "cell_text",
    "clean_text",
    "from_excel_serial",
    "is_blank",
    "is_placeholder",
    "looks_like_duration",
    "parse_count",
    "parse_duration",
    "parse_identifier",
    "parse_money",
    "parse_time",
]
