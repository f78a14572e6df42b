"""Drives the explorer page of `newsgraph serve` in headless Chromium, as an analyst would.

Usage: explorer_check.py BASE_URL SCREENSHOT_DIR

Finds "Wan Lin", opens Cainiao's neighbourhood, clicks Ding Hongwei's reporting tie on the
graph and checks the words shown, checks the disagreement flagged on that tie, sets the date to
2023-06-01 and 2025-02-01 and checks who is Alibaba's CEO then, on the page's table and on the
graph, and opens a saved question as a sortable table. Saves a screenshot at each step. Exits
non-zero with a message on the first check that fails; prints one line per check passed.
"""

import base64
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

ID = "https://newsgraph.example/id/"
REPORTS_TO = "http://www.w3.org/ns/org#reportsTo"
HEAD_OF = "http://www.w3.org/ns/org#headOf"


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        f"--user-data-dir={profile}",
    ]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok:", message)


def main():
    base, shots = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    if os.path.exists(os.path.join(shots, "failure.png")):
        os.remove(os.path.join(shots, "failure.png"))
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            run(driver, base, shots)
        except Exception:
            driver.save_screenshot(os.path.join(shots, "failure.png"))
            raise
        finally:
            driver.quit()


def run(driver, base, shots):
    # Generous: on a loaded machine (a build beside the tests) the page and its layout are slow;
    # on an idle one every wait ends in well under a second.
    wait = WebDriverWait(driver, 180)

    def shot(name):
        driver.save_screenshot(os.path.join(shots, name + ".png"))

    def text_of(element_id):
        return driver.find_element(By.ID, element_id).text

    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    driver.get(base + "/explore")
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    load = driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "const p = performance.getEntriesByName('first-contentful-paint')[0];"
        "return [n.domContentLoadedEventEnd, n.loadEventEnd, p ? p.startTime : null];"
    )
    print(f"timing: page DOMContentLoaded {load[0]:.0f} ms, load {load[1]:.0f} ms, "
          f"first contentful paint {load[2] or 0:.0f} ms")

    # Search by the name one article uses; the entity is found under every name.
    search = driver.find_element(By.ID, "search")
    search.send_keys("Wan Lin")
    wait.until(lambda d: "Lin Wan" in d.find_element(By.ID, "search-results").text)
    first = driver.find_element(By.CSS_SELECTOR, "#search-results li")
    check("Lin Wan" in first.text and "Wan Lin" in first.text,
          f"searching \"Wan Lin\" finds Lin Wan under both names: {first.text!r}")
    search.send_keys(Keys.ENTER)
    wait.until(lambda d: d.execute_script(
        f"return window.newsgraphExplorer.cy.getElementById('{ID}person/lin-wan').data('expanded') === true"))
    wait.until(lambda d: "Lin Wan" in text_of("panel-details"))

    # Cainiao's neighbourhood, opened from the graph with a double click on its node.
    cainiao = ID + "organization/cainiao"
    started = time.perf_counter()
    node_at = driver.execute_script(
        "const n = window.newsgraphExplorer.cy.getElementById(arguments[0]); return n.nonempty();",
        cainiao)
    check(node_at, "Lin Wan's neighbourhood holds Cainiao")
    driver.execute_script(
        "window.newsgraphExplorer.cy.getElementById(arguments[0]).emit('dbltap');", cainiao)
    wait.until(lambda d: d.execute_script(
        "return window.newsgraphExplorer.cy.getElementById(arguments[0]).data('expanded') === true",
        cainiao))
    print(f"timing: Cainiao's neighbourhood expanded and drawn in "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    count = driver.execute_script("return window.newsgraphExplorer.cy.nodes().length")
    check(count > 30, f"Cainiao's neighbourhood is drawn ({count} entities)")
    shot("1-neighbourhood")

    # Ding Hongwei's reporting tie to Lin Wan, clicked where it is drawn on the canvas.
    tie = f"{ID}person/ding-hongwei {REPORTS_TO} {ID}person/lin-wan"
    canvas = driver.find_element(By.ID, "graph")

    def shows_the_tie(d):
        details = text_of("panel-details")
        return "reports to" in details and "Since 2024" in details

    # On a busy machine the layout may still be moving when the first click lands: click again
    # where the tie is drawn now, until its details are shown.
    for attempt in range(8):
        driver.execute_script(
            "const cy = window.newsgraphExplorer.cy; const e = cy.getElementById(arguments[0]);"
            "cy.stop(); cy.zoom(1.5); cy.center(e);", tie)
        time.sleep(0.3 + attempt)
        point = driver.execute_script(
            "const cy = window.newsgraphExplorer.cy; const e = cy.getElementById(arguments[0]);"
            "const p = e.renderedMidpoint(); const r = cy.container().getBoundingClientRect();"
            "return [p.x, p.y, r.width, r.height];", tie)
        ActionChains(driver).move_to_element_with_offset(
            canvas, int(point[0] - point[2] / 2), int(point[1] - point[3] / 2)).click().perform()
        try:
            WebDriverWait(driver, 10).until(shows_the_tie)
            break
        except TimeoutException:
            continue
    wait.until(shows_the_tie)
    details = text_of("panel-details")
    title = text_of("tie-title")
    check(title == "Ding Hongwei — reports to — Lin Wan", f"the tie clicked is shown: {title!r}")
    check("“Since 2024, Ding has had dual reporting lines to Cainiao CEO Lin Wan and Jiang”"
          in details, "36Kr's words for the tie are quoted")
    check("“Ding Hongwei, the Cainiao executive in charge of that team, now reports to both Jiang Fan, "
          "chief executive officer of Alibaba's e-commerce business, and Wan Lin, chief executive "
          "officer of Cainiao.”" in details,
          "Momentum Works' words for the tie are quoted")
    check("Cainiao offloads e-commerce duties to Alibaba to double down on logistics" in details
          and "KrASIA" in details, "the seed article's title and publisher are shown")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#panel-details mark")]
    check("Since 2024, Ding has had dual reporting lines to Cainiao CEO Lin Wan and Jiang" in marks,
          "the quote is highlighted in the article text")
    flag = driver.find_element(By.ID, "tie-disagreement").text
    check("Sources disagree" in flag and "Momentum Works" in flag and "36Kr" in flag
          and "Wan Lin, Jiang Fan" in flag and "will now report directly to Jiang Fan" in flag,
          "the disagreement on Ding Hongwei's reporting line is flagged with both sides and their words")
    disputed = driver.execute_script(
        "const cy = window.newsgraphExplorer.cy;"
        "return [cy.getElementById(arguments[0]).data('disputed'),"
        " cy.getElementById(arguments[1]).data('disputed')];",
        tie, ID + "person/ding-hongwei")
    check(disputed == [True, True], "the tie and Ding Hongwei's node are marked disputed on the graph")
    # Ding Hongwei's own neighbourhood brings in Jiang Fan, the other side.
    ding = ID + "person/ding-hongwei"
    driver.execute_script("window.newsgraphExplorer.cy.getElementById(arguments[0]).emit('dbltap');", ding)
    wait.until(lambda d: d.execute_script(
        "return window.newsgraphExplorer.cy.getElementById(arguments[0]).data('expanded') === true", ding))
    driver.execute_script(
        "const cy = window.newsgraphExplorer.cy;"
        "const ding = cy.getElementById(arguments[0]);"
        "cy.fit(ding.closedNeighborhood().add(ding.closedNeighborhood().connectedNodes()).filter(x => x.visible()), 20);"
        "if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(ding.closedNeighborhood()); }",
        ID + "person/ding-hongwei")
    shot("2-tie-evidence")
    # The same, scaled to 70 %, small enough for the README (docs/explorer.png).
    small = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png",
        "clip": {"x": 0, "y": 0, "width": 1280, "height": 800, "scale": 0.7},
    })
    with open(os.path.join(shots, "explorer-small.png"), "wb") as out:
        out.write(base64.b64decode(small["data"]))

    # Alibaba as of two dates.
    alibaba = ID + "organization/alibaba"
    driver.execute_script(
        "window.newsgraphExplorer.cy.getElementById(arguments[0]).emit('dbltap');", alibaba)
    wait.until(lambda d: d.execute_script(
        "return window.newsgraphExplorer.cy.getElementById(arguments[0]).data('expanded') === true",
        alibaba))

    def set_date(date):
        box = driver.find_element(By.ID, "as-of")
        driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('change'));", box, date)
        wait.until(lambda d: date in text_of("asof-body"))

    def alibaba_ceo():
        rows = driver.find_elements(By.CSS_SELECTOR, "#leaders tbody tr")
        cells = [[c.text for c in r.find_elements(By.TAG_NAME, "td")] for r in rows]
        return [c[2] for c in cells if c[0] == "Alibaba Group" and c[1] == "CEO"]

    def heads_drawn():
        return sorted(driver.execute_script(
            "const cy = window.newsgraphExplorer.cy;"
            "return cy.edges().filter(e => e.data('p') === arguments[0] && e.data('target') === arguments[1]"
            " && !e.hasClass('off')).map(e => cy.getElementById(e.data('source')).data('label'));",
            HEAD_OF, alibaba))

    set_date("2023-06-01")
    check(alibaba_ceo() == ["Daniel Zhang"], f"on 2023-06-01 Alibaba's CEO is Daniel Zhang: {alibaba_ceo()}")
    check(heads_drawn() == ["Daniel Zhang"], f"on 2023-06-01 the graph shows Daniel Zhang heading Alibaba: {heads_drawn()}")
    shot("3-as-of-2023-06-01")
    set_date("2025-02-01")
    check(alibaba_ceo() == ["Eddie Wu"], f"on 2025-02-01 Alibaba's CEO is Eddie Wu: {alibaba_ceo()}")
    check(heads_drawn() == ["Eddie Wu", "Joe Tsai"],
          f"on 2025-02-01 the graph shows Eddie Wu (CEO) and Joe Tsai (chairman) heading Alibaba: {heads_drawn()}")
    shot("4-as-of-2025-02-01")

    # The timeline.
    driver.find_element(By.ID, "tab-timeline").click()
    timeline = text_of("panel-timeline")
    check("Founding of Cainiao" in timeline and "2013" in timeline, "the timeline lists the founding in 2013")
    shot("5-timeline")

    # The graph from the keyboard alone: Tab to it, an arrow chooses a node, Enter opens it.
    driver.execute_script("window.newsgraphExplorer.cy.elements().unselect();")
    graph = driver.find_element(By.ID, "graph")
    driver.execute_script("arguments[0].focus();", graph)
    check(driver.switch_to.active_element == graph, "the graph takes the keyboard focus")
    graph.send_keys(Keys.ARROW_RIGHT)
    chosen = driver.execute_script(
        "return window.newsgraphExplorer.cy.nodes(':selected').map(n => n.data('label'));")
    check(len(chosen) == 1 and chosen[0] in text_of("graph-status"),
          f"an arrow key chooses one node and the status line names it: {chosen}")
    graph.send_keys(Keys.ARROW_DOWN)
    moved = driver.execute_script(
        "return window.newsgraphExplorer.cy.nodes(':selected').map(n => n.data('label'));")
    check(len(moved) == 1, f"another arrow moves the choice: {chosen} then {moved}")
    graph.send_keys(Keys.ENTER)
    try:
        WebDriverWait(driver, 20).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "#panel-details h2").text.startswith(moved[0]))
    except TimeoutException:
        pass
    opened = driver.find_element(By.CSS_SELECTOR, "#panel-details h2").text
    check(opened.startswith(moved[0]), f"Enter opens the chosen node's facts: {opened!r}")
    shot("6-keyboard")

    # A saved question opened as a browser opens it: a sortable table whose IRIs lead back.
    driver.get(base + "/queries/leaders-as-of?date=2024-12-01")
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    wait.until(lambda d: "rows" in text_of("ask-status"))
    header = driver.find_element(By.CSS_SELECTOR, "#results th:nth-child(4) button")
    check(header.text == "leader", f"the saved question's answer is a table: {header.text!r}")
    header.click()
    leaders = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "#results tbody td:nth-child(4)")]
    check(leaders == sorted(leaders), f"a click on a column heading sorts the table: {leaders}")
    shot("7-saved-question")

    problems = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    check(not problems, f"the browser logged no error or warning (CSP included): {problems}")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print("FAILED:", failure, file=sys.stderr)
        sys.exit(1)
