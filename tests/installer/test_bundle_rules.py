"""installer/bundle_rules.py keeps what the console needs and trims the rest, on every OS layout."""

from __future__ import annotations

import pytest

from tests.installer.helpers import load_installer_module

rules = load_installer_module("bundle_rules.py")

KEPT_BINARIES = [
    r"PySide6\Qt6Core.dll",
    r"PySide6\Qt6Charts.dll",
    r"PySide6\Qt6OpenGL.dll",  # libQt6Charts links it
    r"PySide6\Qt6PrintSupport.dll",
    r"PySide6\QtCharts.pyd",
    r"PySide6\plugins\platforms\qwindows.dll",
    r"PySide6\plugins\platforms\qoffscreen.dll",
    r"PySide6\plugins\styles\qmodernwindowsstyle.dll",
    r"PySide6\plugins\imageformats\qico.dll",
    r"PySide6\plugins\imageformats\qsvg.dll",
    r"PySide6\plugins\iconengines\qsvgicon.dll",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
]
DROPPED_BINARIES = [
    r"PySide6\opengl32sw.dll",
    r"PySide6\Qt6Quick.dll",
    r"PySide6\Qt6Qml.dll",
    r"PySide6\Qt6WebEngineCore.dll",
    r"PySide6\Qt6Pdf.dll",
    r"PySide6\Qt63DRender.dll",
    r"PySide6\Qt6Multimedia.dll",
    r"PySide6\plugins\platforminputcontexts\qtvirtualkeyboardplugin.dll",
    r"PySide6\plugins\generic\qtuiotouchplugin.dll",
    r"PySide6\plugins\imageformats\qtiff.dll",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
]


@pytest.mark.parametrize("dest", KEPT_BINARIES)
def test_needed_qt_binaries_stay(dest: str) -> None:
    assert rules.keep_binary(dest)


@pytest.mark.parametrize("dest", DROPPED_BINARIES)
def test_unused_qt_binaries_go(dest: str) -> None:
    assert not rules.keep_binary(dest)


@pytest.mark.parametrize("layout", [r"PySide6\translations", "PySide6/Qt/translations"])
def test_only_english_and_chinese_qt_translations_stay(layout: str) -> None:
    sep = "\\" if "\\" in layout else "/"
    assert rules.keep_data(f"{layout}{sep}qtbase_zh_CN.qm")
    assert rules.keep_data(f"{layout}{sep}qt_en.qm")
    assert not rules.keep_data(f"{layout}{sep}qtbase_de.qm")
    assert not rules.keep_data(f"{layout}{sep}qt_zh_TW.qm")


def test_own_resources_and_jieba_dictionary_stay() -> None:
    assert rules.keep_data(r"agentdesk\resources\i18n\agentdesk_de.qm")  # ours, whatever the language
    assert rules.keep_data("jieba/dict.txt")
    assert rules.keep_data("jieba/finalseg/prob_emit.p")
    assert not rules.keep_data("jieba/lac_small/model_baseline/crfw")
    assert not rules.keep_data(r"jieba\analyse\idf.txt")


def test_console_modules_are_bundled_and_never_excluded() -> None:
    needed = {"PySide6.QtWidgets", "PySide6.QtCharts", "PySide6.QtPrintSupport"}
    assert needed <= set(rules.QT_MODULES)
    assert not needed & set(rules.QT_EXCLUDED)
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtQuick"} <= set(
        rules.QT_EXCLUDED
    )
