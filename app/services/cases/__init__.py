"""Cases: create, act, the platform's auto-actions, edits, shops, attachments, bulk actions, demo data."""
