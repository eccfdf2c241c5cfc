import Foundation
import Hummingbird
import KioskCore
import KioskStore
import Logging

/// Administrators suspending, reinstating and removing accounts and withdrawing invitations, and
/// each person ending their own sessions one device at a time.
extension NewsroomController {
    @Sendable func changeAccountStatus(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .admin)
        guard let id = context.parameters.get("id", as: Int64.self), let change = AccountChange(rawValue: form.text("change")) else {
            throw NewsroomRefusal.notFound
        }
        guard change != .remove || form["confirm"] != nil else {
            return try await usersView(
                request, visitor, inviteLink: nil, error: "Tick the box to confirm that the account is to be removed.", status: .unprocessableContent)
        }
        let actor = visitor.user.id
        do {
            try await store.changeAccountStatus(User.ID(id), now: now()) { user, active in
                try AccountRules.checkStatusChange(of: user, change, by: actor, activeAdministrators: active)
                return change
            }
        } catch let error as WorkflowError {
            return try await usersView(request, visitor, inviteLink: nil, error: error.message, status: .conflict)
        } catch StoreError.notFound {
            throw NewsroomRefusal.notFound
        }
        logger.notice("Account status changed", metadata: ["user": "\(id)", "change": "\(change.rawValue)", "by": "\(actor)"])
        return done(NewsroomPaths.users, change.rawValue)
    }

    @Sendable func revokeInvitation(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .admin)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw NewsroomRefusal.notFound }
        do {
            try await store.revokeInvitation(Invitation.ID(id))
        } catch StoreError.notFound {
            throw NewsroomRefusal.notFound
        }
        return done(NewsroomPaths.users, "invitation-revoked")
    }

    /// The places `visitor` is signed in, this one marked.
    func devices(_ request: Request, _ visitor: SignedIn) async throws -> [DeviceRow] {
        let dates = try await dates()
        let current = request.cookies[NewsroomAuth<Store>.sessionCookie].map { SessionToken.digest($0.value) }
        let moment = now()
        return try await store.sessions(of: visitor.user.id, now: moment, seenSince: SessionRules.seenSince(now: moment)).map { session in
            DeviceRow(
                handle: session.tokenHash.map { String(format: "%02x", $0) }.joined(),
                browser: session.userAgent.isEmpty ? "A browser that did not name itself" : session.userAgent,
                signedIn: dates.text(session.createdAt), lastActive: dates.text(session.lastSeenAt), isCurrent: session.tokenHash == current)
        }
    }

    @Sendable func endDevice(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .contributor)
        let handle = form.text("session")
        guard handle.utf8.count == 64, let hash = Self.bytes(hex: handle) else { throw NewsroomRefusal.badRequest("That is not one of your sessions.") }
        guard try await store.endSession(tokenHash: hash, of: visitor.user.id) else { throw NewsroomRefusal.notFound }
        let current = request.cookies[NewsroomAuth<Store>.sessionCookie].map { SessionToken.digest($0.value) }
        guard hash == current else { return done(NewsroomPaths.account, "device-signed-out") }
        var response = Response.redirect(to: NewsroomPaths.login, type: .normal)
        response.setCookie(try await auth.endSession(request))
        return response
    }

    /// The bytes written in `hex` (two digits each), or `nil`.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

/// One place an account is signed in, on its account page.
struct DeviceRow {
    /// Names the session in the form that ends it (the hex of its token's hash).
    let handle: String
    let browser: String
    let signedIn: String
    let lastActive: String
    /// Whether it is the session this page was asked for in.
    let isCurrent: Bool
}
