"""Loading the UI language: our catalogue plus Qt's own (standard buttons, dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource

SUPPORTED = ("zh_CN", "en")
_installed: list[str] = []  # the language of the translators installed last


def resolve(language: str) -> str:
    """'system' follows the system locale: English for a locale that names another language,
    Chinese for a zh locale and for none at all (C/POSIX): our merchants are Chinese first."""
    if language in SUPPORTED:
        return language
    system = QLocale.system().language()
    chinese_or_unset = (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage)
    return "zh_CN" if system in chinese_or_unset else "en"


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language`; returns them (keep them alive)."""
    lang = resolve(language)
    _installed[:] = [lang]
    system_is_c = QLocale.system().language() in (QLocale.Language.C, QLocale.Language.AnyLanguage)
    if language in SUPPORTED or system_is_c:
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    out: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"sentinel_{lang}.qm"))):
        app.installTranslator(ours)
        out.append(ours)
    qt = QTranslator(app)
    if lang != "en" and qt.load(
        f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        out.append(qt)
    return out


def current() -> str:
    """'zh_CN' or 'en': the language the UI was started in (what `install` chose)."""
    return _installed[0] if _installed else resolve("system")


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
