"""The cases screen: list, filters, the controller behind its actions, the case and action dialogs, list export."""
