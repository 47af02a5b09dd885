"""Fetch URLs for ingestion, safely.

The fetcher is injectable: anything callable as ``fetch(url) -> RawInput`` will do, so
tests and offline corpora use a fake one and never touch the network. The default
:class:`HttpFetcher` refuses addresses on private, loopback and link-local networks unless
told otherwise (a URL submitted to a shared server must not be able to probe the machine it
runs on), checks every redirect hop the same way, gives up after a timeout, and stops
reading at a size cap.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from parallax.errors import FetchError, OversizedInputError
from parallax.ingest.raw import RawInput
from parallax.settings import Settings

MAX_REDIRECTS = 5
USER_AGENT = "Parallax/0.1 (+https://example.invalid/parallax; news comparison research)"

Resolver = Callable[[str], list[str]]


class Fetcher(Protocol):
    """Anything that turns a URL into a :class:`RawInput` or raises :class:`FetchError`."""

    def __call__(self, url: str) -> RawInput:
        """Fetch ``url``."""
        ...


def is_url(spec: str) -> bool:
    """Whether an input given on the command line is a URL rather than a path."""
    return spec.lower().startswith(("http://", "https://"))


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    return sorted({str(info[4][0]) for info in infos})


def check_address_allowed(url: str, *, allow_private: bool, resolve: Resolver = _resolve) -> None:
    """Refuse URLs that are not http(s), or whose host is on a non-public network.

    Raises:
        FetchError: the scheme or the address is not allowed.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the URL has no host")
    if allow_private:
        return
    for address in resolve(host):
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"{url}: refusing to fetch from {ip} ({host}), a private, loopback or "
                "reserved address; pass --allow-private-addresses if you trust this source"
            )


class HttpFetcher:
    """Fetch over HTTP(S) with an address policy, redirects checked hop by hop, and caps."""

    def __init__(
        self,
        settings: Settings,
        *,
        client: httpx.Client | None = None,
        resolve: Resolver = _resolve,
    ) -> None:
        self.settings = settings
        self._resolve = resolve
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        """Close the underlying connection pool."""
        self._client.close()

    def __call__(self, url: str) -> RawInput:
        """Fetch ``url`` and return its body as a :class:`RawInput`.

        Raises:
            FetchError: refused by policy, network failure, timeout or an HTTP error status.
            OversizedInputError: the body is larger than ``settings.fetch_max_bytes``.
        """
        current = url
        deadline = time.monotonic() + self.settings.fetch_timeout
        for _ in range(MAX_REDIRECTS + 1):
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{current}: timed out after {self.settings.fetch_timeout:g} s; "
                    "try again later or raise --fetch-timeout"
                )
            check_address_allowed(
                current,
                allow_private=self.settings.allow_private_addresses,
                resolve=self._resolve,
            )
            try:
                with self._client.stream("GET", current) as response:
                    self._check_peer(response, current)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"{current}: the server answered HTTP {response.status_code}"
                        )
                    body = self._read_capped(response, current, deadline)
                    name = urlsplit(current).path.rsplit("/", 1)[-1] or "index"
                    return RawInput(
                        source=url,
                        name=name,
                        data=body,
                        url=current,
                        content_type=response.headers.get("content-type"),
                    )
            except httpx.TimeoutException:
                raise FetchError(
                    f"{current}: timed out after {self.settings.fetch_timeout:g} s; "
                    "try again later or raise --fetch-timeout"
                ) from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: cannot fetch ({exc})") from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        """Refuse a response from a non-public address, whatever DNS said before.

        The host was checked before connecting, but a name can resolve differently on the
        second lookup that the connection makes (DNS rebinding); the address actually
        connected to is what counts, and nothing from it is read when it is private.
        """
        if self.settings.allow_private_addresses:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return
        ip = ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                f"{url}: refusing to read from {ip}, a private, loopback or reserved address "
                "(the host's address changed after it was checked); pass "
                "--allow-private-addresses if you trust this source"
            )

    def _read_capped(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        cap = self.settings.fetch_max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise OversizedInputError(
                f"{url}: the server declares {declared} bytes, over the {cap}-byte fetch cap"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{url}: timed out after {self.settings.fetch_timeout:g} s in all; "
                    "try again later or raise --fetch-timeout"
                )
            size += len(chunk)
            if size > cap:
                raise OversizedInputError(f"{url}: the body is over the {cap}-byte fetch cap")
            chunks.append(chunk)
        return b"".join(chunks)
