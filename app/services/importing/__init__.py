"""Import the after-sales exports that platform back ends and ERPs produce (.xlsx, .csv).

reading → records (via mapping and parsing) → planning (pure) → applying (one transaction).
`Importer` in service.py ties them together; no Qt anywhere here.
"""

from app.services.importing.applying import ImportAborted
from app.services.importing.mapping import FIELDS, REQUIRED_FIELDS, MappingBook
from app.services.importing.planning import Outcome, RowPlan
from app.services.importing.reading import ENCODING_CHOICES, ImportFileError
from app.services.importing.records import ProblemKind, RowProblem
from app.services.importing.service import Importer, ImportPlan, ImportResult

__all__ = [
    "ENCODING_CHOICES",
    "FIELDS",
    "REQUIRED_FIELDS",
    "ImportAborted",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "Importer",
    "MappingBook",
    "Outcome",
    "ProblemKind",
    "RowPlan",
    "RowProblem",
]
