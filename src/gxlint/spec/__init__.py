"""gxlint subpackage."""
