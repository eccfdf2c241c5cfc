import Foundation
import KioskCore

/// What the newsroom stores beyond the publication: accounts, sessions, invitations, the article
/// workflow with revisions, the media library and site management.
///
/// Each operation runs in one transaction. The contract tests in `KioskStoreTests` describe it.
public protocol NewsroomStore: PublicationStore {
    // MARK: Accounts

    /// How many accounts exist.
    func userCount() async throws -> Int
    /// Makes an account with an author profile of the same name for its bylines; throws
    /// `StoreError.duplicate` when the address has an account already.
    func createUser(_ new: NewUser, now: Date) async throws -> User
    /// The account with this id, or `nil`.
    func user(_ id: User.ID) async throws -> User?
    /// The account with this address and its password hash, or `nil`.
    func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)?
    /// Every account, by name.
    func users() async throws -> [User]
    /// Replaces a password hash and ends every session of the account.
    func changePassword(_ id: User.ID, passwordHash: String) async throws
    /// Changes what an account may do; refuses to leave the newsroom without an administrator.
    func changeRole(_ id: User.ID, to role: Role) async throws

    // MARK: Sessions and sign-in

    /// Records a session, known by the SHA-256 of its cookie token.
    func createSession(tokenHash: [UInt8], userID: User.ID, csrfToken: String, now: Date, expiresAt: Date) async throws
    /// The signed-in account of a session that has not expired, or `nil`.
    func session(tokenHash: [UInt8], now: Date) async throws -> SignedIn?
    /// Ends one session.
    func endSession(tokenHash: [UInt8]) async throws
    /// Ends every session of an account ("sign out everywhere").
    func endAllSessions(of id: User.ID) async throws
    /// Attempts counted under each key (failed sign-ins per account or address, sign-ups per
    /// network, reset requests per address) whose last one is less than `window` old.
    func attempts(keys: [String], within window: TimeInterval, now: Date) async throws -> [String: AttemptCount]
    /// Counts one more attempt under each key; a count whose last attempt is `window` old or more starts again at one.
    func recordAttempt(keys: [String], within window: TimeInterval, now: Date) async throws
    /// Forgets the attempts under the keys (after a successful sign-in, or a password reset).
    func clearAttempts(keys: [String]) async throws

    // MARK: Invitations

    /// The random secret every node shares for signing links.
    func siteSecret() async throws -> [UInt8]
    /// Records an invitation.
    func createInvitation(email: EmailAddress, role: Role, invitedBy: User.ID, now: Date, expiresAt: Date) async throws -> Invitation
    /// The invitation with this id, or `nil`.
    func invitation(_ id: Invitation.ID) async throws -> Invitation?
    /// Invitations not yet accepted or expired, newest first.
    func pendingInvitations(now: Date) async throws -> [Invitation]
    /// Uses an invitation to make an account; throws `InvitationError` if it was used or has expired.
    func acceptInvitation(_ id: Invitation.ID, name: String, passwordHash: String, now: Date) async throws -> User

    // MARK: Integration tokens

    /// Records a token for the Admin API, known by its SHA-256.
    func createAPIToken(name: String, scope: TokenScope, tokenHash: [UInt8], createdBy: User.ID, now: Date) async throws -> APIToken
    /// Every token, revoked ones too, newest first.
    func apiTokens() async throws -> [APIToken]
    /// The live (not revoked) token with this SHA-256, or `nil`.
    func apiToken(hash: [UInt8]) async throws -> APIToken?
    /// Revokes a token; requests carrying it are refused from then on.
    func revokeAPIToken(_ id: APIToken.ID, now: Date) async throws

    // MARK: Articles

    /// A page of articles in any state, most recently changed first.
    func newsroomArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<NewsroomArticle>
    /// Stores a new draft started by `author`, with its first revision.
    func createDraft(_ content: ArticleContent, by author: ChangeAuthor, now: Date) async throws -> Article
    /// Saves new content with a revision, if the article is still at `expectedVersion`; otherwise keeps
    /// the refused content as a `conflict` revision and throws `EditConflict`.
    func saveArticle(_ id: Article.ID, content: ArticleContent, expectedVersion: Int, by author: ChangeAuthor, kind: RevisionKind, now: Date) async throws -> Article
    /// Moves an article through the workflow; throws `WorkflowError` when the move makes no sense.
    func applyWorkflow(_ action: WorkflowAction, to id: Article.ID, now: Date) async throws -> Article
    /// Publishes every scheduled article whose time has come; returns how many.
    func publishDueArticles(now: Date) async throws -> Int
    /// The earliest time a scheduled article goes live, if any is scheduled.
    func nextScheduledPublication() async throws -> Date?
    /// The revisions of an article, newest first.
    func revisions(of id: Article.ID) async throws -> [Revision]
    /// An article in any state with everything its page shows, for previews.
    func articlePreview(_ id: Article.ID, relatedLimit: Int) async throws -> ArticleDetail?

    // MARK: Media library

    /// A page of media, newest first, optionally only those whose text mentions `search`.
    func mediaLibrary(search: String, page: PageRequest) async throws -> Page<MediaItem>
    /// The media record with this id, or `nil`.
    func media(_ id: Media.ID) async throws -> Media?
    /// The media record stored under this file name, or `nil`.
    func media(fileName: String) async throws -> Media?
    /// Changes the text shown with an image wherever it is used.
    func updateMediaText(_ id: Media.ID, alt: String, caption: String, credit: String) async throws -> Media
    /// Deletes an unused media record; throws `StoreError.inUse` when something shows it.
    func deleteMedia(_ id: Media.ID) async throws

    // MARK: Site management

    /// Changes a section; a new slug leaves the old one redirecting.
    func updateSection(_ id: Section.ID, _ changes: NewSection) async throws
    /// Changes a topic; a new slug leaves the old one redirecting.
    func updateTopic(_ id: Topic.ID, _ changes: NewTerm) async throws
    /// Changes a series; a new slug leaves the old one redirecting.
    func updateSeries(_ id: Series.ID, _ changes: NewTerm) async throws
    /// Changes an author; a new slug leaves the old one redirecting.
    func updateAuthor(_ id: Author.ID, _ changes: NewAuthor) async throws
    /// Puts the sections in this navigation order; sections not listed keep their place after them.
    func orderSections(_ ids: [Section.ID]) async throws
}

