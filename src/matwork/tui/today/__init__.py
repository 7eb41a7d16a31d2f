"""Today: the active programme's day, and the morning check-in."""
