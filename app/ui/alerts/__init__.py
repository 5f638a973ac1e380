"""Alerts in the window and the tray, the away summary, and the Qt side of scheduling."""
