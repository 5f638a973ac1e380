"""Messages the services produce, in English and Chinese.

A `Template` holds both wordings of one message; calling it with the message's values gives a
`Text`. A `Text` IS the English string (the CLI, the logs and the tests read it as a plain
`str`) and remembers its template and values, so the window can `render("zh_CN")` it:

    UNKNOWN_STATUS = Template(
        en="unknown status {word!r}: map it to one of our stages",
        zh="未知的售后状态「{word}」：请把它对应到我们的阶段",
    )
    raise ImportFileError(UNKNOWN_STATUS(word="风控冻结中"))

In Chinese, our vocabulary (Stage, Action, …) becomes its Chinese label, an aware datetime
Beijing time to the minute, a nested `Text` its Chinese, a tuple or list the rendering of
its items joined by 、. Pass enum members, not their values (`Party(value)` where the code
holds a value). English shows what the services always showed: enum values, ISO 8601
times, items joined by ", ".

A `Text` joined into a bigger string (an f-string, "; ".join) is plain English again: compose
messages from templates instead. The window asks `say(message, lang)`, which renders a `Text`
and leaves any other string as it is.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from app.models.enums import Action, AutoAction, CaseType, Party, Platform, Reason, Stage
from app.services.clock import BEIJING
from app.services.text.labels import (
    ACTION_ZH,
    AUTO_ZH,
    PARTY_ZH,
    PLATFORM_ZH,
    REASON_ZH,
    STAGE_ZH,
    TYPE_ZH,
)

TEMPLATES: list[Template] = []  # every template defined, for the test that both wordings agree

LABELS_ZH: dict[type[StrEnum], Mapping[str, str]] = {
    Stage: STAGE_ZH,
    Action: ACTION_ZH,
    AutoAction: AUTO_ZH,
    CaseType: TYPE_ZH,
    Party: PARTY_ZH,
    Platform: PLATFORM_ZH,
    Reason: REASON_ZH,
}


def is_chinese(lang: str) -> bool:
    """'zh_CN', 'zh' → True; 'en' → False."""
    return lang.startswith("zh")


class Template:
    """One message in English and Chinese: `str.format` strings with the same named fields."""

    def __init__(self, en: str, zh: str) -> None:
        self.en = en
        self.zh = zh
        TEMPLATES.append(self)

    def __call__(self, **params: object) -> Text:
        return Text(self, params)

    def __repr__(self) -> str:
        return f"Template({self.en!r})"

    def fields(self, lang: str) -> set[str]:
        """The names of the values the wording of `lang` uses."""
        wording = self.zh if is_chinese(lang) else self.en
        return {name for _, name, _, _ in string.Formatter().parse(wording) if name is not None}

    def render(self, params: Mapping[str, object], lang: str) -> str:
        if is_chinese(lang):
            return self.zh.format(**{k: _zh(v) for k, v in params.items()})
        return self.en.format(**{k: _en(v) for k, v in params.items()})


class Text(str):
    """A message: its str value is the English text; `render(lang)` gives it in `lang`."""

    template: Template
    params: Mapping[str, object]

    def __new__(cls, template: Template, params: Mapping[str, object]) -> Text:
        self = super().__new__(cls, template.render(params, "en"))
        self.template = template
        self.params = params
        return self

    def render(self, lang: str) -> str:
        return self.template.render(self.params, lang)

    def __reduce__(self) -> tuple[object, ...]:  # pickling goes through the template, not the str
        return (Text, (self.template, dict(self.params)))


def _en(value: object) -> object:
    if isinstance(value, Text):
        return value
    if isinstance(value, datetime):
        # Platform times read as the back ends show them: Beijing time (+08:00), on every machine.
        return value.astimezone(BEIJING).isoformat() if value.tzinfo is not None else value.isoformat()
    if isinstance(value, tuple | list):
        return ", ".join(str(_en(v)) for v in value)
    return value


def _zh(value: object) -> object:
    if isinstance(value, Text):
        return value.render("zh_CN")
    if isinstance(value, StrEnum):
        labels = LABELS_ZH.get(type(value))
        return labels.get(value.value, value.value) if labels is not None else value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return str(value)
        return value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, tuple | list):
        return "、".join(str(_zh(v)) for v in value)
    return value


def say(message: object, lang: str) -> str:
    """A message for the merchant in `lang`: a `Text` rendered, anything else as `str()`."""
    if isinstance(message, Text):
        return message.render(lang)
    return str(message)


def message_of(exc: BaseException) -> str | Text:
    """An exception's message, keeping it a `Text` when it was raised with one."""
    if len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


__all__ = ["TEMPLATES", "Template", "Text", "is_chinese", "message_of", "say"]
