"""Built-in rules: typography."""
