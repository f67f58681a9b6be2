"""Write files atomically: a reader never sees half a file, a crash never truncates one.

Only a regular file is ever replaced. A symbolic link is followed: the file it names is
written (atomically, beside that file), the link stays. A character device or a FIFO
(`/dev/null`, `/dev/stdout`, a named pipe) is written into, never replaced; a block
device, a socket or a folder is refused (NotRegularFileError, an OSError).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["NotRegularFileError", "folder_lock", "write_bytes_atomic", "write_text_atomic"]

# /dev/stdout, /dev/fd/1, /proc/self/fd/1: the process's own descriptor, written as it is
_OWN_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


class NotRegularFileError(OSError):
    """`path` is something szq neither replaces nor writes into (a block device, a socket,
    a folder)."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EINVAL, f"{path} is {what}, not a file: szq does not replace it")
        self.path = path


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over `path`
    (over the file a symbolic link names); write into a device or a FIFO in place."""
    target = Path(path)
    descriptor = _own_descriptor(target)
    if descriptor is not None:
        _write_all(descriptor, data)
        return
    try:
        found = os.stat(target)  # follows links
    except FileNotFoundError:
        found = None
    except NotADirectoryError:
        found = None  # mkstemp below reports it
    if found is not None and not stat.S_ISREG(found.st_mode):
        _write_in_place(target, found.st_mode, data)
        return
    if target.is_symlink():  # to a file, or to a name not yet taken
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates 0600 files; give the result the usual permissions
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text atomically, with Unix newlines whatever the platform."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _own_descriptor(path: Path) -> int | None:
    """The descriptor `/dev/stdout`, `/dev/fd/N` or `/proc/self/fd/N` names, if open."""
    spelled = os.path.normpath(os.path.abspath(path))
    number = _STANDARD.get(spelled)
    if number is None:
        match = _OWN_DESCRIPTOR.fullmatch(spelled)
        number = int(match.group(1)) if match else None
    if number is None:
        return None
    try:
        os.fstat(number)
    except OSError:
        return None
    return number


def _write_in_place(path: Path, mode: int, data: bytes) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise NotRegularFileError(path, "a block device" if stat.S_ISBLK(mode) else "a socket")
    descriptor = os.open(path, os.O_WRONLY)  # no O_CREAT, no O_TRUNC: nothing is replaced
    try:
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


@contextlib.contextmanager
def folder_lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file is left
    behind) so that concurrent writers of a set of files in it take turns. Where there is
    no flock, or the folder cannot be opened, nothing is locked."""
    try:
        import fcntl
    except ImportError:  # not on a Unix
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield  # the write that follows reports the missing folder
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock
