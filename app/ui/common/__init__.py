"""What every screen shares: the operation primitive, formatting, translations, form and error dialogs."""
