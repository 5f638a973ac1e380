"""The reply-template file: what export writes and import reads (JSON, UTF-8), to share with a
second shop. The starter set in resources/templates/ is one of these.

    {"format": "aftersales-sentinel.reply-templates", "version": 1,
     "templates": [{"title": "…", "body": "…", "stages": ["awaiting_merchant"], "reasons": [], "platforms": []}]}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.enums import Platform, Reason, Stage
from app.services.errors import InvalidInput
from app.services.service_desk.messages import BAD_TEMPLATE_ENTRY, NOT_A_TEMPLATE_FILE, UNKNOWN_VALUE
from app.services.service_desk.template_fill import TemplateView

FORMAT = "aftersales-sentinel.reply-templates"
VERSION = 1
_KINDS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("stages", frozenset(s.value for s in Stage), "stage"),
    ("reasons", frozenset(r.value for r in Reason), "reason"),
    ("platforms", frozenset(p.value for p in Platform), "platform"),
)


@dataclass(frozen=True)
class TemplateDraft:
    """A template as the merchant writes it (no id, no place yet)."""

    title: str
    body: str
    stages: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()


def dumps(templates: Sequence[TemplateView | TemplateDraft]) -> str:
    items = [
        {
            "title": t.title,
            "body": t.body,
            "stages": list(t.stages),
            "reasons": list(t.reasons),
            "platforms": list(t.platforms),
        }
        for t in templates
    ]
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "templates": items}, ensure_ascii=False, indent=2
    )


def loads(text: str, name: str) -> list[TemplateDraft]:
    """The drafts of a template file; InvalidInput naming the file and the entry otherwise."""
    try:
        data: Any = json.loads(text)
    except ValueError as e:
        raise InvalidInput(NOT_A_TEMPLATE_FILE(file=name, problem=str(e))) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(NOT_A_TEMPLATE_FILE(file=name, problem=f"format is not {FORMAT!r}"))
    if data.get("version") != VERSION or not isinstance(data.get("templates"), list):
        raise InvalidInput(
            NOT_A_TEMPLATE_FILE(file=name, problem=f"expected version {VERSION} with a template list")
        )
    drafts = []
    for index, item in enumerate(data["templates"], start=1):
        if not isinstance(item, dict):
            raise InvalidInput(BAD_TEMPLATE_ENTRY(index=index, file=name, problem="not an object"))
        title, body = item.get("title"), item.get("body")
        if not isinstance(title, str) or not isinstance(body, str) or not title.strip() or not body.strip():
            raise InvalidInput(BAD_TEMPLATE_ENTRY(index=index, file=name, problem="needs a title and a body"))
        chosen: dict[str, tuple[str, ...]] = {}
        for key, allowed, what in _KINDS:
            values = item.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise InvalidInput(
                    BAD_TEMPLATE_ENTRY(index=index, file=name, problem=f"{key} must be a list")
                )
            for v in values:
                if v not in allowed:
                    raise InvalidInput(
                        BAD_TEMPLATE_ENTRY(index=index, file=name, problem=UNKNOWN_VALUE(what=what, value=v))
                    )
            chosen[key] = tuple(values)
        drafts.append(
            TemplateDraft(
                title.strip(), body.strip(), chosen["stages"], chosen["reasons"], chosen["platforms"]
            )
        )
    return drafts


def read(path: Path) -> list[TemplateDraft]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(NOT_A_TEMPLATE_FILE(file=path.name, problem=str(e))) from None
    return loads(text, path.name)
