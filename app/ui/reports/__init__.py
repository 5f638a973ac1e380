"""The Reports screen, paid-order counts, and the monthly auto-export in the running app."""
