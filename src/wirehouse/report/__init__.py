"""The HTML report (`wirehouse report`): charts of the warehouse's views in one self-contained page."""

from wirehouse.report.build import build_report, default_output
from wirehouse.report.queries import ReportQueryError

__all__ = ["ReportQueryError", "build_report", "default_output"]
