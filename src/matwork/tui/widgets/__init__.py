"""Small widgets: the balance bar, filter chips and the routine preview."""
