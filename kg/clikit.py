"""Shared pieces of kg's click commands, wherever in kg a command lives."""
from __future__ import annotations

import sys
from functools import wraps

import click

from kg.errors import KgError


def fails_cleanly(func):
    """Turn kg's errors (and a missing file) into one line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(2)
        except OSError as exc:
            click.echo(f"kg: error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(2)

    return wrapper
