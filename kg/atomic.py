"""Writing output files so that a reader never sees half of one.

Each file is written to a temporary file in its own directory and moved into place with
`os.replace`, which is atomic on POSIX and Windows. Several files are all written before
any is moved, so a failure (or Ctrl-C, or kill -9) while writing leaves every old file as it
was. A killed process leaves only its temporary files, which `remove_stale_temporaries` clears.
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TEMPORARY_SUFFIX = ".tmp"


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write `data` (str is written as UTF-8) to `path`, replacing it atomically."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, bytes | str]) -> None:
    """Write every path -> data pair; no target is touched until all temporary files are written.

    Raises OSError (after removing its temporary files) when a file cannot be written.
    """
    with staged_files() as stage:
        for path, data in files.items():
            stage.open(path).write(data.encode("utf-8") if isinstance(data, str) else data)


class Stage:
    """Files being written next to their targets; `staged_files` moves them into place."""

    def __init__(self) -> None:
        self._files: list[tuple[BinaryIO, str, Path]] = []
        self._removals: list[Path] = []

    def open(self, path: Path) -> BinaryIO:
        """A binary file to write what will become `path`."""
        fd, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=_TEMPORARY_SUFFIX, dir=path.parent
        )
        handle = os.fdopen(fd, "wb")
        self._files.append((handle, temporary, path))
        return handle

    def remove(self, path: Path) -> None:
        """Remove `path` (an output this build no longer makes) when the files are moved in."""
        self._removals.append(path)

    def _commit(self) -> None:
        for handle, temporary, _ in self._files:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.chmod(temporary, 0o644)
        for _, temporary, path in self._files:
            os.replace(temporary, path)
        for path in self._removals:
            path.unlink(missing_ok=True)

    def _discard(self) -> None:
        for handle, temporary, _ in self._files:
            handle.close()
            if os.path.exists(temporary):
                os.unlink(temporary)


@contextmanager
def staged_files() -> Iterator[Stage]:
    """Open files with `stage.open(path)` and write them; when the block ends without an
    exception all are fsynced and moved into place, otherwise all are removed."""
    stage = Stage()
    try:
        yield stage
        stage._commit()
    finally:
        stage._discard()


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of `path` that a killed write left behind (call it only when
    nothing else can be writing `path`)."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*{_TEMPORARY_SUFFIX}"):
        stale.unlink(missing_ok=True)
