"""The self-assessment on screen: the red-flag check, the test sets, the findings."""
