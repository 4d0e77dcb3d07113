"""``python -m gxlint``: the same as the ``gxlint`` command."""

from gxlint.cli import run

if __name__ == "__main__":
    run()
