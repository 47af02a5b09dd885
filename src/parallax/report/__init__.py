"""Reports: the versioned JSON document, and Markdown and self-contained HTML views of it."""

from parallax.record import SCHEMA_VERSION
from parallax.report.json_report import analysis_record, build_report

__all__ = ["SCHEMA_VERSION", "analysis_record", "build_report"]
