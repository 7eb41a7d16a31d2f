"""tui/player."""
