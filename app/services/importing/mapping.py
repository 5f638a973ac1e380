"""Import presets: which header means which of our fields, which platform word means which stage.

Presets are data: `resources/import/common.toml` holds the words every export
uses, `resources/import/<platform>.toml` adds that back end's own words and the
hints that identify its exports. A merchant's own mapping for a platform is
saved in the data folder (`<data>/import/<platform>.toml`, same layout) and
wins over both. A malformed file is reported with its path and the problem.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from app.models.enums import CaseType, Platform, Reason, Stage
from app.services.importing.headers import (
    ColumnMap,
    Vocabulary,
    could_contain,
    header_key,
    match_columns,
    normalise_header,
)
from app.services.importing.reading import ImportFileError
from app.services.text.messages import Template

# A mapping file the merchant edits by hand: its section and key names stay as written in the file.
BAD_TOML = Template(en="{path}: {error}", zh="{path}：{error}")
NOT_A_TABLE = Template(en="{path} [{section}]: expected a table", zh="{path} [{section}]：这里应是一个表")
NOT_ONE_OF = Template(
    en="{path} [{section}] {word!r}: {value!r} is not one of {allowed}",
    zh="{path} [{section}] 「{word}」：{value!r} 不是以下之一：{allowed}",
)
UNKNOWN_FIELD_IN = Template(
    en="{path} [columns]: unknown field {name!r} (known: {known})",
    zh="{path} [columns]：未知字段「{name}」（可用：{known}）",
)
NOT_HEADER_WORDS = Template(
    en="{path} [columns] {name}: expected a list of header words",
    zh="{path} [columns] {name}：应是表头名称的列表",
)
NOT_TRUE_OR_FALSE = Template(
    en="{path} [shipped] {word!r}: expected true or false",
    zh="{path} [shipped] 「{word}」：应是 true 或 false",
)
UNKNOWN_DEFAULT_TYPE = Template(
    en="{path} [preset] default_type: {value!r} is unknown",
    zh="{path} [preset] default_type：未知的类型 {value!r}",
)
NO_DATA_FOLDER = Template(en="no data folder to save the mapping in", zh="没有可以保存映射的数据文件夹")
UNKNOWN_FIELD = Template(en="unknown field {name!r}", zh="未知字段「{name}」")

# Our fields, in the order the preview shows them. Required ones must have a column.
FIELDS: dict[str, str] = {
    "aftersale_no": "售后单号",
    "order_no": "订单号",
    "platform": "平台",
    "shop": "店铺",
    "case_type": "售后类型",
    "reason": "售后原因",
    "reason_detail": "问题描述",
    "status": "售后状态",
    "needs_return": "是否需要退货",
    "goods_status": "货物状态",
    "requested_at": "申请时间",
    "approved_at": "审核时间",
    "returned_at": "退货时间",
    "delivered_at": "退货签收时间",
    "received_at": "确认收货时间",
    "refunded_at": "退款时间",
    "closed_at": "售后关闭时间",
    "completed_at": "完结时间",
    "completed_in": "完结用时",
    "updated_at": "状态变更时间",
    "deadline_at": "超时时间",
    "amount": "退款金额",
    "line_amount": "分摊退款金额",
    "refunded_amount": "实退金额",
    "order_amount": "订单金额",
    "buyer_nick": "买家昵称",
    "buyer_phone": "手机号",
    "buyer_address": "收货地址",
    "product_title": "商品名称",
    "sku": "SKU/规格",
    "quantity": "数量",
    "return_tracking_no": "退货物流单号",
    "return_carrier": "退货快递公司",
    "reship_tracking_no": "补发/换货物流单号",
    "ship_tracking_no": "发货物流单号",
    "shipped": "发货状态",
    "handler": "处理人",
}
REQUIRED_FIELDS = ("aftersale_no", "order_no", "requested_at", "amount")
# Each entry: one of these fields must have a column (a per-line amount is summed per case).
# No status column is needed: the stage is then read from what the other columns say.
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("aftersale_no",),
    ("order_no",),
    ("requested_at",),
    ("amount", "line_amount"),
)


@dataclass(frozen=True)
class ImportPreset:
    """Everything needed to read one platform's export (common words merged in)."""

    platform: Platform
    label: str
    default_type: CaseType
    names: tuple[str, ...] = ()  # words naming this platform in titles or a platform column
    signature: tuple[str, ...] = ()  # headers only this back end's export uses
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field → header words
    statuses: dict[str, Stage] = field(default_factory=dict)
    types: dict[str, CaseType] = field(default_factory=dict)
    reasons: dict[str, Reason] = field(default_factory=dict)
    shipped: dict[str, bool] = field(default_factory=dict)
    goods: dict[str, str] = field(default_factory=dict)  # 货物状态 word → received / not_received / returned
    platforms: dict[str, Platform] = field(default_factory=dict)  # platform-column word → platform
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field → words that veto a match
    layout: tuple[str, ...] = ()  # the header row of this back end's known export(s)
    file_names: tuple[str, ...] = ()  # regular expressions its downloads are named by
    pinned: dict[str, str] = field(default_factory=dict)  # the merchant's own header → field
    shop: str | None = None  # the merchant's shop for files of this platform without a shop column

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary({name: self.columns.get(name, ()) for name in FIELDS}, self.exclude)

    def field_of(self, header: str) -> str | None:
        pinned = self.pinned.get(header_key(header))
        if pinned is not None:
            return pinned
        return self.vocabulary.best_field(header)[0]

    def header_words(self) -> set[str]:
        return {w for words in self.columns.values() for w in words}


