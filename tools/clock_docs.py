"""Write docs/platform-clocks.md from the built-in presets, so the document cannot drift from them.

    python tools/clock_docs.py            # rewrite docs/platform-clocks.md
    python tools/clock_docs.py --check    # exit 1 if the file is not what the presets give

A test runs `--check`: edit a preset in resources/rules/, then run this.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models.enums import Platform  # noqa: E402
from app.services.rules.presets import Duration, RuleBook  # noqa: E402
from app.services.text.labels import AUTO_ZH, PARTY_ZH, STAGE_ZH, TYPE_ZH  # noqa: E402

OUT = ROOT / "docs" / "platform-clocks.md"
START_ZH = {"stage": "进入该阶段", "buyer_ship": "买家填写退货单号", "return_delivered": "退货签收"}
CONFIDENCE_ZH = {"A": "A 官方或两个来源", "B": "B 单一来源", "C": "C 未核实"}

HEAD = """# 各平台售后时限（内置预设）· Platform clocks (built-in presets)

> 本文件由 `python tools/clock_docs.py` 根据 `resources/rules/*.toml` 生成，请勿手改。
> Generated from the presets by `tools/clock_docs.py`; do not edit by hand.

售后哨兵按下表为每个售后单计时；时限到期时平台会自动处理（自动同意、自动退款、关闭……）。
平台会调整规则（春节等节假日前后尤其如此），所以每一行都可以在「平台规则」页修改，
节假日的阶段性调整请在「平台规则 → 平台节假日调整…」录入。

**可信度**：A = 平台官方文件、来源文档或两个独立来源一致；B = 单一来源；
C = 来源冲突或未找到（软件中标为「未核实」）。标为 B、C 的时限请务必到平台规则中心核对。

**计时起点**：进入该阶段 = 售后单进入此阶段的时间；买家填写退货单号 = 买家上传退货物流单号的时间；
退货签收 = 退货包裹签收的时间。起点事件尚未发生时，倒计时显示「等待……」。

**工作日**：「N 个工作日」按国务院节假日安排（含调休）计算，见「平台规则 → 节假日安排…」。

## 如何核对预设 · How to check a preset

1. 打开平台商家后台的规则中心（快手小店：规则中心 → 售后规则；淘宝/天猫：千牛 → 规则中心 → 售后；
   抖店：抖店后台 → 规则中心 → 售后服务；微信小店：微信小店后台 → 规则 → 售后；拼多多：商家后台 → 规则中心；
   京东：京麦 → 规则中心；小红书：千帆 → 规则中心）。
2. 找到与下表每一行对应的条款（售后类型、阶段、谁需要处理），核对时长和超时后果。
3. 不一致时，在软件「平台规则」页双击时长修改（只对新建的售后单生效，处理中的售后单沿用创建时的规则）；
   临时性的调整（如春节延长）请用「平台节假日调整…」录入，并注明公告出处。
4. 导入的平台导出文件如果带有平台自己的截止时间（如「超时时间」「自动处理截止时间」），
   以平台时间为准。
"""


def duration_zh(d: Duration) -> str:
    unit = {"m": "分钟", "h": "小时", "d": "天", "wd": "个工作日"}[d.unit]
    return f"{d.amount} {unit}"


def render() -> str:
    book = RuleBook.load(ROOT / "resources" / "rules")
    parts = [HEAD]
    for platform in Platform:
        preset = book.builtin[platform]
        parts.append(f"\n## {preset.label} `{platform.value}`\n")
        parts.append("| 售后类型 | 阶段 | 谁处理 | 时长 | 计时起点 | 超时后果 | 可信度 | 来源 |")
        parts.append("|---|---|---|---|---|---|---|---|")
        for r in preset.rules:
            types = "全部" if len(r.types) > 4 else "、".join(TYPE_ZH.get(t.value, t.value) for t in r.types)
            if r.shipped is not None:
                types += "（已发货）" if r.shipped else "（未发货）"
            auto = AUTO_ZH.get(r.auto_action.value, r.auto_action.value)
            source = " ".join((r.source_zh or r.source).split()).replace("|", "／")
            parts.append(
                f"| {types} | {STAGE_ZH.get(r.stage.value, r.stage.value)} | {PARTY_ZH.get(r.party.value, r.party.value)} "
                f"| {duration_zh(r.duration)} | {START_ZH.get(r.clock_start.value, r.clock_start.value)} | {auto} "
                f"| {CONFIDENCE_ZH.get(r.confidence.value, r.confidence.value)} | {source} |"
            )
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python tools/clock_docs.py", file=sys.stderr)
            return 1
        print("docs/platform-clocks.md matches the presets")
        return 0
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
