import Foundation
import Hummingbird
import KioskCore
import KioskMail
import KioskRender
import KioskStore
import Logging

/// The newsroom under `/admin`: signing in, people, and (in the extensions beside this file)
/// articles, media and site management. Every handler checks the role on the server.
struct NewsroomController<Store: PublicationStore>: Sendable {
    let store: Store
    let auth: NewsroomAuth<Store>
    let pages: AdminPages
    let site: SiteContextCache<Store>
    let publicPages: PageRenderer
    let markdown = MarkdownRenderer()
    let media: MediaLibrary<Store>
    let publicURL: String
    let logger: Logger
    /// Sends invitations and password-reset links.
    let mailer: TransactionalMailer
    let emails: EmailRenderer
    /// Seals and opens the secrets kept in the database.
    let secrets: SecretBox

    var now: @Sendable () -> Date { auth.now }
    /// Article saves and workflow moves, with the newsroom's rules.
    var desk: ArticleDesk<Store> { ArticleDesk(store: store) }

    func addRoutes(to router: Router<KioskRequestContext>) {
        let admin = router.group("admin").add(middleware: NewsroomErrorMiddleware(pages: pages, logger: logger))
        admin.get { _, _ in Response.redirect(to: NewsroomPaths.articles, type: .normal) }
        admin.get("login", use: loginPage)
        admin.post("login", use: login)
        admin.post("login/code", use: loginWithCode)
        admin.post("logout", use: logout)
        admin.get("setup/:token", use: setupPage)
        admin.post("setup/:token", use: setUp)
        admin.get("invitations/:token", use: invitationPage)
        admin.post("invitations/:token", use: acceptInvitation)
        admin.get("password-reset", use: resetRequestPage)
        admin.post("password-reset", use: requestReset)
        admin.get("password-reset/:token", use: resetPage)
        admin.post("password-reset/:token", use: resetPassword)
        admin.get("account", use: accountPage)
        admin.post("account/password", use: changePassword)
        admin.post("account/sign-out-everywhere", use: signOutEverywhere)
        admin.get("account/two-factor", use: twoFactorPage)
        admin.post("account/two-factor", use: turnOnTwoFactor)
        admin.post("account/two-factor/off", use: turnOffTwoFactor)
        admin.get("users", use: usersPage)
        admin.post("users/invite", use: invite)
        admin.post("users/:id/role", use: changeRole)
        admin.post("users/:id/status", use: changeAccountStatus)
        admin.post("users/invitations/:id/revoke", use: revokeInvitation)
        admin.post("account/sessions/end", use: endDevice)
        admin.get("integrations", use: integrationsPage)
        admin.post("integrations", use: createToken)
        admin.post("integrations/:id/revoke", use: revokeToken)
        addArticleRoutes(to: admin)
        addPageRoutes(to: admin)
        addMediaRoutes(to: admin)
        addSiteRoutes(to: admin)
        addImportRoutes(to: admin)
    }

    // MARK: Layout

    /// The layout of a page for `visitor`.
    func layout(_ title: String, _ visitor: SignedIn?, current: String, request: Request? = nil, error: String? = nil) async throws -> AdminLayout {
        let site = try await site.current()
        return AdminLayout(
            title: title, siteName: site.settings.name, assetVersion: pages.theme.assetVersion, visitor: visitor, current: current,
            notice: Notices.text(request?.uri.queryParameters.get("done")), error: error)
    }

    /// The publication's dates.
    func dates() async throws -> NewsroomDates {
        NewsroomDates(timeZone: TimeZone(identifier: try await site.current().settings.timeZone) ?? .gmt)
    }

    /// A redirect after a successful form, with a notice code.
    func done(_ path: String, _ code: String) -> Response {
        Response.redirect(to: path + (path.contains("?") ? "&" : "?") + "done=" + code, type: .normal)
    }

    // MARK: Signing in