def map_columns(preset: ImportPreset, headers: Iterable[str]) -> ColumnMap:
    """Each field's best-scoring column (see headers.py); the merchant's own words always win."""
    return match_columns(preset.vocabulary, headers, REQUIRED, preset.pinned)


# ---- loading ----------------------------------------------------------------------------


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ImportFileError(BAD_TOML(path=path, error=e)) from None
    except OSError as e:
        raise ImportFileError(BAD_TOML(path=path, error=e.strerror)) from None


def _words(path: Path, raw: Any, section: str) -> dict[str, Any]:
    value = raw.get(section, {})
    if not isinstance(value, dict):
        raise ImportFileError(NOT_A_TABLE(path=path, section=section))
    return value


def _enum_table(path: Path, raw: dict[str, Any], section: str, enum: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for word, value in _words(path, raw, section).items():
        try:
            out[word.strip()] = enum(value)
        except ValueError:
            allowed = tuple(e.value for e in enum)  # the values to write in the file, not their labels
            raise ImportFileError(
                NOT_ONE_OF(path=path, section=section, word=word, value=value, allowed=allowed)
            ) from None
    return out


def _columns(path: Path, raw: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return _word_lists(path, raw, "columns")


def _shipped(path: Path, raw: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for word, value in _words(path, raw, "shipped").items():
        if not isinstance(value, bool):
            raise ImportFileError(NOT_TRUE_OR_FALSE(path=path, word=word))
        out[word.strip()] = value
    return out


def _word_lists(path: Path, raw: dict[str, Any], section: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, words in _words(path, raw, section).items():
        if name not in FIELDS:
            raise ImportFileError(UNKNOWN_FIELD_IN(path=path, name=name, known=tuple(FIELDS)))
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ImportFileError(NOT_HEADER_WORDS(path=path, name=name))
        out[name] = tuple(normalise_header(w) for w in words)
    return out


GOODS_STATES = ("received", "not_received", "returned")


def _goods(path: Path, raw: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, value in _words(path, raw, "goods").items():
        if value not in GOODS_STATES:
            raise ImportFileError(
                NOT_ONE_OF(path=path, section="goods", word=word, value=value, allowed=GOODS_STATES)
            )
        out[word.strip()] = str(value)
    return out


def _layer(base: ImportPreset, path: Path, user: bool = False) -> ImportPreset:
    """`base` with the words of the file at `path` added in front (they win).

    `user`: the merchant's own mapping, whose headers are pinned to their field.
    """
    raw = _load_toml(path)
    head = _words(path, raw, "preset")
    columns = dict(base.columns)
    for name, words in _columns(path, raw).items():
        columns[name] = words + tuple(w for w in columns.get(name, ()) if w not in words)
    # A header the file assigns to one field no longer means another.
    claimed = {w for words in _columns(path, raw).values() for w in words}
    own = _columns(path, raw)
    for name in columns:
        if name not in own:
            columns[name] = tuple(w for w in columns[name] if w not in claimed)
    exclude = dict(base.exclude)
    for name, words in _word_lists(path, raw, "exclude").items():
        exclude[name] = words + tuple(w for w in exclude.get(name, ()) if w not in words)
    default_type = base.default_type
    if "default_type" in head:
        try:
            default_type = CaseType(head["default_type"])
        except ValueError:
            raise ImportFileError(UNKNOWN_DEFAULT_TYPE(path=path, value=head["default_type"])) from None
    return replace(
        base,
        label=str(head.get("label", base.label)),
        default_type=default_type,
        names=tuple(head.get("names", ())) + base.names,
        signature=tuple(normalise_header(s) for s in head.get("signature", ())) + base.signature,
        columns=columns,
        statuses={**base.statuses, **_enum_table(path, raw, "statuses", Stage)},
        types={**base.types, **_enum_table(path, raw, "types", CaseType)},
        reasons={**base.reasons, **_enum_table(path, raw, "reasons", Reason)},
        shipped={**base.shipped, **_shipped(path, raw)},
        goods={**base.goods, **_goods(path, raw)},
        platforms={**base.platforms, **_enum_table(path, raw, "platforms", Platform)},
        exclude=exclude,
        layout=tuple(normalise_header(h) for h in head.get("layout", ())) + base.layout,
        file_names=tuple(head.get("file_names", ())) + base.file_names,
        shop=str(head["shop"]) if isinstance(head.get("shop"), str) else base.shop,
        pinned={**base.pinned, **({header_key(w): n for n, ws in own.items() for w in ws} if user else {})},
    )


class MappingBook:
    """The import presets of every platform, with the merchant's own mappings applied."""

    def __init__(self, builtin_dir: Path, user_dir: Path | None) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir
        self._cache: dict[Platform, ImportPreset] = {}
        self._known: dict[str, bool] = {}
        self._words: frozenset[str] | None = None  # every preset's synonyms, without case

    def _pinned(self) -> set[str]:
        return {k for p in self.all() for k in p.pinned}

    def user_file(self, platform: Platform) -> Path | None:
        return self.user_dir / f"{platform.value}.toml" if self.user_dir else None

    def preset(self, platform: Platform) -> ImportPreset:
        cached = self._cache.get(platform)
        if cached is not None:
            return cached
        base = ImportPreset(platform, platform.value, CaseType.RETURN_REFUND)
        preset = _layer(base, self.builtin_dir / "common.toml")
        own = self.builtin_dir / f"{platform.value}.toml"
        if own.exists():
            preset = _layer(preset, own)
        user = self.user_file(platform)
        if user is not None and user.exists():
            preset = _layer(preset, user, user=True)
        self._cache[platform] = preset
        return preset

    def all(self) -> list[ImportPreset]:
        return [self.preset(p) for p in Platform]

    def known_header(self, header: str) -> bool:
        """A header some preset would map to a field (to recognise the header row)."""
        key = header_key(header)
        known = self._known.get(key)
        if known is None:
            if self._words is None:
                self._words = frozenset(w for p in self.all() for w in p.vocabulary.every_word)
            known = (key in self._pinned() or could_contain(key, self._words)) and any(
                p.field_of(header) is not None for p in self.all()
            )
            self._known[key] = known
        return known

    def save_user_words(
        self,
        platform: Platform,
        columns: Mapping[str, str] | None = None,
        statuses: Mapping[str, Stage] | None = None,
        types: Mapping[str, CaseType] | None = None,
        shop: str | None = None,
    ) -> Path:
        """Add the merchant's own words (header → field, status word → stage…) to their mapping file."""
        path = self.user_file(platform)
        if path is None:
            raise ImportFileError(NO_DATA_FOLDER())
        raw = _load_toml(path) if path.exists() else {}
        cols = {k: list(v) if isinstance(v, list) else [v] for k, v in raw.get("columns", {}).items()}
        for header, name in (columns or {}).items():
            if name not in FIELDS:
                raise ImportFileError(UNKNOWN_FIELD(name=name))
            h = normalise_header(header)
            for words in cols.values():
                if h in words:
                    words.remove(h)
            cols.setdefault(name, []).insert(0, h)
        head = dict(raw.get("preset", {}))
        if shop:
            head["shop"] = shop  # remembered: this platform's files without a shop column go there
        sections: dict[str, dict[str, Any]] = {
            **({"preset": head} if head else {}),
            "columns": {k: v for k, v in cols.items() if v},
            "statuses": {**raw.get("statuses", {}), **{k: v.value for k, v in (statuses or {}).items()}},
            "types": {**raw.get("types", {}), **{k: v.value for k, v in (types or {}).items()}},
        }
        for keep in ("reasons", "shipped", "platforms"):
            if keep in raw:
                sections[keep] = raw[keep]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dump_toml(platform, sections), encoding="utf-8")
        self._cache.pop(platform, None)
        self._known.clear()
        self._words = None
        return path


def _dump_toml(platform: Platform, sections: Mapping[str, Mapping[str, Any]]) -> str:
    """A small TOML writer for our flat tables (JSON string escapes are valid TOML)."""
    lines = [
        f"# Your own import words for {platform.value}; they win over the built-in preset.",
        "# Sections: [columns] field = [header words]; [statuses] word = stage; [types] word = type.",
        "",
    ]
    for name, table in sections.items():
        lines.append(f"[{name}]")
        for key, value in table.items():
            lines.append(f"{json.dumps(key, ensure_ascii=False)} = {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


# ---- words in cells ----------------------------------------------------------------------


def platform_of_word(preset: ImportPreset, word: str) -> Platform | None:
    """A platform-column value (`快手`, `抖店·暖暖好物`, `kuaishou`, eFAST's `jingdong`) → platform.

    Codes compare without case; None for a word no preset knows (the row is then refused,
    never filed under the file's platform).
    """
    w = word.strip().casefold()
    if not w:
        return None
    try:
        return Platform(w)
    except ValueError:
        pass
    table = {k.casefold(): v for k, v in preset.platforms.items()}
    exact = table.get(w)
    if exact is not None:
        return exact
    for key in sorted(table, key=len, reverse=True):
        if len(key) >= 2 and not key.isascii() and key in w:
            return table[key]
    return None


def lookup_word(table: Mapping[str, Any], word: str) -> Any:
    """Exact word first, then the longest known word contained in it ('质量问题-做工差' → quality)."""
    w = word.strip()
    if w in table:
        return table[w]
    for key in sorted(table, key=len, reverse=True):
        if key and key in w:
            return table[key]
    return None


__all__ = [
    "FIELDS",
    "REQUIRED",
    "REQUIRED_FIELDS",
    "ColumnMap",
    "ImportPreset",
    "MappingBook",
    "lookup_word",
    "map_columns",
    "platform_of_word",
]
