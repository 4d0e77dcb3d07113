"""Tests of the configuration layer (gxlint.config)."""
