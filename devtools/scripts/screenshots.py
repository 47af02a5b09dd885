"""Screenshots of the web UI's main pages for the docs, on the bundled samples and the seeds.

    python devtools/scripts/screenshots.py [--db .cache/screenshots.db] [--out docs/screenshots]

Analyses the three bundled sample articles and the two seed editorials (../shared/seeds,
when present) into a store (kept, so a second run only takes the pictures), serves the UI
on a free loopback port and photographs it in headless Chromium, the same browser set-up
as the end-to-end tests (parallax.web.browser).
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

import parallax
from parallax.runner import run
from parallax.settings import Settings
from parallax.store import open_store
from parallax.web import ServerSettings, create_app
from parallax.web.browser import chromium
from parallax.web.serving import running

REPO = Path(__file__).resolve().parents[2]


def inputs() -> list[Path]:
    samples = Path(str(resources.files("parallax") / "samples"))
    found = sorted(
        p
        for p in samples.iterdir()
        if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md"
    )
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        found += sorted(seeds.glob("*.txt"))
    return found


def build(db: Path) -> None:
    store = open_store(db)
    settings = Settings(db_path=db)
    run(inputs(), store=store, settings=settings, pipeline=parallax.load(), command="screenshots")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=REPO / ".cache" / "screenshots.db")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1360)
    args = parser.parse_args()
    build(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app(ServerSettings(run=Settings(db_path=args.db)))
    store = open_store(args.db)
    _total, items = store.list_articles(limit=50)
    by_outlet = {i["outlet"]: i["id"] for i in items}
    samples = [
        by_outlet[o]
        for o in ("The Helsinki Herald", "Northern Voice", "Eastern Dispatch")
        if o in by_outlet
    ]
    store.close()
    with running(app) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": 900})

        def shot(name: str, path: str, full: bool = True) -> None:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(400)
            page.screenshot(path=str(args.out / name), full_page=full)
            print(args.out / name)

        shot("corpus.png", "/", full=False)
        shot(
            "article.png",
            f"/articles/{samples[1] if len(samples) > 1 else items[0]['id']}",
            full=False,
        )
        shot("comparison.png", "/compare?" + "&".join(f"ids={i}" for i in samples[:3]), full=False)
        page.goto(base + "/check")
        page.fill("#claim", "Finland joined NATO in 2023.")
        page.click("#check-form button")
        page.wait_for_selector("#check-result:not([hidden]), #check-error:not([hidden])")
        page.screenshot(path=str(args.out / "check.png"), full_page=False)
        print(args.out / "check.png")


if __name__ == "__main__":
    main()
