"""What a value outside the app's ranges gets told (the ranges: `clock.FIRST_YEAR`/`LAST_YEAR`,
`cases.inputs.MAX_AMOUNT`, `MAX_COUNT` here), for every feature that takes one in."""

from __future__ import annotations

from app.services.clock import FIRST_YEAR, LAST_YEAR
from app.services.text.messages import Template, Text

# Counts (paid orders a month, case ids) stay far inside an SQLite INTEGER (2**63 - 1).
MAX_COUNT = 10**12

_DATE_OUT_OF_RANGE = Template(
    en="{flag}: {text!r} is outside the years {first}–{last}",
    zh="{flag}：「{text}」不在 {first}–{last} 年之间",
)
_COUNT_TOO_LARGE = Template(
    en="{flag}: {value} is too large (at most {most})", zh="{flag}：{value} 太大了（最多 {most}）"
)


def date_out_of_range(flag: str, text: str) -> Text:
    return _DATE_OUT_OF_RANGE(flag=flag, text=text, first=FIRST_YEAR, last=LAST_YEAR)


def count_too_large(flag: str, value: int) -> Text:
    return _COUNT_TOO_LARGE(flag=flag, value=value, most=MAX_COUNT)
