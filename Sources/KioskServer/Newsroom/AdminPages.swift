import Foundation
import Hummingbird
import KioskCore
import KioskRender
import KioskStore

/// Renders the newsroom's pages from the admin theme. Admin views are plain structs read by
/// reflection: these pages are few and private, so clarity matters more than the microseconds the
/// public site's hand-written lookups save.
struct AdminPages: Sendable {

    let theme: Theme

    /// A full page from `template` with `view`, as a response with no caching.
    func page(_ template: String, _ view: some Any, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: theme.render(view, template: template))))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// A message page (refusals, missing records) with an optional way onwards.
    func message(_ layout: AdminLayout, heading: String, text: String, status: HTTPResponse.Status) -> Response {
        page("message", MessageView(layout: layout, heading: heading, text: text), status: status)
    }
}

/// The newsroom's own theme.
public enum AdminTheme {
    /// Templates the admin theme must have.
    public static let requiredTemplates = [
        "login", "login-code", "two-factor", "setup", "invitation", "articles", "editor", "pages", "page-editor", "preview", "revisions", "media", "media-item", "taxonomy", "settings",
        "users", "integrations", "account", "message", "newsletter", "issue", "subscribers", "subscriber", "import", "imports", "import-job", "password-reset", "password-new",
    ]
}

/// What every newsroom page shows around its content.
struct AdminLayout {
    let title: String
    let siteName: String
    let assetVersion: String
    let signedIn: Bool
    let userName: String
    let roleName: String
    let csrf: String
    let navigation: [NavigationItem]
    let notice: String?
    let error: String?

    /// The layout for `visitor` (or a signed-out one), with the navigation their role may use.
    init(title: String, siteName: String, assetVersion: String, visitor: SignedIn?, current: String, notice: String? = nil, error: String? = nil) {
        self.title = title
        self.siteName = siteName
        self.assetVersion = assetVersion
        signedIn = visitor != nil
        userName = visitor?.user.name ?? ""
        roleName = visitor?.user.role.displayName ?? ""
        csrf = visitor?.csrfToken ?? ""
        let role = visitor?.user.role
        var items: [(String, String, Role)] = [("Articles", NewsroomPaths.articles, .contributor), ("Media", NewsroomPaths.media, .contributor)]
        items += [("Pages", NewsroomPaths.pages, .editor), ("Newsletter", "/admin/newsletter", .editor), ("Subscribers", "/admin/subscribers", .editor)]
        items += TaxonomyKind.allCases.map { ($0.title, NewsroomPaths.taxonomy($0), .editor) }
        items += [("People", NewsroomPaths.users, .admin), ("Integrations", NewsroomPaths.integrations, .admin), ("Import", NewsroomPaths.imports, .admin), ("Settings", NewsroomPaths.settings, .admin), ("Account", NewsroomPaths.account, .contributor)]
        navigation =
            role.map { role in
                items.filter { role.includes($0.2) }.map { NavigationItem(label: $0.0, href: $0.1, current: current.hasPrefix($0.1)) }
            } ?? []
        self.notice = notice
        self.error = error
    }
}

/// A link in the newsroom's navigation.
struct NavigationItem {
    let label: String
    let href: String
    let current: Bool
}

/// A choice in a `<select>` or a checkbox list.
struct Choice {
    let value: String
    let label: String
    let selected: Bool
}

/// An option of the top image field, with the small copy the image chooser shows for it.
struct ImageChoice {
    let value: String
    let label: String
    let selected: Bool
    let thumbnail: String
}

/// A message page.
struct MessageView {
    let layout: AdminLayout
    let heading: String
    let text: String
}

/// The sign-in page.
struct LoginView {
    let layout: AdminLayout
    let formToken: String
    let email: String
    let next: String
    /// Whether the newsroom has no accounts yet, so the page explains how to make the first.
    let noAccounts: Bool
}

/// The first-run page: the publication's name, address and time zone, and its first administrator.
struct SetupView {
    let layout: AdminLayout
    let formToken: String
    let action: String
    let siteName: String
    let publicURL: String
    let timeZone: String
    let timeZones: [String]
    let name: String
    let email: String
}

/// The page where an invited person chooses a name and password.
struct InvitationView {
    let layout: AdminLayout
    let formToken: String
    let email: String
    let roleName: String
    let name: String
    let action: String
}

/// Short messages shown after an action, by the code in `?done=`.
enum Notices {
    static func text(_ code: String?) -> String? {
        switch code {
        case "saved": "Saved."
        case "import-queued": "The archive is uploaded. A node takes it up within seconds; this page shows how far it has come."
        case "created": "Created."
        case "suspend": "The account is suspended: it was signed out everywhere and its integration tokens were revoked."
        case "reinstate": "The account can sign in again."
        case "remove": "The account was removed. Its articles and byline stay."
        case "invitation-revoked": "The invitation was withdrawn; its link no longer works."
        case "device-signed-out": "That device was signed out."
        case "two-factor-required": "This publication requires two-step sign-in. Set it up to go on."
        case "two-factor-off": "Two-step sign-in is off. Signing in takes only your password now."
        case "welcome": "Welcome to your newsroom. Write the first article, or invite your team from People."
        case "welcome-restart": "Welcome to your newsroom. Kiosk will answer at the public address you chose once it is restarted."
        case "submitted": "Submitted for review. An editor will take it from here."
        case "published": "Published. It is live on the site."
        case "scheduled": "Scheduled. It will go live at the time shown."
        case "unpublished": "Unpublished. It is no longer on the site."
        case "trashed": "Moved to the trash."
        case "restored": "Restored."
        case "uploaded": "Uploaded."
        case "deleted": "Deleted."
        case "password": "Password changed. Other sessions were signed out."
        case "signed-out-everywhere": "Every other session was signed out."
        case "role": "Role changed."
        case "test-sent": "The test is on its way to your address."
        case "sending": "Sending has started. This page shows the progress."
        case "revoked": "Token revoked. Requests carrying it are refused from now on."
        default: nil
        }
    }
}

/// Dates as the newsroom shows them, in the publication's time zone.
struct NewsroomDates: Sendable {
    let timeZone: TimeZone

    /// "25 Nov 2026 at 09:00", in 24-hour time.
    func text(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, timeZone: timeZone).locale(Locale(identifier: "en_GB")))
    }

    /// The value of a `datetime-local` field: "2026-11-25T09:00".
    func field(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Reads a `datetime-local` value in the publication's time zone, or `nil`.
    func parse(_ text: String) -> Date? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        let pieces = digits.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard pieces.count >= 5, digits.utf8.count <= 19 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: pieces[0], month: pieces[1], day: pieces[2], hour: pieces[3], minute: pieces[4], second: pieces.count > 5 ? pieces[5] : 0)
        guard let date = calendar.date(from: components), calendar.dateComponents([.year, .month, .day], from: date).day == pieces[2] else { return nil }
        return date
    }
}
