"""User settings declared once, first start, start with the computer; the window's settings file read without Qt."""
