"""The exceptions Parallax raises, in one tree.

::

    ParallaxError                 anything Parallax raises on purpose
    ├── ConfigError               a setting or option has a value we cannot use
    ├── InputError                one input could not be read (the run goes on)
    │   ├── EmptyInputError       nothing in it, or no article text in it
    │   ├── BinaryInputError      bytes that are not text in any encoding we know
    │   ├── EncodingError         text in an encoding we cannot decode reliably
    │   ├── OversizedInputError   larger than the configured cap
    │   ├── MalformedInputError   a format we know, but broken or truncated
    │   └── FetchError            a URL we could not or would not fetch
    ├── PipelineError             components in an order that cannot work
    └── StoreError                the database is missing, locked, or from a newer version

Input errors are caught per input by the ingest layer and turned into ``Failed``
outcomes, so one bad file never stops a run; only the CLI prints them.
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class of every exception Parallax raises on purpose."""


class ConfigError(ParallaxError):
    """A setting, option or field mapping has a value Parallax cannot use."""


class InputError(ParallaxError):
    """One input could not be turned into articles; the message says why and what to do."""


class EmptyInputError(InputError):
    """The input holds no bytes, only whitespace, or no article text."""


class BinaryInputError(InputError):
    """The input's bytes are not text (and not a binary format we read, such as PDF)."""


class EncodingError(InputError):
    """The input is text, but in an encoding that cannot be decoded reliably."""


class OversizedInputError(InputError):
    """The input is larger than the configured size cap."""


class MalformedInputError(InputError):
    """The input is in a format we read, but broken, truncated or inconsistent."""


class FetchError(InputError):
    """A URL could not be fetched, or was refused by policy (private address, size, type)."""


class PipelineError(ParallaxError):
    """The pipeline's components cannot run in the order given (a requirement is missing)."""


class StoreError(ParallaxError):
    """The store cannot be opened or written (locked, corrupt, or from a newer Parallax)."""
