"""`make audit`: Lighthouse (mobile) and axe-core on the demo site served as in production.

Starts gunicorn with DJANGO_DEBUG=0 on a throw-away SQLite database loaded with the demo
content and static files collected by whitenoise's storage, audits the pages below in
Arabic and English, prints a table and exits non-zero when a score is under its target.

Environment: AUDIT_PORT (8109), AUDIT_RUNS (Lighthouse runs per page when performance
is under target; the median counts, default 5), CHROME_PATH (/usr/bin/chromium).
"""

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
PORT = int(os.environ.get("AUDIT_PORT", "8109"))
RUNS = int(os.environ.get("AUDIT_RUNS", "5"))
BASE = f"http://localhost:{PORT}"

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {
    "home": "",
    "list": "publications/",
    "detail": "publications/hashtag-palestine-2020/",
    "search": "search/?q=%D9%81%D9%84%D8%B3%D8%B7%D9%8A%D9%86",
    "impact": "impact/?from=2021-01-01&to=2021-06-30",
    "team": "team/",
    "contact": "contact/",
}
# Search results are kept out of search engines on purpose (<meta name="robots" content="noindex">,
# as search engines ask of result pages): Lighthouse's "is-crawlable" check is the one left out there.
SKIPPED_AUDITS = {"search": ["is-crawlable"]}
LANGUAGES = ("ar", "en")
ADMIN_PAGES = [
    "/admin/",
    "/admin/publications/publication/",
    "/admin/publications/publication/add/",
    "/admin/publications/article/add/",
    "/admin/campaigns/campaign/add/",
    "/admin/trainings/training/add/",
    "/admin/trainings/event/add/",
    "/admin/pages/page/add/",
    "/admin/identity/siteidentity/1/change/",
]
ADMIN_USER, ADMIN_PASSWORD = "audit", secrets.token_urlsafe(18)
ADMIN_RECOVERY_CODE = ""  # issued when the audit server is prepared
SERIOUS = {"serious", "critical"}
LIGHTHOUSE_ATTEMPTS = 5


def server_environment(workdir):
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SERVE_MEDIA": "1",
        "DATABASE_URL": f"sqlite:///{workdir}/audit.sqlite3",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_CACHE_DIR": str(workdir / "cache"),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        "DJANGO_SUPERUSER_USERNAME": ADMIN_USER,
        "DJANGO_SUPERUSER_EMAIL": "audit@example.org",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def start_server(env):
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "createsuperuser", "--noinput")
    # The admin asks for a second factor: enrol the audit account and keep one recovery code.
    enrolment = subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", "totp_enrol", ADMIN_USER, "--no-qr", "--recovery-codes", "1"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    global ADMIN_RECOVERY_CODE  # noqa: PLW0603 - set once, before the browser signs in
    ADMIN_RECOVERY_CODE = enrolment[
        enrolment.index(next(line for line in enrolment if line.startswith("2."))) + 1
    ].strip()
    manage(env, "collectstatic", "--noinput")
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            PYTHON,
            "-m",
            "gunicorn",
            "hamleh.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=2):  # noqa: S310 - our own server
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the audit server did not start")


def lighthouse(url, workdir, skipped=()):
    report = workdir / "lighthouse.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={CHROME_FLAGS}",
        *([f"--skip-audits={','.join(skipped)}"] if skipped else []),
    ]
    # Lighthouse now and then loses the trace of a load (NO_NAVSTART), at times twice in a row: try again.
    for attempt in range(LIGHTHOUSE_ATTEMPTS):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=False)  # noqa: S603
        if done.returncode == 0:
            break
        print(f"Lighthouse failed on {url} (attempt {attempt + 1})", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse could not audit {url}")
    data = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    failing = [
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores, failing, load_metrics(data["audits"])


# What the performance score is made of, printed when it is under target: a miss says which load was slow.
LOAD_METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def load_metrics(audits):
    return ", ".join(
        f"{label} {audits[audit_id].get('displayValue', '?')}"
        for audit_id, label in LOAD_METRICS.items()
        if audit_id in audits
    )


def lighthouse_median(url, workdir, skipped=()):
    """Performance is noisy on a shared machine: more runs only when under target, the median counts.

    Returns the scores, the first run's failed binary audits and, per run, its performance score and load metrics.
    """
    runs = [lighthouse(url, workdir, skipped)]
    while len(runs) < RUNS and runs[0][0]["performance"] < TARGETS["performance"]:
        runs.append(lighthouse(url, workdir, skipped))
    scores = dict(runs[0][0])
    scores["performance"] = round(statistics.median(run[0]["performance"] for run in runs))
    return scores, runs[0][1], [f"{run[0]['performance']} ({run[2]})" for run in runs]


def axe_violations(page, url):
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document)).violations")


