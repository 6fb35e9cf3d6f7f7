"""Regenerate docs/img/selftest.png: the Purges self-test page after a student has checked some answers.

Run: python scripts/selftest_screenshot.py   (needs chromium + chromium-driver and the test extras)
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from selenium.webdriver.support.ui import Select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizforge.pipeline import BuildRequest  # noqa: E402
from quizforge.selftest.page import render_selftest  # noqa: E402
from quizforge.selftest.pool import make_pool  # noqa: E402
from tests.browser import open_chromium  # noqa: E402

OUT = ROOT / "docs" / "img" / "selftest.png"


def main() -> None:
    pool = make_pool(BuildRequest(source=ROOT / "sources" / "purges.yaml", seed=1))
    questions = {q.id: q for q in pool.questions}
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "selftest.html"
        page.write_bytes(render_selftest(pool))
        driver = open_chromium(Path(tmp) / "profile")
        try:
            driver.set_window_size(900, 1200)
            driver.get(page.as_uri())
            cards = driver.find_elements("css selector", "fieldset.question")
            for i, card in enumerate(cards):
                q = questions[card.get_attribute("data-qid")]
                if card.get_attribute("data-type") == "gap":
                    card.find_element("css selector", "input").send_keys(q.body.answer if i != 1 else "Kulaks")
                elif card.get_attribute("data-type") == "match":
                    for j, pick in enumerate(card.find_elements("css selector", "select")):
                        Select(pick).select_by_value(str(q.body.key[j] if j != 2 else (q.body.key[j] + 1) % 5))
            driver.find_element("id", "check").click()
            driver.execute_script("window.scrollTo(0, 0)")
            shot = Image.open(io.BytesIO(driver.get_screenshot_as_png()))
        finally:
            driver.quit()
    shot = shot.convert("RGB").resize((shot.width * 2 // 3, shot.height * 2 // 3), Image.LANCZOS)
    shot.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(OUT, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