/// An account to create.
public struct NewUser: Sendable {
    /// Where they sign in with.
    public var email: EmailAddress
    /// Their name.
    public var name: String
    /// What they may do.
    public var role: Role
    /// The bcrypt hash of their password.
    public var passwordHash: String

    /// Validates the name and creates the input.
    public init(email: EmailAddress, name: String, role: Role, passwordHash: String) throws(ValidationError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ValidationError(field: "name", message: "A name is required.") }
        guard name.count <= 200 else { throw ValidationError(field: "name", message: "A name can be at most 200 characters long.") }
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }
}

/// A signed-in account and the anti-forgery token of its session.
public struct SignedIn: Sendable {
    /// Who is signed in.
    public let user: User
    /// The token every form of this session must send back.
    public let csrfToken: String

    /// Creates the value.
    public init(user: User, csrfToken: String) {
        self.user = user
        self.csrfToken = csrfToken
    }
}

/// Attempts counted under one key, for throttling.
public struct AttemptCount: Sendable, Equatable {
    /// How many, since the count last started again.
    public let count: Int
    /// When the last one happened.
    public let last: Date

    /// Creates the value.
    public init(count: Int, last: Date) {
        self.count = count
        self.last = last
    }
}

/// An invitation to join the newsroom.
public struct Invitation: Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Invitation>
    /// The store identifier, part of the signed link.
    public let id: ID
    /// Who is invited.
    public let email: EmailAddress
    /// The role they will have.
    public let role: Role
    /// When it was made.
    public let createdAt: Date
    /// When the link stops working.
    public let expiresAt: Date
    /// When it was used, if it was.
    public let acceptedAt: Date?

    /// Creates the value.
    public init(id: ID, email: EmailAddress, role: Role, createdAt: Date, expiresAt: Date, acceptedAt: Date?) {
        self.id = id
        self.email = email
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
    }
}

/// Why an invitation cannot be used.
public enum InvitationError: Error, Equatable, Sendable {
    /// It was used already; each link works once.
    case alreadyUsed
    /// Its time ran out.
    case expired
    /// Nothing matches it.
    case unknown
}

/// A workflow move that does not fit the article's state.
public struct WorkflowError: Error, Equatable, Sendable {
    /// What is wrong, for the person who asked.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }
}

/// Which articles the newsroom list shows.
public struct ArticleListFilter: Sendable, Equatable {
    /// Only this state; `nil` is every state but the trash.
    public var state: WorkflowState?
    /// Only this section.
    public var sectionID: Section.ID?
    /// Only with this author in the byline.
    public var authorID: Author.ID?
    /// Only in this series.
    public var seriesID: Series.ID?
    /// Only those started by this account (what contributors see).
    public var ownerID: User.ID?
    /// Only headlines containing this text.
    public var titleSearch: String

    /// Creates a filter; everything is optional.
    public init(
        state: WorkflowState? = nil, sectionID: Section.ID? = nil, authorID: Author.ID? = nil, seriesID: Series.ID? = nil,
        ownerID: User.ID? = nil, titleSearch: String = ""
    ) {
        self.state = state
        self.sectionID = sectionID
        self.authorID = authorID
        self.seriesID = seriesID
        self.ownerID = ownerID
        self.titleSearch = titleSearch
    }
}

/// One row of the newsroom's article list.
public struct NewsroomArticle: Sendable {
    /// The article.
    public let id: Article.ID
    /// The headline.
    public let title: String
    /// Where it is in the workflow.
    public let state: WorkflowState
    /// Its section's name.
    public let sectionName: String
    /// The byline.
    public let authorNames: [String]
    /// When it goes or went live.
    public let publishedAt: Date?
    /// When it last changed.
    public let updatedAt: Date
    /// Who started it.
    public let ownerID: User.ID?

    /// Creates the value.
    public init(
        id: Article.ID, title: String, state: WorkflowState, sectionName: String, authorNames: [String], publishedAt: Date?,
        updatedAt: Date, ownerID: User.ID?
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.sectionName = sectionName
        self.authorNames = authorNames
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.ownerID = ownerID
    }
}

/// A media record with how many places show it.
public struct MediaItem: Sendable {
    /// The media record.
    public let media: Media
    /// Articles, author portraits and the site logo that use it.
    public let usageCount: Int

    /// Creates the value.
    public init(media: Media, usageCount: Int) {
        self.media = media
        self.usageCount = usageCount
    }
}

/// What an integration token may do.
public enum TokenScope: String, Sendable, CaseIterable {
    /// Read articles in any state, media, taxonomy.
    case read
    /// Read, and create, change, publish and schedule.
    case write

    /// The label people see.
    public var displayName: String { self == .read ? "Read only" : "Read and write" }
}

/// A token an integration uses to call the Admin API.
public struct APIToken: Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<APIToken>
    /// The store identifier.
    public let id: ID
    /// What it is for, as the administrator named it.
    public let name: String
    /// What it may do.
    public let scope: TokenScope
    /// When it was made.
    public let createdAt: Date
    /// When it was revoked, if it was.
    public let revokedAt: Date?

    /// Creates the value.
    public init(id: ID, name: String, scope: TokenScope, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
