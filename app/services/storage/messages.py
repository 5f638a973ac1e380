"""What backups, restores and the database checks say, in English and Chinese.

A worried merchant reads every word of these. English is what the CLI (`backup`, `check`) and
the logs print, exactly as before; Chinese is what the window shows (see `messages.py`). What
SQLite or the OS reported (`{error}`, `{problem}`) is passed on as the library gave it.
"""

from __future__ import annotations

from app.services.text.messages import Template

# ---- known database failures (`integrity.classify_error`) -----------------------------------

DISK_FULL = Template(
    en="disk full: free space and retry (this step was not saved; earlier data is safe)",
    zh="磁盘已满：请腾出空间后重试（这一步没有保存，之前的数据不受影响）",
)
LOCKED = Template(
    en="database is locked by another program: close the other copy of the app and retry",
    zh="数据库被另一个程序占用：请关掉另一个打开的售后哨兵后重试",
)
READ_ONLY = Template(
    en="the data folder is read-only: nothing was saved; make the folder and sentinel.db writable "
    "(check their permissions) and retry",
    zh="数据文件夹是只读的：什么都没有保存；请让这个文件夹和 sentinel.db 可以写入（检查它们的权限）后重试",
)
# A read-only data folder (`app.models.read_only`): it opens for reading, every write refused.
READ_ONLY_COMMAND = Template(
    en="the data folder is read-only: {path} can be read, but `{command}` would change it; "
    "make the folder writable, or copy it to one that is",
    zh="数据文件夹是只读的：{path} 只能查看，「{command}」需要修改它；请让这个文件夹可以写入，或把它复制到可以写入的位置",
)
READ_ONLY_NO_DATABASE = Template(
    en="the data folder is read-only: {path} holds no database to read, and none can be created in it",
    zh="数据文件夹是只读的：{path} 里没有可以查看的数据库，也无法在里面新建",
)
READ_ONLY_NEEDS_UPGRADE = Template(
    en="the data folder is read-only: {path} holds a database of an older version, which must be "
    "upgraded (written) before this version can read it; make the folder writable once",
    zh="数据文件夹是只读的：{path} 里的数据库来自旧版本，需要先升级（写入）才能查看；请让这个文件夹暂时可以写入",
)
READ_ONLY_BANNER = Template(
    en="This data folder is read-only ({path}): you can look at every case and report, "
    "but nothing can be changed or saved here",
    zh="这个数据文件夹是只读的（{path}）：所有售后单和报表都可以查看，但这里不能修改或保存任何内容",
)
DAMAGED = Template(en="the database file is damaged: restore a backup", zh="数据库文件已损坏：请从备份恢复")
CANT_OPEN = Template(
    en="cannot open the database file: check that the data folder exists and is readable",
    zh="打不开数据库文件：请确认数据文件夹存在并且可以读取",
)
IO_ERROR = Template(
    en="disk error while reading or writing the database: check the disk and retry",
    zh="读写数据库时磁盘出错：请检查磁盘后重试",
)
TOO_NEW = Template(
    en="the database was written by a newer version of the app: install that version",
    zh="数据库是由更新版本的售后哨兵写入的：请安装那个版本",
)
# `SchemaTooNewError` when the database is opened (its text, as app.models.db words it).
FILE_TOO_NEW = Template(
    en="{path} was written by a newer version of the app (schema {revision}); "
    "install the newer version or open another data folder.",
    zh="{path} 是由更新版本的售后哨兵写入的（数据库版本 {revision}）：请安装新版本，或打开另一个数据文件夹。",
)

# ---- the check at start (`integrity.check_at_start`) ----------------------------------------

