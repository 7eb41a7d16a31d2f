"""The Textual interface of matwork."""
