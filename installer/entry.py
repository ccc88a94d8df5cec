"""Frozen-app entry point: the same `agentdesk` command the console script runs.

With AGENTDESK_FROZEN_SELFTEST=qt the frozen app instead opens a bare Qt window (offscreen works)
and prints what the bundle's Qt found as one JSON line: installer/smoke.py uses it to prove the
Qt plugins, Charts, PrintSupport and translations made it into the bundle, and to time start to
window, independently of the console's own code.
"""

import os
import sys
import time


def qt_selftest() -> int:
    import json

    from PySide6.QtCharts import QChart, QChartView
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QImageReader
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QMainWindow, QStyleFactory

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QChartView(QChart()))
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    translator = QTranslator()
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    report = {
        "platform": app.platformName(),
        "window_visible": window.isVisible(),
        "python_to_window_ms": round((shown - STARTED) * 1000),
        "styles": QStyleFactory.keys(),
        "image_formats": sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats()),
        "qtbase_zh_CN": translator.load("qtbase_zh_CN", translations),
        "pdf_printer": printer.outputFormat() == QPrinter.OutputFormat.PdfFormat,
    }
    print(json.dumps(report))
    window.close()
    return 0


if __name__ == "__main__":
    STARTED = time.perf_counter()
    import multiprocessing

    # A frozen program re-executes itself for child processes; this routes them correctly.
    multiprocessing.freeze_support()
    if os.environ.get("AGENTDESK_FROZEN_SELFTEST") == "qt":
        sys.exit(qt_selftest())
    from agentdesk.cli import main

    sys.exit(main())
