"""Must show #2: an article in a series, read on a phone and on a desktop.

The article is the demo's "The Week in Statecraft: The underwriters come back to the Red Sea".
Every test runs at 390 px (phone, touch) and 1280 px (desktop) through the `device` parameter.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from helpers import SERIES_ARTICLE, SERIES_PATH, load_all_images

ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$")


def open_article(page: Page) -> None:
    response = page.goto(SERIES_ARTICLE)
    assert response is not None and response.status == 200, f"GET {SERIES_ARTICLE} -> {response and response.status}"
    expect(page.locator("h1.headline")).to_be_visible()


def press(device: str, target: Locator) -> None:
    """Taps on the phone (a touch device), clicks on the desktop."""
    if device == "phone":
        target.tap()
    else:
        target.click()


def first_related_card(page: Page) -> tuple[Locator, Locator, Locator, Locator]:
    card = page.locator("section.related article.teaser").first
    details = card.locator("details.teaser-more")
    summary = details.locator("summary")
    opening = card.locator(".teaser-opening")
    return card, details, summary, opening


def expect_collapsed(card: Locator, details: Locator, summary: Locator, opening: Locator) -> None:
    expect(opening).to_be_hidden()
    expect(details).not_to_have_attribute("open", re.compile(".*"))
    expect(summary).to_contain_text("Keep reading", use_inner_text=True)
    expect(summary).not_to_contain_text("Show less", use_inner_text=True)
    expect(card.locator(".teaser-text")).to_be_visible()


def expect_expanded(card: Locator, details: Locator, summary: Locator, opening: Locator) -> None:
    expect(opening).to_be_visible()
    expect(details).to_have_attribute("open", "")
    expect(summary).to_contain_text("Show less", use_inner_text=True)
    expect(summary).not_to_contain_text("Keep reading", use_inner_text=True)
    # Once expanded, the opening replaces the short teaser text.
    expect(card.locator(".teaser-text")).to_be_hidden()
    expect(opening.locator("p").first).to_be_visible()
    expect(opening.locator(".teaser-continue a")).to_have_attribute("href", re.compile(r"^/articles/[a-z0-9-]+$"))


def test_article_header(any_page: Page, traffic, screenshot) -> None:
    page = any_page
    open_article(page)
    header = page.locator("article.article header.article-header")

    kicker = header.locator("p.kicker")
    expect(kicker).to_be_visible()
    expect(kicker.locator(".format")).to_have_text("Reporting")
    section_link = kicker.locator("a")
    expect(section_link).to_be_visible()
    expect(section_link).to_have_text("Middle East")
    expect(section_link).to_have_attribute("href", "/sections/middle-east")

    series_link = header.locator(".series-label a")
    expect(series_link).to_be_visible()
    expect(series_link).to_have_attribute("href", SERIES_PATH)
    expect(series_link).to_have_text("The Week in Statecraft")

    expect(page.locator("h1")).to_have_count(1)
    headline = header.locator("h1.headline")
    expect(headline).to_be_visible()
    expect(headline).to_have_text("The Week in Statecraft: The underwriters come back to the Red Sea")

    dek = header.locator("p.dek")
    expect(dek).to_be_visible()
    expect(dek).to_have_text(re.compile(r"\S.{20,}"))

    bylines = header.locator(".byline a")
    assert bylines.count() >= 1, "the byline has no author links"
    for link in bylines.all():
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(r"^/authors/[a-z0-9-]+$"))
        expect(link).to_have_text(re.compile(r"\S"))

    published = header.locator(".dates time").first
    expect(published).to_be_visible()
    expect(published).to_have_text(re.compile(r"\d{4}"))
    datetime = published.get_attribute("datetime") or ""
    assert ISO_DATETIME.match(datetime), f"<time datetime={datetime!r}> is not a valid date-time"

    assert traffic.page_errors == [], f"JavaScript errors on the article page: {traffic.page_errors}"
    assert traffic.blocked == [], f"the article page tried to load from outside the site: {traffic.blocked}"

    load_all_images(page)
    screenshot(page)


def test_top_image(any_page: Page) -> None:
    page = any_page
    open_article(page)
    figure = page.locator("figure.top-image")
    image = figure.locator("img")
    expect(image).to_be_visible()
    # A resized, stripped copy, never the original; the browser picks one of the <picture>'s sources.
    expect(image).to_have_attribute("src", re.compile(r"^/media/r/[A-Za-z0-9._-]+$"))
    alt = image.get_attribute("alt") or ""
    assert len(alt.strip()) > 10, f"top image alt text is missing or too short: {alt!r}"
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    natural_width = image.evaluate("img => img.naturalWidth")
    assert natural_width > 0, "the top image did not load"
    assert "/media/r/" in image.evaluate("img => img.currentSrc"), "the browser loaded something other than a rendition"
    box = image.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert box["width"] <= page.viewport_size["width"], f"top image ({box['width']} px) wider than the viewport"

    caption = figure.locator("figcaption .caption")
    credit = figure.locator("figcaption .credit")
    expect(caption).to_be_visible()
    expect(caption).to_have_text(re.compile(r"\S.{5,}"))
    expect(credit).to_be_visible()
    expect(credit).to_have_text(re.compile(r"\S.{5,}"))


def test_roundup_block(any_page: Page) -> None:
    page = any_page
    open_article(page)
    roundup = page.locator(".article-body section.roundup")
    expect(roundup).to_have_count(1)
    expect(roundup).to_be_visible()
    heading = roundup.locator("h2, h3").first
    expect(heading).to_be_visible()
    expect(heading).to_have_text(re.compile(r"\S"))
    linked_items = roundup.locator("li").filter(has=page.locator("a[href]"))
    assert linked_items.count() >= 3, f"round-up has {linked_items.count()} linked items, expected at least 3"
    for item in linked_items.all():
        expect(item).to_be_visible()
        expect(item.locator("a[href]").first).to_have_text(re.compile(r"\S"))


def test_series_navigation(any_page: Page) -> None:
    page = any_page
    open_article(page)
    nav = page.locator("nav.series-nav")
    expect(nav).to_be_visible()
    expect(nav.locator("h2 a")).to_have_attribute("href", SERIES_PATH)
    for rel in ("prev", "next"):
        link = nav.locator(f"a[rel={rel}]")
        expect(link).to_have_count(1)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(r"^/articles/[a-z0-9-]+$"))
        expect(link).to_have_text(re.compile(r"\S"))
        href = link.get_attribute("href")
        assert href != SERIES_ARTICLE, f"rel={rel} points at the article itself"
        answer = page.request.get(href)
        assert answer.status == 200, f"series {rel} link {href} answered {answer.status}"


def test_series_link_goes_to_series(any_page: Page) -> None:
    page = any_page
    open_article(page)
    page.locator(".article-header .series-label a").click()
    expect(page).to_have_url(re.compile(re.escape(SERIES_PATH) + "$"))
    expect(page.locator("h1")).to_have_text("The Week in Statecraft")


def test_related_cards_expand_and_collapse(any_page: Page, device: str) -> None:
    page = any_page
    open_article(page)
    cards = page.locator("section.related article.teaser")
    expect(page.locator("section.related h2")).to_be_visible()
    assert cards.count() >= 3, f"{cards.count()} related teaser cards, expected at least 3"

    card, details, summary, opening = first_related_card(page)
    expect_collapsed(card, details, summary, opening)

    press(device, summary)
    expect_expanded(card, details, summary, opening)
    expect(summary).to_have_attribute("aria-expanded", "true")

    press(device, summary)
    expect_collapsed(card, details, summary, opening)
    expect(summary).to_have_attribute("aria-expanded", "false")

    # The other cards never opened.
    for other in cards.all()[1:]:
        expect(other.locator(".teaser-opening")).to_be_hidden()


def test_show_less_button_collapses_card(any_page: Page, device: str) -> None:
    page = any_page
    open_article(page)
    card, details, summary, opening = first_related_card(page)
    show_less = opening.locator("button.show-less")
    expect(show_less).to_have_count(1)  # added by kiosk.js
    expect(show_less).to_be_hidden()

    press(device, summary)
    expect_expanded(card, details, summary, opening)
    expect(show_less).to_be_visible()
    expect(show_less).to_have_text("Show less")
    # The button sits at the end of the opening.
    assert opening.evaluate("el => el.lastElementChild.matches('button.show-less')")

    press(device, show_less)
    expect_collapsed(card, details, summary, opening)
    expect(summary).to_be_focused()
    # The card is back in view so the reader keeps their place.
    top = card.evaluate("el => el.getBoundingClientRect().top")
    assert top >= -1, f"after 'Show less' the card starts {top:.0f} px above the viewport"

    # And it opens again afterwards.
    press(device, summary)
    expect_expanded(card, details, summary, opening)


def test_cards_expand_and_collapse_without_javascript(new_context, device: str, screenshot) -> None:
    context = new_context(device, java_script_enabled=False)
    page = context.new_page()
    open_article(page)
    card, details, summary, opening = first_related_card(page)
    # Without kiosk.js there is no "Show less" button; the native <details> does the work.
    expect(opening.locator("button.show-less")).to_have_count(0)
    expect_collapsed(card, details, summary, opening)

    press(device, summary)
    expect_expanded(card, details, summary, opening)
    screenshot(page, "expanded")

    press(device, summary)
    expect_collapsed(card, details, summary, opening)
