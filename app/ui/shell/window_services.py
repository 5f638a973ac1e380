"""The services the window uses once the database is open (imported after the first paint)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from app.bootstrap import AppContext
from app.models.db import DB_FILE_NAME
from app.services.cases.attachments import AttachmentService
from app.services.cases.edits import CaseEdits
from app.services.listing.case_list import CaseListQuery
from app.services.reports.dashboard import DashboardService


@dataclass
class WindowServices:
    ctx: AppContext
    case_list: CaseListQuery
    edits: CaseEdits
    attachments: AttachmentService
    dashboard: DashboardService

    @classmethod
    def of(cls, ctx: AppContext, tz: tzinfo) -> WindowServices:
        return cls(
            ctx=ctx,
            case_list=CaseListQuery(ctx.data_dir / DB_FILE_NAME),
            edits=CaseEdits(ctx.sessions, ctx.clock),
            attachments=AttachmentService(ctx.sessions, ctx.clock, ctx.data_dir / "attachments"),
            dashboard=DashboardService(ctx.sessions, ctx.clock, tz),
        )
