"""The case detail side panel: countdown, rule, fields, actions, timeline, attachments."""
