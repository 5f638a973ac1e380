"""Which column feeds which field: a scored match of each header against a vocabulary.

Real headers are variants of our words (退款的申请时间, 退商品金额（元）, 实际应退款总额), so a
header is scored against each field's synonyms instead of compared for equality:

- an exact synonym scores 1.0 (earlier words in a preset's list win a tie: a platform's
  own words and the merchant's saved words come first);
- a header containing a synonym scores 0.5–0.9, more the more of the header the synonym
  covers (退款的申请时间 ⊃ 申请时间) — unless it also contains one of the field's
  exclusion words (订单状态 is not the after-sales 状态, 内部订单号 is not the 订单号);
- full-width forms, blanks, `*` and bracketed units (（元）, (单位分), 【必填】) are
  stripped first, letters compared without case.

Fields then take their best column greedily, best score first, one column per field, so
a column an exact synonym claims is never taken by a weaker containment elsewhere.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

EXACT = 1.0
MIN_SCORE = 0.6  # containment below this (a two-character word in a long header) is noise
CLOSEST = 3  # how many headers a missing field's message names

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
_BLANKS = re.compile(r"[\s\u3000\u200b\ufeff]+")


def normalise_header(text: str) -> str:
    """'退款金额(元)*', ' 退款金额 ', '退商品金额（元）' → '退款金额' / '退商品金额'.

    NFKC folds full-width brackets, letters and digits to their ASCII forms; bracketed
    parts (units, 必填 marks) are dropped wherever they are, unless nothing else is left.
    """
    t = unicodedata.normalize("NFKC", text)
    t = _BLANKS.sub("", t).strip("*").strip()
    stripped = _BRACKETS.sub("", t).strip("*")
    return stripped if stripped else t


def header_key(text: str) -> str:
    """What headers are compared by: normalised, without case (SKU编码 = sku编码)."""
    return normalise_header(text).casefold()


def could_contain(key: str, words: frozenset[str]) -> bool:
    """Whether `key` is one of `words` or contains one of two characters or more.

    A short header is cut into its substrings (a six-character header has 15), a long one is
    searched for each word: either way a 10,000-column header row costs milliseconds, not the
    seconds that scoring every header against every field took.
    """
    if key in words:
        return True
    n = len(key)
    if n <= 40:
        return any(key[i:j] in words for i in range(n - 1) for j in range(i + 2, n + 1))
    return any(len(w) >= 2 and w in key for w in words)


@dataclass(frozen=True)
class Vocabulary:
    """Each field's synonyms (best first) and the words that keep a containment from counting."""

    words: Mapping[str, Sequence[str]]
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @cached_property
    def folded(self) -> dict[str, list[str]]:
        """Each field's synonyms without case, folded once (a header row is scored field by field)."""
        return {name: [w.casefold() for w in words] for name, words in self.words.items()}

    @cached_property
    def _folded_exclude(self) -> dict[str, list[str]]:
        return {name: [w.casefold() for w in words] for name, words in self.exclude.items()}

    @cached_property
    def every_word(self) -> frozenset[str]:
        return frozenset(w for words in self.folded.values() for w in words)

    def could_match(self, key: str) -> bool:
        """Whether a folded header `key` could score at all: it is a synonym or contains one."""
        return could_contain(key, self.every_word)

    def score(self, name: str, header: str) -> tuple[float, int]:
        """(score, index of the synonym that scored) of one header for one field; (0, n) for none."""
        return self.score_key(name, header_key(header))

    def score_key(self, name: str, key: str) -> tuple[float, int]:
        """`score` of a header already folded by `header_key`."""
        words = self.folded.get(name, [])
        if not key:
            return (0.0, len(words))
        for i, w in enumerate(words):
            if key == w:
                return (EXACT, i)
        if any(e in key for e in self._folded_exclude.get(name, ())):
            return (0.0, len(words))
        best: tuple[float, int] = (0.0, len(words))
        for i, w in enumerate(words):
            if len(w) >= 2 and w in key:
                s = round(0.5 + 0.4 * len(w) / len(key), 3)
                if s > best[0]:
                    best = (s, i)
        return best if best[0] >= MIN_SCORE else (0.0, len(words))

    def best_field(self, header: str) -> tuple[str | None, float]:
        """The field a header alone would most likely feed (to recognise a header row)."""
        top: tuple[str | None, float, int] = (None, 0.0, 0)
        key = header_key(header)
        if not self.could_match(key):
            return None, 0.0
        for name in self.words:
            s, i = self.score_key(name, key)
            if s > top[1] or (s == top[1] and s and i < top[2]):
                top = (name, s, i)
        return top[0], top[1]


