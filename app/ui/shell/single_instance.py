"""One window per data folder: a second start asks the first to come forward, then exits.

Exclusivity comes from a `QLockFile` in the data folder: it names the owning process, so
a lock left by a crashed or killed instance is recognised as stale and taken over. A
local socket is used only to pass the "raise your window" request (DESIGN.md: `listen()`
alone is not a reliable lock on Windows).

    instance = SingleInstance(data_dir)
    if not instance.acquire():          # the running one was asked to show itself
        return 0
    instance.activation_requested.connect(window.bring_to_front)
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.models.read_only import is_read_only
from app.models.schema_version import DB_FILE_NAME

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "sentinel.lock"
ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    """A socket name unique to this user and data folder (short enough for any platform)."""
    key = f"{getpass.getuser()}|{data_dir.resolve()}".encode()
    return "AftersalesSentinel-" + hashlib.sha256(key).hexdigest()[:16]


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._name = server_name(data_dir)
        # A read-only folder cannot hold the lock: it goes to the temp folder, named for the data folder.
        if is_read_only(data_dir / DB_FILE_NAME):
            self._lock = QLockFile(str(Path(tempfile.gettempdir()) / f"{self._name}.lock"))
        else:
            self._lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        # 0: never treat the lock as stale because of its age (a window may stay open for weeks);
        # a lock whose process is gone is still recognised as stale and removed.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []
        self.failure = ""  # why acquire() failed when no other instance holds the lock

    @property
    def is_owner(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """True: we are the only instance. False: another one runs and was asked to show itself."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            self._listen()
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            self.failure = ""
            if not self.request_activation():
                log.warning("another instance holds %s but did not answer", self.data_dir)
        else:
            self.failure = f"cannot create the lock file in {self.data_dir} ({self._lock.error().name})"
            log.error(self.failure)
        return False

    def request_activation(self) -> bool:
        """Ask the running instance to raise its window; True when the request was delivered."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return delivered

    def release(self) -> None:
        for socket in self._clients:
            socket.abort()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        # We hold the lock, so a leftover socket can only be from a crashed instance.
        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("cannot listen on %s: %s", self._name, server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._clients.append(socket)
            socket.readyRead.connect(self._read_clients)
            socket.disconnected.connect(self._drop_disconnected)
        self._read_clients()

    def _read_clients(self) -> None:
        for socket in self._clients:
            if socket.bytesAvailable() and ACTIVATE.strip() in bytes(socket.readAll().data()):
                self.activation_requested.emit()

    def _drop_disconnected(self) -> None:
        self._read_clients()  # a short-lived client may write and hang up in one go
        for socket in [
            s for s in self._clients if s.state() == QLocalSocket.LocalSocketState.UnconnectedState
        ]:
            self._clients.remove(socket)
            socket.deleteLater()
