"""The activity report: the organisation's "in numbers" report for any period, from its own records."""

from hamleh.report.service import ActivityReport, activity_report

__all__ = ["ActivityReport", "activity_report"]
