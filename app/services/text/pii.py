"""Masking of buyer personal data (phone, address) wherever it is shown by default.

The one mask for the window (detail panel) and the Excel report. A phone is read as
digits, not as text: `+86`/`0086` and a landline's area code (`010-`, `(0571)`) are kept
(they name a country or a city, not a buyer), an extension (`转123`, `ext 12`, `#8`,
`010-12345678-123`) is hidden entirely, and of the subscriber's own digits

    11 or more (a mobile)    the first 3 and the last 4:        138****5678
    7 to 10 (a landline)     at most the last 4, at least 4 hidden: ****210, ****5678
    4 to 6                   the last 2:                        ****45
    fewer                    none:                              ****

Always four stars, whatever the number of hidden digits, so the mask does not tell the
length either. Free text in the field (a name, '微信同号') is dropped, never shown.
"""

from __future__ import annotations

import re
from typing import NamedTuple

STARS = "****"
_COUNTRY = re.compile(r"^\s*(?:\+|00)\s*86(?=[\s\-(]*\d)")
_EXTENSION = re.compile(r"(转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_AREA = re.compile(r"^[\s\-]*(?:\((0\d{2,3})\)|(0\d{2,3})[\s\-]+)(?=\d)")
_TRAILING_GROUP = re.compile(r"^(.*\d)[\s\-]+(\d{1,5})\s*$")  # after the area code: 1234 5678-123
_BARE_COUNTRY_MOBILE = re.compile(r"^86(1[3-9]\d{9})$")  # 8613812345678


class PhoneParts(NamedTuple):
    """A phone as the mask reads it; `subscriber` is the buyer's own digits."""

    country: str  # '86' or ''
    area: str  # '010', '0571' or ''
    subscriber: str
    extension_marker: str  # '转', 'ext', '#', '-' … or '' without an extension
    extension: str


def parse_phone(phone: str) -> PhoneParts:
    rest = phone.strip()
    country = ""
    if m := _COUNTRY.match(rest):
        country, rest = "86", rest[m.end() :]
    marker = extension = ""
    if m := _EXTENSION.search(rest):
        marker, extension, rest = m.group(1).lower().rstrip("."), m.group(2), rest[: m.start()]
    area = ""
    if m := _AREA.match(rest):
        area, rest = m.group(1) or m.group(2), rest[m.end() :]
        # a local number has 7 or 8 digits: a group after them is an extension
        if not extension and (g := _TRAILING_GROUP.match(rest)) and 7 <= _count_digits(g.group(1)) <= 8:
            rest, marker, extension = g.group(1), "-", g.group(2)
    digits = "".join(ch for ch in rest if ch.isdigit())
    if not country and not area and (b := _BARE_COUNTRY_MOBILE.match(digits)):
        country, digits = "86", b.group(1)
    return PhoneParts(country, area, digits, marker, extension)


def _count_digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def mask_digits(digits: str) -> str:
    """The subscriber's digits masked: see the table in the module's docstring."""
    n = len(digits)
    if n >= 11:
        return digits[:3] + STARS + digits[-4:]
    if n >= 7:
        return STARS + digits[-min(4, n - 4) :]
    if n >= 4:
        return STARS + digits[-2:]
    return STARS


def mask_phone(phone: str) -> str:
    """'13812345678' → '138****5678', '+86 138-1234-5678' → '+86 138****5678',
    '6543210' → '****210', '010-12345678 转 123' → '010-****5678 转**'; '' → ''."""
    plain = phone.strip()
    if not plain:
        return ""
    if len(plain) == 11 and plain.isascii() and plain.isdigit():  # most of them: skip the parse (report rows)
        return mask_digits(plain)
    p = parse_phone(plain)
    head = ("+86 " if p.country else "") + (f"{p.area}-" if p.area else "")
    tail = ""
    if p.extension:
        tail = "-**" if p.extension_marker == "-" else f" {p.extension_marker}**"
    return head + mask_digits(p.subscriber) + tail


def mask_address(address: str) -> str:
    """Keep the first six characters (province/city), hide the rest."""
    a = address.strip()
    if not a:
        return ""
    return a[:6] + "****" if len(a) > 6 else a[:2] + "****"
