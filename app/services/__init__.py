"""The domain: rules, workflow, deadlines, cases. Never imports Qt."""
