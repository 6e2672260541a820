#!/usr/bin/python3
"""The coordinator's overview as a coordinator sees it, in headless Chromium through WebDriver.

Usage: coordinator_overview.py BASE LINK

LINK is a coordinator's invitation link. Opens the overview at 1280 and at 360 px wide, then a
pair's report. Prints one line per check, `ok NAME` or `FAIL NAME: why`, and exits 1 when any
check failed. With JOBTWIN_SCREENSHOTS=FOLDER set it saves FOLDER/coordinator-overview.png (360
px wide, the whole page). Run by the Swift test WebBrowserTests and by scripts/screenshots.
"""
import os
import sys

from selenium.webdriver.common.by import By

import chromium
from chromium import browser, check

base, link = sys.argv[1], sys.argv[2]
shots = os.environ.get("JOBTWIN_SCREENSHOTS")
SIDEWAYS = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def width(driver, pixels, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": pixels, "height": height, "deviceScaleFactor": 1, "mobile": False})


driver = browser(width=1280)
try:
    driver.get(link)
    check("a coordinator's link opens the overview", driver.current_url.endswith("/coordinator"), driver.current_url)
    for pixels in (1280, 360):
        width(driver, pixels)
        driver.refresh()
        charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart[role=img]")
        check(f"at {pixels} px the charts are drawn", len(charts) >= 2, str(len(charts)))
        check(f"at {pixels} px each chart has a title and a table beside it",
              all(c.find_elements(By.TAG_NAME, "title") for c in charts) and len(driver.find_elements(By.CSS_SELECTOR, "table caption")) >= 3)
        check(f"at {pixels} px every chart fits the page", all(c.rect["width"] <= pixels for c in charts),
              str([c.rect["width"] for c in charts]))
        check(f"at {pixels} px nothing scrolls sideways", driver.execute_script(SIDEWAYS))
        check(f"at {pixels} px no error in the console", not console_errors(driver), str(console_errors(driver)))
    if shots:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        width(driver, 360, min(height, 6000))
        driver.save_screenshot(os.path.join(shots, "coordinator-overview.png"))
        width(driver, 360)
    pair_links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/coordinator/pairs/']")
    check("the pairs link to their reports", bool(pair_links))
    if pair_links:
        pair_links[0].click()
        check("a pair's name opens its report", "/coordinator/pairs/" in driver.current_url and "Job Twinning" in driver.title,
              driver.current_url)
        check("the report at 360 px scrolls not sideways", driver.execute_script(SIDEWAYS))
        check("the report's style is allowed and nothing else", not console_errors(driver), str(console_errors(driver)))
finally:
    driver.quit()

sys.exit(1 if chromium.failures else 0)
