"""Sheet names, column headers and vocabulary labels of the workbook, in Chinese and English."""

from __future__ import annotations

from app.services.text.labels import ACTION_ZH, PARTY_ZH, PLATFORM_ZH, REASON_ZH, STAGE_ZH, TYPE_ZH

SHEETS = {
    "summary": ("汇总", "Summary"),
    "money": ("资金影响", "Money"),
    "skus": ("原因与商品", "By reason & SKU"),
    "monthly": ("月度趋势", "Monthly"),
    "orders": ("订单数", "Orders"),
    "targets": ("服务目标", "Service targets"),
    "callbacks": ("回访", "Callbacks"),
    "handlers": ("处理人", "Handlers"),
    "cases": ("明细", "Cases"),
    "events": ("时间线", "Events"),
    "definitions": ("口径说明", "Definitions"),
}

DIMENSION_NAMES = {
    "type": ("类型", "Type"),
    "reason": ("原因", "Reason"),
    "platform": ("平台", "Platform"),
    "shop": ("店铺", "Shop"),
    "handler": ("处理人", "Handler"),
    "stage_end": ("期末阶段", "Stage at period end"),
}

VOCAB_ZH: dict[str, dict[str, str]] = {
    "type": TYPE_ZH,
    "reason": REASON_ZH,
    "platform": PLATFORM_ZH,
    "stage_end": STAGE_ZH,
    "stage": STAGE_ZH,
    "action": ACTION_ZH,
    "party": {**PARTY_ZH, "unknown": "未注明", "app": "本应用"},
    "route": {"merchant": "商家退款", "auto": "平台自动退款", "ruling": "平台判定退款", "": ""},
    "leg": {"return": "退货", "outbound": "换货/补发", "other": "其他"},
}

