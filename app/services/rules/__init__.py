"""The platform's rules: presets (durations, clocks), the workflow state machine, the deadline engine."""