DB_MISSING = Template(
    en="the database file {path} is missing, but backups exist",
    zh="数据库文件 {path} 不见了，但还有备份",
)
DB_EMPTY = Template(
    en="the database file {path} is empty, but backups exist",
    zh="数据库文件 {path} 是空的，但还有备份",
)
DB_DAMAGED = Template(
    en="the database file {path} is damaged: {advice}",
    zh="数据库文件 {path} 已损坏：{advice}",
)
NO_GOOD_BACKUP = Template(
    en="no good backup was found; keep the file and ask for help",
    zh="没有找到完好的备份：请保留这个文件，并寻求帮助",
)
NEWEST_GOOD_BACKUP = Template(
    en="the newest good backup is from {taken} ({name})",
    zh="最新的完好备份是北京时间 {taken} 的（{name}）",
)
RESTORE_AT_START = Template(
    en="start the app to restore the newest good backup ({path})",
    zh="启动售后哨兵即可恢复最新的完好备份（{path}）",
)
# What a command says instead of opening (`start_check.cli_refusal`): the window asks instead.
CLI_MISSING = Template(
    en="{what}: start the app to restore the newest good backup ({path}), "
    "or add --new-database to start an empty database",
    zh="{what}：启动售后哨兵即可恢复最新的完好备份（{path}），或加上 --new-database 新建一个空数据库",
)
CLI_DAMAGED = Template(
    en="{what} (nothing was changed; SQLite reported: {detail})",
    zh="{what}（什么都没有改动；SQLite 报告：{detail}）",
)
EMPTY_NO_BACKUP = Template(
    en="the database file {path} is empty and there are no backups: "
    "add --new-database to start an empty database in it",
    zh="数据库文件 {path} 是空的，也没有备份：加上 --new-database 即可在这里新建一个空数据库",
)
DB_TOO_NEW = Template(
    en="{path} was written by a newer version of the app (schema {revision}); "
    "install the newer version or open another data folder",
    zh="{path} 是由更新版本的售后哨兵写入的（数据库版本 {revision}）：请安装新版本，或打开另一个数据文件夹",
)

# ---- making a backup (`BackupError`) --------------------------------------------------------

NOTHING_TO_BACK_UP = Template(
    en="there is no database at {path} to back up", zh="{path} 没有数据库，无法备份"
)
DEST_EXISTS = Template(
    en="{path} already exists; choose another file name", zh="{path} 已经存在：请换一个文件名"
)
COPY_FAILED_CHECK = Template(
    en="the copy failed its check ({problem}); the database was not changed",
    zh="备份副本没有通过检查（{problem}）；数据库没有任何改动",
)

# ---- restoring (`RestoreRefused`) -----------------------------------------------------------

NO_SUCH_FILE = Template(en="{path} does not exist", zh="{path} 不存在")
DATABASE_IN_USE = Template(
    en="that is the database in use; choose a backup file",
    zh="这是正在使用的数据库：请选择一个备份文件",
)
BACKUP_DAMAGED = Template(
    en="{name} is damaged ({error}); choose another backup",
    zh="{name} 已损坏（{error}）：请选择另一个备份",
)
NOT_READABLE = Template(
    en="{name} is not a readable database ({error}); choose another backup",
    zh="{name} 不是可以读取的数据库（{error}）：请选择另一个备份",
)
NOT_OURS = Template(en="{name} is not an Aftersales Sentinel database", zh="{name} 不是售后哨兵的数据库")
BACKUP_TOO_NEW = Template(
    en="{name} was written by a newer version of the app (schema {revision})",
    zh="{name} 是由更新版本的售后哨兵写入的（数据库版本 {revision}）",
)
NO_READABLE_CASES = Template(
    en="{name} has no readable cases ({error})", zh="{name} 里没有能读取的售后单（{error}）"
)
NOT_CONFIRMED = Template(en="restore not confirmed; nothing was changed", zh="没有确认恢复：什么都没有改动")
DISAPPEARED = Template(en="{path} disappeared; nothing was changed", zh="{path} 不见了：什么都没有改动")
CHANGED_SINCE_CHECK = Template(
    en="{name} changed since it was checked; check it again",
    zh="{name} 在检查之后又被改动过：请重新检查",
)
ASIDE_EXISTS = Template(en="{path} already exists; nothing was changed", zh="{path} 已经存在：什么都没有改动")
