"""Shared test helpers: one package, imported as ``from helpers.<module> import ...``."""
