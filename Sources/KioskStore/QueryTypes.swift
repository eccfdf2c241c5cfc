import Foundation
import KioskCore

/// A signed-in account and the anti-forgery token of its session.
public struct SignedIn: Sendable {
    /// Who is signed in.
    public let user: User
    /// The token every form of this session must send back.
    public let csrfToken: String
    /// Whether the publication requires two-step sign-in of every account.
    public let twoFactorRequired: Bool
    /// When the session was last used, as recorded (at most `SessionRules.touchInterval` behind).
    public let lastSeenAt: Date

    /// Creates the value.
    public init(user: User, csrfToken: String, twoFactorRequired: Bool, lastSeenAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.twoFactorRequired = twoFactorRequired
        self.lastSeenAt = lastSeenAt
    }
}

/// One session of an account, as its owner sees it in the list of places they are signed in.
public struct SessionRecord: Sendable, Equatable {
    /// The SHA-256 of its cookie token: names it without revealing the token.
    public let tokenHash: [UInt8]
    /// When it began.
    public let createdAt: Date
    /// When it was last used.
    public let lastSeenAt: Date
    /// The browser it began in, as it named itself.
    public let userAgent: String

    /// Creates the value.
    public init(tokenHash: [UInt8], createdAt: Date, lastSeenAt: Date, userAgent: String) {
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.userAgent = userAgent
    }
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

/// Which subscribers the newsroom lists.
public struct SubscriberFilter: Sendable, Equatable {
    /// Only addresses containing this text.
    public var search: String
    /// Only this status.
    public var status: SubscriberStatus?
    /// Only subscribers of this newsletter.
    public var newsletterID: Newsletter.ID?

    /// Creates a filter; everything is optional.
    public init(search: String = "", status: SubscriberStatus? = nil, newsletterID: Newsletter.ID? = nil) {
        self.search = search
        self.status = status
        self.newsletterID = newsletterID
    }
}

/// One row of a subscriber import: an address that gave consent, when and where.
public struct SubscriberImport: Sendable, Equatable {
    /// The address.
    public let email: EmailAddress
    /// When they consented.
    public let consentAt: Date
    /// Where they signed up.
    public let source: String
    /// The newsletters they receive (none when they unsubscribed or bounced).
    public let newsletters: [Newsletter.ID]
    /// Whether they still receive mail (`active`), or had unsubscribed or bounced where they come from.
    public let status: SubscriberStatus

    /// Creates the value; someone who unsubscribed or bounced keeps no newsletters.
    public init(email: EmailAddress, consentAt: Date, source: String, newsletters: [Newsletter.ID], status: SubscriberStatus = .active) {
        self.email = email
        self.consentAt = consentAt
        self.source = source
        self.status = status
        self.newsletters = status == .active ? newsletters : []
    }
}

/// An article read from an archive, with what it keeps from its old home.
public struct ImportedArticle: Sendable {
    /// Its content, body converted.
    public let content: ArticleContent
    /// Its status here (a private post comes in as a draft).
    public let status: ArticleStatus
    /// When it was published (or is scheduled), as the archive says.
    public let publishedAt: Date?
    /// When it was first written, as the archive says.
    public let createdAt: Date
    /// When it was last changed, as the archive says.
    public let updatedAt: Date
    /// Its first revision here.
    public let revision: NewRevision
    /// Where it came from.
    public let key: ImportKey
    /// Its old addresses, normalized (`OldAddress`).
    public let oldPaths: [String]

    /// Creates an imported article.
    public init(
        content: ArticleContent, status: ArticleStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date, revision: NewRevision, key: ImportKey,
        oldPaths: [String]
    ) {
        self.content = content
        self.status = status
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.key = key
        self.oldPaths = oldPaths
    }
}

/// What became of one article of `importArticles`.
public enum ImportOutcome: Sendable, Equatable {
    /// Stored, with this id.
    case stored(Article.ID)
    /// Left out: another article has its slug.
    case slugTaken
    /// Left out: its key was imported already.
    case alreadyImported
}

/// A page read from an archive, with what it keeps from its old home.
public struct ImportedPage: Sendable {
    /// Its content, body converted.
    public let content: PageContent
    /// Its status here.
    public let status: PageStatus
    /// When it was published, as the archive says.
    public let publishedAt: Date?
    /// When it was first written.
    public let createdAt: Date
    /// When it was last changed.
    public let updatedAt: Date
    /// Its first revision here.
    public let revision: NewPageRevision
    /// Where it came from.
    public let key: ImportKey
    /// Its old addresses, normalized (`OldAddress`).
    public let oldPaths: [String]

    /// Creates an imported page.
    public init(
        content: PageContent, status: PageStatus, publishedAt: Date?, createdAt: Date, updatedAt: Date, revision: NewPageRevision, key: ImportKey,
        oldPaths: [String]
    ) {
        self.content = content
        self.status = status
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.key = key
        self.oldPaths = oldPaths
    }
}
