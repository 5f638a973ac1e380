"""Insert many rows with one driver executemany, converting values with the columns' own types.

Core's `session.execute(insert(t), rows)` builds a parameter dict per row and runs the
bind processors through it: on a 50,000-row import that bookkeeping costs more than
SQLite's own work. Here the column types' bind processors (UTCDateTime, Money, JSON, …)
are fetched once and applied to plain tuples, so what is stored is exactly what Core
would store; tables whose missing columns have Python-side defaults go through Core.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row (all rows with the same keys as the first) in one executemany."""
    if not rows:
        return
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    connection = session.connection()
    dialect = connection.dialect
    defaults = any(c.default is not None for c in table.c if c.name not in rows[0])
    if defaults or dialect.paramstyle != "qmark":  # Core applies the defaults / knows other drivers
        session.execute(insert(table), list(rows))
        return
    converters = [
        (i, p)
        for i, p in enumerate(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns)
        if p is not None
    ]
    converted: list[tuple[Any, ...]] = []
    for row in rows:
        values = [row[n] for n in names]
        for i, convert in converters:
            values[i] = convert(values[i])
        converted.append(tuple(values))
    preparer = dialect.identifier_preparer
    sql = (
        f"INSERT INTO {preparer.format_table(table)} "
        f"({', '.join(preparer.format_column(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(sql, converted)


__all__ = ["insert_many"]
