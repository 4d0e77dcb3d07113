"""Errors raised while assembling rule packs.

NOTE: ``gxlint.errors`` will own the exception tree; this :class:`PluginError` is a plain
stand-in with the same meaning (exit 2) until the lead unifies the two.
"""

from __future__ import annotations


class PluginError(Exception):
    """Two packs claim the same code, prefix or name, or a pack uses ``GX`` outside ``core``.

    ``packs`` names every pack involved (both claimants), so the message and any machine
    output can say whom to blame.
    """

    def __init__(self, message: str, *, packs: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.packs = packs
