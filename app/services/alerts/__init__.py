"""Alerts before the platform's auto-actions, notices after them, the catch-up summary: plan, words, log."""
