"""jieba's dictionary loaded from our sliced cache (ui stall fix) is jieba's own dictionary."""

from __future__ import annotations

import types
from pathlib import Path

import jieba
import pytest

from agentdesk.knowledge import text


def _fake_jieba() -> types.SimpleNamespace:
    """The jieba module's face with a tokenizer of its own (the shared one stays as it is)."""
    return types.SimpleNamespace(
        dt=jieba.Tokenizer(),
        DEFAULT_DICT=jieba.DEFAULT_DICT,
        DEFAULT_DICT_NAME=jieba.DEFAULT_DICT_NAME,
        __file__=jieba.__file__,
        __version__=jieba.__version__,
    )


@pytest.fixture(scope="module")
def reference() -> tuple[dict[str, int], int]:
    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as f:
        return tokenizer.gen_pfdict(f)


def test_built_then_cached_dictionary_is_jiebas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: tuple[dict[str, int], int]
) -> None:
    monkeypatch.setenv("AGENTDESK_HOME", str(tmp_path))
    fake = _fake_jieba()
    cache = text._dictionary_cache(fake)
    assert cache is not None and not cache.exists()
    text._load_dictionary(fake)  # no cache yet: parsed from dict.txt, then written
    assert cache.exists()
    assert fake.dt.initialized and (fake.dt.FREQ, fake.dt.total) == reference
    again = _fake_jieba()
    text._load_dictionary(again)  # from the slices
    assert (again.dt.FREQ, again.dt.total) == reference
    sentence = "我的订单退款什么时候到账"
    assert again.dt.lcut_for_search(sentence) == jieba.lcut_for_search(sentence)


def test_damaged_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: tuple[dict[str, int], int]
) -> None:
    monkeypatch.setenv("AGENTDESK_HOME", str(tmp_path))
    fake = _fake_jieba()
    cache = text._dictionary_cache(fake)
    assert cache is not None
    text._write_slices(cache, *reference)
    cache.write_bytes(cache.read_bytes()[:-100])  # truncated
    assert text._read_slices(cache) is None
    text._load_dictionary(fake)
    assert (fake.dt.FREQ, fake.dt.total) == reference
    assert text._read_slices(cache) == reference  # written again, whole


def test_unwritable_cache_folder_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: tuple[dict[str, int], int]
) -> None:
    (tmp_path / "data").write_text("not a folder")  # the cache folder cannot be made
    monkeypatch.setenv("AGENTDESK_HOME", str(tmp_path))
    fake = _fake_jieba()
    text._load_dictionary(fake)
    assert (fake.dt.FREQ, fake.dt.total) == reference
