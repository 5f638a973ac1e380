"""The welcome on first start: platforms and shops, where to keep the data, demo or empty.

Three short pages. Finish stores the platform choice (and a data folder other than the
default) in the settings, then creates the database, the shops and, if asked, the demo
cases on the background worker; the window opens on the cases view after it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.models.enums import Platform
from app.paths import default_data_dir
from app.services.cases.shops import split_shop_names
from app.services.clock import Clock
from app.services.preferences.first_run import FirstRunChoice, SetupResult, has_database
from app.ui.common import vocab
from app.ui.common.tasks import TaskRunner
from app.ui.settings import store as settings_store
from app.ui.shell.main_window import icon

PLATFORMS = tuple(Platform)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class PlatformsPage(QWizardPage):
    """Which platforms (check boxes) and which shops on each (names, comma separated)."""

    def __init__(self, preselected: tuple[str, ...]) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Aftersales Sentinel"))
        self.setSubTitle(
            self.tr(
                "It counts down every platform clock on your after-sales cases and warns you before "
                "the platform acts on its own. Three questions and you are ready."
            )
        )
        self.checks: dict[Platform, QCheckBox] = {}
        self.shop_edits: dict[Platform, QLineEdit] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Where do you sell?</b>")), 0, 0)
        grid.addWidget(
            QLabel(self.tr("<b>Your shop names</b> (optional; several: separate with commas)")), 0, 1
        )
        for row, platform in enumerate(PLATFORMS, 1):
            check = QCheckBox(vocab.platforms()[platform.value])
            check.setObjectName(f"platform_{platform.value}")
            edit = QLineEdit()
            edit.setObjectName(f"shops_{platform.value}")
            edit.setPlaceholderText(self.tr("e.g. Xiaomei Home, Xiaomei Home Outlet"))
            # Usable at once: typing a shop name ticks its platform (typing first did nothing).
            edit.textEdited.connect(lambda text, c=check: c.setChecked(True) if text.strip() else None)
            check.toggled.connect(lambda _: self.completeChanged.emit())
            check.setChecked(platform.value in preselected)
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            self.checks[platform] = check
            self.shop_edits[platform] = edit
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(
            _hint(
                self.tr(
                    "The rule presets of these platforms come first when you add or import cases. "
                    "You can change this later in Settings."
                )
            )
        )
        quit_hint = _hint(
            self.tr("“Quit for now” closes the app without saving anything; this welcome opens again next time.")
        )
        quit_hint.setObjectName("quitHint")
        layout.addWidget(quit_hint)

    def isComplete(self) -> bool:
        return any(c.isChecked() for c in self.checks.values())

    def platforms(self) -> tuple[Platform, ...]:
        return tuple(p for p, c in self.checks.items() if c.isChecked())

    def shops(self) -> tuple[tuple[Platform, str], ...]:
        return tuple(
            (p, name) for p in self.platforms() for name in split_shop_names(self.shop_edits[p].text())
        )


class DataDirPage(QWizardPage):
    """Where the database, backups and attachments live (the default is shown; any folder will do)."""

    def __init__(self, data_dir: Path, locked: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Where to keep your data"))
        self.setSubTitle(
            self.tr(
                "Cases, backups and attachments stay on this computer, in one folder. Back it up with the rest."
            )
        )
        self.path = QLineEdit(str(data_dir))
        self.path.setObjectName("dataDir")
        self.path.textChanged.connect(self._changed)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        self.reset = QPushButton(self.tr("Default"))
        self.reset.clicked.connect(lambda: self.path.setText(str(default_data_dir())))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        row.addWidget(self.reset)
        self.status = _hint("")
        self.status.setObjectName("dataDirStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(_hint(self.tr("Default: {0}").format(default_data_dir())))
        layout.addWidget(self.status)
        layout.addStretch(1)
        if locked:
            for w in (self.path, self.browse, self.reset):
                w.setEnabled(False)
            self.status.setText(self.tr("Chosen on the command line (--data-dir)."))
        self._changed()

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def problem(self) -> str:
        text = self.path.text().strip()
        if not text:
            return self.tr("Choose a folder.")
        folder = self.folder()
        if not folder.is_absolute():
            return self.tr("Give the full path of the folder.")
        if folder.exists() and not folder.is_dir():
            return self.tr("This is a file, not a folder.")
        return ""

    def _changed(self) -> None:
        if self.path.isEnabled():
            problem = self.problem()
            if problem:
                self.status.setText(problem)
            elif has_database(self.folder()):
                self.status.setText(
                    self.tr("This folder already holds data from Aftersales Sentinel: it will be opened.")
                )
            else:
                self.status.setText(self.tr("A new database will be created here."))
        self.completeChanged.emit()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.title(), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return not self.problem()


class StartPage(QWizardPage):
    """Start empty, or with demo cases to try things out."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("How do you want to start?"))
        self.setSubTitle(self.tr("You can add cases by hand or import your platform's after-sales export."))
        self.empty = QRadioButton(self.tr("Empty: I will add or import my own cases"))
        self.empty.setObjectName("startEmpty")
        self.demo = QRadioButton(
            self.tr(
                "With demo cases: 60 made-up cases on every platform, to see countdowns and alerts at work"
            )
        )
        self.demo.setObjectName("startDemo")
        self.empty.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.empty)
        group.addButton(self.demo)
        self.demo_note = _hint(
            self.tr(
                "Demo shops are called 暖暖…; delete their cases when you are done, or start again "
                "with an empty data folder."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))

    def initializePage(self) -> None:
        wizard: Any = self.wizard()
        existing = has_database(wizard.data_page.folder())
        self.demo.setEnabled(not existing)
        if existing:
            self.empty.setChecked(True)
            self.demo_note.setText(
                self.tr("The folder already holds data: demo cases are not mixed into it.")
            )


