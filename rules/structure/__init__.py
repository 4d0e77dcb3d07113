"""Built-in rules: structure."""
