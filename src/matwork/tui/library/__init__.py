"""tui/library."""
