"""Checks against the real server: HEAD, 404s, hostile paths, oversized URLs, headers, layout.

HTTP checks send requests exactly as written (http.client or a raw socket, loopback only), so paths
such as `/media/%2e%2e%2f...` reach the server without a client normalising them first.
"""

from __future__ import annotations

import http.client
import re

import pytest
from playwright.sync_api import Page, expect

from helpers import (
    SECTION_SLUGS,
    SERIES_ARTICLE,
    SERIES_PATH,
    SITE_NAME,
    fetch,
    parse_head,
    raw_exchange,
)


@pytest.fixture(scope="module")
def top_image_path(base_url: str) -> str:
    """The address of the series article's top image (its largest resized copy), read from the page itself."""
    page = fetch(base_url, SERIES_ARTICLE)
    assert page.status == 200
    match = re.search(r'<figure class="top-image">\s*<picture>.*?<img src="(/media/r/[^"?#]+)"', page.text, re.S)
    assert match, "no top image found on the article page"
    return match.group(1)


ROUTES = {
    "home": "/",
    "latest": "/latest",
    "article": SERIES_ARTICLE,
    "section": "/sections/europe",
    "topic": "/topics/shipping",
    "series": SERIES_PATH,
    "author": "/authors/nadia-rahimi",
    "media": None,  # filled in from the article page
    "asset": "/assets/style.css",
}
HTML_PAGES = ["/", "/latest", SERIES_ARTICLE, "/sections/europe", "/topics/shipping", SERIES_PATH, "/authors/nadia-rahimi"]


def route_path(name: str, top_image_path: str) -> str:
    return top_image_path if name == "media" else ROUTES[name]


# --------------------------------------------------------------------------- HEAD


@pytest.mark.parametrize("name", list(ROUTES))
def test_head_matches_get(base_url: str, top_image_path: str, name: str) -> None:
    path = route_path(name, top_image_path)
    got = fetch(base_url, path)
    assert got.status == 200, f"GET {path} -> {got.status}"
    assert got.body, f"GET {path} has an empty body"

    head, trailing = raw_exchange(
        base_url, f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    status, headers = parse_head(head)
    assert status == 200, f"HEAD {path} -> {status}"
    assert trailing == b"", f"HEAD {path} sent a body of {len(trailing)} bytes"
    assert headers.get("content-type") == got.header("Content-Type"), (
        f"HEAD {path} Content-Type {headers.get('content-type')!r} != GET's {got.header('Content-Type')!r}"
    )
    if "content-length" in headers:
        assert int(headers["content-length"]) == len(got.body), (
            f"HEAD {path} Content-Length {headers['content-length']} != GET body length {len(got.body)}"
        )


# --------------------------------------------------------------------------- 404s


@pytest.mark.parametrize(
    "path",
    ["/no-such-page", "/articles/no-such-article", "/sections/no-such-section", "/topics/no-such-topic",
     "/series/no-such-series", "/authors/no-such-author"],
)
def test_unknown_address_gets_themed_404(base_url: str, path: str) -> None:
    reply = fetch(base_url, path)
    assert reply.status == 404, f"GET {path} -> {reply.status}, expected 404"
    assert (reply.header("Content-Type") or "").startswith("text/html")
    assert SITE_NAME in reply.text, f"404 page for {path} is not themed (no {SITE_NAME!r})"
    assert "Page not found" in reply.text, f"404 page for {path} does not say 'Page not found'"
    assert 'href="/assets/style.css' in reply.text, "404 page does not use the theme's stylesheet"


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=-1", "page=99999", "page=", "page=1.5"])
def test_bad_page_numbers_are_404(base_url: str, query: str) -> None:
    reply = fetch(base_url, f"/latest?{query}")
    assert reply.status == 404, f"GET /latest?{query} -> {reply.status}, expected 404"
    assert "Page not found" in reply.text


def test_second_page_of_latest_exists(base_url: str) -> None:
    reply = fetch(base_url, "/latest?page=2")
    assert reply.status == 200, f"GET /latest?page=2 -> {reply.status}"


@pytest.mark.parametrize(
    "path",
    [
        "/media/..%2F..%2Fetc%2Fpasswd",
        "/media/%2e%2e%2fkiosk.sqlite",
        "/media//etc/passwd",
        "/media/..%2fkiosk.sqlite",
        "/media/%2e%2e/kiosk.sqlite",
        "/media/../kiosk.sqlite",
        "/media/kiosk.sqlite",
        "/media/.hidden.svg",
        "/media/",
        "/assets/..%2F..%2FPackage.swift",
        "/assets/%2e%2e%2ftemplates%2flayout.mustache",
    ],
)
def test_path_traversal_is_404(base_url: str, path: str) -> None:
    reply = fetch(base_url, path)
    assert reply.status == 404, f"GET {path} -> {reply.status}, expected 404 (never 200, never 500)"
    assert b"root:" not in reply.body and b"SQLite format" not in reply.body


# --------------------------------------------------------------------------- oversized requests


def _oversized(base_url: str, target: str) -> str:
    """Sends an oversized request; returns a description of the outcome, asserting it was refused."""
    try:
        reply = fetch(base_url, target, timeout=15)
    except (ConnectionError, http.client.HTTPException, OSError) as error:
        return f"connection closed: {error!r}"  # refusing the connection is an acceptable answer
    assert 400 <= reply.status < 500, f"oversized request ({len(target)} chars) -> {reply.status}, expected 4xx"
    return f"HTTP {reply.status}"


def test_long_path_is_refused_and_server_survives(base_url: str) -> None:
    _oversized(base_url, "/" + "a" * 5000)
    assert fetch(base_url, "/").status == 200, "the server stopped answering after a 5,000-character path"


def test_huge_query_string_is_refused_and_server_survives(base_url: str) -> None:
    _oversized(base_url, "/?q=" + "b" * (100 * 1024))
    assert fetch(base_url, "/").status == 200, "the server stopped answering after a 100 KB query string"


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "path",
    HTML_PAGES + ["/no-such-page", "/articles/no-such-article", "/latest?page=abc", "/" + "a" * 3000],
)
def test_every_page_sets_content_security_policy(base_url: str, path: str) -> None:
    reply = fetch(base_url, path)
    policy = reply.header("Content-Security-Policy")
    assert policy, (
        f"GET {path[:60]} ({reply.status}) has no Content-Security-Policy header; "
        f"X-Content-Type-Options={reply.header('X-Content-Type-Options')!r}, "
        f"Referrer-Policy={reply.header('Referrer-Policy')!r}"
    )
    assert "default-src" in policy, f"GET {path[:60]}: Content-Security-Policy without default-src: {policy!r}"


