"""The ``--plain`` player's parts: its lines, its terminal, its questions and its loop.

``matwork.cli.play_plain`` puts them together. Output is line-based throughout: no
cursor movement and no redraws, so a screen reader reads each line once.
"""
