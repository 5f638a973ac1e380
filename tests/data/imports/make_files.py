"""Generate the golden import files in this folder, each with its `.expected.json`.

    python tests/data/imports/make_files.py

For every import preset: one .xlsx and one .csv (GBK or UTF-8 with BOM), with the
quirks real exports have — title rows above the header, a merged title cell, a
two-row merged header (douyin .xlsx), thousands separators and ¥/元 in amounts,
mixed date formats (and Excel date cells and serials in .xlsx), a totals row,
trailing empty rows and columns, a broken date, an unknown status, a duplicate
row, a long order number Excel shortened to 6.92E+18. The expected outcomes are
written from the row specs below, not by running the importer. "now" in the
tests is 2026-11-02 10:00 Beijing time (tests/conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Each platform's layout: (our field, header as that back end writes it).
LAYOUTS: dict[str, list[tuple[str, str]]] = {
    "kuaishou": [
        ("aftersale_no", "售后编号"),
        ("order_no", "快手订单号"),
        ("case_type", "售后类型"),
        ("reason", "售后原因"),
        ("status", "售后状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "更新时间"),
        ("amount", "退款金额(元)"),
        ("product", "商品名称"),
        ("buyer", "买家昵称"),
        ("tracking", "退货物流单号"),
    ],
    "taobao": [
        ("aftersale_no", "退款编号"),
        ("order_no", "订单编号"),
        ("buyer", "买家会员名"),
        ("product", "宝贝名称"),
        ("case_type", "退款类型"),
        ("reason", "退款原因"),
        ("status", "退款状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("amount", "退款金额"),
        ("tracking", "退货运单号"),
        ("updated_at", "最近处理时间"),
    ],
    "douyin": [
        ("aftersale_no", "售后ID"),
        ("order_no", "抖音订单号"),
        ("product_id", "商品ID"),
        ("product", "商品名称"),
        ("case_type", "售后类型"),
        ("reason", "售后原因"),
        ("status", "售后状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("tracking", "退货物流单号"),
        ("amount", "退款金额"),
        ("updated_at", "状态变更时间"),
    ],
    "wechat": [
        ("aftersale_no", "售后单ID"),
        ("order_no", "视频号订单号"),
        ("case_type", "售后类型"),
        ("reason", "申请原因"),
        ("status", "售后状态"),
        ("requested_at", "售后申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "更新时间"),
        ("amount", "申请退款金额"),
        ("product", "商品标题"),
        ("tracking", "退货物流单号"),
    ],
    "pinduoduo": [
        ("aftersale_no", "售后单编号"),
        ("order_no", "拼单号"),
        ("case_type", "售后类型"),
        ("reason", "售后原因"),
        ("status", "售后状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "更新时间"),
        ("amount", "退款金额"),
        ("product", "商品名称"),
        ("tracking", "退货物流单号"),
        ("shipped", "是否发货"),
    ],
    "jd": [
        ("aftersale_no", "服务单号"),
        ("order_no", "京东订单号"),
        ("case_type", "服务类型"),
        ("reason", "申请原因"),
        ("status", "处理状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "最近处理时间"),
        ("amount", "退款金额"),
        ("product", "商品名称"),
        ("tracking", "退货运单号"),
    ],
    "xiaohongshu": [
        ("aftersale_no", "售后申请单号"),
        ("order_no", "小红书订单号"),
        ("case_type", "售后类型"),
        ("reason", "售后原因"),
        ("status", "售后状态"),
        ("requested_at", "申请时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "更新时间"),
        ("amount", "退款金额"),
        ("product", "商品名称"),
        ("tracking", "退货物流单号"),
    ],
    # An ERP export (聚水潭 style) mixing platforms: imported with --platform custom.
    "custom": [
        ("platform", "销售平台"),
        ("shop", "店铺名称"),
        ("aftersale_no", "退单编号"),
        ("order_no", "原单号"),
        ("case_type", "退单类型"),
        ("reason", "退货原因"),
        ("status", "处理状态"),
        ("requested_at", "创建时间"),
        ("approved_at", "审核时间"),
        ("returned_at", "退货时间"),
        ("updated_at", "状态变更时间"),
        ("amount", "申请退款金额"),
        ("product", "商品名称"),
        ("tracking", "退单物流单号"),
    ],
}

TITLES = {
    "kuaishou": "快手小店 售后单列表",
    "taobao": "千牛 退款管理 导出",
    "douyin": "抖店 售后工作台 导出",
    "wechat": "微信小店 售后单",
    "pinduoduo": "拼多多商家后台 售后列表",
    "jd": "京麦 服务单列表",
    "xiaohongshu": "小红书 千帆 售后单",
    "custom": "聚水潭 售后单导出",
}
# Status words per platform: (awaiting_merchant, awaiting_buyer_return, awaiting_merchant_receipt, refunded)
STATUS_WORDS = {
    "kuaishou": ("待商家处理", "待买家退货", "待商家收货", "退款成功"),
    "taobao": (
        "买家已经申请退款，等待卖家同意",
        "卖家已经同意退款，等待买家退货",
        "买家已经退货，等待卖家确认收货",
        "退款成功",
    ),
    "douyin": ("待商家处理", "待买家退货", "待商家确认收货", "退款成功"),
    "wechat": ("待商家审核", "待用户退货", "待商家收货", "退款完成"),
    "pinduoduo": ("待商家处理", "待买家发货", "待商家收货", "退款成功"),
    "jd": ("待审核", "待用户反馈", "待收货", "退款成功"),
    "xiaohongshu": ("待审核", "待寄回", "待收货", "已退款"),
    "custom": ("待审核", "待买家退货", "买家已退货", "退款完成"),
}
GBK = {"kuaishou", "taobao", "pinduoduo", "jd"}  # their .csv is GBK; the others UTF-8 with BOM
ERP_PLATFORMS = ("快手", "抖音", "快手", "淘宝", "拼多多", "快手", "抖音", "快手")
STAGES = ("awaiting_merchant", "awaiting_buyer_return", "awaiting_merchant_receipt", "refunded")


@dataclass
class Row:
    values: dict[str, Any]
    outcome: str
    to_stage: str | None = None
    problems: list[str] = field(default_factory=list)  # problem kinds


def _rows(platform: str, fmt: str) -> list[Row]:
    words = STATUS_WORDS[platform]
    prefix = platform[:2].upper()
    xlsx = fmt == "xlsx"
    yen = "￥" if platform in GBK and not xlsx else "¥"

    def t(text: str, cell: datetime | float | None = None) -> Any:
        return cell if (xlsx and cell is not None) else text

    rows = [
        Row(
            {
                "status": words[0],
                "case_type": "退货退款",
                "reason": "质量问题",
                "requested_at": t("2026-11-01 09:00:00", datetime(2026, 11, 1, 9, 0)),
                "amount": f"{yen}1,299.00",
            },
            "new",
            STAGES[0],
        ),
        Row(
            {
                "status": words[1],
                "case_type": "退货退款",
                "reason": "七天无理由",
                "requested_at": "2026/10/31 9:05",
                "approved_at": t("2026/10/31 12:30", 46326.5),  # serial = 2026-10-31 12:00
                "amount": 99 if xlsx else "99元",
            },
            "new",
            STAGES[1],
        ),
        Row(
            {
                "status": words[2],
                "case_type": "退货退款",
                "reason": "与商品描述不符",
                "requested_at": "2026年10月30日 09:00",
                "approved_at": "2026年10月30日 12:00",
                "returned_at": "2026-10-31 14:05",
                "amount": "2,049.50元",
                "tracking": "SF1234567890",
            },
            "new",
            STAGES[2],
        ),
        Row(
            {
                "status": words[3],
                "case_type": "仅退款",
                "reason": "拍错/多拍",
                "requested_at": "2026-10-29 09:00",
                "updated_at": "2026-10-29 15:00:00",
                "amount": 19.9 if xlsx else "19.90",
            },
            "new",
            STAGES[3],
        ),
        Row(
            {
                "status": words[0],
                "case_type": "退货退款",
                "reason": "发错货",
                "requested_at": "2026-02-30 10:00",
                "amount": "59.00",
            },
            "error",
            None,
            ["value"],
        ),
        Row(
            {
                "status": "风控冻结中",
                "case_type": "退货退款",
                "reason": "少件",
                "requested_at": "2026-11-01 11:00",
                "amount": "15",
            },
            "error",
            None,
            ["unknown_status"],
        ),
    ]
    if platform == "kuaishou":
        dup = dict(rows[0].values)
        rows.append(Row(dup, "error", None, ["duplicate"]))
    for i, row in enumerate(rows, 1):
        no = f"{prefix}2026110{i:03d}"
        if row.problems == ["duplicate"]:
            no = f"{prefix}2026110001"
        row.values["aftersale_no"] = no
        row.values["order_no"] = f"69200000000000{i:05d}"
        row.values.setdefault("product", "加厚珊瑚绒睡衣 粉色 L")
        row.values.setdefault("buyer", "小鱼儿")
        row.values["product_id"] = f"37{i:08d}"
        row.values["platform"] = ERP_PLATFORMS[i - 1]
        row.values["shop"] = "暖暖家居"
        row.values["shipped"] = "已发货"
    if platform == "kuaishou" and xlsx:
        # Excel turned this order number into a float: its digits are lost.
        rows.append(
            Row(
                {
                    **rows[0].values,
                    "aftersale_no": f"{prefix}2026110099",
                    "order_no": 6.92e18,
                },
                "error",
                None,
                ["value"],
            )
        )
    return rows


def _table(platform: str, rows: list[Row]) -> list[list[Any]]:
    layout = LAYOUTS[platform]
    return [[row.values.get(name, "") for name, _ in layout] + ["", ""] for row in rows]


def _csv(platform: str, rows: list[Row], path: Path) -> dict[int, Row]:
    layout = LAYOUTS[platform]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    lines: list[list[Any]] = [
        [f"{TITLES[platform]} 导出时间: 2026-11-02 09:30"],
        [],
        ["筛选条件: 全部状态", "", "共 7 条"],
        [h for _, h in layout],
    ]
    by_line: dict[int, Row] = {}
    for row, cells in zip(rows, _table(platform, rows), strict=True):
        lines.append(cells)
        by_line[len(lines)] = row
    lines.append(["合计"] + [""] * (len(layout) - 1))
    lines += [[""] * len(layout), [""] * 3, []]
    for cells in lines:
        w.writerow(cells)
    encoding = "gbk" if platform in GBK else "utf-8-sig"
    path.write_bytes(buf.getvalue().encode(encoding))
    return by_line


def _xlsx(platform: str, rows: list[Row], path: Path) -> dict[int, Row]:
    from openpyxl import Workbook

    layout = LAYOUTS[platform]
    wb = Workbook()
    ws = wb.active
    ws.title = "售后单"
    ws.append([f"{TITLES[platform]} 导出时间: 2026-11-02 09:30"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(layout))
    if platform == "douyin":
        # Two header rows: the first two columns merged down, the others grouped under merged cells.
        group = [h if i < 2 else None for i, (_, h) in enumerate(layout)]
        group[2], group[4] = "商品信息", "售后信息"
        ws.append(group)
        ws.append([None, None] + [h for _, h in layout[2:]])
        ws.merge_cells("A2:A3")
        ws.merge_cells("B2:B3")
        ws.merge_cells(start_row=2, start_column=3, end_row=2, end_column=4)
        ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=len(layout))
    else:
        ws.append([h for _, h in layout])
    by_line: dict[int, Row] = {}
    for row, cells in zip(rows, _table(platform, rows), strict=True):
        ws.append([None if c == "" else c for c in cells])
        by_line[ws.max_row] = row
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
    ws.append(["合计"])
    for _ in range(3):
        ws.append([""] * (len(layout) + 2))  # trailing rows that only look empty
    wb.save(path)
    return by_line


def _expected(platform: str, fmt: str, by_line: dict[int, Row], header_row: int) -> dict[str, Any]:
    counts = {"new": 0, "update": 0, "unchanged": 0, "error": 0, "merged": 0}
    for row in by_line.values():
        counts[row.outcome] += 1
    return {
        "platform_arg": "custom" if platform == "custom" else None,
        "platform": platform,
        "header_row": header_row,
        "encoding": None if fmt == "xlsx" else ("gb18030" if platform in GBK else "utf-8-sig"),
        "counts": counts,
        "rows": {
            str(line): {
                "aftersale_no": row.values["aftersale_no"],
                "outcome": row.outcome,
                "to_stage": row.to_stage,
                "problems": row.problems,
            }
            for line, row in sorted(by_line.items())
        },
    }


def main() -> None:
    for platform in LAYOUTS:
        for fmt in ("csv", "xlsx"):
            rows = _rows(platform, fmt)
            path = HERE / f"{platform}.{fmt}"
            if fmt == "csv":
                by_line, header_row = _csv(platform, rows, path), 4
            else:
                by_line, header_row = _xlsx(platform, rows, path), 3 if platform == "douyin" else 2
            expected = _expected(platform, fmt, by_line, header_row)
            out = HERE / f"{platform}.{fmt}.expected.json"
            out.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {2 * len(LAYOUTS)} files and their expectations to {HERE}")


if __name__ == "__main__":
    main()
