"""Built-in rules: tables."""
