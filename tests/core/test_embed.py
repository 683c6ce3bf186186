"""Embedding with a cache: nothing is embedded twice, vectors are unit length, keyed by model."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.core.embed import EmbeddingCache, HashingEmbedder, default_cache_dir, embed


class CountingEmbedder:
    """A fake model: remembers every text it was asked to encode; vectors are deliberately not unit length."""

    def __init__(self, name: str = "fake-model", scale: float = 5.0) -> None:
        self._name = name
        self.scale = scale
        self.calls: list[list[str]] = []
        self._inner = HashingEmbedder(64)

    @property
    def name(self) -> str:
        return self._name

    @property
    def encoded(self) -> list[str]:
        return [t for call in self.calls for t in call]

    def encode(self, texts):
        self.calls.append(list(texts))
        return self._inner.encode(texts) * self.scale + 0.01


TEXTS = [
    "Talks resumed in Istanbul on Tuesday.",
    "Moscow said it would scale back operations near Kyiv.",
    "Oil prices fell after the meeting.",
]


@pytest.fixture
def cache(tmp_path):
    store = EmbeddingCache(tmp_path / "embeddings.sqlite3")
    yield store
    store.close()


def test_second_call_embeds_nothing(cache):
    model = CountingEmbedder()
    first = embed(TEXTS, model, cache)
    assert (first.computed, first.cached) == (3, 0)
    second = embed(TEXTS, model, cache)
    assert (second.computed, second.cached) == (0, 3)
    assert len(model.calls) == 1
    np.testing.assert_allclose(first.vectors, second.vectors, rtol=1e-6)


def test_only_new_texts_are_embedded(cache):
    model = CountingEmbedder()
    embed(TEXTS[:2], model, cache)
    result = embed(TEXTS, model, cache)
    assert model.calls[-1] == [TEXTS[2]]
    assert (result.computed, result.cached) == (1, 2)


def test_the_cache_survives_a_new_process(tmp_path):
    path = tmp_path / "cache" / "embeddings.sqlite3"
    model = CountingEmbedder()
    first = EmbeddingCache(path)
    embed(TEXTS, model, first)
    first.close()
    again = EmbeddingCache(path)
    result = embed(TEXTS, model, again)
    again.close()
    assert result.computed == 0
    assert len(model.calls) == 1


def test_duplicates_are_embedded_once(cache):
    model = CountingEmbedder()
    texts = [TEXTS[0], TEXTS[1], TEXTS[0], TEXTS[0]]
    result = embed(texts, model, cache)
    assert sorted(model.encoded) == sorted([TEXTS[0], TEXTS[1]])
    assert result.vectors.shape[0] == 4
    np.testing.assert_array_equal(result.vectors[0], result.vectors[2])
    np.testing.assert_array_equal(result.vectors[0], result.vectors[3])


def test_duplicates_are_embedded_once_without_a_cache():
    model = CountingEmbedder()
    result = embed([TEXTS[0], TEXTS[0]], model, None)
    assert model.encoded == [TEXTS[0]]
    assert result.vectors.shape[0] == 2


@pytest.mark.parametrize("scale", [0.001, 1.0, 5.0, 1000.0])
def test_vectors_are_unit_length(cache, scale):
    result = embed(TEXTS, CountingEmbedder(scale=scale), cache)
    np.testing.assert_allclose(np.linalg.norm(result.vectors, axis=1), 1.0, rtol=1e-5)
    cached = embed(TEXTS, CountingEmbedder(scale=scale), cache)
    np.testing.assert_allclose(np.linalg.norm(cached.vectors, axis=1), 1.0, rtol=1e-5)


def test_rows_follow_the_input_order(cache):
    model = CountingEmbedder()
    embed(TEXTS, model, cache)
    backwards = embed(list(reversed(TEXTS)), model, cache)
    forwards = embed(TEXTS, model, cache)
    np.testing.assert_allclose(backwards.vectors, forwards.vectors[::-1], rtol=1e-6)


def test_the_cache_is_keyed_by_model_name(cache):
    one, other = CountingEmbedder("model-one"), CountingEmbedder("model-two")
    embed(TEXTS, one, cache)
    result = embed(TEXTS, other, cache)
    assert result.computed == 3
    assert other.encoded == TEXTS
    assert cache.count("model-one") == 3 and cache.count("model-two") == 3
    assert embed(TEXTS, one, cache).computed == 0


def test_no_texts_means_no_model_call(cache):
    model = CountingEmbedder()
    result = embed([], model, cache)
    assert model.calls == []
    assert result.vectors.shape[0] == 0


def test_a_text_differing_by_one_character_is_a_new_text(cache):
    model = CountingEmbedder()
    embed(["Talks resumed."], model, cache)
    assert embed(["Talks resumed!"], model, cache).computed == 1


def test_default_cache_dir_honours_parallax_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    assert EmbeddingCache.default().path.parent == tmp_path / "mine"


def test_default_cache_dir_honours_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.delenv("PARALLAX_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = default_cache_dir()
    assert folder.is_relative_to(tmp_path / "xdg")
    assert "parallax" in folder.parts


def test_parallax_cache_dir_wins_over_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_tests_never_use_the_users_cache(cache_dir):
    assert default_cache_dir() == cache_dir


@pytest.mark.parametrize(
    ("a", "b", "closer"),
    [
        ("Oil prices fell sharply.", "Oil prices fell.", "The weather was sunny in Madrid."),
        ("Troops withdrew from Kyiv.", "The troops withdrew from around Kyiv.", "Markets rallied."),
    ],
)
def test_hashing_embedder_sees_shared_words(a, b, closer):
    vectors = embed([a, b, closer], HashingEmbedder(), None).vectors
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
