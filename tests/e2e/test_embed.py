"""The box for other web sites, framed by a page of another origin, in Chromium: it loads
inside the frame, breaks no policy, has no axe violations at 1280 and 320 px, and its links
open the portal in a new tab."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.e2e.pages import DOCUMENT_TYPES, watch_policy
from tests.e2e.test_accessibility import WCAG_AA, axe


@pytest.fixture
def other_site(site):
    """A municipality's web page on another origin (a server of its own on a loopback port:
    Chromium lets no page of a public address frame a loopback one) with the code the open data
    page gives."""
    url = site + DOCUMENT_TYPES["embed"]
    body = (
        '<!DOCTYPE html><html lang="sv"><title>Kommunens webbplats</title><main>'
        f'<iframe src="{url}" title="Medborgarlöften i Vetlanda" width="100%" height="600">'
        "</iframe></main></html>"
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", url
    server.shutdown()
    server.server_close()


def test_another_sites_page_shows_the_box_accessibly_in_a_frame(page, other_site):
    reported = watch_policy(page)
    address, url = other_site
    page.goto(address)
    frame = page.frame_locator("iframe")
    heading = frame.locator("h1")
    heading.wait_for()
    assert heading.inner_text() == "Medborgarlöften i Vetlanda"
    assert frame.locator(".progress-text").count() >= 1
    box = next(f for f in page.frames if f.url == url)
    assert reported() == []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        if not box.evaluate("typeof window.axe !== 'undefined'"):
            box.evaluate(axe.axe_script)
        results = box.evaluate("options => axe.run(document, options)", WCAG_AA)
        assert results["violations"] == [], f"at {width} px: {results['violations']}"
        # At 320 px the frame is 300 px or so wide: nothing scrolls sideways in it.
        assert box.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    links = frame.locator("a")
    assert links.count() >= 3
    for index in range(links.count()):
        assert links.nth(index).get_attribute("target") == "_blank"
