"""Messages kept in the database, so that they are shown later in the language of that moment.

The alert log keeps the title and text of every alert and auto-action notice: the window lists
them again after a restart, and auto-action notices are always read back from it before they
are shown. Storing one wording would freeze the language at the moment of writing; so a
`Text` made from a *named* template is stored as JSON, its template's name and its values:

    {"m": "alert.title", "p": {"platform": {"m": "platform.kuaishou", "p": {}}, ...}, "zh": "快手小店 …"}

`load` gives the `Text` back (its str is the English; the window renders it in the UI
language). Values are strings, integers and nested named texts only: times and amounts are
formatted before they go in (they read the same in both languages). "zh" is the Chinese as
written, for whoever reads the database file, and what `load` falls back on if a name is
gone. Names are stored: never rename one. Anything else (text stored before this, a plain
string) is stored and read back as it is.
"""

from __future__ import annotations

import json

from app.services.text.messages import Template, Text

NAMED: dict[str, Template] = {}
_NAME_OF: dict[Template, str] = {}


def named(name: str, *, en: str, zh: str) -> Template:
    """A template whose texts can be stored: `name` goes into the database."""
    if name in NAMED:
        raise ValueError(f"template name {name!r} is used twice")
    template = Template(en=en, zh=zh)
    NAMED[name] = template
    _NAME_OF[template] = name
    return template


def dump(message: str) -> str:
    """What goes into the column: JSON for a text of a named template, else the string itself."""
    if not isinstance(message, Text):
        return message
    record = _encode(message)
    assert isinstance(record, dict)
    record["zh"] = message.render("zh_CN")
    return json.dumps(record, ensure_ascii=False)


def load(stored: str) -> str:
    """What the column holds, as a `Text` again when it was stored as one."""
    if not stored.startswith('{"m":'):
        return stored
    try:
        record = json.loads(stored)
    except ValueError:
        return stored
    try:
        text = _decode(record)
        text.render("zh_CN")  # a template whose fields changed fails here, not in the window
    except (KeyError, TypeError, ValueError, IndexError):
        fallback = record.get("zh") if isinstance(record, dict) else None
        return fallback if isinstance(fallback, str) else stored
    return text


def _encode(value: object) -> object:
    if isinstance(value, Text):
        name = _NAME_OF.get(value.template)
        if name is None:
            raise TypeError(f"{value.template!r} has no name: a text of it cannot be stored")
        return {"m": name, "p": {k: _encode(v) for k, v in value.params.items()}}
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} {value!r}: format it first")


def _decode(record: object) -> Text:
    if not isinstance(record, dict):
        raise TypeError(f"not a stored text: {record!r}")
    params = record["p"]
    if not isinstance(params, dict):
        raise TypeError(f"not the values of a stored text: {params!r}")
    values = {k: _decode(v) if isinstance(v, dict) else v for k, v in params.items()}
    return NAMED[record["m"]](**values)


__all__ = ["NAMED", "dump", "load", "named"]
