"""A SPARQL 1.1 server on 127.0.0.1: the `oxigraph` package's server binary, run by kg.

`kg serve` loads a graph file into a fresh store with pyoxigraph's bulk loader (the server
and pyoxigraph are the same Oxigraph version, so they share the on-disk format), then starts
`oxigraph serve` on it; the tests start an empty server and `kg push` to it. Queries see
the union of all graphs, as `kg query` does.
"""

from __future__ import annotations

import ctypes
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox

from kg.errors import InputError, UserError
from kg.store import rdf_format_of

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
_START_TIMEOUT = 15.0


class ServerError(UserError):
    """The SPARQL server could not be started (no binary, port taken, it died)."""


def oxigraph_binary() -> str:
    """The `oxigraph` server program: beside this Python (a venv's bin/) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServerError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _check_free(port: int) -> int:
    """`port`, if nothing listens on it; else ServerError (the ready-check would find the other)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError as error:
            reason = error.strerror or str(error)
            raise ServerError(f"cannot listen on {HOST}:{port}: {reason}") from None
    return port


def load_into(location: Path, graph: str | Path) -> int:
    """Bulk-load an RDF file into the on-disk store at `location`; returns its quad count."""
    graph = Path(graph)
    if not graph.is_file():
        raise InputError(f"{graph}: no such file" if not graph.exists() else f"{graph}: not a file")
    store = ox.Store(str(location))
    try:
        store.bulk_load(path=graph, format=rdf_format_of(graph))
    except SyntaxError as error:
        raise InputError(f"{graph}: not valid {rdf_format_of(graph).name}: {error}") from error
    store.flush()
    count = len(store)
    # Dropping the last reference closes the store and frees its lock for the server.
    del store
    return count


class SparqlServer:
    """A running `oxigraph serve` process; stop it with `stop()` or use it as a context manager.

    Endpoints: `query_url` (SPARQL 1.1 query), `update_url` (update) and `store_url`
    (Graph Store Protocol, the one `kg push` writes to).
    """

    def __init__(self, process: subprocess.Popen[bytes], port: int, scratch: Path | None) -> None:
        self.process = process
        self.port = port
        self._scratch = scratch

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def last_words(self) -> str:
        """The last line the server wrote (an error when it failed to start), or its status."""
        log = self._scratch / "server.log" if self._scratch else None
        said = log.read_text("utf-8", "replace").strip() if log and log.exists() else ""
        return said.splitlines()[-1] if said else f"exit status {self.process.returncode}"

    def stop(self) -> None:
        """Stop the server (politely, then firmly) and remove its scratch store."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def start_server(
    graph: str | Path | None = None, port: int | None = None, timeout: float = _START_TIMEOUT
) -> SparqlServer:
    """Start a read-write Oxigraph SPARQL server on 127.0.0.1:`port` (default: a free port),
    holding the graph file `graph` (default: empty), and wait until it answers queries.

    Its store lives in a temporary directory that `stop()` removes.
    Raises InputError for a bad graph file, ServerError when the server does not come up.
    """
    binary = oxigraph_binary()
    port = free_port() if not port else _check_free(port)
    scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        location = scratch / "store"
        if graph is not None:
            load_into(location, graph)
        # A file, not a pipe, for what the server says: a pipe nobody reads fills up and stalls it.
        with (scratch / "server.log").open("wb") as log:
            process = subprocess.Popen(
                [binary, "serve", "--location", str(location), "--bind", f"{HOST}:{port}",
                 "--union-default-graph"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_stop_with_parent if sys.platform == "linux" else None,
            )  # fmt: skip
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    server = SparqlServer(process, port, scratch)
    try:
        _wait_until_ready(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within this block SIGTERM raises KeyboardInterrupt, as Ctrl-C does, so that `with`
    blocks (a server's `stop()`) still run when kg is told to stop."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop_with_parent() -> None:
    """In the server's process, before it runs: have Linux send it SIGTERM when the process
    that started it dies, even killed outright, so that no server outlives its kg or test run."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _wait_until_ready(server: SparqlServer, timeout: float) -> None:
    probe = f"{server.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            raise ServerError(
                f"the SPARQL server on {HOST}:{server.port} did not start: {server.last_words()}"
            )
        try:
            with urllib.request.urlopen(probe, timeout=1) as response:
                response.read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise ServerError(
                    f"the SPARQL server on {HOST}:{server.port} did not answer within {timeout:g} s"
                ) from None
            time.sleep(0.05)
