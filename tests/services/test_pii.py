"""One phone mask for the window and the report: it never shows a whole number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.text.pii import STARS, mask_digits, mask_phone, parse_phone


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("0086-138-1234-5678", "+86 138****5678"),
        ("8613812345678", "+86 138****5678"),
        ("6543210", "****210"),  # was 654****3210 in the window: every digit shown
        ("654-3210", "****210"),
        ("010-12345678", "010-****5678"),
        ("(0571)87654321", "0571-****4321"),
        ("0571 8765 4321", "0571-****4321"),
        ("010-12345678-123", "010-****5678-**"),
        ("010-12345678 转 123", "010-****5678 转**"),
        ("0571-87654321 ext. 8001", "0571-****4321 ext**"),
        ("12345", "****45"),
        ("5678", "****78"),
        ("12", "****"),
        ("138-1234-5678（微信同号）", "138****5678"),  # free text is dropped, never shown
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_examples(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


_sep = st.sampled_from(["", " ", "-", "  ", " - "])
_digit_run = st.text(alphabet="0123456789", min_size=1, max_size=16)
_mobile = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
_area = st.from_regex(r"0[1-9][0-9]{1,2}", fullmatch=True)
_local = st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True)
_ext = st.tuples(
    st.sampled_from(["转", " 转 ", "ext", " ext. ", "#", "x", "-", "分机"]),
    st.from_regex(r"[0-9]{1,5}", fullmatch=True),
)


@st.composite
def _grouped(draw: st.DrawFn, digits: str) -> str:
    """The digits split at random points, joined by spaces or dashes."""
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(digits) - 1)), max_size=3)))
    parts = [digits[i:j] for i, j in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    return "".join(p + (draw(_sep) if k < len(parts) - 1 else "") for k, p in enumerate(parts))


@st.composite
def phones(draw: st.DrawFn) -> tuple[str, str]:
    """(the phone as a buyer or an export writes it, the buyer's own digits)."""
    kind = draw(st.sampled_from(["mobile", "landline", "short", "any"]))
    if kind == "mobile":
        own = draw(_mobile)
        prefix = draw(st.sampled_from(["", "+86 ", "+86", "0086-", "86"]))
        return prefix + draw(_grouped(own)), own
    if kind == "landline":
        area, own = draw(_area), draw(_local)
        text = draw(st.sampled_from([f"{area}-", f"({area})", f"{area} "])) + draw(_grouped(own))
        if draw(st.booleans()):
            marker, number = draw(_ext)
            text += marker + number
        return draw(st.sampled_from(["", "+86 "])) + text, own
    own = draw(st.from_regex(r"[0-9]{1,8}", fullmatch=True) if kind == "short" else _digit_run)
    return draw(_grouped(own)), own


@given(phones())
def test_the_mask_never_shows_the_whole_number(case: tuple[str, str]) -> None:
    phone, own = case
    masked = mask_phone(phone)
    assert STARS in masked
    assert _digits(phone) not in _digits(masked)  # not the whole number, with its prefixes
    assert own not in _digits(masked)  # nor the buyer's own digits
    visible = len(_digits(mask_digits(parse_phone(phone).subscriber)))
    if len(own) >= 7:
        assert len(own) - visible >= 4  # at least four hidden
    else:
        assert visible <= 2


@given(phones())
def test_head_and_tail_are_kept_only_when_the_number_is_long_enough(case: tuple[str, str]) -> None:
    phone, _own = case
    subscriber = parse_phone(phone).subscriber
    shown = mask_digits(subscriber)
    n = len(subscriber)
    if n >= 11:  # a mobile: the carrier prefix and the last four, as the platforms show it
        assert shown == subscriber[:3] + STARS + subscriber[-4:]
    elif n >= 7:
        assert shown.startswith(STARS) and subscriber.endswith(shown[len(STARS) :]) and n - 4 >= 3
    elif n >= 4:
        assert shown == STARS + subscriber[-2:]
    else:
        assert shown == STARS


@given(_mobile, st.sampled_from(["", "+86 ", "0086", "86"]))
def test_a_mobile_reads_the_same_however_it_is_written(own: str, prefix: str) -> None:
    assert mask_phone(prefix + own) == ("+86 " if prefix else "") + own[:3] + STARS + own[-4:]
    assert mask_phone(f"{own[:3]}-{own[3:7]}-{own[7:]}") == mask_phone(own)


@given(st.text(max_size=40))
def test_any_text_masks_without_error_and_hides_a_digit(text: str) -> None:
    masked = mask_phone(text)
    assert masked == "" or STARS in masked
    digits = _digits(text)
    if digits:
        assert digits not in _digits(masked)