# --------------------------------------------------------------------------- front page, in the browser


def test_home_navigation_and_footer(desktop_page: Page) -> None:
    page = desktop_page
    response = page.goto("/")
    assert response is not None and response.status == 200
    nav = page.locator("header nav.site-nav")
    expect(nav).to_be_visible()
    for slug in SECTION_SLUGS:
        link = nav.locator(f'a[href="/sections/{slug}"]')
        expect(link).to_have_count(1)
        expect(link).to_be_visible()
        expect(link).to_have_text(re.compile(r"\S"))
        assert page.request.get(f"/sections/{slug}").status == 200, f"nav link /sections/{slug} is broken"
    expect(nav.locator('a[href^="/sections/"]')).to_have_count(len(SECTION_SLUGS))
    expect(nav.locator('a[href="/latest"]')).to_be_visible()

    follow = page.locator("footer.site-footer section.follow")
    expect(follow).to_be_visible()
    expect(follow.get_by_role("heading", name="Follow us")).to_be_visible()
    links = follow.locator("a")
    assert links.count() >= 1, "the footer has no 'Follow us' links"
    for link in links.all():  # external: checked, never followed
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(r"^https://"))
        expect(link).to_have_attribute("rel", re.compile(r"\bme\b"))
        expect(link).to_have_text(re.compile(r"\S"))


@pytest.mark.parametrize("path", ["/", SERIES_ARTICLE])
def test_phone_main_content_does_not_overflow(phone_page: Page, screenshot, path: str) -> None:
    page = phone_page
    response = page.goto(path)
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")
    widths = page.evaluate(
        "() => ({main: document.querySelector('main').scrollWidth, inner: window.innerWidth,"
        " doc: document.documentElement.scrollWidth})"
    )
    assert widths["main"] <= widths["inner"], f"{path}: <main> is {widths['main']} px wide in a {widths['inner']} px viewport"
    assert widths["doc"] <= widths["inner"], f"{path}: the page scrolls sideways ({widths['doc']} px > {widths['inner']} px)"
    if path == "/":
        screenshot(page, "home")
