"""Header matching and platform guessing, as properties (hypothesis) and by example."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bootstrap import AppContext
from app.models.enums import Platform
from app.paths import resource
from app.services.importing.guessing import guess_platform
from app.services.importing.headers import header_key, normalise_header
from app.services.importing.mapping import FIELDS, MappingBook, map_columns

BOOK = MappingBook(resource("import"), None)
COMMON = BOOK.preset(Platform.CUSTOM)
# every (field, synonym) whose synonym no other field lists (a shared word cannot say which field)
OWNERS: dict[str, set[str]] = {}
for _name, _words in COMMON.columns.items():
    for _w in _words:
        OWNERS.setdefault(header_key(_w), set()).add(_name)
SYNONYMS = {
    name: [w for w in words if OWNERS[header_key(w)] == {name}] for name, words in COMMON.columns.items()
}
SYNONYMS = {k: v for k, v in SYNONYMS.items() if v}
NOISE = st.sampled_from(["备注1", "颜色", "附加列", "客服备注2", "XYZ", "序号", "标记", "优先级"])
FULL_WIDTH = str.maketrans({"(": "（", ")": "）", "A": "Ａ", "B": "Ｂ", "I": "Ｉ", "D": "Ｄ"})


def variant(word: str, how: int) -> str:
    """The same header as an export might write it."""
    if how == 1:
        return f" {word}（元）"
    if how == 2:
        return f"{word}*".translate(FULL_WIDTH)
    if how == 3:
        return f"{word}(必填)"
    if how == 4:
        return word.lower()
    return word


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picked=st.lists(st.sampled_from(sorted(SYNONYMS)), min_size=1, max_size=12, unique=True).flatmap(
        lambda names: st.tuples(
            st.just(names),
            st.tuples(*[st.sampled_from(SYNONYMS[n]) for n in names]),
            st.lists(st.integers(0, 4), min_size=len(names), max_size=len(names)),
        )
    ),
    noise=st.lists(NOISE, max_size=3, unique=True),
    order=st.randoms(use_true_random=False),
)
def test_any_row_of_known_synonyms_maps_to_the_same_fields(picked, noise, order) -> None:  # type: ignore[no-untyped-def]
    names, words, hows = picked
    headers = [variant(w, h) for w, h in zip(words, hows, strict=True)]
    row = [normalise_header(h) for h in headers + noise]
    order.shuffle(row)
    mapped = map_columns(COMMON, row).by_field
    for name, header in zip(names, headers, strict=True):
        assert header_key(mapped[name]) == header_key(header), (name, header, mapped)


def test_headers_are_normalised() -> None:
    assert normalise_header("退商品金额（元）") == "退商品金额"
    assert normalise_header(" 退款金额(单位:元)* ") == "退款金额"
    assert normalise_header("SKU编码(自定义)") == "SKU编码"


def test_variants_of_our_words_score_by_containment() -> None:
    row = ["退款的申请时间", "同意售后申请时间", "订单状态", "售后单处理状态", "内部订单号", "线上订单号", "卖家应退金额"]
    cm = map_columns(COMMON, row)
    assert cm.by_field["requested_at"] == "退款的申请时间"
    assert cm.by_field["approved_at"] == "同意售后申请时间"
    assert cm.by_field["status"] == "售后单处理状态"  # 订单状态 is the order's, not the case's
    assert cm.by_field["order_no"] == "线上订单号"  # 内部 is the ERP's own number
    assert cm.by_field["amount"] == "卖家应退金额"
    assert all(0 < c <= 1 for c in cm.confidence.values())


def test_a_missing_field_is_named_with_the_closest_headers() -> None:
    cm = map_columns(COMMON, ["售后单号", "订单号", "退款金额", "申请日期", "备注"])
    assert cm.missing() == ["requested_at"]
    assert cm.closest["requested_at"][0] == "申请日期"


LAYOUTS = {p.platform: p.layout for p in BOOK.all() if len(p.layout) >= 8}


@settings(max_examples=60, deadline=None)
@given(
    platform=st.sampled_from(sorted(LAYOUTS)),
    keep=st.floats(0.7, 1.0),
    noise=st.lists(NOISE, max_size=3, unique=True),
    order=st.randoms(use_true_random=False),
)
def test_a_known_layout_is_guessed_whatever_its_order(platform, keep, noise, order) -> None:  # type: ignore[no-untyped-def]
    layout = list(LAYOUTS[platform])
    order.shuffle(layout)
    headers = layout[: max(6, int(len(layout) * keep))] + noise
    guess = guess_platform(BOOK, headers, [], [])
    if len(LAYOUTS[platform]) >= 30:  # the layouts established from several sources (Taobao, Douyin)
        assert guess.platform is platform and guess.confident, guess
    else:  # thin layouts share most words with others: asking is fine, a confident wrong guess is not
        assert guess.platform is platform or not guess.confident, guess


def test_kuaishou_is_never_taken_for_douyin() -> None:
    headers = ["店铺", "售后单号", "订单编号", "商品ID", "商品名称", "售后类型", "退款金额", "售后状态", "售后申请时间"]
    guess = guess_platform(BOOK, headers, [], [])
    assert guess.platform is Platform.KUAISHOU, guess
    assert all(p is not Platform.DOUYIN for p, _ in guess.scores[:1])


def test_a_bare_header_row_asks_instead_of_guessing() -> None:
    guess = guess_platform(BOOK, ["售后单号", "订单号", "退款金额", "申请时间", "售后状态"], [], [])
    assert not guess.confident
    named = guess_platform(BOOK, ["售后单号", "订单号", "退款金额", "申请时间", "售后状态"], ["快手小店 售后订单"], [])
    assert named.platform is Platform.KUAISHOU and named.confident


@pytest.mark.parametrize(
    ("word", "platform"),
    [("jingdong", Platform.JD), ("taobao", Platform.TAOBAO), ("TMALL", Platform.TAOBAO),
     ("pinduoduo", Platform.PINDUODUO), ("抖音", Platform.DOUYIN), ("京东POP", Platform.JD),
     ("xiaohongshu", Platform.XIAOHONGSHU), ("快手小店", Platform.KUAISHOU)],
)
def test_platform_column_words(word: str, platform: Platform) -> None:
    from app.services.importing.mapping import platform_of_word

    assert platform_of_word(COMMON, word) is platform


def test_an_unknown_platform_word_is_no_platform() -> None:
    from app.services.importing.mapping import platform_of_word

    assert platform_of_word(COMMON, "houtai") is None
    assert platform_of_word(COMMON, "jd-like") is None


def test_the_merchants_column_choice_is_saved_per_platform_and_wins(ctx: AppContext, tmp_path: Path) -> None:
    book = ctx.importer.mappings
    row = ["售后单号", "订单号", "退款金额", "申请时间", "实退金额"]
    assert map_columns(book.preset(Platform.KUAISHOU), row).by_field["amount"] == "退款金额"
    book.save_user_words(Platform.KUAISHOU, columns={"实退金额": "amount"})
    cm = map_columns(book.preset(Platform.KUAISHOU), row)
    assert cm.by_field["amount"] == "实退金额"
    assert map_columns(book.preset(Platform.DOUYIN), row).by_field["amount"] == "退款金额"
    assert set(FIELDS) >= set(cm.by_field)
