"""The service desk's screens: the current handler, the reply-template editor."""
