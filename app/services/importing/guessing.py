"""Which back end made an export: every preset scored on the whole header row, the title
rows, the file name and a platform column; a tie or a weak score asks instead of guessing.

The header row counts most: a preset that knows its back end's export layout scores by
how much of that layout the file has and how much of the file the layout explains
(an F-measure), so a Kuaishou file that shares 商品ID and 售后状态 with Douyin's fifty
columns still points at Kuaishou's short layout, not at Douyin's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.models.enums import Platform
from app.services.importing.headers import header_key
from app.services.importing.mapping import ImportPreset, MappingBook, platform_of_word

LAYOUT_WEIGHT = 1.0
SIGNATURE_WEIGHT = 0.2  # per header only this back end uses…
SIGNATURE_CAP = 0.6  # …up to this much
TITLE_WEIGHT = 0.3  # a title row names the platform (淘宝退款报表, 快手小店售后订单)
FILE_NAME_WEIGHT = 0.3  # the file name names it, or looks like its downloads
COLUMN_WEIGHT = 0.6  # × the share of platform-column values naming it
# Below this nothing really pointed anywhere; closer than MARGIN to the runner-up is a tie.
WEAK = 0.3
MARGIN = 0.15


@dataclass(frozen=True)
class PlatformGuess:
    platform: Platform
    confident: bool  # False: a tie or a weak score, the merchant is asked
    scores: tuple[tuple[Platform, float], ...] = ()  # best first, for the question
    mixed: bool = False  # a platform column names several platforms: each row carries its own


def layout_score(layout: Sequence[str], headers: set[str], spread: Mapping[str, int] | None = None) -> float:
    """F-measure of the file's headers against a known layout (0 without a layout).

    `spread`: in how many presets' layouts each header occurs; a header every export has
    (售后单号, 售后状态) weighs 1/n of one only this layout has (退商品金额, 协商状态).
    """
    if not layout or not headers:
        return 0.0
    known = {header_key(h) for h in layout}

    def weight(h: str) -> float:
        return 1.0 / (spread or {}).get(h, 1)

    hit = sum(weight(h) for h in known & headers)
    if not hit:
        return 0.0
    precision, recall = hit / sum(weight(h) for h in headers), hit / sum(weight(h) for h in known)
    return 2 * precision * recall / (precision + recall)


def score_preset(
    preset: ImportPreset,
    headers: set[str],
    title_text: str,
    file_name: str,
    values: Sequence[str],
    spread: Mapping[str, int] | None = None,
) -> float:
    score = LAYOUT_WEIGHT * layout_score(preset.layout, headers, spread)
    signature = sum(1 for s in preset.signature if header_key(s) in headers)
    score += min(SIGNATURE_CAP, SIGNATURE_WEIGHT * signature)
    if any(n in title_text for n in preset.names):
        score += TITLE_WEIGHT
    if any(n in file_name for n in preset.names) or any(
        re.search(p, file_name, re.IGNORECASE) for p in preset.file_names
    ):
        score += FILE_NAME_WEIGHT
    if values:
        share = sum(1 for v in values if platform_of_word(preset, v) is preset.platform) / len(values)
        score += COLUMN_WEIGHT * share
    return round(score, 3)


def guess_platform(
    book: MappingBook,
    headers: Iterable[str],
    titles: Iterable[str],
    values: Iterable[str],
    file_name: str = "",
) -> PlatformGuess:
    """Which back end made this export, or (not confident) the best candidates to ask about."""
    header_set = {header_key(h) for h in headers if h}
    title_text = " ".join(titles)
    sample = [v for v in values if v][:500]
    custom = book.preset(Platform.CUSTOM)
    named = Counter(platform_of_word(custom, v) for v in sample)
    if len(set(named) - {None}) > 1:
        # An ERP export mixing platforms: every row says its own (an unknown one is a row error).
        return PlatformGuess(Platform.CUSTOM, True, (), mixed=True)
    presets = book.all()
    spread = Counter(k for p in presets for k in {header_key(h) for h in p.layout})
    scores = sorted(
        ((p.platform, score_preset(p, header_set, title_text, file_name, sample, spread)) for p in presets),
        key=lambda t: -t[1],
    )
    ranked = tuple((p, s) for p, s in scores if s > 0)
    if not ranked:
        return PlatformGuess(Platform.CUSTOM, False)
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confident = best_score >= WEAK and best_score - runner_up >= MARGIN
    return PlatformGuess(best, confident, ranked[:4])


__all__ = ["PlatformGuess", "guess_platform", "layout_score", "score_preset"]
