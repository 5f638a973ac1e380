"""Metrics and the Excel report an accountant audits, the dashboard's figures, paid-order counts, monthly export."""
