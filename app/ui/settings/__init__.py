"""Window settings: declared keys, the typed store, the settings dialog."""
