"""tui/builder."""