    @Sendable func loginPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        if try await auth.signedIn(request) != nil { return Response.redirect(to: NewsroomPaths.articles, type: .normal) }
        return try await loginForm(request, email: "", error: nil, status: .ok)
    }

    func loginForm(_ request: Request, email: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let form = auth.signedOutFormToken(request)
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        let view = LoginView(
            layout: try await layout("Sign in", nil, current: "", error: error), formToken: form.token, email: email, next: next,
            noAccounts: try await store.userCount() == 0)
        return pages.page("login", view, status: status, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func login(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        let emailText = form.text("email")
        let keys = LoginThrottle.keys(email: emailText, address: context.clientKey)
        let moment = now()
        // The attempt counts as a failure before its password is checked, so attempts made at once
        // are limited one after another; a right password takes it back.
        do {
            try await store.countAttempt(keys: [keys.account, keys.address], within: LoginThrottle.lockDuration, now: moment) { failures in
                try LoginThrottle.check(failures, account: keys.account, address: keys.address, now: moment)
            }
        } catch let refusal as LimitReached {
            return try await loginForm(request, email: emailText, error: refusal.message, status: .tooManyRequests)
        }
        let password = form.text("password")
        let account = try? EmailAddress(emailText)
        let found = try await account.asyncFlatMap { try await store.credentials(email: $0) }
        let matches: Bool
        if let found {
            matches = try await auth.hasher.verify(password, hash: found.passwordHash)
        } else {
            // Do the same work for unknown addresses, so timing does not tell which accounts exist.
            _ = try await auth.hasher.hash(password)
            matches = false
        }
        guard let found, matches else {
            return try await loginForm(request, email: emailText, error: "That email address and password do not match an account.", status: .unauthorized)
        }
        guard found.user.suspendedAt == nil else {
            return try await loginForm(
                request, email: emailText, error: "This account is suspended. Ask an administrator of your newsroom.", status: .forbidden)
        }
        // The account's failures are forgiven; the address keeps those it made on other accounts.
        try await store.clearAttempts(keys: [keys.account])
        try await store.withdrawAttempt(keys: [keys.address])
        if found.user.usesTwoFactor {
            return try await codeForm(request, pending: try await pendingSignIn(found.user), next: Self.safeNext(form["next"]), error: nil, status: .ok)
        }
        var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
        if let token = request.cookies[NewsroomAuth<Store>.sessionCookie]?.value {
            try await store.endSession(tokenHash: SessionToken.digest(token))
        }
        response.setCookie(try await auth.startSession(for: found.user, request))
        return response
    }

    @Sendable func logout(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .contributor)
        var response = Response.redirect(to: NewsroomPaths.login, type: .normal)
        response.setCookie(try await auth.endSession(request))
        return response
    }

    /// Only newsroom paths are followed after signing in, so the link cannot send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count < 2000 else {
            return NewsroomPaths.articles
        }
        return next.hasPrefix(NewsroomPaths.login) ? NewsroomPaths.articles : next
    }

    // MARK: Invitations

    func signer() async throws -> LinkSigner {
        LinkSigner(secret: try await store.siteSecret())
    }

    /// The invitation a link names, or the message to show instead.
    private func invitation(for token: String) async throws -> Result<Invitation, InvitationError> {
        guard let link = try await signer().verify(token, purpose: "invitation", now: now()),
            let invitation = try await store.invitation(Invitation.ID(link.id))
        else { return .failure(.unknown) }
        if link.expired { return .failure(.expired) }
        do {
            try Invitations.check(invitation, now: now())
        } catch {
            return .failure(error)
        }
        return .success(invitation)
    }

    static func message(_ error: InvitationError) -> String {
        switch error {
        case .unknown: "This invitation link is not valid. Check that it was copied whole, or ask for a new one."
        case .alreadyUsed: "This invitation has been used already; each link works once. Sign in instead, or ask for a new invitation."
        case .expired: "This invitation has expired. Ask an administrator for a new one."
        }
    }

    @Sendable func invitationPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        switch try await invitation(for: token) {
        case .failure(let error):
            return pages.message(try await layout("Invitation", nil, current: ""), heading: "Invitation", text: Self.message(error), status: .gone)
        case .success(let invitation):
            return try await invitationForm(request, token: token, invitation, name: "", error: nil, status: .ok)
        }
    }

    private func invitationForm(
        _ request: Request, token: String, _ invitation: Invitation, name: String, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let form = auth.signedOutFormToken(request)
        let view = InvitationView(
            layout: try await layout("Join the newsroom", nil, current: "", error: error), formToken: form.token,
            email: invitation.email.rawValue, roleName: invitation.role.displayName, name: name, action: NewsroomPaths.invitation(token))
        return pages.page("invitation", view, status: status, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func acceptInvitation(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        let invitation: Invitation
        switch try await self.invitation(for: token) {
        case .failure(let error):
            return pages.message(try await layout("Invitation", nil, current: ""), heading: "Invitation", text: Self.message(error), status: .gone)
        case .success(let found): invitation = found
        }
        let name = form.text("name")
        let password = form.text("password")
        do {
            guard password == form.text("password_again") else {
                throw ValidationError(field: "password", message: "The two passwords are not the same.")
            }
            try PasswordPolicy.check(password, email: invitation.email, name: name)
            _ = try NewUser(email: invitation.email, name: name, role: invitation.role, passwordHash: "")
        } catch let error as ValidationError {
            return try await invitationForm(request, token: token, invitation, name: name, error: error.message, status: .unprocessableContent)
        }
        let user: User
        do {
            let hash = try await auth.hasher.hash(password)
            let moment = now()
            user = try await store.acceptInvitation(invitation.id, now: moment) { stored in
                try Invitations.accept(stored, name: name, passwordHash: hash, now: moment)
            }
        } catch let error as InvitationError {
            return pages.message(try await layout("Invitation", nil, current: ""), heading: "Invitation", text: Self.message(error), status: .gone)
        } catch StoreError.duplicate(let message) {
            return pages.message(try await layout("Invitation", nil, current: ""), heading: "Invitation", text: message, status: .conflict)
        }
        var response = done(NewsroomPaths.articles, "created")
        response.setCookie(try await auth.startSession(for: user, request))
        return response
    }

    /// Sends a notice by mail; `false` (and a log line) when it could not go.
    func deliver(to email: EmailAddress, subject: String, _ mail: (html: String, text: String)) async -> Bool {
        do {
            let outcome = try await mailer.send(to: email, subject: subject, text: mail.text, html: mail.html)
            return outcome == .accepted && !mailer.transport.isFolder
        } catch {
            logger.error("Could not send a newsroom email", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
    }

    // MARK: Password reset by email

    /// The purpose a reset link of an account with `passwordHash` is signed for (see `PasswordResets.purpose`).
    private func resetPurpose(_ passwordHash: String) -> String {
        PasswordResets.purpose(passwordFingerprint: Base64URL.encode(SessionToken.digest(passwordHash).prefix(12)))
    }

    @Sendable func resetRequestPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = auth.signedOutFormToken(request)
        let view = ResetRequestView(layout: try await layout("Reset your password", nil, current: ""), formToken: form.token, sent: false)
        return pages.page("password-reset", view, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func requestReset(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        if let email = try? EmailAddress(form.text("email")), let account = try await store.credentials(email: email), account.user.suspendedAt == nil {
            do {
                try await store.count(PasswordResets.key(email), against: PasswordResets.perAddress, now: now())
                let token = try await signer().token(
                    purpose: resetPurpose(account.passwordHash), id: account.user.id.rawValue, expiresAt: now().addingTimeInterval(PasswordResets.lifetime))
                let site = try await self.site.current().settings
                let mail = emails.notice(
                    EmailNotice(
                        heading: "Reset your password", paragraphs: ["Someone asked to reset the password of this newsroom account. The link works for an hour, once. If it was not you, ignore this email."],
                        buttonLabel: "Choose a new password", buttonURL: publicURL + "/admin/password-reset/" + token, footer: "\(site.name) · \(publicURL)"),
                    site: site)
                _ = await deliver(to: email, subject: "Reset your \(site.name) newsroom password", mail)
            } catch is LimitReached {
                // Enough reset emails went to this address for now; the page says the same either way.
            }
        }
        let view = ResetRequestView(layout: try await layout("Reset your password", nil, current: ""), formToken: form.text("csrf"), sent: true)
        return pages.page("password-reset", view)
    }

    /// The account a reset link names, if the link is genuine, fresh and unused.
    private func resetAccount(_ token: String) async throws -> User? {
        let parts = token.split(separator: ".")
        guard let id = parts.first.flatMap({ Int64($0) }), let user = try await store.user(User.ID(id)), user.suspendedAt == nil,
            let account = try await store.credentials(email: user.email),
            let link = try await signer().verify(token, purpose: resetPurpose(account.passwordHash), now: now()), !link.expired
        else { return nil }
        return user
    }

    @Sendable func resetPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard try await resetAccount(token) != nil else {
            return pages.message(
                try await layout("Reset your password", nil, current: ""), heading: "This link does not work",
                text: "Reset links work once, for an hour. Ask for a new one on the sign-in page.", status: .gone)
        }
        let form = auth.signedOutFormToken(request)
        let view = ResetView(layout: try await layout("Choose a new password", nil, current: ""), formToken: form.token, action: request.uri.path)
        return pages.page("password-new", view, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func resetPassword(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        let token = context.parameters.get("token") ?? ""
        guard let user = try await resetAccount(token) else {
            return pages.message(
                try await layout("Reset your password", nil, current: ""), heading: "This link does not work",
                text: "Reset links work once, for an hour. Ask for a new one on the sign-in page.", status: .gone)
        }
        let password = form.text("password")
        do {
            guard password == form.text("password_again") else { throw ValidationError(field: "password", message: "The two passwords are not the same.") }
            try PasswordPolicy.check(password, email: user.email, name: user.name)
        } catch let error as ValidationError {
            let view = ResetView(layout: try await layout("Choose a new password", nil, current: "", error: error.message), formToken: form.text("csrf"), action: request.uri.path)
            return pages.page("password-new", view, status: .unprocessableContent)
        }
        try await store.changePassword(user.id, passwordHash: try await auth.hasher.hash(password))
        try await store.clearAttempts(keys: [LoginThrottle.keys(email: user.email.rawValue, address: "").account])
        var response = done(NewsroomPaths.articles, "password")
        response.setCookie(try await auth.startSession(for: user, request))
        return response
    }

    // MARK: Account

    @Sendable func accountPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        return try await accountForm(request, visitor, error: nil, status: .ok)
    }

    /// Whether `password` is the signed-in person's current password, asked before changes to how they sign in.
    func isCurrentPassword(_ password: String, of visitor: SignedIn) async throws -> Bool {
        guard let stored = try await store.credentials(email: visitor.user.email) else { return false }
        return try await auth.hasher.verify(password, hash: stored.passwordHash)
    }

    func accountForm(_ request: Request, _ visitor: SignedIn, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let view = AccountView(
            layout: try await layout("Your account", visitor, current: NewsroomPaths.account, request: request, error: error),
            email: visitor.user.email.rawValue, name: visitor.user.name, roleName: visitor.user.role.displayName,
            twoFactor: visitor.user.usesTwoFactor, recoveryCodesLeft: try await store.unusedRecoveryCodes(of: visitor.user.id),
            twoFactorRequired: visitor.twoFactorRequired, devices: try await devices(request, visitor))
        return pages.page("account", view, status: status)
    }

    @Sendable func changePassword(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        guard try await isCurrentPassword(form.text("current_password"), of: visitor) else {
            return try await accountForm(request, visitor, error: "Your current password is not right.", status: .unprocessableContent)
        }
        let password = form.text("password")
        do {
            guard password == form.text("password_again") else { throw ValidationError(field: "password", message: "The two new passwords are not the same.") }
            try PasswordPolicy.check(password, email: visitor.user.email, name: visitor.user.name)
        } catch let error as ValidationError {
            return try await accountForm(request, visitor, error: error.message, status: .unprocessableContent)
        }
        try await store.changePassword(visitor.user.id, passwordHash: try await auth.hasher.hash(password))
        var response = done(NewsroomPaths.account, "password")
        response.setCookie(try await auth.startSession(for: visitor.user, request))
        return response
    }

    @Sendable func signOutEverywhere(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        try await store.endAllSessions(of: visitor.user.id)
        var response = done(NewsroomPaths.account, "signed-out-everywhere")
        response.setCookie(try await auth.startSession(for: visitor.user, request))
        return response
    }

    // MARK: People

    @Sendable func usersPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        return try await usersView(request, visitor, inviteLink: nil, error: nil, status: .ok)
    }

    func usersView(
        _ request: Request, _ visitor: SignedIn, inviteLink: String?, emailed: String? = nil, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let dates = try await dates()
        let users = try await store.users().map { user in
            UserRow(
                id: user.id.rawValue, name: user.name, email: user.email.rawValue, roleName: user.role.displayName,
                roles: Role.allCases.reversed().map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == user.role) },
                isSelf: user.id == visitor.user.id, since: dates.text(user.createdAt), suspended: user.suspendedAt != nil,
                twoFactor: user.usesTwoFactor)
        }
        let pending = try await store.pendingInvitations(now: now()).map {
            PendingInvitation(id: $0.id.rawValue, email: $0.email.rawValue, roleName: $0.role.displayName, expires: dates.text($0.expiresAt))
        }
        let view = UsersView(
            layout: try await layout("People", visitor, current: NewsroomPaths.users, request: request, error: error), users: users,
            pending: pending, roles: Role.allCases.reversed().map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == .contributor) },
            inviteLink: inviteLink, emailedTo: emailed)
        return pages.page("users", view, status: status)
    }

    @Sendable func invite(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .admin)
        let email: EmailAddress
        do {
            email = try EmailAddress(form.text("email"))
        } catch {
            return try await usersView(request, visitor, inviteLink: nil, error: error.message, status: .unprocessableContent)
        }
        guard let role = Role(rawValue: form.text("role")) else { throw NewsroomRefusal.badRequest("Choose a role for the invitation.") }
        if try await store.credentials(email: email) != nil {
            return try await usersView(request, visitor, inviteLink: nil, error: "\(email) already has an account.", status: .conflict)
        }
        let expiresAt = now().addingTimeInterval(Invitations.lifetime)
        let invitation = try await store.createInvitation(email: email, role: role, invitedBy: visitor.user.id, now: now(), expiresAt: expiresAt)
        let token = try await signer().token(purpose: "invitation", id: invitation.id.rawValue, expiresAt: expiresAt)
        let link = publicURL + NewsroomPaths.invitation(token)
        let site = try await self.site.current().settings
        let mail = emails.notice(
            EmailNotice(
                heading: "Join the newsroom of \(site.name)", paragraphs: ["\(visitor.user.name) invites you as \(role.displayName.lowercased()). The link works once, for seven days."],
                buttonLabel: "Join the newsroom", buttonURL: link, footer: "\(site.name) · \(publicURL)"),
            site: site)
        let emailed = await deliver(to: email, subject: "Your invitation to the \(site.name) newsroom", mail)
        return try await usersView(
            request, visitor, inviteLink: link, emailed: emailed ? email.rawValue : nil, error: nil, status: .created)
    }

    @Sendable func changeRole(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .admin)
        guard let id = context.parameters.get("id", as: Int64.self), let role = Role(rawValue: form.text("role")) else {
            throw NewsroomRefusal.notFound
        }
        do {
            try await store.changeRole(User.ID(id)) { user, administrators in
                try AccountRules.checkRoleChange(of: user, to: role, administrators: administrators)
                return role
            }
        } catch let error as WorkflowError {
            return try await usersView(request, visitor, inviteLink: nil, error: error.message, status: .conflict)
        } catch StoreError.notFound {
            throw NewsroomRefusal.notFound
        }
        return done(NewsroomPaths.users, "role")
    }
}