TEXT = {
    "title": ("售后报表", "After-sales report"),
    "period": ("期间（北京时间，含首尾日）", "Period (Beijing time, both days included)"),
    "shops": ("店铺", "Shops"),
    "generated": ("生成时间", "Generated at"),
    "version": ("应用版本", "App version"),
    "pii": ("买家联系方式", "Buyer contact details"),
    "pii_shown": ("已包含（请妥善保管本文件）", "included (keep this file safe)"),
    "pii_masked": ("已打码", "masked"),
    "metric": ("指标", "Metric"),
    "value": ("数值", "Value"),
    "formula": ("口径", "Definition"),
    "source_col": ("明细列（合计＝该列求和）", "Cases column (total = sum of that column)"),
    "source": ("来源", "Source"),
    "english": ("英文名", "Chinese name"),
    "dimension": ("维度", "Dimension"),
    "item": ("项目", "Item"),
    "month": ("月份", "Month"),
    "total": ("合计", "Total"),
    "shop_rates": ("分店铺比率", "Rates by shop"),
    "freight_rule": ("运费规则", "Freight rule"),
    "platform_rates": ("与平台后台的口径差异", "Versus the platform's dashboard"),
    "platform_rates_note": (
        "本报表的比率按自然月（北京时间）计算，分母是商家录入的支付订单数（按订单）；淘宝/天猫后台的"
        "“退款率”是滚动近30天、按子订单计算的，分子分母都不同，两者不会相等，核对时请用同一口径。"
        "其他平台后台的同名指标亦以其规则中心的定义为准。",
        "The report's rates are per calendar month (Beijing time) over the paid orders the merchant "
        "entered (orders); Taobao/Tmall's dashboard 退款率 is a rolling last-30-days rate over "
        "sub-orders — numerator and denominator both differ, so the two will not agree; compare like "
        "with like. Other platforms' dashboards follow their own rule centre's definitions.",
    ),
    "desk_rule": ("服务目标、回访与处理人", "Targets, callbacks, handlers"),
    "desk_note": (
        "服务目标按本店服务日历计时（设置 → 服务目标：每周营业时间、国家法定节假日与调休、本店休息日）："
        "首次响应自申请起至本店第一次处理（操作、备注，含平台导出的商家操作），按工作小时；"
        "收货后退款自退货签收起至退款，默认 48 小时按自然时间计（承诺“确认无误后的48小时内完成退款”）；"
        "回访自售后结束起按工作日计。目标按开始时间计入本期；达成＝在目标时间前完成，"
        "未达成＝晚于目标时间完成、售后结束仍未完成或已超时仍未完成；达成率＝达成 ÷（达成＋未达成），进行中的不计。"
        "回访按记录时间计入本期，满意率＝满意 ÷ 回访数。处理人为售后单上的处理人，未填写时取第一位记录处理人的步骤。",
        "Targets count on the shop's service calendar (Settings → Service targets: weekly hours, China's "
        "holidays and 调休, the shop's days off): first response from the request to the shop's first step "
        "(an action or note, imported ones included), in working hours; refund after the return arrived, "
        "48 wall-clock hours by default (seed 002's promise); 回访 in working days after the case ended. A "
        "target counts in the period it started; met = done by its due time; missed = done late, the case "
        "ended without it, or past due and still open; met rate = met ÷ (met + missed), open ones left out. "
        "A 回访 counts when recorded; satisfied rate = satisfied ÷ callbacks. A case's handler is the one it "
        "names, else whoever recorded the first step that named one.",
    ),
    "previous_period": ("环比", "Previous period"),
    "previous_note": (
        "汇总的“上期”是紧接本期之前、同样长度的期间（整月的期间取之前同样多的整月），"
        "按同一口径计算的数值（上期没有明细，不是公式）；“环比”金额与笔数为增减百分比，比率为增减的百分点。",
        "On Summary, 'previous period' is the period of the same length just before this one (whole "
        "months: as many whole months before), by the same definitions (a value: there is no Cases sheet "
        "for it); 'change' is the change in % for amounts and counts, in percentage points for rates.",
    ),
    "previous_head": ("上期 {label}", "Previous {label}"),
    "change_head": (
        "环比（金额/笔数：增减%；比率：增减百分点）",
        "Change (amounts, counts: %; rates: percentage points)",
    ),
    "time_note": (
        "所有时间为北京时间；金额单位人民币元，精确到分。",
        "All times are Beijing time; amounts in CNY yuan to the fen.",
    ),
    "rows_note": (
        "时间线超过 Excel 行数上限时续写在“时间线 2”等工作表。",
        "Events beyond Excel's row limit continue on 'Events 2' and following sheets.",
    ),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "mean": ("平均", "mean"),
    "median": ("中位数", "median"),
    "p90": ("P90", "P90"),
    "count": ("样本数", "samples"),
    "all": ("全部", "all"),
    "unshipped": ("发货前", "before shipping"),
    "shipped": ("发货后", "after shipping"),
    "before_receipt": ("收货前", "before receipt"),
    "after_receipt": ("收货后", "after receipt"),
    "buyer": ("买家", "Buyer"),
    "buyers_title": ("多次售后买家（期间内新增 ≥ 2 单）", "Buyers with repeated cases (≥ 2 new in period)"),
    "aftersale_nos": ("售后单号", "After-sales nos."),
    "sku_title": ("商品售后排行（质量反馈给供应商）", "Top SKUs by cases (quality feedback for suppliers)"),
    "sku": ("SKU", "SKU"),
    "product": ("商品", "Product"),
    "cases": ("售后单", "Cases"),
    "returns": ("含退货", "With return"),
    "orders_title": ("支付订单数（各比率的分母）", "Paid orders (the denominator of every rate)"),
    "orders_note": (
        "每个店铺每月的支付订单数由商家录入（orders set 命令或“订单数”窗口），录入人未记录。"
        "未录入的显示“未录入”，不按 0 计：用到它的比率显示原因。在此填入数字，比率随之重算。",
        "Each shop's paid orders per month, entered by the merchant (`orders set` or the Order counts "
        "window); who entered them is not recorded. One not entered shows 'not entered', never 0: the "
        "rates that need it say so. Type a number here and the rates recalculate.",
    ),
    "paid_orders": ("支付订单数", "Paid orders"),
    "orders_source": ("来源", "Where it came from"),
    "entered_at": (
        "商家录入，最后修改 {at}（北京时间）",
        "entered by the merchant, last changed {at} (Beijing)",
    ),
    "not_entered": ("未录入", "not entered"),
    "enter_it": (
        "未录入：用 orders set 或“订单数”窗口录入",
        "not entered: use `orders set` or the Order counts window",
    ),
    "no_shop_orders": (
        "售后单未填店铺：无法录入订单数",
        "cases without a shop: no order count can be entered",
    ),
    "no_shop": ("（无店铺）", "(no shop)"),
    "incomplete": ("未录入完整", "incomplete"),
    "subtotal": ("小计", "Subtotal"),
    "all_months": ("各月", "all months"),
    "all_shops": ("各店铺", "all shops"),
    "orders_total_note": (
        "各行之和；任一行未录入则显示“未录入完整”，比率不计算",
        "sum of the rows; any row not entered shows 'incomplete' and the rates are not computed",
    ),
    "chart_counts": ("售后与退款笔数", "Cases and refunds"),
    "chart_money": ("退款金额与净售后成本", "Refunds paid and net cost"),
}


