"""Lark grammar files for gxlint (package data)."""
