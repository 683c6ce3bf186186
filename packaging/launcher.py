"""The app bundle's entry point: what ``dist/parallax/parallax`` runs (PyInstaller's script).

The app's engine runs in a child process (``parallax.ui.engine_process``), and in a
bundle that child is this executable again. On Linux and macOS it is started as
``parallax --parallax-engine FD`` and must serve the engine on that socket and exit,
not open a second window. On Windows the child is a multiprocessing "spawn" process,
started with multiprocessing's own arguments, which ``freeze_support()`` handles.
"""

import sys

if __name__ == "__main__":
    from parallax.ui.channel import ENGINE_FLAG

    if len(sys.argv) == 3 and sys.argv[1] == ENGINE_FLAG:
        from parallax.ui.engine_process import serve_descriptor

        serve_descriptor(int(sys.argv[2]))
        sys.exit(0)
    if sys.platform == "win32":
        import multiprocessing

        multiprocessing.freeze_support()
    from parallax.cli import main

    sys.exit(main())