def run_axe(public_urls):
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROME, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844}, locale="ar")
        page = context.new_page()
        for url in public_urls:
            results[url] = axe_violations(page, url)
        page.goto(f"{BASE}/admin/login/")
        page.fill("#id_username", ADMIN_USER)
        page.fill("#id_password", ADMIN_PASSWORD)
        page.fill("#id_otp_token", ADMIN_RECOVERY_CODE)
        page.click("input[type=submit], button[type=submit]")
        page.wait_for_url(f"{BASE}/admin/")
        for path in ADMIN_PAGES:
            results[BASE + path] = [v for v in axe_violations(page, BASE + path) if v["impact"] in SERIOUS]
        browser.close()
    return results


def serve():
    """`scripts/audit.py --serve`: the audited site, kept running until interrupted (to look into a score)."""
    with tempfile.TemporaryDirectory(prefix="hamleh-audit-") as tmp:
        server = start_server(server_environment(Path(tmp)))
        print(f"{BASE}/ (admin: {ADMIN_USER} / {ADMIN_PASSWORD}); Ctrl-C stops it", flush=True)
        try:
            server.wait()
        except KeyboardInterrupt:
            server.terminate()
            server.wait(timeout=20)


def main():
    failures = []
    with tempfile.TemporaryDirectory(prefix="hamleh-audit-") as tmp:
        workdir = Path(tmp)
        server = start_server(server_environment(workdir))
        try:
            rows, public_urls = [], []
            for language in LANGUAGES:
                for name, path in PAGES.items():
                    url = f"{BASE}/{language}/{path}"
                    public_urls.append(url)
                    scores, failing, performance_runs = lighthouse_median(url, workdir, SKIPPED_AUDITS.get(name, ()))
                    rows.append((f"{name} ({language})" + ("*" if name in SKIPPED_AUDITS else ""), scores))
                    for category, target in TARGETS.items():
                        if scores[category] < target:
                            found = performance_runs if category == "performance" else failing
                            failures.append(f"{name} ({language}) {category} {scores[category]} < {target}: {found}")
            axe = run_axe(public_urls)
        finally:
            server.terminate()
            server.wait(timeout=20)

    print(f"\n{'Page':<16}" + "".join(f"{category:>16}" for category in TARGETS) + f"{'axe':>8}")
    print(f"{'target':<16}" + "".join(f"{target:>16}" for target in TARGETS.values()) + f"{0:>8}")
    for (label, scores), url in zip(rows, public_urls, strict=True):
        print(f"{label:<16}" + "".join(f"{scores[c]:>16}" for c in TARGETS) + f"{len(axe[url]):>8}")
    for name, skipped in SKIPPED_AUDITS.items():
        print(f"* {name}: without {', '.join(skipped)} (kept out of search engines on purpose)")
    for path in ADMIN_PAGES:
        print(f"{'admin ' + path:<64}{'serious/critical':>16}{len(axe[BASE + path]):>8}")
    for url, violations in axe.items():
        for violation in violations:
            nodes = ", ".join(node["target"][0] for node in violation["nodes"][:3])
            failures.append(f"axe {url}: {violation['impact']} {violation['id']} ({violation['help']}) at {nodes}")
    if failures:
        print("\nBelow target:\n" + "\n".join(f"- {failure}" for failure in failures))
        return 1
    print("\nEvery page meets the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(serve() if "--serve" in sys.argv else main())
