"""Word-level difference of two texts with diff-match-patch, semantic cleanup on.

Entry point: :func:`word_diff`. Each word, run of spaces or punctuation mark
becomes one symbol (the "lines to chars" trick of diff-match-patch, applied to
words), so the diff never cuts a word in half; semantic cleanup then merges
small coincidental equalities into readable replacements. Options ignore case
or punctuation when deciding what is equal; the text shown is always the
original.

Google's C++ implementation (``fast_diff_match_patch``) does the work when its
wheel is installed, 20-30 times faster than the pure-Python port, which stays as
the fallback; both run the same algorithm and give the same runs.

May import: the standard library, diff_match_patch, fast_diff_match_patch,
``parallax.core.tokens``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

try:
    import fast_diff_match_patch as _native
except ImportError:  # pragma: no cover - the wheel exists for the platforms we ship
    _native = None

from parallax.core.tokens import TOKEN

DELETE, EQUAL, INSERT = -1, 0, 1


@dataclass(frozen=True)
class DiffConfig:
    """What counts as different; ``timeout`` bounds diff-match-patch in seconds."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    semantic_cleanup: bool = True
    timeout: float = 1.0


@dataclass(frozen=True)
class DiffOp:
    """One run of the diff: ``op`` is -1 (only in a), 0 (both) or 1 (only in b).

    ``a_start``/``b_start`` are offsets of the run in ``a`` and ``b`` (for an
    insertion, ``a_start`` is where it would go in ``a``, and vice versa).
    """

    op: int
    text: str
    a_start: int
    b_start: int


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in TOKEN.finditer(text)]


def _key(token: str, config: DiffConfig) -> str:
    key = token.lower() if config.ignore_case else token
    if config.ignore_punctuation and not any(ch.isalnum() for ch in token):
        return " " if not token.isspace() else token
    if key.isspace():
        return " "
    return key


_OPS = {"-": DELETE, "=": EQUAL, "+": INSERT}


@lru_cache(maxsize=1)
def _engine() -> diff_match_patch:
    return diff_match_patch()


def _symbol_diff(a: str, b: str, config: DiffConfig, native: bool) -> list[tuple[int, str]]:
    """diff-match-patch over two symbol strings, as ``(op, symbols)`` pairs."""
    if native and _native is not None:
        cleanup = "Semantic" if config.semantic_cleanup else "No"
        raw = _native.diff(a, b, timelimit=config.timeout, checklines=False, cleanup=cleanup, counts_only=False)
        return [(_OPS[op], text) for op, text in raw]
    engine = _engine()
    engine.Diff_Timeout = config.timeout
    diffs = engine.diff_main(a, b, False)
    if config.semantic_cleanup:
        engine.diff_cleanupSemantic(diffs)
    return diffs


@lru_cache(maxsize=4096)
def word_diff(a: str, b: str, config: DiffConfig = DiffConfig(), *, native: bool = True) -> tuple[DiffOp, ...]:
    """Return the runs that turn ``a`` into ``b``, word by word.

    Results are memoised: the claims check and the displayed diff of a link ask
    for the same pair, and a threshold change re-asks for most pairs.
    ``native=False`` forces the pure-Python port (used to check both agree).
    """
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    symbols: dict[str, str] = {}

    def encode(tokens: list[tuple[str, int]]) -> str:
        out = []
        for token, _ in tokens:
            key = _key(token, config)
            if key not in symbols:
                symbols[key] = chr(0xE000 + len(symbols)) if len(symbols) < 6400 else chr(0xF0000 + len(symbols))
            out.append(symbols[key])
        return "".join(out)

    diffs = _symbol_diff(encode(tokens_a), encode(tokens_b), config, native)
    runs: list[DiffOp] = []
    ia = ib = 0
    for op, symbols_run in diffs:
        count = len(symbols_run)
        piece = tokens_a[ia : ia + count] if op in (EQUAL, DELETE) else tokens_b[ib : ib + count]
        text = "".join(t for t, _ in piece)
        a_pos = tokens_a[ia][1] if ia < len(tokens_a) else len(a)
        b_pos = tokens_b[ib][1] if ib < len(tokens_b) else len(b)
        if op in (EQUAL, DELETE):
            ia += count
        if op in (EQUAL, INSERT):
            ib += count
        if not text:
            continue
        if config.ignore_punctuation and op != EQUAL and not any(ch.isalnum() for ch in text):
            # Punctuation is not a difference here: show the article's marks as shared text.
            if op == DELETE:
                runs.append(DiffOp(EQUAL, text, a_pos, b_pos))
            continue
        runs.append(DiffOp(op, text, a_pos, b_pos))
    return tuple(runs)


def changed_spans(runs: tuple[DiffOp, ...]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans in ``a`` deleted and in ``b`` inserted, for highlighting."""
    deleted = [(r.a_start, r.a_start + len(r.text)) for r in runs if r.op == DELETE and r.text.strip()]
    inserted = [(r.b_start, r.b_start + len(r.text)) for r in runs if r.op == INSERT and r.text.strip()]
    return deleted, inserted
