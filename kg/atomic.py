"""Writing output files so that a reader never sees half of one.

Each file is written to a temporary file in its own directory and moved into place with
`os.replace`, which is atomic on POSIX and Windows. Several files are all written before
any is moved, so a failure while rendering leaves every old file as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write `data` (str is written as UTF-8) to `path`, replacing it atomically."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, bytes | str]) -> None:
    """Write every path -> data pair; no target is touched until all temporary files are written.

    Raises OSError (after removing its temporary files) when a file cannot be written.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            payload = data.encode("utf-8") if isinstance(data, str) else data
            fd, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
            staged.append((temporary, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o644)
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.unlink(temporary)
