"""Errors a user can cause: the CLI prints their one-line message and exits with status 2.

Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the user asked for or gave, explained in one line."""


class InputError(UserError):
    """An input that cannot be read: a missing path, no articles, an empty article, bad JSONL."""


class QueryError(UserError):
    """A SPARQL query that cannot be run, or whose results cannot be shown in the asked format."""
