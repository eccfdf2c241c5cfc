"""Feeds and sitemaps read by real parsers: feedparser for RSS, Atom and JSON Feed, ElementTree for sitemaps."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone

import feedparser
import pytest

FEEDS = ["/feed.xml", "/feed.atom", "/sections/europe/feed.xml", "/sections/europe/feed.atom",
         "/topics/shipping/feed.xml", "/series/week-in-statecraft/feed.atom", "/authors/nadia-rahimi/feed.xml"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("path", FEEDS)
def test_feeds_parse_cleanly_with_the_right_entries(base_url: str, path: str) -> None:
    status, headers, body = fetch(base_url + path)
    assert status == 200
    assert headers["Content-Type"].startswith("application/rss+xml" if path.endswith(".xml") else "application/atom+xml")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert 1 <= len(feed.entries) <= 20
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True), "entries are newest first"
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    first = feed.entries[0]
    assert first.link.startswith(base_url + "/articles/")
    assert first.title and first.summary and first.get("content")
    assert first.get("author"), "entries name their authors"
    assert "<img" in first.content[0].value, "the top image leads the content"
    assert any(link.get("rel") == "enclosure" for link in first.get("links", [])) or first.get("media_content")


def test_listing_feeds_hold_only_that_listing(base_url: str) -> None:
    feed = feedparser.parse(fetch(base_url + "/sections/europe/feed.atom")[2])
    assert "Europe" in feed.feed.title
    assert all(entry.tags[0].label == "Europe" for entry in feed.entries)
    series = feedparser.parse(fetch(base_url + "/series/week-in-statecraft/feed.xml")[2])
    assert series.entries and all(entry.title.startswith("The Week in Statecraft") for entry in series.entries)


def test_json_feed(base_url: str) -> None:
    status, headers, body = fetch(base_url + "/feed.json")
    assert status == 200 and headers["Content-Type"].startswith("application/feed+json")
    feed = json.loads(body)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == base_url + "/feed.json"
    item = feed["items"][0]
    for field in ("id", "url", "title", "content_html", "summary", "date_published", "date_modified", "authors", "image"):
        assert item[field], field
    assert datetime.fromisoformat(item["date_published"]).tzinfo is not None


def test_feeds_answer_conditional_requests(base_url: str) -> None:
    status, headers, _ = fetch(base_url + "/feed.xml")
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert fetch(base_url + "/feed.xml", {"If-None-Match": headers["ETag"]})[0] == 304


@pytest.mark.parametrize("path", ["/sections/nowhere/feed.xml", "/topics/nothing/feed.atom", "/authors/nobody/feed.json", "/feed.rss"])
def test_unknown_feeds_are_404(base_url: str, path: str) -> None:
    assert fetch(base_url + path)[0] == 404


def test_sitemap_index_and_children(base_url: str) -> None:
    status, headers, body = fetch(base_url + "/sitemap.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    index = ElementTree.fromstring(body)
    children = [element.findtext(f"{SITEMAP}loc") for element in index.findall(f"{SITEMAP}sitemap")]
    assert base_url + "/sitemaps/articles-1.xml" in children and base_url + "/sitemap-news.xml" in children
    urls: list[str] = []
    for child in children:
        child_status, _, child_body = fetch(child)
        assert child_status == 200, child
        tree = ElementTree.fromstring(child_body)
        urls += [url.findtext(f"{SITEMAP}loc") for url in tree.findall(f"{SITEMAP}url")]
        for url in tree.findall(f"{SITEMAP}url"):
            lastmod = url.findtext(f"{SITEMAP}lastmod")
            if lastmod:
                assert datetime.fromisoformat(lastmod).tzinfo is not None
    articles = [url for url in urls if "/articles/" in url]
    assert len(set(articles)) == 60
    assert base_url + "/sections/europe" in urls and base_url + "/authors/nadia-rahimi" in urls
    assert base_url + "/series/week-in-statecraft" in urls and base_url + "/topics/shipping" in urls


def test_news_sitemap_has_the_last_two_days(base_url: str) -> None:
    tree = ElementTree.fromstring(fetch(base_url + "/sitemap-news.xml")[2])
    entries = tree.findall(f"{SITEMAP}url")
    assert 1 <= len(entries) <= 1000
    now = datetime.now(timezone.utc)
    for entry in entries:
        news = entry.find(f"{NEWS}news")
        assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Meridian"
        assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
        assert news.findtext(f"{NEWS}title")
        published = datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
        assert now - published <= timedelta(days=2, minutes=5)


def test_robots_points_at_the_sitemaps(base_url: str) -> None:
    status, headers, body = fetch(base_url + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert "User-agent: *" in text
    assert f"Sitemap: {base_url}/sitemap.xml" in text and f"Sitemap: {base_url}/sitemap-news.xml" in text


@pytest.mark.parametrize("path", ["/sitemaps/articles-0.xml", "/sitemaps/articles-2.xml", "/sitemaps/articles-x.xml", "/sitemaps/../robots.txt", "/sitemaps/other.xml"])
def test_unknown_sitemaps_are_404(base_url: str, path: str) -> None:
    assert fetch(base_url + path)[0] == 404
