"""The read side: the case list, filters, urgency (which clock a case shows), what is due, list export."""
