"""The merchant's own service: reply templates (话术库), agreed follow-ups, the shop's handlers."""
