"""Fetch http(s) URLs with timeouts, a size limit and a redirect limit."""

from __future__ import annotations

import re

import httpx

from ..errors import BadInput, FetchFailed
from ..records import RawItem
from .kinds import sniff_kind

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def is_url(text: str) -> bool:
    return bool(URL_RE.match(text.strip()))


class Fetcher:
    """One HTTP client for a whole batch (connection reuse); close() when done."""

    def __init__(self, opts):
        self.opts = opts
        self._client: httpx.Client | None = None

    def _c(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.opts.timeout),
                follow_redirects=True,
                max_redirects=self.opts.max_redirects,
                headers={"User-Agent": self.opts.user_agent},
            )
        return self._client

    def get(self, url: str, *, source: str | None = None) -> tuple[bytes, str, str | None]:
        """Return (body, final_url, content_type); raise FetchFailed naming the URL."""
        limit = self.opts.max_bytes
        try:
            with self._c().stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchFailed(f"{url}: server answered HTTP {resp.status_code} (check the URL)")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchFailed(f"{url}: response is larger than {limit} bytes (raise [fetch] max_bytes to accept it)")
                    chunks.append(chunk)
                return b"".join(chunks), str(resp.url), resp.headers.get("content-type")
        except httpx.TooManyRedirects:
            raise FetchFailed(f"{url}: more than {self.opts.max_redirects} redirects (raise [fetch] max_redirects or use the final URL)") from None
        except httpx.TimeoutException:
            raise FetchFailed(f"{url}: no answer within {self.opts.timeout:g} s (retry later or raise [fetch] timeout)") from None
        except httpx.HTTPError as exc:
            raise FetchFailed(f"{url}: could not fetch ({type(exc).__name__}: {exc}); check the URL and your network") from None

    def fetch_raw(self, url: str, kind_hint: str | None = None) -> RawItem:
        """The body as a RawItem; a .gz/.bz2/.xz body is unpacked (at most [fetch] max_bytes)."""
        from .unpack import compression_of, inner_name, unpack_stream

        body, final, ctype = self.get(url)
        name = final.split("?")[0]
        suffix = compression_of(body, name)
        if suffix == ".zip":
            raise FetchFailed(f"{url}: a .zip archive (download it and ingest the file: its members are read like a folder)")
        if suffix is not None:
            try:
                body = unpack_stream(body, url, suffix, self.opts.max_bytes)
            except BadInput as exc:
                raise FetchFailed(str(exc).replace("[ingest] max_file_bytes", "[fetch] max_bytes")) from None
            name, ctype = inner_name(name), None
        return RawItem(source=url, data=body, kind=kind_hint or sniff_kind(body, name, ctype), url=final, content_type=ctype)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
