"""Persistence: typed ORM entities, enums, engine and migrations. No Qt here."""
