"""What the case service says when it refuses: bad input, unknown cases, actions too late or too early.

English is what the CLI prints; Chinese is what the window shows (see `messages.py`).
"""

from __future__ import annotations

from app.services.text.messages import Template

NOT_AN_AMOUNT = Template(
    en="not an amount: {text!r} (use e.g. 99.00)", zh="不是金额：「{text}」（应如 99.00）"
)
REFUND_ABOVE_REQUEST = Template(
    en="refund {amount} is more than the buyer asked for ({requested})",
    zh="退款金额 ¥{amount} 超过买家申请的 ¥{requested}",
)
AMOUNT_TOO_LARGE = Template(
    en="amount too large: {text!r} (at most {most})", zh="金额太大：「{text}」（最多 {most}）"
)
TOO_MANY_DECIMALS = Template(
    en="amount has more than two decimals: {text!r}", zh="金额超过两位小数：「{text}」"
)
REQUESTED_IN_FUTURE = Template(en="requested-at is in the future", zh="申请时间晚于现在")
NUMBERS_REQUIRED = Template(en="after-sales no. and order no. are required", zh="请填写售后单号和订单号")
ALREADY_EXISTS_AS = Template(
    en="{platform} after-sales no. {no} already exists (case {case_id})",
    zh="{platform}售后单号 {no} 已存在（案件 {case_id}）",
)
ALREADY_EXISTS = Template(en="after-sales no. {no} already exists", zh="售后单号 {no} 已存在")
ON_SEVERAL_PLATFORMS = Template(
    en="after-sales no. {ref} exists on several platforms: use the case id",
    zh="售后单号 {ref} 在多个平台都有：请改用案件编号",
)
NO_CASE = Template(en="no case {ref}", zh="找不到案件 {ref}")
ACTION_IN_FUTURE = Template(en="the action's time is in the future", zh="操作时间晚于现在")
PLATFORM_ACTED_FIRST = Template(
    en="{refusal} — the platform already acted: {done}", zh="{refusal}——平台已先处理：{done}"
)
AUTO_AT = Template(en="{auto} at {at}", zh="{at} {auto}")
BEFORE_LAST_EVENT = Template(
    en="the action's time is before the case's last event ({last})",
    zh="操作时间早于该案件的最后一条记录（{last}）",
)
NO_CLOCK_TO_EXTEND = Template(
    en="no {party} clock runs in stage {stage}: nothing to extend",
    zh="「{stage}」阶段没有正在计时的{party}时限：无可延长",
)
DUE_NOT_AFTER = Template(
    en="the new due time must be after the time of the extension", zh="新的截止时间必须晚于延期的时间"
)
FOLLOW_UP_NOT_AFTER = Template(
    en="the follow-up time must be after the time of the note", zh="跟进时间必须晚于这条备注的时间"
)
NOT_A_TIME = Template(en="not a time: {text!r}", zh="无法识别的时间：「{text}」")
TIME_OUT_OF_RANGE = Template(
    en="time outside the years {first}–{last}: {text!r}", zh="时间不在 {first}–{last} 年之间：「{text}」"
)
BAD_PARTY = Template(
    en="party must be merchant, buyer or platform, not {party!r}",
    zh="责任方只能是商家（merchant）、买家（buyer）或平台（platform），不能是「{party}」",
)
BAD_FREIGHT_PAYER = Template(
    en="freight payer must be merchant, buyer or platform", zh="运费承担方只能是商家、买家或平台"
)
CLOCKS_INTO_FUTURE = Template(en="cannot run the clocks into the future", zh="不能把时限推进到未来")
BATCH_CLASH = Template(
    en="a case in this batch already exists or changed meanwhile ({error})",
    zh="这一批中有案件已存在，或在此期间被修改过（{error}）",
)
# A write made against a version of the case that is no longer current (another person or
# program wrote first). {at}: Beijing time, HH:MM today, else the date too; {stage}: what it is now.
STALE_BY = Template(
    en="already handled by {who} at {at}: {stage} ({action}); check the case and try again",
    zh="已被 {who} 在 {at} 处理：{stage}（{action}）；请查看案件后重试",
)
STALE_BY_PLATFORM = Template(
    en="the platform acted at {at}: {stage} ({action}); check the case and try again",
    zh="平台已于 {at} 处理：{stage}（{action}）；请查看案件后重试",
)
STALE_BY_SOMEONE = Template(
    en="changed elsewhere at {at}: {stage} ({action}); check the case and try again",
    zh="已于 {at} 在别处处理：{stage}（{action}）；请查看案件后重试",
)
