"""matwork's screens: library (the default), safety notice, yes/no confirmation."""
