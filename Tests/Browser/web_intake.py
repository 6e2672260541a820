#!/usr/bin/python3
"""The web chat as a person uses it, in headless Chromium through WebDriver.

Usage: web_intake.py BASE SHOTS NAME=LINK...

BASE is the server (http://127.0.0.1:PORT), SHOTS a folder for the screenshots. The personal
invitation links, each of a participant of its own:

    clicks=LINK    a whole intake by clicks (and a reload, a second browser, a forged post)
    keyboard=LINK  a whole intake by the keyboard alone
    nojs=LINK      answers in a browser without JavaScript
    expired=LINK   a link whose time is up
    revoked=LINK   a link the coordinator revoked

Prints one line per check, `ok NAME` or `FAIL NAME: why`, and exits 1 when any check failed.
Run by the Swift test WebBrowserTests, and by scripts/screenshots for the pictures in docs/;
Debian's chromium, chromium-driver and python3-selenium (scripts/setup).
"""
import http.server
import sys
import threading
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

import chromium
from chromium import browser, check

base, shots = sys.argv[1], sys.argv[2]
links = dict(argument.split("=", 1) for argument in sys.argv[3:])

# The last question of the intake's straight part, where the page is photographed: a
# multichoice with the conversation so far above it.
PHOTOGRAPHED_SLOT = "profile.motivation"
HOME_SLOT = "menu.action"


def question(driver):
    forms = driver.find_elements(By.CSS_SELECTOR, "form[data-slot]")
    return forms[0] if forms else None


def current_slot(driver):
    try:
        form = question(driver)
        return form.get_attribute("data-slot") if form is not None else None
    except StaleElementReferenceException:
        return None


def wait_for_slot(driver, slot, seconds=8):
    """The question form asking `slot`, once the page (replaced in place by the script) shows it."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            form = question(driver)
            if form is not None and form.get_attribute("data-slot") == slot:
                return form
        except StaleElementReferenceException:
            pass  # the script replaced the page's main region meanwhile
        time.sleep(0.05)
    return None


def wait_for_change(driver, slot, turn, seconds=8):
    """The question form once the page shows another question than `slot` at `turn`."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            form = question(driver)
            if form is not None:
                field = form.find_elements(By.CSS_SELECTOR, "input[name=turn]")
                now = field[0].get_attribute("value") if field else None
                if form.get_attribute("data-slot") != slot or now != turn:
                    return form
        except StaleElementReferenceException:
            pass
        time.sleep(0.05)
    return None


def turn_of(form):
    field = form.find_elements(By.CSS_SELECTOR, "input[name=turn]")
    return field[0].get_attribute("value") if field else None


def typed_answer(form):
    """Something a participant would type for the question, long enough for its minimum."""
    slot = form.get_attribute("data-slot")
    kind = form.get_attribute("data-type")
    if kind == "email":
        return "zoe@example.org"
    if kind in ("integer", "number"):
        field = form.find_element(By.CSS_SELECTOR, "[name=answer]")
        return field.get_attribute("min") or "3"
    words = {
        "profile.name": "Zoë de Vries",
        "profile.organization": "Het Erasmus College",
        "profile.region": "Rotterdam",
        "profile.role": "Docent wiskunde",
    }
    return words.get(slot, "Wiskunde en techniek voor de onderbouw")


