"""Qt widgets, item models, dialogs and the tray. Business rules live in app.services."""
