"""The app's frame: GUI entry point, main window, tray life cycle, first run, single instance, self-test."""