extension NewsroomController {
    // MARK: Integrations

    @Sendable func integrationsPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        return try await integrationsView(request, visitor, newToken: nil, error: nil, status: .ok)
    }

    private func integrationsView(_ request: Request, _ visitor: SignedIn, newToken: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let dates = try await dates()
        let view = IntegrationsView(
            layout: try await layout("Integrations", visitor, current: NewsroomPaths.integrations, request: request, error: error),
            tokens: try await store.apiTokens().map { token in
                TokenRow(
                    id: token.id.rawValue, name: token.name, scope: token.scope.displayName, created: dates.text(token.createdAt),
                    revoked: token.revokedAt.map(dates.text))
            },
            scopes: TokenScope.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, selected: $0 == .read) },
            newToken: newToken, apiBase: publicURL + "/api/admin/v1")
        return pages.page("integrations", view, status: status)
    }

    @Sendable func createToken(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .admin)
        guard let scope = TokenScope(rawValue: form.text("scope")) else { throw NewsroomRefusal.badRequest("Choose what the token may do.") }
        let secret = "kiosk_" + SecureRandom.token()
        do {
            let token = try NewAPIToken(name: form.text("name"), scope: scope, tokenHash: SessionToken.digest(secret))
            _ = try await store.createAPIToken(token, createdBy: visitor.user.id, now: now())
        } catch let error as ValidationError {
            return try await integrationsView(request, visitor, newToken: nil, error: error.message, status: .unprocessableContent)
        }
        return try await integrationsView(request, visitor, newToken: secret, error: nil, status: .created)
    }

    @Sendable func revokeToken(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .admin)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw NewsroomRefusal.notFound }
        do {
            try await store.revokeAPIToken(APIToken.ID(id), now: now())
        } catch StoreError.notFound {
            throw NewsroomRefusal.notFound
        }
        return done(NewsroomPaths.integrations, "revoked")
    }
}

