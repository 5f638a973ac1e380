"""Which after-sales types each platform's seller back-end offers (see domain/platform-rules.md).

Douyin lists 补寄 (reship) and 维修 (repair); JD and Taobao/Tmall run exchange and repair
on-line; a custom platform allows every type.
"""

from __future__ import annotations

from app.models.enums import CaseType, Platform

_R, _RR, _EX, _RS, _RP = (
    CaseType.REFUND_ONLY,
    CaseType.RETURN_REFUND,
    CaseType.EXCHANGE,
    CaseType.RESHIP,
    CaseType.REPAIR,
)

PLATFORM_TYPES: dict[Platform, tuple[CaseType, ...]] = {
    Platform.KUAISHOU: (_R, _RR, _EX, _RS),
    Platform.TAOBAO: (_R, _RR, _EX, _RP),
    Platform.DOUYIN: (_R, _RR, _EX, _RS, _RP),
    Platform.WECHAT: (_R, _RR, _EX),
    Platform.PINDUODUO: (_R, _RR, _EX, _RS),
    Platform.JD: (_R, _RR, _EX, _RP),
    Platform.XIAOHONGSHU: (_R, _RR, _EX),
    Platform.CUSTOM: tuple(CaseType),
}


def case_types_for(platform: Platform) -> tuple[CaseType, ...]:
    return PLATFORM_TYPES.get(platform, tuple(CaseType))
