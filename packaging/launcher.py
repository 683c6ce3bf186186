"""The app bundle's entry point: what ``dist/parallax/parallax`` runs (PyInstaller's script).

``multiprocessing.freeze_support()`` must come first. The app's engine runs in a
spawned child process (``parallax.ui.engine_process``), and in a bundle that child
is this executable again, started with multiprocessing's own arguments: it must
serve the engine and exit, not open a second window.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from parallax.cli import main

    sys.exit(main())
