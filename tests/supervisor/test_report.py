"""``agentdesk report monthly`` on a local store: CSV figures, PDF that renders, honest empty month."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from agentdesk.store import Store
from agentdesk.store.codec import row_values, upsert_rows
from agentdesk.supervisor.report_csv import COLUMNS
from agentdesk.timeutil import from_wire
from tests.supervisor.fixtures import FIVE
from tests.support.cli import run_agentdesk


def _store_value(key: str, value: Any) -> Any:
    if isinstance(value, str) and (key.endswith("_at") or key.endswith("_due")):
        return from_wire(value)
    return value


def fill(path: Path) -> None:
    with Store.open(path) as store, store.connect() as conn:
        upsert_rows(
            conn,
            "team",
            [
                row_values("team", "team-a", 1, {"name": "Alpha"}),
                row_values("team", "team-b", 1, {"name": "Beta"}),
            ],
        )
        tickets, messages = [], []
        for n, (tid, (data, customer_msgs)) in enumerate(FIVE.items()):
            values = {k: _store_value(k, v) for k, v in data.items()}
            values.update(
                number=n,
                subject=f"Ticket {tid}",
                status_group=data["status"],
                customer_id="c1",
                updated_at=values["created_at"],
            )
            tickets.append(row_values("ticket", tid, 1, values))
            for m in range(customer_msgs):
                messages.append(
                    row_values(
                        "message",
                        f"{tid}-m{m}",
                        1,
                        {
                            "ticket_id": tid,
                            "body": "hi",
                            "public": True,
                            "author_kind": "customer",
                            "created_at": values["created_at"],
                        },
                    )
                )
        upsert_rows(conn, "ticket", tickets)
        upsert_rows(conn, "message", messages)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return run_agentdesk(*args, env=env)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    fill(path)
    return path


def test_csv_has_the_columns_and_the_hand_computed_figures(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    result = run("report", "monthly", "--month", "2026-10", "--out", str(out), "--store", str(store))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    summary = {r["kpi"]: r["value"] for r in rows if r["section"] == "summary"}
    assert summary["volume"] == "5" and summary["first_response_avg_s"] == "570.0"
    assert summary["fcr_pct"] == "50.0" and summary["complaint_rate_pct"] == "40.0"
    targets = {r["kpi"]: r for r in rows if r["section"] == "target"}
    assert targets["csat_pct"]["met"] == "no" and targets["csat_pct"]["target"] == "90.0"
    assert targets["first_response_avg_s"]["met"] == "yes"  # 570 s <= 600 s
    assert targets["resolution_avg_h"]["met"] == "yes"  # 6 h <= 18 h
    teams = {(r["name"], r["kpi"]): r["value"] for r in rows if r["section"] == "team"}
    assert teams[("Alpha", "volume")] == "3" and teams[("Beta", "volume")] == "2"
    assert {r["name"]: r["value"] for r in rows if r["section"] == "complaint"} == {
        "complaint": "1",
        "billing": "1",
    }
    assert not [r for r in rows if r["section"] == "note"]


def _variance(png: Path) -> float:
    from PySide6.QtGui import QImage  # reads a PNG without an application object

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    data = bytes(image.constBits())
    pixels = [data[y * image.bytesPerLine() + x] for y in range(image.height()) for x in range(image.width())]
    mean = sum(pixels) / len(pixels)
    return sum((p - mean) ** 2 for p in pixels) / len(pixels)


def test_pdf_renders_headless_and_is_not_blank(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run("report", "monthly", "--month", "2026-10", "--out", str(out), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    page = next(tmp_path.glob("page*.png"))
    assert _variance(page) > 100  # a white page is 0; text and tables give thousands
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "2026-10" in text and "CSAT" in text and "Alpha" in text


def test_a_month_without_data_still_writes_an_honest_report(store: Path, tmp_path: Path) -> None:
    pdf, sheet = tmp_path / "empty.pdf", tmp_path / "empty.csv"
    for out in (pdf, sheet):
        result = run("report", "monthly", "--month", "2019-02", "--out", str(out), "--store", str(store))
        assert result.returncode == 0, result.stderr
        assert "no tickets" in result.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "No tickets were created in this month" in text
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert rows[0]["section"] == "note"
    assert {r["kpi"]: r["value"] for r in rows if r["section"] == "summary"}["csat_pct"] == ""


@pytest.mark.parametrize(
    ("month", "out", "message"),
    [("2026-13", "r.csv", "--month"), ("October", "r.csv", "--month"), ("2026-10", "r.txt", ".pdf or .csv")],
)
def test_bad_arguments_are_clear_errors(
    store: Path, tmp_path: Path, month: str, out: str, message: str
) -> None:
    result = run("report", "monthly", "--month", month, "--out", str(tmp_path / out), "--store", str(store))
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / out).exists()


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = run(
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--out",
        str(tmp_path / "r.csv"),
        "--store",
        str(tmp_path / "nope.sqlite3"),
    )
    assert result.returncode == 2 and "no local store" in result.stderr