def is_wide_enough(driver):
    """Nothing is wider than the window: no scrolling sideways."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def small_targets(driver):
    """The visible controls smaller than 24 × 24 CSS pixels (WCAG 2.2, target size minimum)."""
    return driver.execute_script("""
        const small = [];
        for (const element of document.querySelectorAll('button, input:not([type=hidden]), textarea, a[href]')) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            if (element.classList.contains('skip-link')) continue;
            if (box.width < 24 || box.height < 24) small.push(element.outerHTML.slice(0, 80) + ' ' + box.width + 'x' + box.height);
        }
        return small;""")


def lowest_contrast(driver):
    """The lowest contrast ratio of a visible text on the page against its background, and where."""
    return driver.execute_script("""
        function rgb(text) { const m = text.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
        function luminance(c) {
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        }
        function background(element) {
            for (let e = element; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.a > 0) return c;
            }
            return {r: 255, g: 255, b: 255, a: 1};
        }
        let lowest = 21, where = '';
        for (const element of document.querySelectorAll('body *')) {
            const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
            const box = element.getBoundingClientRect();
            if (!own || box.width === 0 || box.height === 0 || box.top < -1000) continue;
            const f = luminance(rgb(getComputedStyle(element).color)), b = luminance(background(element));
            const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
            if (ratio < lowest) { lowest = ratio; where = element.tagName + '.' + element.className + ': ' + element.textContent.trim().slice(0, 40); }
        }
        return [lowest, where];""")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def history_text(driver):
    lines = driver.find_elements(By.CSS_SELECTOR, "#history li")
    return " | ".join(line.text for line in lines)


def answer_by_clicks(driver, form):
    """Answers the question with the mouse (and typing in a field): yes, the first option, the
    first box, or a typed answer sent with its button."""
    kind = form.get_attribute("data-type")
    if kind == "yesno":
        form.find_element(By.CSS_SELECTOR, "button[name=answer][value=yes]").click()
    elif kind == "choice":
        form.find_elements(By.CSS_SELECTOR, "button[name=answer]")[0].click()
    elif kind == "multichoice":
        form.find_elements(By.CSS_SELECTOR, ".check label")[0].click()
        form.find_element(By.CSS_SELECTOR, "button.primary").click()
    else:
        field = form.find_element(By.CSS_SELECTOR, "[name=answer]")
        field.clear()
        field.send_keys(typed_answer(form))
        form.find_element(By.CSS_SELECTOR, "button.primary").click()


def focused(driver):
    return driver.switch_to.active_element


def tab_to(driver, matches, limit=40):
    """Presses Tab until the focused element matches; the element, or None."""
    for _ in range(limit):
        element = focused(driver)
        try:
            if matches(element):
                return element
        except StaleElementReferenceException:
            pass
        element.send_keys(Keys.TAB)
    return None


def answer_by_keys(driver, form):
    """Answers the question with the keyboard alone: Tab, arrow keys, Space and Enter."""
    kind = form.get_attribute("data-type")
    if kind in ("yesno", "choice"):
        wanted = "yes" if kind == "yesno" else form.find_elements(By.CSS_SELECTOR, "button[name=answer]")[0].get_attribute("value")
        button = tab_to(driver, lambda e: e.get_attribute("name") == "answer" and e.get_attribute("value") == wanted)
        if button is None:
            raise RuntimeError(f"Tab never reached the option {wanted}")
        button.send_keys(Keys.ENTER)
    elif kind == "multichoice":
        box = tab_to(driver, lambda e: e.get_attribute("type") == "checkbox")
        if box is None:
            raise RuntimeError("Tab never reached a box")
        box.send_keys(Keys.SPACE)
        done = tab_to(driver, lambda e: "primary" in (e.get_attribute("class") or ""))
        if done is None:
            raise RuntimeError("Tab never reached Klaar")
        done.send_keys(Keys.ENTER)
    else:
        field = tab_to(driver, lambda e: e.get_attribute("name") == "answer")
        if field is None:
            raise RuntimeError("Tab never reached the field")
        field.send_keys(typed_answer(form))
        # Enter sends a field; in a text area it starts a new line, and Ctrl+Enter sends.
        if field.tag_name == "textarea":
            field.send_keys(Keys.CONTROL, Keys.ENTER)
        else:
            field.send_keys(Keys.ENTER)


def intake(driver, answer, until=HOME_SLOT, limit=60, on_question=None):
    """Answers every question until the conversation asks `until`; the slots asked, in order."""
    asked = []
    for _ in range(limit):
        form = question(driver)
        if form is None:
            raise RuntimeError("no question on the page: " + driver.page_source[:300])
        slot = form.get_attribute("data-slot")
        if slot == until:
            return asked
        asked.append(slot)
        if on_question is not None:
            on_question(slot)
            form = question(driver)
        turn = turn_of(form)
        answer(driver, form)
        if wait_for_change(driver, slot, turn) is None:
            raise RuntimeError(f"the page stayed at {slot}")
    raise RuntimeError(f"never reached {until}: {asked}")


class ForgedPage(http.server.BaseHTTPRequestHandler):
    """Another website on another port whose page posts an answer to the chat on load."""
    target = ""

    def do_GET(self):
        page = f"""<!DOCTYPE html><html><body>
            <form id="f" method="post" action="{ForgedPage.target}/chat">
            <input name="slot" value="menu.action"><input name="answer" value="1"><input name="csrf" value="guess">
            </form><script>document.getElementById('f').submit()</script></body></html>"""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page.encode())

    def log_message(self, *arguments):
        pass


# --- A whole intake by clicks ---------------------------------------------------------------

first = browser()
try:
    first.get(links["clicks"])
    form = wait_for_slot(first, "consent.processing")
    check("the link opens the consent question", form is not None and form.get_attribute("data-type") == "yesno",
          first.page_source[:300])
    check("the token left the address bar", first.current_url.endswith("/chat"), first.current_url)
    check("the page says its language", first.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl")
    first.save_screenshot(f"{shots}/consent-360.png")

    form.find_element(By.CSS_SELECTOR, "button[name=answer][value=yes]").click()
    form = wait_for_slot(first, "profile.name")
    check("a click answers: the name question follows", form is not None)
    active = focused(first)
    check("the focus moved to the new question", active.get_attribute("name") == "answer", active.tag_name)
    check("the question's place is shown", "Vraag 1 van " in first.find_element(By.ID, "progress").text,
          first.find_element(By.ID, "progress").text)

    active.send_keys("<img src=x onerror=alert(1)> de Vries")
    active.send_keys(Keys.ENTER)
    form = wait_for_slot(first, "profile.side")
    check("Enter answers: the side question follows", form is not None)
    check("markup in an answer is shown as text", len(first.find_elements(By.CSS_SELECTOR, "main img")) == 0)
    check("the answer is in the conversation so far", "<img src=x onerror=alert(1)> de Vries" in history_text(first),
          history_text(first))

    button = tab_to(first, lambda e: e.get_attribute("name") == "answer" and e.get_attribute("value") == "teacher")
    check("Tab reaches the option 'Docent'", button is not None)
    if button is not None:
        # The arrow keys move within the group of options, and back.
        button.send_keys(Keys.ARROW_DOWN)
        check("the down arrow moves to the next option", focused(first).get_attribute("value") == "professional",
              str(focused(first).get_attribute("value")))
        focused(first).send_keys(Keys.ARROW_UP)
        button = focused(first)
        check("the up arrow moves back", button.get_attribute("value") == "teacher", str(button.get_attribute("value")))
        button.send_keys(Keys.ENTER)
        check("Enter on a focused option answers it", wait_for_slot(first, "profile.organization") is not None)

    in_place = history_text(first)
    first.refresh()
    check("a reload resumes at the pending question", wait_for_slot(first, "profile.organization") is not None)
    earlier = history_text(first)
    check("a reload shows the conversation so far", "de Vries" in earlier and "Docent" in earlier, earlier)
    check("the lines added in place are the ones a reload draws", earlier == in_place, f"{in_place!r} != {earlier!r}")

    def photograph(slot):
        if slot == PHOTOGRAPHED_SLOT:
            first.save_screenshot(f"{shots}/question-360.png")
            check("at 360 px nothing scrolls sideways", is_wide_enough(first))
            small = small_targets(first)
            check("every target is at least 24 × 24 px", not small, str(small))
            ratio, where = lowest_contrast(first)
            check("every text has a contrast of at least 4.5:1", ratio >= 4.5, f"{ratio:.2f} at {where}")

    asked = intake(first, answer_by_clicks, on_question=photograph)
    check("a whole intake by clicks reaches the menu", current_slot(first) == HOME_SLOT, str(asked))
    check("the photographed question was asked", PHOTOGRAPHED_SLOT in asked, str(asked))
    in_place = history_text(first)
    first.refresh()
    check("after the whole intake in place, a reload draws the same conversation", wait_for_slot(first, HOME_SLOT) is not None
          and history_text(first) == in_place, f"{in_place!r} != {history_text(first)!r}")
    errors = console_errors(first)
    check("no error in the console", not errors, str(errors))

    # A forged post from another website: refused, nothing changes.
    before = turn_of(question(first))
    ForgedPage.target = base
    evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ForgedPage)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    first.get(f"http://127.0.0.1:{evil.server_address[1]}/")
    time.sleep(0.5)
    check("a post from another website is refused", "andere website" in first.page_source, first.page_source[:300])
    first.get(f"{base}/chat")
    check("and changes nothing", current_slot(first) == HOME_SLOT and turn_of(question(first)) == before,
          f"{current_slot(first)} at turn {turn_of(question(first))}, was {before}")
    evil.shutdown()
finally:
    first.quit()

second = browser()
try:
    second.get(links["clicks"])
    check("the link on a second browser resumes at the same question", wait_for_slot(second, HOME_SLOT) is not None)
finally:
    second.quit()

stranger = browser()
try:
    stranger.get(f"{base}/chat")
    check("a browser without the session sees no question", question(stranger) is None)
    check("and nobody's answers", "de Vries" not in stranger.page_source)
finally:
    stranger.quit()

# --- A whole intake by the keyboard alone, at 200 % zoom --------------------------------------

keys = browser(width=1280, height=900)
try:
    # 200 % of a 1280 px window: a viewport of 640 CSS pixels, each two screen pixels.
    keys.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 640, "height": 450, "deviceScaleFactor": 2, "mobile": False})
    keys.get(links["keyboard"])
    check("the keyboard link opens the consent question", wait_for_slot(keys, "consent.processing") is not None)
    shot = {}

    def at_zoom(slot):
        if slot == PHOTOGRAPHED_SLOT and not shot:
            shot["done"] = True
            keys.save_screenshot(f"{shots}/question-zoom-200.png")
            check("at 200 % zoom nothing scrolls sideways", is_wide_enough(keys))

    try:
        asked = intake(keys, answer_by_keys, on_question=at_zoom)
        check("a whole intake by the keyboard alone reaches the menu", current_slot(keys) == HOME_SLOT, str(asked))
    except (RuntimeError, WebDriverException) as error:
        check("a whole intake by the keyboard alone reaches the menu", False, str(error))
    check("the zoomed page was photographed", bool(shot))
finally:
    keys.quit()

# --- Without JavaScript ---------------------------------------------------------------------

plain = browser(javascript=False)
try:
    plain.get(links["nojs"])
    form = wait_for_slot(plain, "consent.processing")
    check("without JavaScript the link opens the consent question", form is not None)
    if form is not None:
        form.find_element(By.CSS_SELECTOR, "button[name=answer][value=yes]").click()
        form = wait_for_slot(plain, "profile.name")
        check("without JavaScript a click answers (a plain post and a redirect)", form is not None and plain.current_url.endswith("/chat"))
        if form is not None:
            field = form.find_element(By.CSS_SELECTOR, "[name=answer]")
            field.send_keys("Bram Jansen")
            field.send_keys(Keys.ENTER)
            form = wait_for_slot(plain, "profile.side")
            check("without JavaScript Enter sends a typed answer", form is not None)
            turn = turn_of(form) if form is not None else None
            plain.refresh()
            form = wait_for_slot(plain, "profile.side")
            check("a reload after the redirect repeats nothing", form is not None and turn_of(form) == turn)
            check("without JavaScript the conversation so far is shown", "Bram Jansen" in history_text(plain), history_text(plain))
finally:
    plain.quit()

# --- Links that no longer open --------------------------------------------------------------

ended = browser()
try:
    for name, words in [("expired", "verlopen"), ("revoked", "ingetrokken")]:
        ended.get(links[name])
        page = ended.page_source
        check(f"an {name} link says so and whom to ask", words in page and "coördinator" in page and question(ended) is None, page[:300])
        check(f"an {name} link's page is in the participant's language", ended.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl")
    ended.get(f"{base}/chat/{'x' * 43}")
    check("an unknown link says so", "niet" in ended.page_source.lower() and question(ended) is None, ended.page_source[:300])
finally:
    ended.quit()

sys.exit(1 if chromium.failures else 0)
