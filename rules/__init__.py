"""The built-in ``core`` rule pack."""
