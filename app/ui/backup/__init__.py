"""Backups in the window: back up, restore, and the database check before the window opens."""
