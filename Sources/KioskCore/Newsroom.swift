import Foundation

/// What a newsroom account may do. The server checks it on every admin route and action.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case contributor, editor, admin

    /// The label people see.
    public var displayName: String {
        switch self {
        case .admin: "Administrator"
        case .editor: "Editor"
        case .contributor: "Contributor"
        }
    }

    /// Whether this role includes everything `other` may do.
    public func includes(_ other: Role) -> Bool { other <= self }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A person who works in the newsroom.
public struct User: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<User>
    /// The store identifier.
    public let id: ID
    /// Where they sign in with, unique and lowercased.
    public var email: EmailAddress
    /// Their name as colleagues see it.
    public var name: String
    /// What they may do.
    public var role: Role
    /// Their public author profile, used as the byline of articles they start.
    public var authorID: Author.ID?
    /// When the account was made.
    public var createdAt: Date
    /// Whether signing in takes a code from an authenticator app after the password.
    public var usesTwoFactor: Bool
    /// When an administrator suspended the account, if they did: it cannot sign in or act.
    public var suspendedAt: Date?

    /// Creates a user value.
    public init(
        id: ID, email: EmailAddress, name: String, role: Role, authorID: Author.ID?, createdAt: Date, usesTwoFactor: Bool = false,
        suspendedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
        self.createdAt = createdAt
        self.usesTwoFactor = usesTwoFactor
        self.suspendedAt = suspendedAt
    }

    /// Whether this user may change `article`: editors and admins any, contributors only their own
    /// drafts that are neither published nor scheduled.
    public func mayEdit(_ article: Article) -> Bool {
        guard role == .contributor else { return true }
        return article.ownerID == id && article.status == .draft
    }
}

/// An email address, trimmed and lowercased, checked for the shape every mail system accepts.
public struct EmailAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The longest address SMTP allows.
    public static let maximumLength = 254
    /// The address as text.
    public let rawValue: String

    /// `text` as an address is looked up: trimmed and in lower case. Every spelling of one address
    /// comes out the same, so whatever counts attempts per address uses this too.
    public static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Validates `text`; throws `ValidationError` saying what is wrong with it.
    public init(_ text: String) throws(ValidationError) {
        let address = Self.normalized(text)
        guard !address.isEmpty else { throw ValidationError(field: "email", message: "An email address is required.") }
        guard address.utf8.count <= Self.maximumLength else {
            throw ValidationError(field: "email", message: "An email address can be at most \(Self.maximumLength) characters long.")
        }
        guard address.unicodeScalars.allSatisfy(\.isASCII) else {
            throw ValidationError(
                field: "email",
                message: "“\(text)” has letters outside ASCII; addresses like that (internationalised addresses) are not supported yet. Use an ASCII address.")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let allowedLocal = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789.-")
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, local.utf8.count <= 64,
            local.unicodeScalars.allSatisfy(allowedLocal.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            domain.contains("."), domain.unicodeScalars.allSatisfy(allowedDomain.contains),
            domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else {
            throw ValidationError(field: "email", message: "“\(text)” is not an email address like name@example.org.")
        }
        rawValue = address
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The rules a new password must meet.
public enum PasswordPolicy {
    /// The shortest password accepted, in characters.
    public static let minimumLength = 10
    /// The longest accepted: bcrypt reads only the first 72 bytes.
    public static let maximumBytes = 72

    /// Throws `ValidationError` when `password` is too short, too long, or among the most common ones.
    public static func check(_ password: String, email: EmailAddress? = nil, name: String? = nil) throws(ValidationError) {
        guard password.count >= minimumLength else {
            throw ValidationError(field: "password", message: "A password needs at least \(minimumLength) characters.")
        }
        guard password.utf8.count <= maximumBytes else {
            throw ValidationError(field: "password", message: "A password can be at most \(maximumBytes) bytes long.")
        }
        let folded = password.lowercased()
        let personal = [email.map { String($0.rawValue.prefix { $0 != "@" }) }, name?.lowercased()].compactMap { $0 }.filter { $0.count >= 4 }
        guard !CommonPasswords.list.contains(folded), !personal.contains(where: { folded.contains($0) }),
            Set(folded).count > 2
        else {
            throw ValidationError(field: "password", message: "That password is too easy to guess; choose one that is not common and not your name or address.")
        }
    }
}

/// Who makes a change, as revisions record it: a newsroom account or an integration.
public struct ChangeAuthor: Sendable, Equatable {
    /// The name the history shows.
    public let name: String
    /// The account, when a person made the change.
    public let userID: User.ID?

    /// A change made by `user`.
    public init(_ user: User) {
        name = user.name
        userID = user.id
    }

    /// A change made through the Admin API with the token called `tokenName`.
    public init(integration tokenName: String) {
        name = "Integration: \(tokenName)"
        userID = nil
    }
}

/// Where an article is in the newsroom's workflow, as the article list filters it.
public enum WorkflowState: String, Sendable, CaseIterable {
    case draft, review, scheduled, published, trash

    /// The label people see.
    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .review: "In review"
        case .scheduled: "Scheduled"
        case .published: "Published"
        case .trash: "Trash"
        }
    }

    /// The state of `article`.
    public init(of article: Article) {
        self.init(article.state)
    }

    /// The state an article with the workflow columns `state` is in.
    public init(_ state: ArticleState) {
        if state.trashedAt != nil {
            self = .trash
        } else if state.status == .draft {
            self = state.submittedAt == nil ? .draft : .review
        } else {
            self = state.status == .published ? .published : .scheduled
        }
    }
}

/// A change of an article's workflow state that the newsroom asks for.
public enum WorkflowAction: Sendable, Equatable {
    /// A contributor hands a draft to the editors.
    case submit
    /// Publish now (or keep the original date when it was published before).
    case publish
    /// Publish at a later moment.
    case schedule(Date)
    /// Take off the public site, back to draft.
    case unpublish
    /// Move to the trash, off the public site.
    case trash
    /// Bring back from the trash as a draft.
    case restore

    /// The role needed to ask for this action on an article one may edit.
    public var requiredRole: Role {
        switch self {
        case .submit: .contributor
        case .publish, .schedule, .unpublish, .trash, .restore: .editor
        }
    }
}

/// One saved state of an article, kept so that any earlier version can be read, compared and restored.
public struct Revision: Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Revision>
    /// The store identifier.
    public let id: ID
    /// The article it belongs to.
    public let articleID: Article.ID
    /// Who saved it, by name (kept even if the account is removed).
    public let savedBy: String
    /// When it was saved.
    public let savedAt: Date
    /// Why it exists: a save, an autosave, a restore, or a save refused because of a conflict.
    public let kind: RevisionKind
    /// The article's editable fields as they were, written out as text.
    public let text: String
    /// The headline then.
    public let title: String
    /// The fields as they were, to restore from.
    public let draft: ArticleDraft

    /// Creates a revision value.
    public init(id: ID, articleID: Article.ID, savedBy: String, savedAt: Date, kind: RevisionKind, text: String, title: String, draft: ArticleDraft) {
        self.draft = draft
        self.id = id
        self.articleID = articleID
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.kind = kind
        self.text = text
        self.title = title
    }
}

