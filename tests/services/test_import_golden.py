"""Golden files: every preset's .xlsx and .csv export imports to the outcomes written beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import Platform

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".csv", ".xlsx"))


def test_every_preset_has_a_csv_and_an_xlsx_golden_file() -> None:
    names = {p.name for p in FILES}
    for platform in Platform:
        assert {f"{platform.value}.csv", f"{platform.value}.xlsx"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_golden_file_imports_as_expected_and_twice_is_a_no_op(path: Path, ctx: AppContext) -> None:
    expected = json.loads((DATA / f"{path.name}.expected.json").read_text(encoding="utf-8"))
    importer = ctx.importer
    given = Platform(expected["platform_arg"]) if expected["platform_arg"] else None

    result = importer.import_file(path, platform=given)

    plan = result.plan
    assert plan.platform.value == expected["platform"]
    assert plan.header_line == expected["header_row"]
    assert plan.encoding == expected["encoding"]
    assert plan.counts() == expected["counts"]
    got = {
        str(r.line): {
            "aftersale_no": r.aftersale_no,
            "outcome": r.outcome.value,
            "to_stage": r.to_stage.value if r.to_stage else None,
            "problems": [p.kind.value for p in r.problems],
        }
        for r in plan.rows
    }
    assert got == expected["rows"]
    assert len(ctx.queries.list_cases()) == expected["counts"]["new"]
    assert plan.skipped_lines, "the totals row is set aside, not reported as a bad row"

    again = importer.import_file(path, platform=given).plan.counts()
    assert again == {
        "new": 0,
        "update": 0,
        "unchanged": expected["counts"]["new"],
        "error": expected["counts"]["error"],
        "merged": 0,
    }
    assert ctx.cases.recompute_check() == []
