"""Parallax: compare news coverage by meaning.

The engine lives in :mod:`parallax.core` (no Qt); the desktop app in :mod:`parallax.ui`;
the command line in :mod:`parallax.cli`.
"""

__version__ = "0.1.0"
