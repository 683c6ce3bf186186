"""The exception a cancelled background job raises.

Its own module, without Qt, so that the engine's child process (which imports
:mod:`parallax.ui.engine_process`) need not import Qt to know it.

May import: nothing.
"""

from __future__ import annotations


class Cancelled(Exception):
    """Raised inside a job that noticed it was cancelled."""
