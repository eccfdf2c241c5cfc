"""Page metadata read the way search engines and share cards read it: `extruct` over the live demo.

The article's JSON-LD (`NewsArticle`, `BreadcrumbList`) and OpenGraph tags are extracted with
extruct and compared with what the page itself shows (headline, byline, dates, top image); Twitter
card tags and feed autodiscovery links are read with lxml. One test loads the article in Chromium
to prove the JSON-LD blocks cause no Content-Security-Policy violation (`script-src 'self'`).
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin

import extruct
import lxml.html
import pytest
from playwright.sync_api import Page

from helpers import SERIES_ARTICLE, SITE_NAME, fetch

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json"]
FEED_NAMES = ["RSS", "Atom", "JSON Feed"]
FEED_FILES = ["feed.xml", "feed.atom", "feed.json"]


class Metadata:
    """One page as fetched, with its extruct extraction and its parsed tree."""

    def __init__(self, base_url: str, path: str) -> None:
        reply = fetch(base_url, path)
        assert reply.status == 200, f"GET {path} -> {reply.status}"
        self.url = base_url + path
        self.html = reply.text
        self.tree = lxml.html.fromstring(reply.body)
        data = extruct.extract(reply.body, base_url=self.url, syntaxes=["json-ld", "opengraph"], errors="strict")
        self.jsonld: list[dict] = data["json-ld"]
        assert len(data["opengraph"]) == 1, f"{path}: expected one OpenGraph object, got {data['opengraph']!r}"
        self.og_pairs: list[tuple[str, str]] = data["opengraph"][0]["properties"]

    def og(self, name: str) -> str:
        values = self.og_all(name)
        assert len(values) == 1, f"{self.url}: expected one {name}, found {values!r}"
        return values[0]

    def og_all(self, name: str) -> list[str]:
        return [value for key, value in self.og_pairs if key == name]

    def meta_name(self, name: str) -> str:
        values = self.tree.xpath("//head/meta[@name=$name]/@content", name=name)
        assert len(values) == 1, f"{self.url}: expected one <meta name={name!r}>, found {values!r}"
        return values[0]

    def canonical(self) -> str:
        values = self.tree.xpath("//head/link[@rel='canonical']/@href")
        assert len(values) == 1, f"{self.url}: expected one canonical link, found {values!r}"
        return values[0]

    def feed_links(self) -> list[tuple[str, str, str]]:
        """(type, title, absolute href) of each `<link rel="alternate">` in `<head>`, in order."""
        return [
            (link.get("type"), link.get("title"), urljoin(self.url, link.get("href")))
            for link in self.tree.xpath("//head/link[@rel='alternate']")
        ]

    def block(self, kind: str) -> dict:
        found = [item for item in self.jsonld if item.get("@type") == kind]
        assert len(found) == 1, f"{self.url}: expected one {kind} JSON-LD block, found {[i.get('@type') for i in self.jsonld]}"
        assert found[0].get("@context") in ("https://schema.org", "http://schema.org"), found[0].get("@context")
        return found[0]


def expected_feeds(base_url: str, listing: str | None, name: str | None) -> list[tuple[str, str, str]]:
    """The autodiscovery links a page should have: its listing's own feeds first, then the site's."""
    links = []
    if listing:
        links += [
            (kind, f"{name} — {SITE_NAME} ({label})", f"{base_url}{listing}/{file}")
            for kind, label, file in zip(FEED_TYPES, FEED_NAMES, FEED_FILES)
        ]
    links += [
        (kind, f"{SITE_NAME} ({label})", f"{base_url}/{file}") for kind, label, file in zip(FEED_TYPES, FEED_NAMES, FEED_FILES)
    ]
    return links


def assert_feeds_served(base_url: str, links: list[tuple[str, str, str]]) -> None:
    """Every autodiscovery link answers with a feed of the type it announces."""
    for kind, _, url in links:
        assert_served(base_url, url, kind)


def parse_offset_time(value: str, label: str) -> datetime:
    assert ISO_WITH_OFFSET.match(value), f"{label} {value!r} is not ISO 8601 with a ±HH:MM offset"
    moment = datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, f"{label} {value!r} has no time zone"
    return moment


def assert_served(base_url: str, url: str, content_type_prefix: str) -> None:
    assert url.startswith(base_url + "/"), f"{url!r} is not an absolute URL on this site"
    reply = fetch(base_url, url[len(base_url):])
    assert reply.status == 200, f"GET {url} -> {reply.status}"
    assert (reply.header("Content-Type") or "").startswith(content_type_prefix), (url, reply.header("Content-Type"))


@pytest.fixture(scope="module")
def article(base_url: str) -> Metadata:
    return Metadata(base_url, SERIES_ARTICLE)


# --------------------------------------------------------------------------- article JSON-LD


def test_article_news_article(base_url: str, article: Metadata) -> None:
    tree = article.tree
    news = article.block("NewsArticle")
    headline = tree.xpath("string(//h1[@class='headline'])").strip()
    assert headline.startswith("The Week in Statecraft")
    assert news["headline"] == headline
    assert news["description"] == tree.xpath("string(//p[@class='dek'])").strip()
    assert news["description"] == article.meta_name("description")

    # The three JPEG crops Google asks for, 16:9, 4:3 and 1:1, at least 1200 px wide; the page's
    # top image is a <picture> of the same image's resized copies.
    images = news["image"]
    assert [round(image["width"] / image["height"], 2) for image in images] == [1.78, 1.33, 1.0], images
    top = tree.xpath("//figure[@class='top-image']//img")[0]
    stem = top.get("src").split("/")[-1].split("-")[0]
    for image in images:
        assert image["@type"] == "ImageObject"
        assert image["width"] >= 1200 and image["url"].endswith(".jpg"), image
        assert "/media/r/" + stem in image["url"], (image["url"], top.get("src"))
        assert_served(base_url, image["url"], "image/jpeg")

    published = parse_offset_time(news["datePublished"], "datePublished")
    modified = parse_offset_time(news["dateModified"], "dateModified")
    assert news["datePublished"] == tree.xpath("string(//p[@class='dates']/time[1]/@datetime)")
    assert modified >= published

    byline = tree.xpath("//p[@class='byline']/a[@rel='author']")
    assert byline, "the article has no byline links"
    authors = news["author"]
    assert isinstance(authors, list) and len(authors) == len(byline)
    for person, link in zip(authors, byline):
        assert person["@type"] == "Person"
        assert person["name"] == link.text_content().strip()
        assert person["url"] == urljoin(article.url, link.get("href"))
        assert person["url"].startswith(base_url + "/authors/")
        assert_served(base_url, person["url"], "text/html")

    publisher = news["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == SITE_NAME
    assert publisher["url"] == base_url + "/"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["width"] > 0 and logo["height"] > 0
    assert_served(base_url, logo["url"], "image/")

    canonical = article.canonical()
    assert canonical == article.url
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    section = tree.xpath("string(//p[@class='kicker']/a)").strip()
    assert news["articleSection"] == section
    topics = [a.text_content().strip() for a in tree.xpath("//p[@class='topics']/a")]
    assert topics and news["keywords"] == topics
    assert news["isAccessibleForFree"] is True


def test_article_breadcrumbs(base_url: str, article: Metadata) -> None:
    crumbs = article.block("BreadcrumbList")["itemListElement"]
    assert [item["@type"] for item in crumbs] == ["ListItem"] * 3
    assert [item["position"] for item in crumbs] == [1, 2, 3]
    section_link = article.tree.xpath("//p[@class='kicker']/a")[0]
    assert [item["name"] for item in crumbs] == [
        SITE_NAME,
        section_link.text_content().strip(),
        article.block("NewsArticle")["headline"],
    ]
    assert [item["item"] for item in crumbs] == [
        base_url + "/",
        urljoin(article.url, section_link.get("href")),
        article.url,
    ]


# --------------------------------------------------------------------------- article OpenGraph and Twitter


def test_article_open_graph_and_twitter(base_url: str, article: Metadata) -> None:
    news = article.block("NewsArticle")
    assert article.og("og:site_name") == SITE_NAME
    assert article.og("og:type") == "article"
    assert article.og("og:title") == news["headline"]
    assert article.og("og:description") == news["description"]
    assert article.og("og:url") == article.canonical() == article.url
    assert article.og("og:locale") == "en_GB"
    # The share card: a 1200 × 630 JPEG crop of the top image.
    assert re.search(r"/media/r/[0-9a-z-]+-1200x630-[0-9a-f]{16}\.jpg$", article.og("og:image")), article.og("og:image")
    assert int(article.og("og:image:width")) == 1200 and int(article.og("og:image:height")) == 630
    assert_served(base_url, article.og("og:image"), "image/jpeg")
    alt = article.tree.xpath("string(//figure[@class='top-image']//img/@alt)")
    assert alt and article.og("og:image:alt") == alt
    assert article.og("article:published_time") == news["datePublished"]
    assert article.og("article:modified_time") == news["dateModified"]
    assert article.og("article:section") == news["articleSection"]
    assert article.og_all("article:tag") == news["keywords"]

    assert article.meta_name("twitter:card") == "summary_large_image"
    assert article.meta_name("twitter:title") == news["headline"]
    assert article.meta_name("twitter:description") == news["description"]
    assert article.meta_name("twitter:image") == article.og("og:image")
    assert article.meta_name("twitter:image:alt") == alt

    assert article.feed_links() == expected_feeds(base_url, None, None)


def test_json_ld_causes_no_csp_violation(desktop_page: Page, traffic) -> None:
    page = desktop_page
    violations: list[str] = []
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " event => window.reportViolation(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || '')));"
    )
    response = page.goto(SERIES_ARTICLE)
    assert response is not None and response.status == 200
    assert "script-src 'self'" in (response.header_value("Content-Security-Policy") or "")
    page.wait_for_load_state("load")
    blocks = page.locator('head script[type="application/ld+json"]')
    assert blocks.count() == 2
    types = sorted(page.evaluate(
        "() => Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]'), s => JSON.parse(s.textContent)['@type'])"
    ))
    assert types == ["BreadcrumbList", "NewsArticle"]
    assert violations == [], f"CSP violations: {violations}"
    assert not [text for text in console if "Content Security Policy" in text], console
    assert traffic.page_errors == []


# --------------------------------------------------------------------------- other pages


def test_home_metadata(base_url: str) -> None:
    home = Metadata(base_url, "/")
    assert home.jsonld == []
    assert home.og("og:site_name") == SITE_NAME
    assert home.og("og:type") == "website"
    assert home.og("og:title") == SITE_NAME
    assert home.og("og:url") == home.canonical() == base_url + "/"
    assert home.og("og:description") == home.meta_name("description")
    assert home.og("og:locale") == "en_GB"
    assert home.og_all("og:image") == []
    assert home.meta_name("twitter:card") == "summary"
    assert home.meta_name("twitter:title") == SITE_NAME
    assert home.meta_name("twitter:description") == home.meta_name("description")
    assert home.feed_links() == expected_feeds(base_url, None, None)
    assert_feeds_served(base_url, home.feed_links())


@pytest.mark.parametrize(
    "path",
    ["/sections/europe", "/topics/shipping", "/series/week-in-statecraft", "/authors/nadia-rahimi"],
)
def test_listing_metadata(base_url: str, path: str) -> None:
    listing = Metadata(base_url, path)
    heading = listing.tree.xpath("string(//header[@class='listing-header']/h1)").strip()
    assert heading
    assert listing.og("og:site_name") == SITE_NAME
    assert listing.og("og:type") == "website"
    assert listing.og("og:title").startswith(heading)
    assert listing.og("og:url") == listing.canonical() == listing.url
    assert listing.og("og:description") == listing.meta_name("description")
    assert listing.meta_name("twitter:card") == "summary"
    assert listing.feed_links() == expected_feeds(base_url, path, heading)
    assert_feeds_served(base_url, listing.feed_links()[:3])


@pytest.mark.parametrize("path", ["/latest", "/latest?page=2"])
def test_latest_offers_only_the_site_feeds(base_url: str, path: str) -> None:
    latest = Metadata(base_url, path)
    assert latest.og("og:type") == "website"
    assert latest.og("og:url") == latest.canonical() == latest.url
    assert latest.feed_links() == expected_feeds(base_url, None, None)
