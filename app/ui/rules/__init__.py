"""The Rules screen: the active preset of each platform."""