class WelcomeWizard(QWizard):
    """Collects a `FirstRunChoice`, stores the preferences, sets the data folder up, then accepts."""

    def __init__(
        self,
        settings: QSettings,
        tasks: TaskRunner,
        clock: Clock,
        data_dir: Path,
        locked_dir: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeWizard")
        self.settings = settings
        self.tasks = tasks
        self.clock = clock
        self.choice: FirstRunChoice | None = None
        self.setup_result: SetupResult | None = None
        self.setWindowTitle(self.tr("Aftersales Sentinel: first start"))
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("app").pixmap(56, 56))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        preselected = settings_store.value(settings, "shops/platforms")
        self.platform_page = PlatformsPage(preselected)
        self.data_page = DataDirPage(data_dir, locked_dir)
        self.start_page = StartPage()
        for page in (self.platform_page, self.data_page, self.start_page):
            self.addPage(page)
        # Cancel says what it does: the app closes, nothing is kept, the welcome comes back next time.
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Quit for now"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("Closes Aftersales Sentinel without saving anything; this welcome opens again next time.")
        )
        self.resize(720, 500)

    def make_choice(self) -> FirstRunChoice:
        return FirstRunChoice(
            data_dir=self.data_page.folder(),
            platforms=self.platform_page.platforms(),
            shops=self.platform_page.shops(),
            demo=self.start_page.demo.isChecked() and self.start_page.demo.isEnabled(),
        )

    def accept(self) -> None:
        """Finish: remember the choice, then create the data folder on the worker."""
        choice = self.make_choice()
        self.choice = choice
        chosen_dir = None if choice.data_dir == default_data_dir() else choice.data_dir
        values: dict[str, Any] = {"shops/platforms": tuple(p.value for p in choice.platforms)}
        if self.data_page.path.isEnabled():  # not when --data-dir chose it for this run only
            values["data/dir"] = chosen_dir
        settings_store.save(self.settings, values)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.start_page.setSubTitle(self.tr("Preparing the data folder…"))
        from app.bootstrap import set_up_data_dir  # SQLAlchemy and the services: not before the first paint

        self.tasks.run(lambda _: set_up_data_dir(choice, self.clock), done=self._done, failed=self._failed)

    def _done(self, result: SetupResult) -> None:
        self.setup_result = result
        super().accept()

    def _failed(self, error: Exception, details: str) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot set up the data folder"),
            self.tr("{0}\n\nChoose another folder and try again.").format(error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setDetailedText(details)
        box.open()
        self.last_error = str(error)
