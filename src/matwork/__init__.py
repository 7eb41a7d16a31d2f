"""matwork: a terminal workout player for back health."""

__version__ = "0.1.0"
