"""`follow-up done` and `templates list|fill|export|import`: the service desk from the command line."""

from __future__ import annotations

import argparse

from app.bootstrap import AppContext
from app.cli.output import follow_up_json, instant, print_json
from app.services.clock import iso_beijing


def follow_up_done(ctx: AppContext, args: argparse.Namespace) -> int:
    at = instant(args.at, "--at") if args.at else None
    done = ctx.follow_ups.settle(args.follow_up_id, args.handler or "", at)
    if args.json:
        print_json(follow_up_json(done, ctx.clock.now()))
    else:
        kept = "kept" if done.status.value == "kept" else "done late"
        print(f"follow-up {done.id} (case {done.case_id}): {kept}, due {iso_beijing(done.due_at)}")
    return 0


def templates_list(ctx: AppContext, args: argparse.Namespace) -> int:
    templates = ctx.templates.all()
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "body": t.body,
                    "stages": list(t.stages),
                    "reasons": list(t.reasons),
                    "platforms": list(t.platforms),
                    "position": t.position,
                }
                for t in templates
            ]
        )
        return 0
    for t in templates:
        fits = ",".join(t.stages) or "any stage"
        print(f"{t.id:>4}  {t.title}  [{fits}]")
    print(f"{len(templates)} template(s)")
    return 0


def templates_fill(ctx: AppContext, args: argparse.Namespace) -> int:
    case_id = ctx.cases.resolve_case_id(args.case_id)
    filled = ctx.templates.fill(args.template_id, case_id, args.handler or "")
    print(filled.text)
    if filled.missing:
        import sys

        print("note: not filled: " + ", ".join(filled.missing), file=sys.stderr)
    return 0


def templates_export(ctx: AppContext, args: argparse.Namespace) -> int:
    n = ctx.templates.export_file(args.file)
    print(f"{n} template(s) written to {args.file}")
    return 0


def templates_import(ctx: AppContext, args: argparse.Namespace) -> int:
    result = ctx.templates.import_file(args.file)
    print(f"{result.added} template(s) added, {result.skipped} already there")
    return 0


def templates_set_field(ctx: AppContext, args: argparse.Namespace) -> int:
    ctx.templates.set_shop_field(args.name, args.value)
    print(f"{{{args.name.strip().strip('{}')}}} = {args.value.strip() or '(removed)'}")
    return 0
