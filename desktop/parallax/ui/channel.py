"""Pickled messages over a socket pair, and the command that starts the engine's child on the other end.

The engine's child used to be a ``multiprocessing`` "spawn" process. That costs
every launch about 80 ms of CPU on the way to the first results: importing
multiprocessing in both processes, a third process (multiprocessing's resource
tracker) starting alongside, and the child re-running the parent's main module.
A plain ``subprocess`` child that inherits one end of a socket pair needs none of
it. :class:`Channel` is the part of ``multiprocessing.connection.Connection`` the
engine uses: length-prefixed pickles, a poll with a timeout, EOFError when the
other end has gone.

In an app bundle ``sys.executable`` is the bundle itself, so the child is started
as ``<bundle> --parallax-engine FD`` and the bundle's launcher hands it to
:func:`parallax.ui.engine_process.serve_descriptor` (``packaging/launcher.py``).

May import: the standard library only (the child imports this module first).
"""

from __future__ import annotations

import os
import pickle
import select
import socket
import struct
import sys

# The argument that tells an app bundle's executable to serve the engine instead of opening a window.
ENGINE_FLAG = "--parallax-engine"

_HEADER = struct.Struct("!Q")


class Channel:
    """One end of a socket pair that carries whole pickled objects."""

    def __init__(self, sock: socket.socket) -> None:
        self._socket = sock

    def send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self._socket.sendall(_HEADER.pack(len(data)))
        self._socket.sendall(data)

    def recv(self) -> object:
        """The next message; EOFError when the other end has closed."""
        (size,) = _HEADER.unpack(self._read(_HEADER.size))
        return pickle.loads(self._read(size))

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the other end's closing) is waiting, after at most ``timeout`` seconds."""
        ready, _, _ = select.select([self._socket], [], [], timeout)
        return bool(ready)

    def close(self) -> None:
        self._socket.close()

    def _read(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        done = 0
        while done < size:
            got = self._socket.recv_into(view[done:])
            if got == 0:
                raise EOFError("the other end closed the channel")
            done += got
        return buffer


def channel_pair() -> tuple[Channel, socket.socket]:
    """This process's channel, and the socket the child inherits (close it here once the child has started)."""
    ours, theirs = socket.socketpair()
    theirs.set_inheritable(True)
    return Channel(ours), theirs


def child_command(descriptor: int) -> list[str]:
    """The command line that starts the engine's child on the inherited socket ``descriptor``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, ENGINE_FLAG, str(descriptor)]
    # The parent's sys.path follows as the first message; until then the child only has to find parallax.
    import parallax

    root = os.path.dirname(os.path.dirname(os.path.abspath(parallax.__file__ or "")))
    bootstrap = (
        f"import sys; sys.path.insert(0, {root!r}); "
        f"from parallax.ui.engine_process import serve_descriptor; serve_descriptor({descriptor})"
    )
    return [sys.executable, "-c", bootstrap]
