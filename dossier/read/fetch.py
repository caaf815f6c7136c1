"""http(s) URLs: fetch with httpx (settings.timeout, settings.max_bytes), errors as InputError."""
from __future__ import annotations

from dossier.config import Settings
from dossier.errors import InputError


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of ``url``; raises InputError with a one-line reason."""
    import httpx

    headers = {"User-Agent": "dossier/0.1 (+news reader)", "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8"}
    try:
        with httpx.Client(timeout=settings.timeout, follow_redirects=True, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP error {response.status_code} {response.reason_phrase}".rstrip())
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise InputError(url, f"response too large (over {settings.max_bytes} bytes)")
                    chunks.append(chunk)
                return b"".join(chunks), response.headers.get("content-type", ""), str(response.url)
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {settings.timeout:g} s") from None
    except httpx.ConnectError:
        raise InputError(url, "unreachable (cannot connect)") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        raise InputError(url, "invalid URL") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch ({type(exc).__name__})") from None