@dataclass(frozen=True)
class ColumnMap:
    """Which column feeds which field, for one table, and how sure the match is."""

    by_field: dict[str, str]  # field → header
    unmapped: tuple[str, ...]  # headers we do not use
    confidence: dict[str, float] = field(default_factory=dict)  # field → score of its column
    closest: dict[str, tuple[str, ...]] = field(default_factory=dict)  # missing field → nearest headers
    required: tuple[tuple[str, ...], ...] = ()  # each entry: one of these fields must have a column

    def missing(self) -> list[str]:
        return [alts[0] for alts in self.required if not any(f in self.by_field for f in alts)]


def match_columns(
    vocabulary: Vocabulary,
    headers: Iterable[str],
    required: Sequence[tuple[str, ...]] = (),
    pinned: Mapping[str, str] | None = None,
) -> ColumnMap:
    """Each field's best column (greedy, best score first); `pinned` (header → field) always wins."""
    columns = [h for h in headers if h]
    order = {name: i for i, name in enumerate(vocabulary.words)}
    by_field: dict[str, str] = {}
    confidence: dict[str, float] = {}
    used: set[int] = set()
    keys = [header_key(h) for h in columns]
    for h, name in (pinned or {}).items():
        key = header_key(h)
        if key in keys and name in order and name not in by_field and keys.index(key) not in used:
            ci = keys.index(key)
            by_field[name] = columns[ci]
            confidence[name] = EXACT
            used.add(ci)
    candidates: list[tuple[float, int, int, int, str]] = []
    for ci in range(len(columns)):
        if ci in used:
            continue
        if not vocabulary.could_match(keys[ci]):
            continue
        for name in vocabulary.words:
            s, wi = vocabulary.score_key(name, keys[ci])
            if s:
                candidates.append((-s, wi, order[name], ci, name))
    for neg, _wi, _fo, ci, name in sorted(candidates):
        if name in by_field or ci in used:
            continue
        by_field[name] = columns[ci]
        confidence[name] = -neg
        used.add(ci)
    unmapped = tuple(h for ci, h in enumerate(columns) if ci not in used)
    result = ColumnMap(by_field, unmapped, confidence, {}, tuple(required))
    closest = {name: closest_headers(vocabulary, name, unmapped) for name in result.missing()}
    return ColumnMap(by_field, unmapped, confidence, closest, tuple(required))


def closest_headers(vocabulary: Vocabulary, name: str, headers: Iterable[str]) -> tuple[str, ...]:
    """The headers that look most like one of the field's synonyms (for a 'missing column' message)."""
    words = [w.casefold() for w in vocabulary.words.get(name, ())]
    scored: list[tuple[float, str]] = []
    for h in headers:
        key = header_key(h)
        ratio = max((difflib.SequenceMatcher(None, key, w).ratio() for w in words), default=0.0)
        if ratio > 0.3:
            scored.append((ratio, h))
    scored.sort(key=lambda t: -t[0])
    return tuple(h for _, h in scored[:CLOSEST])


__all__ = [
    "EXACT",
    "MIN_SCORE",
    "ColumnMap",
    "Vocabulary",
    "closest_headers",
    "header_key",
    "match_columns",
    "normalise_header",
]
