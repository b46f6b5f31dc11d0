"""HTML -> main text (one paragraph per line) and page metadata, with trafilatura.

`html_to_text(html, url=None)` returns `(text, meta)`; `meta` may hold `title`, `published`
(ISO date, or datetime with zone when the page's own meta tags give one), `outlet`, `url`,
`language` (from ``<html lang>``). Missing values are absent, never guessed here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_LANG_RE = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
# <meta property="article:published_time" content="2021-07-24T17:18:00+07:00"> and friends
_PUBTIME_RE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|dc\.date\.issued|date)["'][^>]*>""", re.I)
_CONTENT_RE = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_ISO_DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 kB (`<meta charset>`), if any."""
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _published_meta(html: str) -> str | None:
    """A full ISO datetime from the page's meta tags (trafilatura keeps only the date)."""
    for m in _PUBTIME_RE.finditer(html[:200000]):
        c = _CONTENT_RE.search(m.group(0))
        if c and _ISO_DT_RE.match(c.group(1).strip()):
            v = c.group(1).strip().replace(" ", "T")
            v = re.sub(r"\.\d+", "", v)
            if v.endswith("Z"):
                v = v[:-1] + "+00:00"
            v = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", v)
            if len(v) == 16 + 6 and v[16] in "+-":  # 2021-07-24T17:18+07:00 -> add seconds
                v = v[:16] + ":00" + v[16:]
            return v
    return None


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout (threads, tests)
    return cfg


@lru_cache(maxsize=16)
def _options(url: str | None):
    """trafilatura's extraction options, built once per URL (reading them from the config on every
    call costs ~7% of an extraction; trafilatura copies before changing them, so they are shared)."""
    from trafilatura.settings import Extractor

    return Extractor(config=_config(), output_format="python", precision=True, comments=False, tables=False,
                     url=url, with_metadata=True)


_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEP_RE = re.compile(r"\s+[-|–—]\s+")


def _title_site(html: str, headline: str) -> str | None:
    """The part of the page's <title> beside `headline` ("Headline - Atlas Wire" -> "Atlas Wire"), when it is
    a short name (at most five words)."""
    m = _TITLE_RE.search(html[:20000])
    if not m:
        return None
    parts = [" ".join(p.split()) for p in _TITLE_SEP_RE.split(unescape(m.group(1)).strip())]
    key = " ".join(headline.split()).casefold()
    rest = [p for p in parts if p and p.casefold() != key]
    if len(parts) == 2 and len(rest) == 1 and len(rest[0].split()) <= 5:
        return rest[0]
    return None


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict]:
    import trafilatura

    res = trafilatura.bare_extraction(html, url=url, options=_options(url))
    if res is None:
        return "", {}
    get = (lambda k: res.get(k)) if isinstance(res, dict) else (lambda k: getattr(res, k, None))
    text = get("text") or ""
    meta: dict = {}
    if get("title"):
        meta["title"] = " ".join(str(get("title")).split())
    published = _published_meta(html) or get("date")
    if published:
        meta["published"] = published
    site = str(get("sitename") or "").strip()
    if site and " ".join(site.split()).casefold() == meta.get("title", "").casefold():
        # trafilatura reads the site name off "<title>Headline - Site</title>" and sometimes takes the
        # headline side: the site is then the other side, if it is short enough to be a name
        site = _title_site(html, site) or ""
    if site:
        meta["sitename"] = site
    if get("url") or url:
        meta["url"] = get("url") or url
    m = _LANG_RE.search(html[:5000])
    if m:
        meta["language"] = m.group(1).lower()
    return text, meta
