"""Two-step sign-in in Chromium: turned on with an authenticator app's code, asked after the password,
and a recovery code that works once. Codes are computed with pyotp, as a phone's app would."""

from __future__ import annotations

import re
import time

import pyotp
from playwright.sync_api import Page, expect

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD


def password_step(page: Page) -> None:
    page.goto("/admin/login")
    form = page.locator("form[action='/admin/login']")
    form.locator("[name=email]").fill(ADMIN_EMAIL)
    form.locator("[name=password]").fill(ADMIN_PASSWORD)
    form.get_by_role("button", name="Sign in").click()


def fresh_code(totp: pyotp.TOTP, used: set[str]) -> str:
    """The app's current code, waiting for the next one when this one was used already."""
    while (code := totp.now()) in used:
        time.sleep(0.5)  # a code works once: wait for the app's next one, as a person would
    used.add(code)
    return code


def test_two_step_sign_in_with_an_app_and_a_recovery_code(fresh_newsroom, open_context) -> None:
    page = open_context("desktop", base_url=fresh_newsroom.url).new_page()
    password_step(page)
    expect(page).to_have_url(re.compile(r"/admin/articles$"))

    page.goto("/admin/account")
    page.get_by_role("link", name="Turn on two-step sign-in").click()
    key = page.locator("#two-factor-key").inner_text().replace(" ", "")
    address = page.get_by_role("link", name="open the key in the app").get_attribute("href")
    assert address.startswith("otpauth://totp/") and f"secret={key}" in address
    totp = pyotp.TOTP(key)
    used: set[str] = set()
    page.get_by_label("Code from the app").fill("000000" if totp.now() != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_text("That code does not match")).to_be_visible()
    page.get_by_label("Code from the app").fill(fresh_code(totp, used))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{5}-[a-z2-7]{5}", code) for code in codes), codes

    page.context.clear_cookies()
    password_step(page)
    expect(page.get_by_label("Code from your authenticator app")).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill(fresh_code(totp, used))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/articles$"))

    for attempt in range(2):
        page.context.clear_cookies()
        password_step(page)
        page.get_by_label("Code from your authenticator app").fill(codes[0])
        page.get_by_role("button", name="Sign in").click()
        if attempt == 0:
            expect(page).to_have_url(re.compile(r"/admin/articles$"))
        else:
            expect(page.get_by_text("That code is not right, or was used already")).to_be_visible()

    page.context.clear_cookies()
    password_step(page)
    page.get_by_label("Code from your authenticator app").fill(codes[1])
    page.get_by_role("button", name="Sign in").click()
    page.goto("/admin/account")
    expect(page.get_by_text("Recovery codes left: 8")).to_be_visible()
