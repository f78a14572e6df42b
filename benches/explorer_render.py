"""Times the explorer page in headless Chromium, with the browser's own clocks.

Usage: explorer_render.py BASE_URL ENTITY_IRI [RUNS]

For each of RUNS (5) fresh page loads at 1280x800: the first contentful paint and the load
event (performance API, from navigation start), the moment the page is ready (its saved
questions, disagreements and prefixes fetched), and then the time from asking for ENTITY's
neighbourhood to the graph laid out and drawn (performance.now() around the page's own expand,
after the next animation frame). Prints the median and slowest of each.
"""

import os
import statistics
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def main():
    base, entity = sys.argv[1].rstrip("/"), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    timings = {"first contentful paint": [], "load event": [], "page ready": [], "expand": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            options = webdriver.ChromeOptions()
            options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
            for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--window-size=1280,800", f"--user-data-dir={profile}"]:
                options.add_argument(flag)
            driver = webdriver.Chrome(
                service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                options=options)
            try:
                driver.get(base + "/explore")
                WebDriverWait(driver, 30).until(
                    lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
                paint, load, ready = driver.execute_script(
                    "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                    "const n = performance.getEntriesByType('navigation')[0];"
                    "return [p ? p.startTime : NaN, n.loadEventEnd, performance.now()];")
                timings["first contentful paint"].append(paint)
                timings["load event"].append(load)
                timings["page ready"].append(ready)
                elapsed = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "const cy = window.newsgraphExplorer.cy; const iri = arguments[0];"
                    "const started = performance.now();"
                    "cy.add({ group: 'nodes', data: { id: iri, label: '', kind: 'other' } });"
                    "const wait = () => cy.getElementById(iri).data('expanded') === true"
                    "  ? requestAnimationFrame(() => done(performance.now() - started))"
                    "  : setTimeout(wait, 5);"
                    "cy.getElementById(iri).emit('dbltap'); wait();", entity)
                timings["expand"].append(elapsed)
            finally:
                driver.quit()
    for name, values in timings.items():
        print(f"browser: {name:<24} median {statistics.median(values):7.1f} ms, "
              f"slowest {max(values):7.1f} ms ({len(values)} runs)")


if __name__ == "__main__":
    main()