/// One integration token on its page.
struct TokenRow {
    let id: Int64
    let name: String
    let scope: String
    let created: String
    let revoked: String?
}

/// The integrations page.
struct IntegrationsView {
    let layout: AdminLayout
    let tokens: [TokenRow]
    let scopes: [Choice]
    /// The token just made, shown this once.
    let newToken: String?
    let apiBase: String
}


extension Optional {
    /// `flatMap` with an asynchronous transform.
    func asyncFlatMap<Result>(_ transform: (Wrapped) async throws -> Result?) async rethrows -> Result? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// The page asking for a reset link.
struct ResetRequestView {
    let layout: AdminLayout
    let formToken: String
    /// Whether the request was made (the page then says so, whatever the address).
    let sent: Bool
}

/// The page choosing a new password from a reset link.
struct ResetView {
    let layout: AdminLayout
    let formToken: String
    let action: String
}

/// The account page.
struct AccountView {
    let layout: AdminLayout
    let email: String
    let name: String
    let roleName: String
    /// Whether the account signs in with a code from an app too.
    let twoFactor: Bool
    let recoveryCodesLeft: Int
    /// Whether the publication requires it, so it cannot be turned off.
    let twoFactorRequired: Bool
    /// Where the account is signed in.
    let devices: [DeviceRow]
}

/// One account on the people page.
struct UserRow {
    let id: Int64
    let name: String
    let email: String
    let roleName: String
    let roles: [Choice]
    let isSelf: Bool
    let since: String
    let suspended: Bool
    let twoFactor: Bool
}

/// An invitation not yet used.
struct PendingInvitation {
    let id: Int64
    let email: String
    let roleName: String
    let expires: String
}

/// The people page.
struct UsersView {
    let layout: AdminLayout
    let users: [UserRow]
    let pending: [PendingInvitation]
    let roles: [Choice]
    /// The link of the invitation just made, shown once to copy.
    let inviteLink: String?
    /// The address the invitation was also emailed to, when the mail server accepted it.
    let emailedTo: String?
}

/// The words the newsroom uses for mistakes people can fix.
enum NewsroomErrors {
    /// The message for a mistake the person can fix, or `nil` for a failure of ours.
    static func userMessage(_ error: any Error) -> String? {
        switch error {
        case let error as ValidationError: error.message
        case let error as WorkflowError: error.message
        case StoreError.slugTaken(let slug): "The slug “\(slug)” is in use already; choose another."
        case StoreError.missingReference: "A chosen section, series, topic, author or image no longer exists; choose again."
        case StoreError.duplicate(let message): message
        default: nil
        }
    }
}

/// Turns newsroom refusals and errors into pages: sign-in redirects, 403s, 404s and messages.
struct NewsroomErrorMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext

