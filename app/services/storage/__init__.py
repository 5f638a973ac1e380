"""Keeping the database safe: backups and restore, integrity checks and what to tell the merchant, log files."""
