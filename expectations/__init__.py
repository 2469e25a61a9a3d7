"""The quality gate: Great Expectations suites the flow runs on every batch before committing it.

Usage, with `batch` = {'articles': df, 'quotes': df, 'entities': df, 'files': df} in warehouse.schema's
columns and `published` the ids of articles committed before this batch (for files touched since):

    gate = Gate()  # once per run: context, suites, validation definitions (a few hundred ms)
    report = gate.validate(batch, today, committed_article_ids=published)
    report.passed  # False when a critical expectation failed: do not commit
    report.describe_failures()  # one line naming the failed expectations and offending rows
    report.rows()  # QUALITY rows, less run_id, batch and evaluated_at
"""

from expectations.gate import Gate
from expectations.report import RECORD_COLUMNS, GateReport, QualityRecord

__all__ = ["RECORD_COLUMNS", "Gate", "GateReport", "QualityRecord"]
