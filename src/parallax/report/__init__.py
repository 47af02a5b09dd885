"""Reports: the versioned JSON document, and Markdown and self-contained HTML views of it."""

from parallax.report.json_report import SCHEMA_VERSION, analysis_record, build_report

__all__ = ["SCHEMA_VERSION", "analysis_record", "build_report"]
