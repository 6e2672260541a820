#!/usr/bin/python3
"""The web chat as a person uses it, in headless Chromium through WebDriver.

Usage: web_intake.py BASE LINK SCREENSHOT_DIR

BASE is the server (http://127.0.0.1:PORT), LINK a personal invitation link. Prints one line per
check, `ok NAME` or `FAIL NAME: why`, and exits 1 when any check failed. Run by the Swift test
WebBrowserTests; Debian's chromium, chromium-driver and python3-selenium (scripts/setup).
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import StaleElementReferenceException

base, link, shots = sys.argv[1], sys.argv[2], sys.argv[3]
failures = 0


def check(name, condition, why=""):
    global failures
    if condition:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"FAIL {name}: {why}")


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,900"]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options)


def question(driver):
    forms = driver.find_elements(By.CSS_SELECTOR, "form[data-slot]")
    return forms[0] if forms else None


def wait_for_slot(driver, slot, seconds=5):
    """The question form asking `slot`, once the page (replaced in place by the script) shows it."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            form = question(driver)
            if form is not None and form.get_attribute("data-slot") == slot:
                return form
        except StaleElementReferenceException:
            pass  # the script replaced the page's main region meanwhile
        time.sleep(0.1)
    return None


first = browser()
try:
    first.get(link)
    form = wait_for_slot(first, "consent.processing")
    check("the link opens the consent question", form is not None and form.get_attribute("data-type") == "yesno",
          first.page_source[:300])
    check("the token left the address bar", first.current_url.endswith("/chat"), first.current_url)
    check("the page says its language", first.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl")
    first.save_screenshot(f"{shots}/consent-360.png")

    form.find_element(By.CSS_SELECTOR, "button[name=answer][value=yes]").click()
    form = wait_for_slot(first, "profile.name")
    check("a click answers: the name question follows", form is not None)
    active = first.switch_to.active_element
    check("the focus moved to the new question", active.get_attribute("name") == "answer", active.tag_name)

    active.send_keys("<img src=x onerror=alert(1)> de Vries")
    active.send_keys(Keys.ENTER)
    form = wait_for_slot(first, "profile.side")
    check("Enter answers: the side question follows", form is not None)
    check("markup in an answer is shown as text", len(first.find_elements(By.CSS_SELECTOR, "main img")) == 0)

    # Keyboard only: Tab to the first option of the side question, then Enter.
    body = first.find_element(By.TAG_NAME, "body")
    chosen = None
    for _ in range(20):
        element = first.switch_to.active_element
        if element.get_attribute("name") == "answer" and element.get_attribute("value") == "teacher":
            chosen = element
            break
        element.send_keys(Keys.TAB) if element.tag_name != "body" else body.send_keys(Keys.TAB)
    check("Tab reaches the option 'Docent'", chosen is not None)
    if chosen is not None:
        chosen.send_keys(Keys.ENTER)
        check("Enter on a focused option answers it", wait_for_slot(first, "profile.organization") is not None)

    first.refresh()
    check("a reload resumes at the pending question", wait_for_slot(first, "profile.organization") is not None)
    check("no script error in the console",
          not [e for e in first.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]],
          str(first.get_log("browser")))
finally:
    first.quit()

second = browser()
try:
    second.get(link)
    check("the link on a second browser resumes at the same question", wait_for_slot(second, "profile.organization") is not None)
finally:
    second.quit()

stranger = browser()
try:
    stranger.get(f"{base}/chat")
    check("a browser without the session sees no question", question(stranger) is None)
    check("and nobody's answers", "de Vries" not in stranger.page_source)
finally:
    stranger.quit()

sys.exit(1 if failures else 0)
