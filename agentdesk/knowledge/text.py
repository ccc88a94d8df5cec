"""Text analysis shared by search and triage: normalising, language detection and tokens.

English words are case-folded, stop words dropped and a light suffix stemmer applied, so that
"refunds", "refunded" and "refunding" meet. Chinese runs are segmented by jieba (search mode, which
also yields the shorter words inside long ones) and, for robustness against segmentation
mismatches between a query and an article, each run also gives its character bigrams.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import logging
import marshal
import os
import re
import struct
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# Messages longer than this are cut before analysis (a pasted log or a 1 MB blob must not stall
# the console); the head of a message carries its intent.
MAX_ANALYSED_CHARS = 20_000

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:['’][a-z]+)?")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_LATIN_CHAR = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_EN_STOP = """a an the and or but if then so of to in on at by for with from as into onto about over after
    before up down out off again is am are was were be been being do does did doing have has had
    having i me my mine myself we us our you your yours he him his she her it its they them their
    this that these those there here what which who whom whose when where why how all any both
    each few more most other some such only own same than too very s t can will just should now
    would could shall may might must also please hi hello dear thanks thank regards im ive id
    yes no not don't can't won't isn't didn't doesn't it's i'm i've i'd that's there's what's
    get got just still yet ok okay via per"""
EN_STOPWORDS = frozenset(_EN_STOP.split())

_ZH_STOP = (
    "的 了 吗 呢 吧 啊 呀 哦 嗯 是 在 我 你 他 她 它 们 我们 你们 他们 这 那 这个 那个 就 都 也 还 又 "
    "和 与 及 或 而 但 把 被 给 让 对 从 到 为 以 于 之 着 过 么 什么 怎么 怎样 如何 "
    "请 请问 您 一下 一个 有 没 没有 能 可以 会 要 想 已经 一直 现在 今天 "
    "麻烦 谢谢 好 吧 啦 嘛 哈 个 上 下 里 中"
)
ZH_STOPWORDS = frozenset(_ZH_STOP.split())

_jieba_lock = threading.Lock()
_jieba_ready = False

# jieba's own start (``initialize``) reads its prefix dictionary (~500k words) with one
# ``marshal.load`` that holds the GIL for 0.1-0.4 s: a frozen UI when it runs on a helper thread.
# Instead the dictionary is kept in a cache of our own in small slices, each loaded by a short C call
# with the GIL let go between them; the first build (no cache yet) is jieba's own pure-Python parse.
_SLICE_WORDS = 5000
_CACHE_MAGIC = b"agentdesk-jieba-1\n"


def _jieba() -> object:
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.setLogLevel(logging.WARNING)
                _load_dictionary(jieba)
                _jieba_ready = True
    return jieba


def _dictionary_cache(jieba: object) -> Path | None:
    """Where the sliced dictionary of this jieba's default dictionary lives (per user, per file)."""
    from agentdesk.config.paths import app_paths

    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)  # type: ignore[attr-defined]
    try:
        st = source.stat()
    except OSError:
        return None
    tag = f"{jieba.__version__}:{st.st_size}:{st.st_mtime_ns}".encode()  # type: ignore[attr-defined]
    return app_paths().data_dir / "cache" / f"jieba-{hashlib.sha256(tag).hexdigest()[:16]}.slices"


def _load_dictionary(jieba: object) -> None:
    """Give jieba's default tokenizer its prefix dictionary without a long hold of the GIL."""
    tokenizer = jieba.dt  # type: ignore[attr-defined]
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:  # type: ignore[attr-defined]
        tokenizer.check_initialized()  # a custom dictionary: jieba's own way
        return
    cache = _dictionary_cache(jieba)
    loaded = _read_slices(cache) if cache is not None else None
    if loaded is None:
        # Read at once, then parsed in memory: a parse reading its file line by line lets go of the
        # GIL at every 8 KB read and takes it straight back, which starves a waiting UI thread.
        with tokenizer.get_dict_file() as f:
            whole = io.BytesIO(f.read())
        freq, total = tokenizer.gen_pfdict(whole)  # Python code: the GIL changes hands every 5 ms
        if cache is not None:
            _write_slices(cache, freq, total)
    else:
        freq, total = loaded
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True


