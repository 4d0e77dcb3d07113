"""Built-in rules: signoff."""