/// Why a revision was kept.
public enum RevisionKind: String, Sendable, CaseIterable {
    case created, saved, autosaved, restored
    /// A save that was refused because someone else saved first; kept so nobody's words are lost.
    case conflict

    /// The label people see.
    public var displayName: String {
        switch self {
        case .created: "Created"
        case .saved: "Saved"
        case .autosaved: "Autosaved"
        case .restored: "Restored"
        case .conflict: "Not saved (conflict)"
        }
    }
}

/// The store refused a save because the article changed since the editor opened it.
public struct EditConflict: Error, Sendable, Equatable {
    /// The version now stored.
    public let currentVersion: Int
    /// The revision that keeps the refused text.
    public let keptRevision: Revision.ID

    /// Creates the error.
    public init(currentVersion: Int, keptRevision: Revision.ID) {
        self.currentVersion = currentVersion
        self.keptRevision = keptRevision
    }
}

/// Passwords people pick most often (lowercased), refused whatever their length.
enum CommonPasswords {
    static let list: Set<String> = [
        "1234567890", "12345678910", "123456789a", "0123456789", "0987654321", "1111111111", "1q2w3e4r5t", "1qaz2wsx3edc",
        "qwertyuiop", "qwerty1234", "qwerty12345", "asdfghjkl1", "zxcvbnm123", "password12", "password123", "password1234",
        "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123", "letmein123", "welcome123", "welcome1234", "admin12345",
        "administrator", "changeme123", "football123", "baseball123", "sunshine123", "princess123", "monkey1234", "dragon1234",
        "master1234", "trustno1234", "abc1234567", "abcdefghij", "aaaaaaaaaa", "qazwsxedcrfv", "starwars123", "superman123",
        "computer123", "internet123", "newspaper1", "journalist", "kiosk12345", "kioskkiosk", "correcthorse", "passwordpassword",
    ]
}

/// The fields of an article an editor writes, before the body is rendered; kept with every revision.
public struct ArticleDraft: Hashable, Sendable, Codable {
    /// The URL segment.
    public var slug: String
    /// The headline.
    public var title: String
    /// The standfirst.
    public var dek: String
    /// The editorial format.
    public var format: ArticleFormat
    /// The primary section.
    public var sectionID: Int64
    /// The topics.
    public var topicIDs: [Int64]
    /// The series, if any.
    public var seriesID: Int64?
    /// The authors in byline order.
    public var authorIDs: [Int64]
    /// The top image, if any.
    public var topMediaID: Int64?
    /// The Markdown body.
    public var markdown: String
    /// The document title override.
    public var seoTitle: String?
    /// The meta description override.
    public var seoDescription: String?
    /// The canonical address override.
    public var canonicalURL: String?

    /// Creates a draft from its fields.
    public init(
        slug: String, title: String, dek: String, format: ArticleFormat, sectionID: Int64, topicIDs: [Int64] = [], seriesID: Int64? = nil,
        authorIDs: [Int64], topMediaID: Int64? = nil, markdown: String, seoTitle: String? = nil, seoDescription: String? = nil,
        canonicalURL: String? = nil
    ) {
        self.slug = slug
        self.title = title
        self.dek = dek
        self.format = format
        self.sectionID = sectionID
        self.topicIDs = topicIDs
        self.seriesID = seriesID
        self.authorIDs = authorIDs
        self.topMediaID = topMediaID
        self.markdown = markdown
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.canonicalURL = canonicalURL
    }

    /// The draft of stored content.
    public init(_ content: ArticleContent) {
        self.init(
            slug: content.slug.rawValue, title: content.title, dek: content.dek, format: content.format, sectionID: content.sectionID.rawValue,
            topicIDs: content.topicIDs.map(\.rawValue), seriesID: content.seriesID?.rawValue, authorIDs: content.authorIDs.map(\.rawValue),
            topMediaID: content.topMediaID?.rawValue, markdown: content.body.markdown, seoTitle: content.seo.title,
            seoDescription: content.seo.description, canonicalURL: content.seo.canonicalURL)
    }
}
