"""What the browser scripts share: headless Chromium through WebDriver, and the `ok`/`FAIL` lines."""
from selenium import webdriver

failures = 0


def check(name, condition, why=""):
    """Prints `ok NAME`, or `FAIL NAME: why` and counts it."""
    global failures
    if condition:
        print(f"ok {name}", flush=True)
    else:
        failures += 1
        print(f"FAIL {name}: {why}", flush=True)


def browser(width=360, height=900, javascript=True):
    """A headless Chromium `width` × `height` in Dutch that keeps the console's messages."""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}", "--lang=nl"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(options=options)