def _read_slices(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        blob = path.read_bytes()  # one read; the GIL is let go while it waits for the disk
    except OSError:
        return None
    if not blob.startswith(_CACHE_MAGIC):
        return None
    try:
        view = memoryview(blob)[len(_CACHE_MAGIC) :]
        head, rest = view[:12], view[12:]
        total, count = struct.unpack("<QI", head)
        sizes = struct.unpack(f"<{count}I", rest[: 4 * count])
        at = 4 * count
        freq: dict[str, int] = {}
        for size in sizes:
            freq.update(marshal.loads(rest[at : at + size]))
            at += size
            time.sleep(0)  # let the UI thread run between slices
        if at != len(rest):
            raise ValueError("trailing bytes")
    except (ValueError, EOFError, TypeError, struct.error):
        log.warning("jieba dictionary cache %s is unreadable; rebuilding it", path)
        return None
    return freq, total


def _write_slices(path: Path, freq: dict[str, int], total: int) -> None:
    items = iter(freq.items())
    slices = []
    while piece := dict(itertools.islice(items, _SLICE_WORDS)):
        slices.append(marshal.dumps(piece))
        time.sleep(0)
    head = struct.pack(f"<QI{len(slices)}I", total, len(slices), *(len(s) for s in slices))
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(_CACHE_MAGIC + head)
            for piece in slices:
                out.write(piece)
        os.replace(tmp, path)
    except OSError:
        log.info("jieba dictionary cache not written to %s", path, exc_info=True)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), case-folded, control characters removed, length capped."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    text = text[:MAX_ANALYSED_CHARS]
    return _CONTROL.sub(" ", unicodedata.normalize("NFKC", text)).casefold()


def detect_lang(text: str) -> str:
    """'zh' when Chinese characters make up a fair share of the letters, else 'en'."""
    sample = text[:2000]
    cjk = len(_CJK_CHAR.findall(sample))
    latin = len(_LATIN_CHAR.findall(sample))
    return "zh" if cjk and cjk * 3 >= latin else "en"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: inflections only (plurals, -ed, -ing, -ly), never below 3 letters."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if "'" in w:
        return w
    n = len(w)
    if n <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and n > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stop, shipping -> ship
            return base
    if w.endswith("e") and len(w) > 4 and not w.endswith(("ee", "ie", "ye")):
        w = w[:-1]  # charge/charged/charging -> charg-
    return w


def _stem_all(word: str) -> str:
    s = stem(word)
    if s.endswith("e") and len(s) > 4 and not s.endswith(("ee", "ie", "ye")):
        s = s[:-1]
    return s


def _cjk_words(run: str) -> list[str]:
    jieba = _jieba()
    return [w for w in jieba.lcut_for_search(run) if w.strip() and w not in ZH_STOPWORDS]  # type: ignore[attr-defined]


def runs(text: str) -> Iterator[tuple[bool, str]]:
    """(is_chinese, run) pairs of a normalised text."""
    for match in _RUN.finditer(text):
        run = match.group()
        yield bool(_CJK_CHAR.match(run)), run


def word_tokens(text: str, *, bigrams: bool = True) -> list[str]:
    """Index/query terms of ``text``: stemmed English words and jieba words (+ bigrams) for Chinese."""
    out: list[str] = []
    for chinese, run in runs(normalise(text)):
        if chinese:
            out.extend(_cjk_words(run))
            if bigrams and len(run) > 2:
                out.extend("_" + run[i : i + 2] for i in range(len(run) - 1))
        elif run not in EN_STOPWORDS:
            out.append(_stem_all(run))
    return out


def english_stems(text: str) -> list[str]:
    """Every English word of a normalised text stemmed, stop words kept (for phrase matching)."""
    return [_stem_all(run) for chinese, run in runs(text) if not chinese]


def warm_up() -> None:
    """Load jieba's dictionary (about 0.6 s) and the lexicon ahead of the first text."""
    from agentdesk.knowledge.lexicon import default_matcher

    _jieba()
    default_matcher()
