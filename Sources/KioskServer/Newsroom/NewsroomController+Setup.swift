import Foundation
import Hummingbird
import KioskCore
import KioskStore
import Logging

/// The first run of a publication: the page behind the one-time setup link names the publication
/// and makes its first administrator, who is then signed in.
extension NewsroomController {
    /// Why a setup link cannot be used, or `nil` when it works.
    private func setupRefusal(_ token: String) async throws -> String? {
        guard try await store.userCount() == 0 else {
            return "This publication is set up already. Sign in at \(NewsroomPaths.login), or ask an administrator for an invitation."
        }
        guard let link = LinkSigner(secret: try await store.siteSecret()).verify(token, purpose: SetupLink.purpose, now: now()) else {
            return "This setup link is not valid. Check that it was copied whole, or run kiosk setup-link where Kiosk runs for a working one."
        }
        return link.expired ? "This setup link has expired. Run kiosk setup-link where Kiosk runs for a new one." : nil
    }

    private func setupRefused(_ text: String) async throws -> Response {
        pages.message(try await layout("Set up", nil, current: ""), heading: "Set up", text: text, status: .gone)
    }

    @Sendable func setupPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        if let refusal = try await setupRefusal(token) { return try await setupRefused(refusal) }
        let settings = try await site.current().settings
        return try await setupForm(
            request, token: token, siteName: settings.name, address: settings.publicURL.isEmpty ? publicURL : settings.publicURL,
            timeZone: settings.timeZone, name: "", email: "", error: nil, status: .ok)
    }

    private func setupForm(
        _ request: Request, token: String, siteName: String, address: String, timeZone: String, name: String, email: String, error: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let form = auth.signedOutFormToken(request)
        let view = SetupView(
            layout: try await layout("Set up your publication", nil, current: "", error: error), formToken: form.token,
            action: NewsroomPaths.setup(token), siteName: siteName, publicURL: address, timeZone: timeZone,
            timeZones: TimeZone.knownTimeZoneIdentifiers.sorted(), name: name, email: email)
        return pages.page("setup", view, status: status, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func setUp(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        if let refusal = try await setupRefusal(token) { return try await setupRefused(refusal) }
        var settings = try await site.current().settings
        let (siteName, addressText, zone) = (form.text("site_name"), form.text("public_url"), form.text("time_zone").trimmingCharacters(in: .whitespaces))
        let (name, emailText, password) = (form.text("name"), form.text("email"), form.text("password"))
        let email: EmailAddress
        let address: String
        do {
            address = try PublicAddress.parse(addressText)
            var changed = try SiteSettings(
                name: Self.limited(siteName, "name"), description: settings.description, about: settings.about, locale: settings.locale,
                timeZone: zone, logoID: settings.logoID, socialProfiles: settings.socialProfiles, navigation: settings.navigation)
            (changed.feedsCarryFullText, changed.robotsRules, changed.smtpURL) = (settings.feedsCarryFullText, settings.robotsRules, settings.smtpURL)
            changed.publicURL = address
            settings = changed
            email = try EmailAddress(emailText)
            guard password == form.text("password_again") else { throw ValidationError(field: "password", message: "The two passwords are not the same.") }
            try PasswordPolicy.check(password, email: email, name: name)
            _ = try NewUser(email: email, name: name, role: .admin, passwordHash: "")
        } catch let error as ValidationError {
            return try await setupForm(
                request, token: token, siteName: siteName, address: addressText, timeZone: zone, name: name, email: emailText, error: error.message,
                status: .unprocessableContent)
        }
        let hash = try await auth.hasher.hash(password)
        let user: User
        do {
            user = try await store.createFirstUser(now: now()) { existing in
                try FirstRun.administrator(existingAccounts: existing, email: email, name: name, passwordHash: hash)
            }
        } catch FirstRunError.alreadySetUp {
            return try await setupRefused("This publication was set up a moment ago by someone else. Sign in at \(NewsroomPaths.login).")
        }
        try await store.updateSiteSettings(settings)
        logger.notice("The publication was set up; its first administrator was created", metadata: ["user": "\(user.id)"])
        var response = done(NewsroomPaths.articles, address == publicURL ? "welcome" : "welcome-restart")
        response.setCookie(try await auth.startSession(for: user, request))
        return response
    }
}
