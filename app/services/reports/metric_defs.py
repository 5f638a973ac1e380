"""Every after-sales metric, defined once: name (zh/en), formula, source.

The metrics service computes them, the workbook's 口径说明 sheet prints these
texts, the Reports screen labels its preview with them and the tests check
them. Change a definition here and every one of them follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.models.enums import Reason


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    RATE = "rate"
    HOURS = "hours"


@dataclass(frozen=True)
class MetricDef:
    key: str
    zh: str
    en: str
    kind: Kind
    formula_zh: str
    formula_en: str
    source: str
    # A per-case ledger figure: the 明细 Cases sheet has a column for it and the
    # summary total is exactly the sum of that column.
    summable: bool = False

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def formula(self, lang: str) -> str:
        return self.formula_en if lang == "en" else self.formula_zh


# Reasons whose return freight the merchant pays when the record does not say
# who paid (platform-rules.md "Freight", seeds 003, 消保法 §24).
MERCHANT_PAYS_RETURN = frozenset(
    {Reason.QUALITY, Reason.NOT_AS_DESCRIBED, Reason.DAMAGED, Reason.WRONG_ITEM, Reason.MISSING_ITEM}
)
BUYER_PAYS_RETURN = frozenset({Reason.NO_REASON})
# 品质退款率 (微信): not_as_described, quality, wrong_item (counterfeit has no reason code of its own).
QUALITY_REASONS = frozenset({Reason.NOT_AS_DESCRIBED, Reason.QUALITY, Reason.WRONG_ITEM})
# 商责退款率: the merchant's fault (late shipping has no reason code; it shows up as penalties).
MERCHANT_FAULT_REASONS = frozenset({Reason.MISSING_ITEM, Reason.DAMAGED, Reason.WRONG_ITEM, Reason.QUALITY})

FREIGHT_RULE_ZH = (
    "运费承担：以记录中的 freight_payer 为准；未注明时，退货运费按原因推定——质量问题、与描述不符、"
    "破损、发错货、少件由商家承担，七天无理由由买家承担，物流问题和其他记为“未注明”，不计入商家成本；"
    "换货/补发的发货运费未注明时由商家承担。未录入金额的运费段计 0 元并在明细中标明。"
)
FREIGHT_RULE_EN = (
    "Freight payer: the recorded freight_payer when present; otherwise the return leg follows the "
    "reason — quality, not as described, damaged, wrong item and missing item: merchant pays; no-reason "
    "return: buyer pays; logistics and other: 'unspecified', not counted as merchant cost. Reship and "
    "exchange legs default to the merchant. A leg without an amount counts as 0 and is marked in Cases."
)

_RATE_DENOM_ZH = "÷ 期间内各店铺各月支付订单数之和（商家录入；缺任一店铺月份则显示「无法计算」）"
_RATE_DENOM_EN = "÷ paid orders of the shops over the months of the period (entered; any missing → n/a)"

DEFINITIONS: tuple[MetricDef, ...] = (
    MetricDef(
        "cases_in_report",
        "报表内售后单",
        "Cases in report",
        Kind.COUNT,
        "期间结束前申请、且期间内仍未结束或期间内有任何记录的售后单数（明细表行数）",
        "Cases applied before the period end that were open during the period or had an event in it "
        "(rows of Cases)",
        "本应用",
    ),
    MetricDef(
        "cases_new",
        "新增售后单",
        "New cases",
        Kind.COUNT,
        "申请时间在期间内的售后单数",
        "Cases whose application time is in the period",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "refunds",
        "退款笔数",
        "Refunds",
        Kind.COUNT,
        "期间内进入“已退款”的售后单数（人工、平台自动、平台判定）",
        "Cases that entered 'refunded' in the period (merchant, auto-action or ruling)",
        "淘宝 退款率分子",
        summable=True,
    ),
    MetricDef(
        "refund_amount",
        "退款金额",
        "Refunds paid",
        Kind.MONEY,
        "期间内退款的金额之和；部分退款按实际退款金额（事件 amount），未注明按申请金额",
        "Sum of refunds in the period; a partial refund counts its recorded amount, else the amount "
        "requested",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "goods_not_recovered",
        "未追回货值",
        "Goods not recovered",
        Kind.MONEY,
        "仅退款，以及退款时商家未签收/未确认收到退货的退货退款，按退款金额计",
        "Refund-only refunds, and return refunds paid before the return was signed for or confirmed, "
        "at the refunded value",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "goods_sent",
        "发出货值",
        "Goods sent out",
        Kind.MONEY,
        "商家为补发/换货发出的商品货值（发货 ship_replacement 时录入的 goods_value）",
        "Value of the goods the merchant sent out for a reship or exchange (goods_value recorded on "
        "ship_replacement)",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "repair_cost",
        "维修费用",
        "Repair cost",
        Kind.MONEY,
        "维修单寄回时录入的维修费用（ship_replacement 的 repair_cost）",
        "What repairs cost the merchant (repair_cost recorded on ship_replacement)",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "freight_merchant",
        "商家承担运费",
        "Freight borne by merchant",
        Kind.MONEY,
        "期间内商家承担的退货运费 + 换货/补发发货运费（见运费规则）",
        "Return legs plus reship/exchange legs in the period that the merchant paid (see freight rule)",
        "platform-rules.md 运费; seeds 003; 消保法 §24",
        summable=True,
    ),
    MetricDef(
        "freight_return_merchant",
        "其中：退货运费",
        "of which return legs",
        Kind.MONEY,
        "买家寄回（buyer_ship）段中商家承担的运费",
        "Return legs (buyer_ship) paid by the merchant",
        "platform-rules.md 运费",
        summable=True,
    ),
    MetricDef(
        "freight_outbound_merchant",
        "其中：换货/补发运费",
        "of which reship/exchange legs",
        Kind.MONEY,
        "商家发出换货/补发（ship_replacement）及其他记录的运费中商家承担的部分",
        "Reship/exchange legs (ship_replacement) and other recorded legs paid by the merchant",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "freight_buyer",
        "买家承担运费",
        "Freight borne by buyer",
        Kind.MONEY,
        "记录或按规则由买家承担的运费段（不计入商家成本）",
        "Freight legs the buyer paid, recorded or by the freight rule (not a merchant cost)",
        "platform-rules.md 运费",
        summable=True,
    ),
    MetricDef(
        "freight_platform",
        "平台承担运费",
        "Freight borne by platform",
        Kind.MONEY,
        "记录为平台承担（运费险、退货宝等）的运费段（不计入商家成本）",
        "Freight legs the platform or its insurance paid (运费险 / 退货宝; not a merchant cost)",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "freight_unspecified",
        "运费（承担方未注明）",
        "Freight, payer unspecified",
        Kind.MONEY,
        "录入了金额、未注明承担方、也不能按运费规则推定的运费段（如物流问题、其他原因）；不计入商家成本，请核实",
        "Freight legs with an amount but no recorded payer that the freight rule cannot assign "
        "(logistics, other): not counted as merchant cost — check them",
        "platform-rules.md 运费",
        summable=True,
    ),
    MetricDef(
        "compensation",
        "赔付金额",
        "Compensation paid",
        Kind.MONEY,
        "期间内事件记录的赔付（compensation）之和",
        "Sum of compensation recorded on events in the period",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "net_cost",
        "净售后成本",
        "Net after-sales cost",
        Kind.MONEY,
        "未追回货值 + 发出货值 + 维修费用 + 商家承担运费 + 赔付金额（已退回商品的退款属冲减销售，不计入成本）",
        "Goods not recovered + goods sent out + repair cost + freight borne by merchant + compensation "
        "(refunds for goods that came back reverse a sale and are not a cost)",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "auto_actions",
        "平台对商家的自动执行",
        "Auto-actions against the merchant",
        Kind.COUNT,
        "期间内因商家时限到期由平台执行的 auto_approve / auto_refund / penalty 次数",
        "Platform auto_approve / auto_refund / penalty that fired in the period because a merchant "
        "clock ran out",
        "platform-rules.md 各平台时限",
        summable=True,
    ),
    MetricDef(
        "auto_amount",
        "超时损失金额",
        "Money lost to missed deadlines",
        Kind.MONEY,
        "上述自动执行直接退出的金额",
        "Refunds paid by those auto-actions",
        "本应用",
        summable=True,
    ),
    MetricDef(
        "deadlines_met",
        "商家时限内处理",
        "Merchant deadlines met",
        Kind.COUNT,
        "期间内商家在时限内办结的商家时限数（商家操作使售后单离开有商家时限的阶段）",
        "Merchant clocks the merchant ended in time in the period (a merchant action left a stage "
        "with a merchant clock)",
        "售后处理时长达成率分子",
        summable=True,
    ),
    MetricDef(
        "deadlines_lapsed",
        "商家时限超时",
        "Merchant deadlines lapsed",
        Kind.COUNT,
        "期间内到期、由平台自动执行的商家时限数",
        "Merchant clocks that ran out in the period",
        "售后处理时长达成率",
        summable=True,
    ),
    MetricDef(
        "dispute_refunds",
        "纠纷退款笔数",
        "Dispute refunds",
        Kind.COUNT,
        "期间内平台判定支持买家（platform_ruling for_buyer）而退款的笔数",
        "Refunds in the period where the platform ruled for the buyer",
        "纠纷退款率分子",
        summable=True,
    ),
    MetricDef(
        "quality_applications",
        "品质问题申请",
        "Quality applications",
        Kind.COUNT,
        "订单数：每个订单只看它的首次售后申请，申请在期间内、原因为与描述不符/质量问题/发错货的计 1"
        "（同一订单再次申请不再计）",
        "Orders whose first application was made in the period with reason not as described / "
        "quality / wrong item: counted once per order, at the order's first application (a later "
        "application on the same order does not count again)",
        "微信 品质退款率分子",
        summable=True,
    ),
    MetricDef(
        "merchant_fault_refunds",
        "商责退款笔数",
        "Merchant-fault refunds",
        Kind.COUNT,
        "期间内退款且原因为少件、破损、发错货、质量问题的笔数",
        "Refunds in the period whose reason is missing item, damaged, wrong item or quality",
        "商责退款率分子",
        summable=True,
    ),
    MetricDef(
        "escalated_new",
        "平台介入单数",
        "Escalated cases",
        Kind.COUNT,
        "期间内申请、且在期间结束前申请过平台介入的售后单数",
        "Cases applied in the period that were escalated to the platform before the period end",
        "平台介入率分子",
        summable=True,
    ),
    MetricDef(
        "refund_rate",
        "退款率",
        "Refund rate",
        Kind.RATE,
        "退款笔数 " + _RATE_DENOM_ZH,
        "Refunds " + _RATE_DENOM_EN,
        "淘宝 退款率",
    ),
    MetricDef(
        "dispute_refund_rate",
        "纠纷退款率",
        "Dispute refund rate",
        Kind.RATE,
        "纠纷退款笔数 " + _RATE_DENOM_ZH,
        "Dispute refunds " + _RATE_DENOM_EN,
        "淘宝/天猫 纠纷退款率",
    ),
    MetricDef(
        "quality_refund_rate",
        "品质退款率",
        "Quality refund rate",
        Kind.RATE,
        "品质问题申请 " + _RATE_DENOM_ZH,
        "Quality applications " + _RATE_DENOM_EN,
        "微信小店 品质退款率",
    ),
    MetricDef(
        "merchant_fault_refund_rate",
        "商责退款率",
        "Merchant-fault refund rate",
        Kind.RATE,
        "商责退款笔数 " + _RATE_DENOM_ZH,
        "Merchant-fault refunds " + _RATE_DENOM_EN,
        "商责退款率",
    ),
    MetricDef(
        "intervention_rate",
        "平台介入率",
        "Platform-intervention rate",
        Kind.RATE,
        "平台介入单数 ÷ 新增售后单（新增为 0 时无法计算）",
        "Escalated cases ÷ new cases (n/a without new cases)",
        "平台介入率",
    ),
    MetricDef(
        "on_time_rate",
        "售后处理时长达成率",
        "On-time handling rate",
        Kind.RATE,
        "商家时限内处理 ÷ (商家时限内处理 + 商家时限超时)",
        "Deadlines met ÷ (met + lapsed)",
        "售后处理时长达成率",
    ),
    MetricDef(
        "first_response_hours",
        "首次响应时长（小时）",
        "First response (hours)",
        Kind.HOURS,
        "申请到商家第一次处理（同意/拒绝/退款等，不含备注）的时长；期间内首次响应的单；平均/中位数/P90（最近秩）",
        "Application to the merchant's first action (not notes), for first responses in the period; "
        "mean / median / P90 (nearest rank)",
        "本应用",
    ),
    MetricDef(
        "resolution_hours",
        "处理完结时长（小时）",
        "Resolution time (hours)",
        Kind.HOURS,
        "申请到进入最终阶段（已退款/已完成/已关闭）的时长；期间内完结的单；按发货前/发货后拆分",
        "Application to a final stage, for cases finished in the period; split before/after shipping",
        "本应用",
    ),
    MetricDef(
        "refund_hours",
        "平均退款时长（小时）",
        "Refund duration (hours)",
        Kind.HOURS,
        "Σ(退款完成 − 申请) ÷ 退款笔数；期间内退款的单；按收货前（仅退款，或商家签收/确认收到退货之前退款）"
        "/收货后（商家签收或确认收到退货之后退款）拆分",
        "Σ(refund completed − applied) ÷ refunds, for refunds in the period; split before receipt "
        "(refund-only, or refunded before the return was signed for or confirmed) / after receipt",
        "抖音 平均退款时长",
    ),
)

DEF: dict[str, MetricDef] = {d.key: d for d in DEFINITIONS}
LEDGER_KEYS: tuple[str, ...] = tuple(d.key for d in DEFINITIONS if d.summable)
MONEY_KEYS = frozenset(d.key for d in DEFINITIONS if d.kind is Kind.MONEY)
RATE_KEYS: tuple[str, ...] = tuple(d.key for d in DEFINITIONS if d.kind is Kind.RATE)
ORDER_RATES: dict[str, str] = {
    "refund_rate": "refunds",
    "dispute_refund_rate": "dispute_refunds",
    "quality_refund_rate": "quality_applications",
    "merchant_fault_refund_rate": "merchant_fault_refunds",
}

NA_ORDERS = {"zh": "无法计算：请先录入订单数", "en": "n/a — enter order counts"}
NA_NO_BASE = {"zh": "无法计算：没有可比的基数", "en": "n/a — nothing to divide by"}


# Every money line of the 资金影响 sheet and the CLI summary, in the order an accountant reads them.
MONEY_LINES = (
    "cases_new",
    "refunds",
    "refund_amount",
    "goods_not_recovered",
    "goods_sent",
    "repair_cost",
    "freight_merchant",
    "freight_buyer",
    "freight_platform",
    "freight_unspecified",
    "compensation",
    "net_cost",
    "auto_actions",
    "auto_amount",
)

# The money and clock figures shown together everywhere: CLI summary, Money sheet, screen preview.
KEY_FIGURES = (
    "cases_new",
    "refunds",
    "refund_amount",
    "goods_not_recovered",
    "freight_merchant",
    "compensation",
    "net_cost",
    "auto_actions",
    "auto_amount",
)
