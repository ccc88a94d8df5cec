"""Take the lock-screen screenshots (English and Simplified Chinese).

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/take_lock.py

Same demo store as take.py; opens a ticket with a reply draft (so there is customer data to hide),
locks the console, types into the password field, enters one wrong password, and saves
console-locked-en.png and console-locked-zh_CN.png next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import take  # noqa: E402  (sets up bench/ui_common and the offscreen default)

ui_common = take.ui_common


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    ui_common.spin_until(lambda: time.monotonic() >= end, seconds + 5)


def shoot(store: Path, language: str, out: Path) -> None:
    from agentdesk.ui import i18n, theme
    from agentdesk.ui.app import Console, ensure_app
    from agentdesk.ui.unlock import make_verifier

    ensure_app()
    chosen = i18n.install(language)
    theme.apply("light")
    made = Console(
        store_path=store,
        server_url="http://127.0.0.1:9",  # nothing listens: the offline check answers
        token="demo",
        agent=ui_common.BENCH_AGENT,
        language=chosen,
        start_sync=False,
        unlock_verifier=make_verifier("demo"),
    )
    window = made.window
    window.resize(1600, 960)
    window.show()
    ui_common.spin_until(lambda: window.queue.model.rowCount() > 0)
    window.open_ticket(take.pick_ticket(store))
    ui_common.spin_until(lambda: window.ticket is not None and window.customer.customer_id is not None)
    window.composer.editor.setPlainText(take.DRAFT.get(chosen, take.DRAFT["en"]))
    window.lock_console()
    lock = made.lock
    lock.screen.password.setText("not-the-password")
    lock.screen.submit()
    ui_common.spin_until(lambda: not lock.screen.busy, 20)
    lock.screen.password.setText("demo123")
    spin(0.5)
    window.grab().save(str(out))
    made.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shots-"))
    store = folder / "store.sqlite3"
    ui_common.build_store(store, 2000)
    os.environ["AGENTDESK_HOME"] = str(folder / "home")
    for language in ("en", "zh_CN"):
        copy = folder / f"{language}.sqlite3"
        copy.write_bytes(store.read_bytes())
        out = HERE / f"console-locked-{language}.png"
        shoot(copy, language, out)
        print(out)


if __name__ == "__main__":
    main()
