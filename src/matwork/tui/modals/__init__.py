"""tui/modals."""
