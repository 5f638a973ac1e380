"""What the service desk says when it refuses (English for the CLI, Chinese for the window)."""

from __future__ import annotations

from app.services.text.messages import Template

NO_FOLLOW_UP = Template(en="no follow-up {ref}", zh="找不到跟进事项 {ref}")
ALREADY_DONE = Template(
    en="follow-up {ref} was already marked done at {at}", zh="跟进事项 {ref} 已于 {at} 标记完成"
)
NO_TEMPLATE = Template(en="no reply template {ref}", zh="找不到话术 {ref}")
TEMPLATE_EMPTY = Template(en="a reply template needs a title and a text", zh="话术需要标题和内容")
UNKNOWN_HANDLER = Template(
    en="unknown handler {name!r}: add them in Settings first (known: {known})",
    zh="未知的处理人「{name}」：请先在设置里添加（已有：{known}）",
)
HANDLER_EMPTY = Template(en="a handler needs a name", zh="处理人需要名字")
HANDLER_EXISTS = Template(en="handler {name!r} is already in the list", zh="处理人「{name}」已在列表中")
NOT_A_TEMPLATE_FILE = Template(
    en="{file} is not a reply-template file: {problem}", zh="{file} 不是话术文件：{problem}"
)
BAD_TEMPLATE_ENTRY = Template(
    en="template {index} in {file}: {problem}", zh="{file} 的第 {index} 条话术：{problem}"
)
UNKNOWN_VALUE = Template(en="unknown {what} {value!r}", zh="未知的{what}「{value}」")
CALLBACK_NOT_ENDED = Template(
    en="case {ref} has not ended: 回访 is recorded after the case ends",
    zh="售后单 {ref} 尚未结束：回访在售后结束后记录",
)
CALLBACK_DONE = Template(
    en="the 回访 of case {ref} was already recorded at {at}", zh="售后单 {ref} 的回访已于 {at} 记录"
)
BAD_CALLBACK_RESULT = Template(
    en="回访 result {value!r}: satisfied, neutral or unsatisfied",
    zh="回访结果「{value}」应为 满意、一般 或 不满意",
)
