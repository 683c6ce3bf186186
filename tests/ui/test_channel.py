"""The socket channel between the window's process and the engine's child: whole messages, a clear end."""

from __future__ import annotations

import threading

import pytest

from parallax.ui.channel import Channel, channel_pair


@pytest.fixture
def pair():
    ours, theirs = channel_pair()
    other = Channel(theirs)
    yield ours, other
    ours.close()
    other.close()


@pytest.mark.parametrize(
    "message",
    [
        None,
        ("progress", (1, 3, "Reading…")),
        ("partial", {"text": "é" * 10}),
        ("result", "x" * 3_000_000),  # far over a socket buffer: sent and read in many pieces
    ],
)
def test_a_message_arrives_whole(pair, message):
    ours, other = pair
    sender = threading.Thread(target=ours.send, args=(message,))
    sender.start()
    assert other.recv() == message
    sender.join()


def test_poll_waits_at_most_the_timeout_and_sees_a_waiting_message(pair):
    ours, other = pair
    assert other.poll(0.01) is False
    ours.send(("quit", None))
    assert other.poll(1.0) is True
    assert other.recv() == ("quit", None)


def test_the_other_end_closing_reads_as_end_of_file(pair):
    ours, other = pair
    ours.close()
    assert other.poll(1.0) is True
    with pytest.raises(EOFError):
        other.recv()