    let pages: AdminPages
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as NewsroomRefusal {
            switch refusal {
            case .signInRequired(let next):
                let query = next == NewsroomPaths.home ? "" : "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response.redirect(to: NewsroomPaths.login + query, type: .normal)
            case .twoFactorSetupRequired:
                return Response.redirect(to: NewsroomPaths.twoFactor + "?done=two-factor-required", type: .normal)
            case .forbidden:
                return message("Not allowed", "Your role does not allow this. Ask an editor or an administrator.", .forbidden)
            case .badCSRFToken:
                return message(
                    "Form expired", "This form was out of date or did not come from the newsroom, so nothing was changed. Go back, reload the page and try again.",
                    .forbidden)
            case .notFound:
                return message("Not found", "There is nothing at this address in the newsroom.", .notFound)
            case .badRequest(let text):
                return message("Cannot do that", text, .badRequest)
            }
        } catch let error as HTTPError where error.status.code < 500 {
            return message("Cannot do that", error.body ?? "The request could not be understood.", error.status)
        } catch StoreError.notFound {
            return message("Not found", "There is nothing at this address in the newsroom.", .notFound)
        } catch StoreError.unavailable(let detail) {
            logger.error("Database unavailable", metadata: ["route": "\(AccessLogMiddleware.loggedPath(request: request, context: context))", "error": "\(detail)"])
            var response = message(
                "Database unreachable", "The newsroom cannot reach its database just now, so nothing was saved. Wait a moment and send the form again.",
                .serviceUnavailable)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error where NewsroomErrors.userMessage(error) != nil {
            return message("Cannot do that", NewsroomErrors.userMessage(error) ?? "", .conflict)
        } catch {
            logger.error("Newsroom request failed", metadata: ["route": "\(AccessLogMiddleware.loggedPath(request: request, context: context))", "error": "\(String(reflecting: error))"])
            return message("Something went wrong", "Nothing was lost: what was stored before is still there. Try again in a moment.", .internalServerError)
        }
    }

    private func message(_ heading: String, _ text: String, _ status: HTTPResponse.Status) -> Response {
        let layout = AdminLayout(title: heading, siteName: "Newsroom", assetVersion: pages.theme.assetVersion, visitor: nil, current: "")
        return pages.message(layout, heading: heading, text: text, status: status)
    }
}
