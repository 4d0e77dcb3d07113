"""Built-in rules: content."""
