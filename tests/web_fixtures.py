"""Stores for the web tests: the bundled samples (analysed) and a hostile article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HOSTILE_HTML = """<!doctype html>
<html><head>
<title>Hostile &lt;script&gt;window.__pwned=1&lt;/script&gt; headline</title>
<meta name="author" content="&lt;img src=x onerror=window.__pwned=2&gt;">
<script>window.__pwned = 3;</script>
</head><body>
<article>
<h1>Hostile <script>window.__pwned=4</script> headline about NATO</h1>
<p>Ministers met in Brussels on Monday to discuss the alliance and its eastern border.
<img src="x" onerror="window.__pwned=5"> The talks ran late into the night.</p>
<p onclick="window.__pwned=6">Officials said &lt;script&gt;alert(1)&lt;/script&gt; would not
appear in the final communique, which was published on Tuesday morning for everyone.</p>
<p>Another paragraph with <a href="javascript:window.__pwned=7">a link</a> and a closing
remark about the summit, the border and the ministers who attended it in Brussels.</p>
</article>
</body></html>
"""


def build_store(db: Path, inputs: list[Path], pipeline: Any) -> list[str]:
    """Analyse ``inputs`` into the store at ``db``; return the stored article ids."""
    from parallax.settings import Settings
    from parallax.store import open_store
    from parallax.usecases import ingest

    store = open_store(db)
    result = ingest(inputs, store=store, settings=Settings(db_path=db), pipeline=pipeline)
    store.close()
    assert result.exit_code == 0, result.items
    return result.article_ids
