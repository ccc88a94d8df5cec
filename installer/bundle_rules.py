"""What the frozen app bundles and what it leaves out (used by installer/agentdesk.spec).

Kept apart from the spec so the rules are plain Python that tests can check against both
Windows (PySide6/plugins/..., Qt6Core.dll) and Linux/macOS (PySide6/Qt/plugins/...) layouts.
"""

from __future__ import annotations

import re

# The console uses Widgets, Charts (supervisor panel) and PrintSupport (PDF reports). Listed
# explicitly so the bundle is complete even while agentdesk.ui imports them lazily.
QT_MODULES = [
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",
]
# Qt modules the console never uses; together they are most of PySide6's size.
QT_EXCLUDED = [
    "PySide6." + name
    for name in (
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtWebEngineQuick",
        "QtWebChannel",
        "QtWebSockets",
        "QtWebView",
        "Qt3DCore",
        "Qt3DRender",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DExtras",
        "Qt3DAnimation",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtSpatialAudio",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickWidgets",
        "QtQuickTest",
        "QtQml",
        "QtDesigner",
        "QtUiTools",
        "QtHelp",
        "QtBluetooth",
        "QtNfc",
        "QtPositioning",
        "QtLocation",
        "QtSensors",
        "QtSerialPort",
        "QtSerialBus",
        "QtTextToSpeech",
        "QtDataVisualization",
        "QtGraphs",
        "QtGraphsWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtStateMachine",
        "QtSql",
        "QtTest",
        "QtXml",
        "QtHttpServer",
        "QtNetworkAuth",
        "QtPdf",
        "QtPdfWidgets",
        "QtAxContainer",
        "QtConcurrent",
        # Python bindings only: libQt6Charts links the C++ OpenGL libraries, which stay.
        "QtOpenGL",
        "QtOpenGLWidgets",
    )
]
# Test and peer-system packages installed next to the app in a developer environment, and
# optional extras reached only through optional imports: PIL (pygments' image formatter), trio
# (httpx/httpcore backends we do not use), numpy (the optional MiniLM re-ranker, not shipped),
# pkg_resources/setuptools (jieba falls back to plain file reads).
DEV_EXCLUDED = [
    "tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "django",
    "helpdesk",
    "gunicorn",
    "IPython",
    "matplotlib",
    "numpy",
    "PyInstaller",
    "PIL",
    "pygments",
    "trio",
    "pkg_resources",
    "setuptools",
    "jieba.lac_small",
    "jieba.posseg",
    "jieba.analyse",
    "paddle",
]
# Qt libraries dragged in only by plugins we do not need (virtual keyboard -> Qml/Quick), Mesa's
# software OpenGL (widgets and charts paint with the raster engine), embedded-Linux platforms and
# input plugins, and image formats the console never reads. Kept plugins: platforms (windows,
# cocoa, xcb, wayland, offscreen, minimal), styles, imageformats (png built in, ico, svg, jpeg,
# gif, icns), iconengines (svg), platformthemes, printsupport, tls.
DROPPED_BINARIES = re.compile(
    r"(Qt6?(Qml|Quick|VirtualKeyboard|Pdf|WebEngine|3D|Multimedia|EglFS)|qtvirtualkeyboard|opengl32sw"
    r"|plugins[/\\](egldeviceintegrations|generic|networkinformation)[/\\]"
    r"|plugins[/\\]platforms[/\\](lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)"
    r"|plugins[/\\]imageformats[/\\](lib)?q(tga|tiff|wbmp|webp))",
    re.IGNORECASE,
)
# Qt's own translations: only the languages the console ships (English, Simplified Chinese).
QT_TRANSLATIONS = re.compile(r"PySide6[/\\](Qt[/\\])?translations[/\\]")  # Qt/ on Linux and macOS
KEPT_TRANSLATION = re.compile(r"_(en|zh_CN)\.qm$")
# jieba's paddle model, part-of-speech and keyword-extraction tables: the knowledge index only
# segments words (jieba.cut), which needs dict.txt and finalseg.
DROPPED_DATA = re.compile(r"jieba[/\\](lac_small|posseg|analyse)")


def keep_binary(dest: str) -> bool:
    """Whether a binary at this bundle path (Windows or POSIX separators) stays in the bundle."""
    return not DROPPED_BINARIES.search(dest)


def keep_data(dest: str) -> bool:
    """Whether a data file at this bundle path stays in the bundle."""
    if DROPPED_DATA.search(dest):
        return False
    return not QT_TRANSLATIONS.search(dest) or bool(KEPT_TRANSLATION.search(dest))
