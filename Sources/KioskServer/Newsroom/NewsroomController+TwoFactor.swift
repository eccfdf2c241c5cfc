import Foundation
import Hummingbird
import KioskCore
import KioskStore
import Logging

/// Two-step sign-in: turning it on with an authenticator app, the code asked after the password,
/// recovery codes, and turning it off.
extension NewsroomController {
    /// How long the code step may follow the password.
    static var secondStepLifetime: TimeInterval { 5 * 60 }
    /// What the signature of a pending sign-in is for.
    static var secondStepPurpose: String { "second-step" }

    /// A signed token saying that `user` gave the right password, for the code step that follows.
    func pendingSignIn(_ user: User) async throws -> String {
        try await signer().token(purpose: Self.secondStepPurpose, id: user.id.rawValue, expiresAt: now().addingTimeInterval(Self.secondStepLifetime))
    }

    func codeForm(_ request: Request, pending: String, next: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let form = auth.signedOutFormToken(request)
        let view = LoginCodeView(
            layout: try await layout("Sign in", nil, current: "", error: error), formToken: form.token, pending: pending, next: next)
        return pages.page("login-code", view, status: status, cookies: form.cookie.map { [$0] } ?? [])
    }

    @Sendable func loginWithCode(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        try auth.checkSignedOutForm(request, form)
        let pending = form.text("pending")
        let next = Self.safeNext(form["next"])
        let moment = now()
        guard let link = try await signer().verify(pending, purpose: Self.secondStepPurpose, now: moment), !link.expired,
            let user = try await store.user(User.ID(link.id)), user.usesTwoFactor
        else {
            return try await loginForm(request, email: "", error: "That took too long. Sign in again with your password.", status: .unauthorized)
        }
        let keys = LoginThrottle.keys(email: user.email.rawValue, address: context.clientKey)
        do {
            try await store.countAttempt(keys: [keys.account, keys.address], within: LoginThrottle.lockDuration, now: moment) { failures in
                try LoginThrottle.check(failures, account: keys.account, address: keys.address, now: moment)
            }
        } catch let refusal as LimitReached {
            return try await codeForm(request, pending: pending, next: next, error: refusal.message, status: .tooManyRequests)
        }
        guard try await checkSecondStep(form.text("code"), of: user, now: moment) else {
            return try await codeForm(
                request, pending: pending, next: next, error: "That code is not right, or was used already. Try the newest code in your app.",
                status: .unauthorized)
        }
        try await store.clearAttempts(keys: [keys.account])
        try await store.withdrawAttempt(keys: [keys.address])
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(try await auth.startSession(for: user, request))
        return response
    }

    /// Whether `code` is the app's code for now (not used before) or an unused recovery code of `user`.
    private func checkSecondStep(_ code: String, of user: User, now: Date) async throws -> Bool {
        if TwoFactor.isRecoveryCode(code) {
            return try await store.useRecoveryCode(user.id, hash: TwoFactor.recoveryHash(code), now: now)
        }
        guard let sealed = try await store.twoFactorSecret(of: user.id),
            let step = TwoFactor.matchingStep(code, secret: try secrets.open(sealed), now: now)
        else { return false }
        return try await store.useTwoFactorStep(user.id, step: step)
    }

    @Sendable func twoFactorPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        if visitor.user.usesTwoFactor { return Response.redirect(to: NewsroomPaths.account, type: .normal) }
        return try await enrolForm(request, visitor, secret: TwoFactor.newSecret(), error: nil, status: .ok)
    }

    private func enrolForm(_ request: Request, _ visitor: SignedIn, secret: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let issuer = try await site.current().settings.name
        let view = TwoFactorView(
            layout: try await layout("Two-step sign-in", visitor, current: NewsroomPaths.account, request: request, error: error),
            enrolling: true, secret: secret, key: TwoFactor.displayedKey(secret),
            address: TwoFactor.authenticatorURL(secret, account: visitor.user.email.rawValue, issuer: issuer), recoveryCodes: [])
        return pages.page("two-factor", view, status: status)
    }

    @Sendable func turnOnTwoFactor(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let secret = form.text("secret")
        guard secret.count == 20, secret.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw NewsroomRefusal.badRequest("The form was changed on its way; open two-step sign-in again.")
        }
        let moment = now()
        guard let step = TwoFactor.matchingStep(form.text("code"), secret: secret, now: moment) else {
            return try await enrolForm(
                request, visitor, secret: secret, error: "That code does not match. Check the time on your phone, and type the newest code.",
                status: .unprocessableContent)
        }
        let codes = TwoFactor.newRecoveryCodes()
        try await store.enableTwoFactor(visitor.user.id, secret: try secrets.seal(secret), recoveryCodeHashes: codes.map(TwoFactor.recoveryHash))
        _ = try await store.useTwoFactorStep(visitor.user.id, step: step)
        logger.notice("Two-step sign-in turned on", metadata: ["user": "\(visitor.user.id)"])
        let view = TwoFactorView(
            layout: try await layout("Two-step sign-in", visitor, current: NewsroomPaths.account, request: request), enrolling: false, secret: "", key: "", address: "",
            recoveryCodes: codes)
        return pages.page("two-factor", view, status: .ok)
    }

    @Sendable func turnOffTwoFactor(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        guard !visitor.twoFactorRequired else {
            throw NewsroomRefusal.badRequest("This publication requires two-step sign-in of every account, so it stays on.")
        }
        guard try await isCurrentPassword(form.text("current_password"), of: visitor) else {
            return try await accountForm(request, visitor, error: "Your current password is not right.", status: .unprocessableContent)
        }
        try await store.disableTwoFactor(visitor.user.id)
        logger.notice("Two-step sign-in turned off", metadata: ["user": "\(visitor.user.id)"])
        return done(NewsroomPaths.account, "two-factor-off")
    }
}

/// The step after the password: the code from the app, or a recovery code.
struct LoginCodeView {
    let layout: AdminLayout
    let formToken: String
    let pending: String
    let next: String
}

/// Turning two-step sign-in on (the key and the app's address), or, once on, the recovery codes.
struct TwoFactorView {
    let layout: AdminLayout
    /// Whether the page turns it on (otherwise it shows the recovery codes).
    let enrolling: Bool
    let secret: String
    let key: String
    let address: String
    /// Shown once, right after it is turned on.
    let recoveryCodes: [String]
}