def t(key: str, lang: str) -> str:
    zh, en = TEXT[key]
    return en if lang == "en" else zh


def sheet_name(key: str, lang: str) -> str:
    zh, en = SHEETS[key]
    return en if lang == "en" else zh


def vocab(kind: str, value: str, lang: str) -> str:
    """A vocabulary value as the reader sees it: Chinese label, or the English id with spaces."""
    if lang == "en":
        return value.replace("_", " ")
    return VOCAB_ZH.get(kind, {}).get(value, value)


# The 明细 Cases sheet: (key, zh, en, width). Ledger columns follow from metric_defs.
CASE_COLUMNS: tuple[tuple[str, str, str, float], ...] = (
    ("id", "案件ID", "Case id", 8),
    ("platform", "平台", "Platform", 10),
    ("shop", "店铺", "Shop", 16),
    ("aftersale_no", "售后单号", "After-sales no.", 20),
    ("order_no", "订单号", "Order no.", 20),
    ("type", "类型", "Type", 10),
    ("reason", "原因", "Reason", 12),
    ("reason_detail", "原因说明", "Reason detail", 24),
    ("shipped", "已发货", "Shipped", 7),
    ("requested_at", "申请时间", "Applied at", 17),
    ("closed_at", "结束时间", "Finished at", 17),
    ("stage_end", "期末阶段", "Stage at period end", 12),
    ("stage", "当前阶段", "Stage now", 12),
    ("buyer", "买家", "Buyer", 14),
    ("phone", "买家手机", "Buyer phone", 14),
    ("address", "买家地址", "Buyer address", 24),
    ("product", "商品", "Product", 28),
    ("sku", "SKU", "SKU", 14),
    ("quantity", "数量", "Qty", 6),
    ("order_amount", "订单金额", "Order amount", 12),
    ("refund_requested", "申请退款金额", "Refund requested", 13),
    ("refund_at", "退款时间", "Refunded at", 17),
    ("refund_route", "退款方式", "Refund route", 12),
)
CASE_TAIL_COLUMNS: tuple[tuple[str, str, str, float], ...] = (
    ("freight_legs", "运费明细", "Freight legs", 36),
    ("first_response", "首次响应（小时）", "First response (h)", 10),
    ("resolution", "处理完结（小时）", "Resolution (h)", 10),
    ("escalated", "平台介入", "Escalated", 8),
    ("handler", "处理人", "Handler", 10),
    ("tags", "标签", "Tags", 14),
)
EVENT_COLUMNS: tuple[tuple[str, str, str, float], ...] = (
    ("case_id", "案件ID", "Case id", 8),
    ("aftersale_no", "售后单号", "After-sales no.", 20),
    ("seq", "序号", "Seq", 5),
    ("at", "时间", "At", 17),
    ("actor", "操作方", "Actor", 8),
    ("action", "动作", "Action", 14),
    ("from_stage", "原阶段", "From stage", 12),
    ("to_stage", "新阶段", "To stage", 12),
    ("rule_id", "规则", "Rule", 28),
    ("amount", "金额", "Amount", 11),
    ("freight", "运费", "Freight", 10),
    ("freight_payer", "运费承担方", "Freight payer", 10),
    ("compensation", "赔付", "Compensation", 10),
    ("detail", "说明", "Detail", 36),
    ("in_period", "在本期内", "In period", 8),
)
