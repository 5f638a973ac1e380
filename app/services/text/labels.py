"""Human names for the vocabulary (Chinese first), for the CLI, reports and the window."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

PLATFORM_ZH = {
    "kuaishou": "快手小店",
    "taobao": "淘宝/天猫",
    "douyin": "抖店",
    "wechat": "微信小店",
    "pinduoduo": "拼多多",
    "jd": "京东",
    "xiaohongshu": "小红书",
    "custom": "自定义",
}
TYPE_ZH = {
    "refund_only": "仅退款",
    "return_refund": "退货退款",
    "exchange": "换货",
    "reship": "补发",
    "repair": "维修",
}
REASON_ZH = {
    "quality": "质量问题",
    "not_as_described": "与描述不符",
    "damaged": "包装/商品破损",
    "logistics": "物流问题",
    "wrong_item": "发错货",
    "missing_item": "少件/漏发",
    "no_reason": "七天无理由",
    "other": "其他",
}
STAGE_ZH = {
    "awaiting_merchant": "待商家处理",
    "awaiting_buyer_return": "待买家退货",
    "awaiting_merchant_receipt": "待商家收货",
    "awaiting_merchant_ship": "待商家发货",
    "awaiting_buyer_receipt": "待买家收货",
    "rejected": "商家已拒绝",
    "in_dispute": "平台介入中",
    "refunded": "已退款",
    "completed": "已完成",
    "closed": "已关闭",
}
AUTO_ZH = {
    "auto_approve": "自动同意",
    "auto_refund": "自动退款",
    "auto_close": "自动关闭",
    "auto_complete": "自动完成",
    "penalty": "判罚（延迟发货）",
}
ACTION_ZH = {
    "open": "买家申请",
    "approve": "同意",
    "reject": "拒绝",
    "buyer_ship": "买家寄回",
    "return_delivered": "退货签收",
    "confirm_receipt": "确认收货",
    "refuse_receipt": "拒绝收货",
    "refund": "退款",
    "ship_replacement": "发出换货/补发",
    "buyer_confirm": "买家确认收货",
    "withdraw": "买家撤销",
    "escalate": "申请平台介入",
    "platform_ruling": "平台判定",
    "reapply": "买家再次申请",
    "extend_deadline": "延长期限",
    "note": "备注",
    **AUTO_ZH,
}
PARTY_ZH = {"merchant": "商家", "buyer": "买家", "platform": "平台"}
# The shop's own service targets (service_desk/target_plan.py) and the 回访 answers.
TARGET_ZH = {"first_response": "首次响应", "refund": "收货后退款", "callback": "回访"}
TARGET_STATUS_ZH = {"open": "进行中", "overdue": "已超时", "met": "达成", "missed": "未达成"}
CALLBACK_RESULT_ZH = {"satisfied": "满意", "neutral": "一般", "unsatisfied": "不满意"}
WAITING_ZH = {"buyer_ship": "等待买家寄回", "return_delivered": "等待退货签收", "stage": ""}


def format_left(delta: timedelta) -> str:
    """'1天 03:12:45' before the deadline, '已超时 2小时' after it (the countdown text)."""
    secs = int(delta.total_seconds())
    if secs < 0:
        over = -secs
        if over < 60:
            return f"已超时 {over}秒"
        if over < 3600:
            return f"已超时 {over // 60}分钟"
        if over < 86400:
            return f"已超时 {over // 3600}小时"
        return f"已超时 {over // 86400}天"
    days, rest = divmod(secs, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    clock = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{days}天 {clock}" if days else clock


# Words a merchant types for the vocabulary (the CLI's --platform 快手, --type 退货退款 …): every
# value, its Chinese name, and the short names the back ends and merchants use. A platform's
# other names are the importer's (resources/import/common.toml [platforms]): one table for both.
_EXTRA_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "callback_result": {
        "satisfied": ("非常满意", "好评"),
        "neutral": ("中立", "还行", "中评"),
        "unsatisfied": ("差评", "很不满意"),
    },
    "type": {
        "refund_only": ("退款", "仅退款", "只退款"),
        "return_refund": ("退货", "退货退款", "退款退货"),
        "exchange": ("换货",),
        "reship": ("补发", "补寄"),
        "repair": ("维修", "返修"),
    },
    "reason": {
        "quality": ("质量", "质量问题"),
        "not_as_described": ("描述不符", "与描述不符", "货不对板"),
        "damaged": ("破损", "包装破损", "商品破损"),
        "logistics": ("物流", "物流问题", "丢件", "延误"),
        "wrong_item": ("发错", "发错货"),
        "missing_item": ("少件", "漏发", "少件漏发"),
        "no_reason": ("七天无理由", "无理由", "个人原因", "不想要了"),
        "other": ("其他",),
    },
}
_NAMES = {
    "platform": PLATFORM_ZH,
    "type": TYPE_ZH,
    "reason": REASON_ZH,
    "stage": STAGE_ZH,
    "callback_result": CALLBACK_RESULT_ZH,
}


def _key(text: str) -> str:
    return "".join(text.split()).replace("/", "").replace("（", "(").replace("）", ")").lower()


@cache
def _platform_words() -> dict[str, tuple[str, ...]]:
    import tomllib

    from app.paths import resource

    table = tomllib.loads(resource("import", "common.toml").read_text(encoding="utf-8")).get("platforms", {})
    out: dict[str, list[str]] = {}
    for word, value in table.items():
        out.setdefault(str(value), []).append(str(word))
    return {value: tuple(words) for value, words in out.items()}


def vocab_value(kind: str, text: str) -> str | None:
    """The vocabulary value ("kuaishou") a merchant means by `text` ("快手", "快手小店", "KS"),
    or None. `kind`: platform, type, reason or stage."""
    wanted = _key(text)
    extra = _platform_words() if kind == "platform" else _EXTRA_WORDS.get(kind, {})
    for value, name in _NAMES[kind].items():
        words = (value, name, *extra.get(value, ()))
        if wanted in {_key(w) for w in words}:
            return value
    return None
