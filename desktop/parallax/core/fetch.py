"""Fetch one web page over HTTP(S), only when the user asks for a URL: a time limit and a size cap.

Entry points: :func:`is_url` (is this argument a web address?) and
:func:`fetch` (the page's bytes and how they are encoded). Only ``http`` and
``https`` are fetched, also after a redirect. The body is read in chunks and
the download stops as soon as it passes the size cap; a server that is slow to
answer, or that trickles its answer, is given up on once the time limit has
passed. Nothing else in Parallax touches the network.

May import: the standard library, ``parallax.core.extracted``.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from parallax import __version__
from parallax.core.extracted import ReadError

if TYPE_CHECKING:
    import urllib.request
    from email.message import Message

# urllib.request and http.client are imported by the functions that fetch: every file a user opens
# asks :func:`is_url` first, and importing them costs about 20 ms that a file never needs.

USER_AGENT = f"Parallax/{__version__} (news comparison; one page on request)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchConfig:
    """How long to wait for a page, and how large it may be."""

    timeout_s: float = 20.0
    max_bytes: int = 20 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: the address it came from after redirects, its bytes and declared type."""

    url: str
    data: bytes
    content_type: str = ""
    charset: str | None = None


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) address (the only kind Parallax fetches)."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _opener() -> urllib.request.OpenerDirector:
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            if not is_url(newurl):
                raise ReadError(f"the page redirects to {newurl[:80]}, which is not a web address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    # Only what a web page needs: no file:, ftp: or data: handlers.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        HttpOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, config: FetchConfig = FetchConfig(), cancelled: Callable[[], bool] | None = None) -> Fetched:
    """Download ``url``; :class:`ReadError` with a one-line reason on any failure.

    ``cancelled`` is polled between chunks; when it returns true the download stops.
    """
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    url = url.strip()
    if not is_url(url):
        raise ReadError("only http:// and https:// addresses can be opened")
    deadline = time.monotonic() + config.timeout_s
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        with _opener().open(request, timeout=config.timeout_s) as response:
            headers: Message = response.headers
            declared = headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > config.max_bytes:
                raise ReadError(_too_large(int(declared), config.max_bytes))
            data = _read_capped(response, config, deadline, cancelled)
            return Fetched(
                url=response.geturl() or url,
                data=data,
                content_type=headers.get_content_type() if headers.get("Content-Type") else "",
                charset=headers.get_content_charset(),
            )
    except ReadError:
        raise
    except urllib.error.HTTPError as error:
        raise ReadError(f"the server answered {error.code} {one_reason(error.reason)}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise ReadError(f"no answer within {config.timeout_s:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise ReadError(f"cannot find the server {urlsplit(url).hostname} (offline?)") from None
        raise ReadError(f"cannot reach the page ({one_reason(reason)})") from None
    except TimeoutError:
        raise ReadError(f"no answer within {config.timeout_s:g} s") from None
    except (HTTPException, OSError, ValueError) as error:
        raise ReadError(f"the download failed ({one_reason(error)})") from None


def _read_capped(
    response: IO[bytes], config: FetchConfig, deadline: float, cancelled: Callable[[], bool] | None
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    # read1 returns what one receive brings, so a server that trickles its answer meets the deadline.
    read = getattr(response, "read1", response.read)
    while True:
        if cancelled is not None and cancelled():
            raise ReadError("the download was cancelled")
        if time.monotonic() > deadline:
            raise ReadError(f"the page did not arrive within {config.timeout_s:g} s")
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > config.max_bytes:
            raise ReadError(_too_large(size, config.max_bytes, more=True))
        chunks.append(chunk)


def _too_large(size: int, cap: int, more: bool = False) -> str:
    amount = f"more than {cap / 1_048_576:.0f} MB" if more else f"{size / 1_048_576:.1f} MB"
    return f"the page is {amount}; Parallax downloads pages up to {cap / 1_048_576:.0f} MB"


def one_reason(reason: object) -> str:
    text = " ".join(str(reason).split())
    return text[:120] or reason.__class__.__name__
