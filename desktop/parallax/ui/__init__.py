"""The desktop app (PySide6): a thin layer over :mod:`parallax.core`. Start it with :func:`parallax.ui.app.run`."""
