"""Realistic demo cases: every platform, every stage, deadlines minutes to days away."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from app.models.enums import Action, CaseType, Platform, Reason, Stage
from app.services.cases.service import ActionRequest, CaseService, NewCase
from app.services.clock import Clock
from app.services.rules.deadlines import CaseFacts, EventFact, compute_deadlines
from app.services.rules.workflow import next_stage

PRODUCTS = [
    ("加厚珊瑚绒睡衣女冬季套装", "粉色 L", Decimal("89.00")),
    ("无线蓝牙耳机降噪运动款", "黑色", Decimal("129.00")),
    ("儿童羽绒服中长款加厚", "120cm 米白", Decimal("259.00")),
    ("不锈钢保温杯500ml", "星空蓝", Decimal("49.90")),
    ("手工牛轧糖礼盒装", "蔓越莓 500g", Decimal("68.00")),
    ("真皮男士商务皮带", "自动扣 黑", Decimal("158.00")),
    ("iPhone 15 磁吸手机壳", "透明", Decimal("29.90")),
    ("北欧陶瓷餐具套装", "12件套", Decimal("199.00")),
    ("修身显瘦牛仔裤", "蓝色 28码", Decimal("119.00")),
    ("智能体脂秤", "白色", Decimal("79.00")),
]
BUYERS = [
    "小鱼儿",
    "momo酱",
    "快乐的土豆",
    "橙子不酸",
    "阿杰",
    "晴天",
    "Lily_88",
    "木子李",
    "大白兔",
    "星星点灯",
]
SHOPS = {
    Platform.KUAISHOU: "快手·暖暖家居",
    Platform.TAOBAO: "淘宝·暖暖旗舰店",
    Platform.DOUYIN: "抖店·暖暖好物",
    Platform.WECHAT: "视频号·暖暖小店",
    Platform.PINDUODUO: "拼多多·暖暖百货",
    Platform.JD: "京东·暖暖自营",
    Platform.XIAOHONGSHU: "小红书·暖暖生活",
}
PREFIX = {
    Platform.KUAISHOU: "KS",
    Platform.TAOBAO: "TB",
    Platform.DOUYIN: "DY",
    Platform.WECHAT: "WX",
    Platform.PINDUODUO: "PDD",
    Platform.JD: "JD",
    Platform.XIAOHONGSHU: "XHS",
}

# (type, actions after opening) of the cases still open — each path ends in a different stage.
PATHS: list[tuple[CaseType, list[Action]]] = [
    (CaseType.RETURN_REFUND, []),
    (CaseType.REFUND_ONLY, []),
    (CaseType.RETURN_REFUND, [Action.APPROVE]),
    (CaseType.RETURN_REFUND, [Action.APPROVE, Action.BUYER_SHIP]),
    (CaseType.RETURN_REFUND, [Action.APPROVE, Action.BUYER_SHIP, Action.RETURN_DELIVERED]),
    (CaseType.EXCHANGE, [Action.APPROVE]),
    (CaseType.EXCHANGE, [Action.APPROVE, Action.BUYER_SHIP, Action.CONFIRM_RECEIPT]),
    (CaseType.RESHIP, [Action.APPROVE]),
    (CaseType.RESHIP, [Action.APPROVE, Action.SHIP_REPLACEMENT]),
    (CaseType.RETURN_REFUND, [Action.REJECT]),
    (CaseType.REFUND_ONLY, [Action.REJECT, Action.ESCALATE]),
]
# Finished cases: the month behind the open ones (refunds, a withdrawal, a completed reship).
DONE_PATHS: list[tuple[CaseType, list[Action]]] = [
    (CaseType.RETURN_REFUND, [Action.APPROVE, Action.BUYER_SHIP, Action.CONFIRM_RECEIPT]),
    (CaseType.REFUND_ONLY, [Action.APPROVE]),
    (CaseType.RESHIP, [Action.APPROVE, Action.SHIP_REPLACEMENT, Action.BUYER_CONFIRM]),
    (CaseType.REFUND_ONLY, [Action.APPROVE]),
    (CaseType.RETURN_REFUND, [Action.WITHDRAW]),
    (CaseType.RETURN_REFUND, [Action.APPROVE, Action.BUYER_SHIP, Action.CONFIRM_RECEIPT]),
]
OPEN_SHARE = 0.45  # of the cases, still open; the rest were settled over the last seven weeks
HISTORY_DAYS = 45

PAYLOADS: dict[Action, dict[str, str]] = {
    Action.REJECT: {"reason": "商品已拆封影响二次销售，已与买家沟通"},
    Action.REFUSE_RECEIPT: {"reason": "退回商品与发出不符"},
    Action.ESCALATE: {"reason": "买家申请平台介入"},
}


# How much of its running clock each open case has left, cycled: one within half an hour, a
# couple within the day, most with days to go — a shop that keeps up, its cases asked over days.
LEFT_SHARE = (0.008, 0.75, 0.9, 0.6, 0.15, 0.95, 0.7, 0.55, 0.85, 0.65, 0.8, 0.6, 0.9)


def _first_due_offset(
    cases: CaseService,
    platform: Platform,
    facts: CaseFacts,
    path: list[Action],
    start: datetime,
    steps: list[timedelta],
) -> timedelta | None:
    """How long after `start` the first running clock of this path would lapse."""
    stage = Stage.AWAITING_MERCHANT
    events = [EventFact(1, start, Action.OPEN.value, None, stage.value)]
    at = start
    for i, (action, step) in enumerate(zip(path, steps, strict=True), 2):
        at += step
        target = next_stage(facts.case_type, stage, action) or stage
        events.append(EventFact(i, at, action.value, stage.value, target.value))
        stage = target
    dues = [d.due_at for d in compute_deadlines(facts, events, cases.rules.active(platform)) if d.due_at]
    return min(dues) - start if dues else None


def _open_start(
    cases: CaseService,
    platform: Platform,
    facts: CaseFacts,
    path: list[Action],
    steps: list[timedelta],
    now: datetime,
    share: float,
    idle: timedelta,
) -> datetime:
    """When to open a case so that its running clock has `share` of its length to go, and never
    has lapsed already.

    A working-day clock is not a fixed length (moved over a weekend it grows), so the start is
    found again from the clock computed at the moved start until the due time is ahead."""
    taken = sum(steps, timedelta())
    latest = now - taken - timedelta(minutes=1)
    offset = _first_due_offset(cases, platform, facts, path, latest, steps)
    if offset is None:  # no clock runs (rejected, with the platform): it has waited `idle` so far
        return latest - idle
    start = latest - (offset - taken) * (1 - share)
    for _ in range(8):
        due = start + (_first_due_offset(cases, platform, facts, path, start, steps) or offset)
        if due > now + timedelta(minutes=5):
            return start
        start += (now - due) + timedelta(minutes=10)  # later by what is missing
    return latest


def _new_case(rng: random.Random, i: int, platform: Platform, case_type: CaseType, start: datetime) -> NewCase:
    reasons = list(Reason)
    title, sku, price = PRODUCTS[rng.randrange(len(PRODUCTS))]
    reason = Reason.MISSING_ITEM if case_type is CaseType.RESHIP else reasons[rng.randrange(len(reasons))]
    shipped = case_type is not CaseType.REFUND_ONLY or rng.random() < 0.5
    return NewCase(
        platform=platform,
        case_type=case_type,
        reason=reason,
        order_no=f"{rng.randrange(10**17, 10**18)}",
        aftersale_no=f"{PREFIX[platform]}{20261100000 + i * 7919 % 99991:011d}",
        amount=price,
        order_amount=price,
        requested_at=start,
        shipped=shipped,
        shop=SHOPS[platform],
        product_title=title,
        sku=sku,
        buyer_nick=BUYERS[rng.randrange(len(BUYERS))],
        buyer_phone=f"13{rng.randrange(10**8, 10**9)}",
        buyer_address="浙江省杭州市西湖区文三路 100 号",
        reason_detail="收到后发现有问题，申请售后" if reason is not Reason.NO_REASON else "不想要了",
    )


def _act(
    cases: CaseService, rng: random.Random, cid: int, path: list[Action], start: datetime, steps: list[timedelta]
) -> None:
    at = start
    for action, step in zip(path, steps, strict=True):
        at += step
        payload = dict(PAYLOADS.get(action, {}))
        if action in (Action.BUYER_SHIP, Action.SHIP_REPLACEMENT):
            payload["tracking"] = f"SF{rng.randrange(10**11, 10**12)}"
        cases.act(cid, ActionRequest(action, at=at, payload=payload))


def seed_demo(cases: CaseService, clock: Clock, count: int = 60, seed: int = 7) -> list[int]:
    """Create `count` cases: the open ones' clocks run out between minutes and days from now,
    the settled ones spread over the last seven weeks (so 上月 and the 30-day chart have a month)."""
    rng = random.Random(seed)
    now = clock.now()
    platforms = [p for p in Platform if p is not Platform.CUSTOM]
    n_open = min(count, max(20, round(count * OPEN_SHARE)))  # a small demo (tests) is all open
    ids: list[int] = []
    for i in range(count):
        platform = platforms[i % len(platforms)]
        if i < n_open:
            case_type, path = PATHS[i % len(PATHS)]
            new = _new_case(rng, i, platform, case_type, now)
            facts = CaseFacts(case_type, bool(new.shipped), new.reason)
            # each earlier step took the shop (or the buyer) hours to a day and a half
            steps = [timedelta(minutes=rng.randrange(4 * 60, 36 * 60)) for _ in path]
            idle = timedelta(hours=rng.randrange(12, 120))
            start = _open_start(cases, platform, facts, path, steps, now, LEFT_SHARE[i % len(LEFT_SHARE)], idle)
            new = replace(new, requested_at=start)
        else:  # settled: asked on a day of the last seven weeks, handled within hours to a day or two
            case_type, path = DONE_PATHS[i % len(DONE_PATHS)]
            steps = [timedelta(minutes=rng.randrange(40, 20 * 60)) for _ in path]
            j, n_done = i - n_open, count - n_open  # spread evenly, a little jitter, newest first
            back = timedelta(days=2 + (j + rng.random()) * (HISTORY_DAYS - 2) / n_done)
            start = min(now - back, now - sum(steps, timedelta()) - timedelta(hours=1))
            new = _new_case(rng, i, platform, case_type, start)
        cid = cases.add_case(new)
        _act(cases, rng, cid, path, start, steps)
        ids.append(cid)
    return ids
