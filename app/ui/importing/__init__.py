"""The import wizard and the File → Import flow."""
