"""The activity report: the organisation's "in numbers" report for any period, from its own records."""
