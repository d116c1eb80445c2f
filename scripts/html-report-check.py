#!/usr/bin/env python3
"""Loads an mtlint HTML report in headless Chromium and checks the rendered page.

Drives Chromium over the DevTools protocol on a pipe (no extra Python packages): opens the
report, reads the laid-out page with JavaScript (highlights present and coloured, counts
equal to `mtlint lint --format json`, the summary shown above the files, a tooltip on hover,
nothing fetched), and saves a screenshot.

    html-report-check.py CHROMIUM REPORT.html FINDINGS.json SCREENSHOT.png
"""
import base64
import json
import os
import subprocess
import sys
import shutil
import tempfile

chromium, report, findings_path, screenshot = sys.argv[1:5]
findings = json.load(open(findings_path, encoding="utf-8"))

# fd 3: commands to the browser, fd 4: its answers; messages end with a NUL byte.
to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()
profile = tempfile.mkdtemp(prefix="mtlint-chromium-")


def child_fds():
    # Copies first: a pipe end may already be 3 or 4, and dup2 onto itself would leave it
    # closed on exec.
    reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)
    os.dup2(reading, 3)
    os.dup2(writing, 4)


browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
     "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank"],
    preexec_fn=child_fds, close_fds=False,
    stdout=subprocess.DEVNULL, stderr=None if os.environ.get("VERBOSE") else subprocess.DEVNULL)
os.close(to_browser_r)
os.close(from_browser_w)
incoming = os.fdopen(from_browser_r, "rb")
pending = b""
next_id = 0


def read_message():
    global pending
    while b"\0" not in pending:
        chunk = incoming.read1(65536)
        if not chunk:
            raise SystemExit("html-report-check: Chromium closed the DevTools pipe")
        pending += chunk
    message, pending = pending.split(b"\0", 1)
    return json.loads(message)


def call(method, params=None, session=None, events=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_w, json.dumps(message).encode() + b"\0")
    while True:
        answer = read_message()
        if answer.get("id") == next_id:
            if "error" in answer:
                raise SystemExit(f"html-report-check: {method}: {answer['error']}")
            return answer["result"]
        if events is not None and "method" in answer:
            events.append(answer["method"])


def wait_for_event(name, session, events):
    while name not in events:
        message = read_message()
        if message.get("sessionId") == session and "method" in message:
            events.append(message["method"])


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    events = []
    call("Page.enable", session=session, events=events)
    call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
         session=session, events=events)
    call("Page.navigate", {"url": "file://" + os.path.abspath(report)}, session=session, events=events)
    wait_for_event("Page.loadEventFired", session, events)

    def evaluate(expression):
        result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            raise SystemExit(f"html-report-check: script error: {result['exceptionDetails']}")
        return result["result"].get("value")

    page = evaluate("""(() => {
      const marks = [...document.querySelectorAll('.text mark')];
      const summary = document.querySelector('.summary').getBoundingClientRect();
      const firstFile = document.querySelector('details.file').getBoundingClientRect();
      return {
        anchors: document.querySelectorAll('.text a.at').length,
        entries: document.querySelectorAll('ol.findings li.finding').length,
        total: document.querySelector('.summary .total')?.textContent,
        marks: marks.length,
        markClasses: [...new Set(marks.flatMap(m => [...m.classList]))],
        uncoloured: marks.filter(m => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)').length,
        safeUnderline: (m => m && getComputedStyle(m).borderBottomStyle)(document.querySelector('mark.fix-safe:not(.multi)')),
        unsafeUnderline: (m => m && getComputedStyle(m).borderBottomStyle)(document.querySelector('mark.fix-unsafe:not(.multi)')),
        summaryAboveFiles: summary.bottom <= firstFile.top,
        scripts: document.scripts.length,
        resources: performance.getEntriesByType('resource').length,
        textLength: document.querySelector('.text').textContent.length,
        fixBadges: { safe: document.querySelectorAll('li .badge.safe').length, unsafe: document.querySelectorAll('li .badge.unsafe').length },
        categoryRows: [...document.querySelectorAll('table.by-category tbody tr')].map(r => r.className),
      };
    })()""")
    count = len(findings)
    check(page["anchors"] == count, f"an anchor in the text for each of the {count} findings (found {page['anchors']})")
    check(page["entries"] == count, f"a list entry for each finding (found {page['entries']})")
    check(page["total"] == str(count), f"the summary's total is {count} (shows {page['total']})")
    check(page["marks"] >= len([f for f in findings if f["byteLength"] > 0]) // 2 and page["marks"] > 0,
          f"highlights in the text ({page['marks']})")
    categories = sorted({f["category"] for f in findings})
    missing = [c for c in categories if "c-" + c not in page["markClasses"]]
    check(not missing, f"a highlight for every category found ({', '.join(categories)}); missing: {missing}")
    check(sorted(r.removeprefix("c-") for r in page["categoryRows"]) == categories, "a summary row per category")
    check(page["uncoloured"] == 0, f"every highlight has a background ({page['uncoloured']} without)")
    safe = sum(1 for f in findings if f["fix"] and f["fix"]["applicability"] == "safe")
    unsafe = sum(1 for f in findings if f["fix"] and f["fix"]["applicability"] == "unsafe")
    check(page["safeUnderline"] in ("solid", None) and page["unsafeUnderline"] in ("dashed", None)
          and (page["safeUnderline"] is not None or safe == 0) and (page["unsafeUnderline"] is not None or unsafe == 0),
          f"safe fixes underlined solid, unsafe dashed ({page['safeUnderline']}, {page['unsafeUnderline']})")
    check(page["fixBadges"] == {"safe": safe, "unsafe": unsafe}, f"fix badges: {safe} safe, {unsafe} unsafe ({page['fixBadges']})")
    check(page["summaryAboveFiles"], "the summary is shown above the files")
    check(page["scripts"] == 0 and page["resources"] == 0, "no script, nothing fetched")

    # Hover the first quote-spacing highlight: its tooltip appears.
    box = evaluate("""(() => { const shown = [...document.querySelectorAll('.text mark')].filter(m => m.getClientRects().length > 0);
      const m = shown.find(m => m.classList.contains('c-quote-spacing')) || shown[0];
      m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
    call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box["x"], "y": box["y"]}, session=session)
    tip = evaluate("""(() => { const m = document.querySelector('.text mark:hover');
      return m ? getComputedStyle(m, '::before').content : null; })()""")
    check(bool(tip) and tip.startswith("\"[") and "] " in tip, f"hovering a highlight shows its rule, message and fix ({(tip or '')[:60]!r}…)")

    call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 0, "y": 0}, session=session)
    evaluate("window.scrollTo(0, 0)")
    shot = call("Page.captureScreenshot", {"format": "png", "clip": {"x": 0, "y": 0, "width": 1280, "height": 1000, "scale": 1}},
                session=session)
    with open(screenshot, "wb") as out:
        out.write(base64.b64decode(shot["data"]))
    print(f"screenshot: {screenshot}")
finally:
    try:
        call("Browser.close")
    except BaseException:
        browser.kill()
    browser.wait(timeout=30)
    shutil.rmtree(profile, ignore_errors=True)

if failures:
    print(f"html-report-check: {len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("html-report-check: the report renders as it should")
