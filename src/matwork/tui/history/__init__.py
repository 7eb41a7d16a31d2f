"""tui/history."""
