#!/usr/bin/python3
"""The coordinator's overview as a coordinator sees it, in headless Chromium through WebDriver.

Usage: coordinator_overview.py BASE LINK SHOTS

LINK is a coordinator's invitation link. Prints one line per check, `ok NAME` or `FAIL NAME:
why`, exits 1 when any check failed, and saves coordinator-overview.png (360 px wide, the whole
page) into SHOTS. Run by the Swift test WebBrowserTests and by scripts/screenshots.
"""
import sys

from selenium.webdriver.common.by import By

import chromium
from chromium import browser, check

base, link, shots = sys.argv[1], sys.argv[2], sys.argv[3]
driver = browser(width=1280)
try:
    driver.get(link)
    check("a coordinator's link opens the overview", driver.current_url.endswith("/coordinator"), driver.current_url)
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart[role=img]")
    check("the charts are drawn", len(charts) >= 2, str(len(charts)))
    check("each chart has a title", all(c.find_elements(By.TAG_NAME, "title") for c in charts))
    check("at 1280 px nothing scrolls sideways", driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"))
    for width in (360,):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        driver.refresh()
        check(f"at {width} px nothing scrolls sideways", driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"))
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": False})
        driver.save_screenshot(f"{shots}/coordinator-overview.png")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check("no error in the console", not errors, str(errors))
    pair_links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/coordinator/pairs/']")
    if pair_links:
        pair_links[0].click()
        check("a pair's name opens its report", "/coordinator/pairs/" in driver.current_url and "Job Twinning" in driver.title,
              driver.current_url)
finally:
    driver.quit()

sys.exit(1 if chromium.failures else 0)
