import Foundation
import KioskCore

/// Everything a publication stores, one protocol per concern. `SQLiteStore` (module `KioskSQLite`)
/// and `PostgresStore` (module `KioskPostgres`) implement all of it; the contract tests in
/// `KioskStoreTests` describe the behaviour every implementation must have.
///
/// Stores only persist. The newsroom's rules (which workflow moves are allowed, the edit-conflict
/// policy, who may become what, what a sign-up leads to) live in `KioskCore`; where a rule must see
/// the stored state and decide within the same transaction, the store method takes the decision as
/// a closure, calls it with the rows it locked, and writes what it returns. Every write runs in one
/// transaction, translates the engine's errors into `StoreError`, and reports its commit to `changes`.
public protocol PublicationStore:
    SiteStore, TaxonomyStore, MediaStore, RenditionStore, ArticleStore, PageStore, ImportStore, ReaderStore, AccountStore, SubscriberStore, IssueStore, MaintenanceStore
{}

/// The site itself: settings, the shared secret, and the feed of committed changes.
public protocol SiteStore: Sendable {
    /// Where every commit is reported; the page cache reads its generation.
    var changes: ChangeFeed { get }
    /// Follows the commits of other processes on the same database and reports them to `changes`,
    /// until the task is cancelled. Run once per process, beside the web server.
    func followChanges() async throws
    /// The site settings and the sections in navigation order, read together.
    func siteContext() async throws -> SiteContext
    /// Replaces the site settings.
    func updateSiteSettings(_ settings: SiteSettings) async throws
    /// The random secret every node shares for signing links.
    func siteSecret() async throws -> [UInt8]
}

/// Sections, topics, series and authors.
public protocol TaxonomyStore: Sendable {
    /// Every section, topic, series and author.
    func taxonomy() async throws -> Taxonomy
    /// Adds a section; throws `StoreError.slugTaken` if its slug is in use.
    func createSection(_ new: NewSection) async throws -> Section
    /// Adds a topic; throws `StoreError.slugTaken` if its slug is in use.
    func createTopic(_ new: NewTerm) async throws -> Topic
    /// Adds a series; throws `StoreError.slugTaken` if its slug is in use.
    func createSeries(_ new: NewTerm) async throws -> Series
    /// Adds an author; throws `StoreError.slugTaken` if its slug is in use.
    func createAuthor(_ new: NewAuthor) async throws -> Author
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

/// The media library: records and the files' bytes. The bytes live in the database so that every
/// node can serve every image; each node's media folder only caches them.
public protocol MediaStore: Sendable {
    /// Records a media file with its bytes.
    func addMedia(_ new: NewMedia, bytes: [UInt8]) async throws -> Media
    /// The bytes of the media file with this name, or `nil` when there is none (or its bytes were never stored).
    func mediaBytes(fileName: String) async throws -> [UInt8]?
    /// Names of media records whose bytes are not stored yet (from before they were), at most `limit`.
    func mediaWithoutBytes(limit: Int) async throws -> [String]
    /// Stores the bytes of the media record named `fileName`, if it has none yet.
    func storeMediaBytes(_ bytes: [UInt8], fileName: String) async throws
    /// The media record with this id, or `nil`.
    func media(_ id: Media.ID) async throws -> Media?
    /// The media record stored under this file name, or `nil`.
    func media(fileName: String) async throws -> Media?
    /// A page of media, newest first, optionally only those whose text mentions `search`.
    func mediaLibrary(search: String, page: PageRequest) async throws -> Page<MediaItem>
    /// Changes the text shown with an image wherever it is used.
    func updateMediaText(_ id: Media.ID, alt: String, caption: String, credit: String) async throws -> Media
    /// Deletes a media record if `decide`, shown the record and how many places use it, does not throw.
    func deleteMedia(_ id: Media.ID, _ decide: @escaping @Sendable (MediaItem) throws -> Void) async throws
}

/// The resized, stripped copies of images that the public is served instead of the originals,
/// made in the background by one node at a time per image (under a renewed claim) and kept in the
/// database like the originals, so every node can serve them.
public protocol RenditionStore: Sendable {
    /// Asks for the renditions of plan `key` of image `id`, with its subject at `focus`, to be made,
    /// and forgets an earlier failure; returns the record.
    func requestRenditions(_ id: Media.ID, focus: FocalPoint, key: String) async throws -> Media
    /// Claims for `node`, until `until`, an image whose wanted renditions are not all made and did
    /// not fail (`preferring` that one when it qualifies), unless another node's claim is still
    /// running at `now`; `nil` when there is none.
    func claimRenditionWork(node: String, now: Date, until: Date, preferring: Media.ID?) async throws -> Media?
    /// The names of the renditions stored for image `id`.
    func renditionNames(of id: Media.ID) async throws -> Set<String>
    /// Stores one rendition of image `id` and extends `node`'s claim to `until`; `false` when
    /// `node` no longer holds the claim (nothing is stored then).
    func addRendition(_ rendition: Rendition, of id: Media.ID, bytes: [UInt8], node: String, until: Date) async throws -> Bool
    /// Records plan `key` of image `id` as made (while it is still the one wanted), releases
    /// `node`'s claim, and deletes the image's renditions not named in `keeping`.
    func finishRenditions(_ id: Media.ID, key: String, keeping: Set<String>, node: String) async throws
    /// Records why plan `key` of image `id` could not be made and releases `node`'s claim; the
    /// image is not tried again until its renditions are asked for again.
    func failRenditions(_ id: Media.ID, key: String, failure: String, node: String) async throws
    /// The type and bytes of the rendition named `name`, or `nil`.
    func rendition(named name: String) async throws -> StoredRendition?
    /// Whether the rendition named `name` is stored, without reading it.
    func hasRendition(named name: String) async throws -> Bool
    /// The size in bytes of each rendition in `names` that is stored, by name, without reading them.
    func renditionLengths(named names: [String]) async throws -> [String: Int]
    /// Images whose renditions were never asked for (stored before Kiosk made them), oldest first, at most `limit`.
    func mediaWithoutRenditions(limit: Int) async throws -> [Media]
}

/// A rendition's file as the store keeps it.
public struct StoredRendition: Sendable {
    /// Its media type, such as "image/webp".
    public let contentType: String
    /// Its bytes.
    public let bytes: [UInt8]

    /// Describes a stored rendition.
    public init(contentType: String, bytes: [UInt8]) {
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// Articles as the newsroom writes them: content, workflow state, revisions.
public protocol ArticleStore: Sendable {
    /// Stores a new article as it is given (imports, the demo); throws `StoreError` for a taken slug or a missing reference.
    func createArticle(_ content: ArticleContent, status: ArticleStatus, publishedAt: Date?, now: Date) async throws -> Article
    /// Stores many published articles in one transaction; nothing is stored if any of them is refused.
    func createPublishedArticles(_ articles: [(content: ArticleContent, publishedAt: Date)]) async throws
    /// Stores a new draft started by `owner`, with its first revision.
    func createDraft(_ content: ArticleContent, owner: User.ID?, revision: NewRevision, now: Date) async throws -> Article
    /// Changes an article as `decide` says, given the article as stored, all in one transaction: new
    /// content (a changed slug leaves the old one redirecting), a new state, a revision; the version
    /// grows by one. Whatever `decide` throws is thrown, with nothing written.
    func changeArticle(_ id: Article.ID, now: Date, _ decide: @escaping @Sendable (Article) throws -> ArticleChange) async throws -> Article
    /// Keeps a revision without changing the article (a refused save's text); returns its id.
    func addRevision(_ revision: NewRevision, to id: Article.ID, now: Date) async throws -> Revision.ID
    /// The article with this id in any status, or `nil`.
    func article(_ id: Article.ID) async throws -> Article?
    /// How many articles exist in any status.
    func articleCount() async throws -> Int
    /// A page of articles in any state, most recently changed first.
    func newsroomArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<NewsroomArticle>
    /// The revisions of an article, newest first.
    func revisions(of id: Article.ID) async throws -> [Revision]
    /// An article in any state with everything its page shows, for previews.
    func articlePreview(_ id: Article.ID, relatedLimit: Int) async throws -> ArticleDetail?
    /// Publishes every scheduled article whose time has come; returns how many.
    func publishDueArticles(now: Date) async throws -> Int
    /// The earliest time a scheduled article goes live, if any is scheduled.
    func nextScheduledPublication() async throws -> Date?
}

/// The publication's standing pages (About, Masthead…) and their revisions.
public protocol PageStore: Sendable {
    /// Stores a new page with its first revision; throws `StoreError.slugTaken` when another page has its slug.
    func createPage(_ content: PageContent, status: PageStatus, revision: NewPageRevision, now: Date) async throws -> SitePage
    /// Changes a page as `decide` says, given the page as stored, in one transaction: new content (a
    /// changed slug leaves the old one redirecting), a status, a revision; the version grows by one.
    /// Whatever `decide` throws is thrown, with nothing written.
    func changePage(_ id: SitePage.ID, now: Date, _ decide: @escaping @Sendable (SitePage) throws -> PageChange) async throws -> SitePage
    /// Deletes a page, its revisions and its old addresses.
    func deletePage(_ id: SitePage.ID) async throws
    /// The page with this id in any status, or `nil`.
    func page(_ id: SitePage.ID) async throws -> SitePage?
    /// A page of pages in any status, by title.
    func newsroomPages(_ page: PageRequest) async throws -> Page<SitePage>
    /// The revisions of a page, newest first.
    func pageRevisions(of id: SitePage.ID) async throws -> [PageRevision]
    /// A published page with its top image, or where its slug moved.
    func publishedPage(_ slug: Slug) async throws -> SlugLookup<PageDetail>
}

/// What archive imports keep: which item became which record, and the addresses stories had before.
public protocol ImportStore: Sendable {
    /// The ids of the records the items with `keys` were imported as, in one read; keys not imported are absent.
    func importedRecords(_ keys: [ImportKey]) async throws -> [ImportKey: Int64]
    /// Records that the item with `key` was imported as record `id` (authors, terms and media, made by other methods).
    func recordImport(_ key: ImportKey, as id: Int64, now: Date) async throws
    /// Stores imported articles as they were (dates, status), each with its first revision, the
    /// ledger entry of its key and its old addresses, all in one transaction: a killed import leaves
    /// either all of them or none. An article whose slug another has, or whose key was imported
    /// already, is left out and says so in its outcome (in the order given); the others are stored.
    func importArticles(_ articles: [ImportedArticle], now: Date) async throws -> [ImportOutcome]
    /// Stores an imported page the same way.
    func importPage(_ page: ImportedPage, now: Date) async throws -> SitePage
    /// Where the published story or page that once answered at `oldPath` (as `OldAddress` normalizes it) lives now.
    func currentPath(forOldPath oldPath: String) async throws -> String?

    /// Starts a job for an archive uploaded in the newsroom; its file arrives with `addImportJobPart`.
    func createImportJob(platform: ImportPlatform, fileName: String, requestedBy: User.ID, now: Date) async throws -> ImportJob.ID
    /// Stores part `number` (from 0) of a job's file, of at most `ImportJob.partBytes` bytes.
    func addImportJobPart(_ id: ImportJob.ID, number: Int, bytes: [UInt8]) async throws
    /// Queues a job whose file has arrived whole (`uploading` → `queued`), recording its size.
    func queueImportJob(_ id: ImportJob.ID, bytes: Int64) async throws
    /// Part `number` of a job's file, or `nil` past its end.
    func importJobPart(_ id: ImportJob.ID, number: Int) async throws -> [UInt8]?
    /// Claims the oldest queued job, or a running one whose lease ran out by `now`, for `node`
    /// until `leaseUntil`; a job another node claims at the same moment is skipped, never shared.
    func claimImportJob(node: String, now: Date, leaseUntil: Date) async throws -> ImportJob?
    /// Records the progress of a job `node` runs and renews its lease; `false` when the job is no longer that node's.
    func reportImportProgress(_ id: ImportJob.ID, node: String, progress: String, leaseUntil: Date) async throws -> Bool
    /// Ends a job as finished or failed with its report, and deletes its file.
    func finishImportJob(_ id: ImportJob.ID, status: ImportJob.Status, report: String, now: Date) async throws
    /// The newest jobs, newest first.
    func importJobs(limit: Int) async throws -> [ImportJob]
    /// The job with this id, or `nil`.
    func importJob(_ id: ImportJob.ID) async throws -> ImportJob?
}

/// What readers see: published articles only.
public protocol ReaderStore: Sendable {
    /// The newest published article as lead and the `latestCount` after it.
    func frontPage(latestCount: Int) async throws -> FrontPage
    /// A page of all published articles, newest first.
    func latest(_ page: PageRequest) async throws -> Page<ArticleSummary>
    /// A published article with everything its page shows, or where its slug moved.
    func articlePage(_ slug: Slug, relatedLimit: Int) async throws -> SlugLookup<ArticleDetail>
    /// A page of a section's published articles.
    func sectionListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Section>>
    /// A page of a topic's published articles.
    func topicListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Topic>>
    /// A page of a series' published articles.
    func seriesListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Series>>
    /// A page of an author's published articles.
    func authorListing(_ slug: Slug, page: PageRequest) async throws -> SlugLookup<Listing<Author>>
    /// The slug of the published article with this id, or `nil`.
    func publishedArticleSlug(_ id: Article.ID) async throws -> Slug?
    /// Published articles in `period`, newest first, at most 200 (for drafting a round-up).
    func articlesPublished(in period: Range<Date>) async throws -> [ArticleSummary]
    /// One page of published articles matching `query`, most relevant first with a boost for recent ones.
    func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchResult>
    /// The newest `limit` published articles of `scope` with their bodies, or where its slug moved.
    func feed(_ scope: FeedScope, limit: Int) async throws -> SlugLookup<FeedContent>
    /// Published articles' addresses and last changes, in a stable order (oldest first).
    func sitemapArticles(offset: Int, limit: Int) async throws -> [SitemapEntry]
    /// The last change within each run of `size` published articles, in the order of `sitemapArticles`.
    func sitemapArticleChanges(chunkSize size: Int) async throws -> [Date?]
    /// Every listing page of `kind` with the last change among its articles.
    func sitemapListings(_ kind: SitemapListing) async throws -> [SitemapEntry]
    /// Articles published at or after `since`, newest first, at most `limit`.
    func newsSitemapArticles(since: Date, limit: Int) async throws -> [NewsSitemapEntry]
}

/// Newsroom accounts, sessions, sign-in throttling, invitations and integration tokens.
public protocol AccountStore: Sendable {
    /// How many accounts exist.
    func userCount() async throws -> Int
    /// Makes an account with an author profile of the same name for its bylines (the first free of
    /// `new.authorSlugCandidates`); throws `StoreError.duplicate` when the address has an account already.
    func createUser(_ new: NewUser, now: Date) async throws -> User
    /// Makes the account `decide` returns when told how many accounts exist, in one transaction that
    /// no other first account can interleave with; for the first administrator of a new publication.
    func createFirstUser(now: Date, _ decide: @escaping @Sendable (_ existingAccounts: Int) throws -> NewUser) async throws -> User
    /// The account with this id, or `nil`.
    func user(_ id: User.ID) async throws -> User?
    /// The sealed authenticator secret of an account, or `nil` when it does not use two-step sign-in.
    func twoFactorSecret(of id: User.ID) async throws -> String?
    /// Turns two-step sign-in on with `secret` (sealed), forgetting any step used before, and
    /// replaces the account's recovery codes with `recoveryCodeHashes`.
    func enableTwoFactor(_ id: User.ID, secret: String, recoveryCodeHashes: [[UInt8]]) async throws
    /// Turns two-step sign-in off, forgetting its secret and recovery codes.
    func disableTwoFactor(_ id: User.ID) async throws
    /// Records that a code of time step `step` signed the account in; `false`, with nothing
    /// changed, when a code of this step or a later one was used already, so no code works twice.
    func useTwoFactorStep(_ id: User.ID, step: Int64) async throws -> Bool
    /// Marks the account's unused recovery code with this hash used; `false` when there is none.
    func useRecoveryCode(_ id: User.ID, hash: [UInt8], now: Date) async throws -> Bool
    /// How many unused recovery codes the account has.
    func unusedRecoveryCodes(of id: User.ID) async throws -> Int
    /// The account with this address and its password hash, or `nil`.
    func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)?
    /// Every account, by name.
    func users() async throws -> [User]
    /// Replaces a password hash and ends every session of the account.
    func changePassword(_ id: User.ID, passwordHash: String) async throws
    /// Gives an account the role `decide` returns, shown the account and how many administrators
    /// there are, with the accounts locked so that no other change interleaves.
    func changeRole(_ id: User.ID, _ decide: @escaping @Sendable (User, _ administrators: Int) throws -> Role) async throws

    /// Makes the change `decide` returns to an account, shown the account and how many active
    /// administrators there are, with the accounts locked; suspending or removing ends its sessions
    /// and revokes the integration tokens it made, in the same transaction.
    func changeAccountStatus(_ id: User.ID, now: Date, _ decide: @escaping @Sendable (User, _ activeAdministrators: Int) throws -> AccountChange) async throws

    /// Records a session, known by the SHA-256 of its cookie token, with the browser it began in.
    func createSession(tokenHash: [UInt8], userID: User.ID, csrfToken: String, userAgent: String, now: Date, expiresAt: Date) async throws
    /// The signed-in account of a session that has not expired, was last used at or after
    /// `seenSince`, and whose account is not suspended; or `nil`.
    func session(tokenHash: [UInt8], now: Date, seenSince: Date) async throws -> SignedIn?
    /// Records that a session was used at `now`.
    func touchSession(tokenHash: [UInt8], now: Date) async throws
    /// The sessions of an account that have not ended, most recently used first, at most `SessionRules.listed`.
    func sessions(of id: User.ID, now: Date, seenSince: Date) async throws -> [SessionRecord]
    /// Ends one session.
    func endSession(tokenHash: [UInt8]) async throws
    /// Ends one session of an account ("sign out this device"); `false` when it has no such session.
    func endSession(tokenHash: [UInt8], of id: User.ID) async throws -> Bool
    /// Ends every session of an account ("sign out everywhere").
    func endAllSessions(of id: User.ID) async throws
    /// Counts one more attempt under each key, once `decide` has seen the counts so far (those whose
    /// last attempt is less than `window` old) without throwing; a count whose last attempt is
    /// older starts again at one. Seeing and counting are one transaction holding the keys, so
    /// attempts made at once are counted one after another and none gets past a limit.
    func countAttempt(keys: [String], within window: TimeInterval, now: Date, _ decide: @escaping @Sendable ([String: AttemptCount]) throws -> Void) async throws
    /// Takes back one attempt under each key (it turned out to be a good one); a count that reaches none is forgotten.
    func withdrawAttempt(keys: [String]) async throws
    /// Forgets the attempts under the keys.
    func clearAttempts(keys: [String]) async throws

    /// Records an invitation.
    func createInvitation(email: EmailAddress, role: Role, invitedBy: User.ID, now: Date, expiresAt: Date) async throws -> Invitation
    /// The invitation with this id, or `nil`.
    func invitation(_ id: Invitation.ID) async throws -> Invitation?
    /// Withdraws an invitation that was not used, so its link no longer works; throws
    /// `StoreError.notFound` when there is no such unused invitation.
    func revokeInvitation(_ id: Invitation.ID) async throws
    /// Invitations not yet accepted or expired, newest first.
    func pendingInvitations(now: Date) async throws -> [Invitation]
    /// Makes the account `decide` returns for the invitation (locked), and marks the invitation used.
    func acceptInvitation(_ id: Invitation.ID, now: Date, _ decide: @escaping @Sendable (Invitation) throws -> NewUser) async throws -> User

    /// Records a token for the Admin API.
    func createAPIToken(_ new: NewAPIToken, createdBy: User.ID, now: Date) async throws -> APIToken
    /// Every token, revoked ones too, newest first.
    func apiTokens() async throws -> [APIToken]
    /// The live (not revoked) token with this SHA-256, or `nil`.
    func apiToken(hash: [UInt8]) async throws -> APIToken?
    /// Revokes a token; requests carrying it are refused from then on.
    func revokeAPIToken(_ id: APIToken.ID, now: Date) async throws
}

/// Newsletters, subscribers and their consent.
public protocol SubscriberStore: Sendable {
    /// Every newsletter, in display order.
    func newsletters() async throws -> [Newsletter]
    /// Changes when the weekly round-up is drafted and whether it is sent without an editor.
    func updateNewsletterSchedule(_ id: Newsletter.ID, _ schedule: NewsletterSchedule) async throws
    /// Records a sign-up of `email` for `newsletters` from `source` as `plan` decides, shown what the store knows of
    /// the address and whether it is suppressed.
    func signUp(
        email: EmailAddress, newsletters: [Newsletter.ID], source: String, now: Date,
        _ plan: @escaping @Sendable (SubscriberStanding?, _ suppressed: Bool) -> SignUpPlan
    ) async throws -> SignUpResult
    /// Notes that a confirmation (or preferences) email went to the subscriber, for rate limiting.
    func markConfirmationSent(_ id: Subscriber.ID, now: Date) async throws
    /// Changes a subscriber as `decide` says, given the subscriber as stored; queued deliveries of
    /// newsletters they no longer receive are dropped.
    func changeSubscriber(_ id: Subscriber.ID, now: Date, _ decide: @escaping @Sendable (Subscriber) throws -> SubscriberChange) async throws -> Subscriber
    /// The subscriber with this id, or `nil`.
    func subscriber(_ id: Subscriber.ID) async throws -> Subscriber?
    /// A page of subscribers, newest first, filtered.
    func subscribers(_ filter: SubscriberFilter, page: PageRequest) async throws -> Page<Subscriber>
    /// What happened to a subscriber, oldest first.
    func subscriberHistory(_ id: Subscriber.ID) async throws -> [SubscriberEvent]
    /// Deletes a subscriber with all their data: subscriptions, history and deliveries.
    func deleteSubscriber(_ id: Subscriber.ID) async throws
    /// Adds confirmed subscribers from an import, each with the history entry `event` gives;
    /// addresses already known or suppressed are left as they are. Returns how many were added.
    func importSubscribers(_ rows: [SubscriberImport], now: Date, event: @escaping @Sendable (SubscriberImport) -> String) async throws -> Int
}

/// Newsletter issues and the delivery queue: one row per (issue, subscriber), whose state is the
/// truth about what was sent. A node claims rows (`queued` → `sending`) under its id for a while,
/// and records each result as soon as the mail server answers; rows whose claim ran out, or that a
/// restarted node had claimed before it stopped, go back to the queue.
public protocol IssueStore: Sendable {
    /// The issues of a newsletter, newest first.
    func issues(of newsletter: Newsletter.ID) async throws -> [NewsletterIssue]
    /// The issue with this id, or `nil`.
    func issue(_ id: NewsletterIssue.ID) async throws -> NewsletterIssue?
    /// The newest issue of a newsletter by the end of its period, or `nil`.
    func lastIssue(of newsletter: Newsletter.ID) async throws -> NewsletterIssue?
    /// Stores a new draft issue; `nil` when it is a round-up whose due moment has an issue already.
    func createIssue(_ new: NewIssue, now: Date) async throws -> NewsletterIssue?
    /// Changes a draft or scheduled issue as `decide` says, given the issue as stored.
    func changeIssue(_ id: NewsletterIssue.ID, _ decide: @escaping @Sendable (NewsletterIssue) throws -> IssueChange) async throws
    /// Starts sending an issue if `mayStart`, given the issue as stored, says so: queues one delivery
    /// per active subscriber of its newsletter whose address is not suppressed. Returns how many.
    func startSending(_ id: NewsletterIssue.ID, now: Date, _ mayStart: @escaping @Sendable (NewsletterIssue) -> Bool) async throws -> Int
    /// Scheduled issues whose time has come.
    func dueIssues(now: Date) async throws -> [NewsletterIssue.ID]
    /// Puts back in the queue the deliveries whose claim ran out by `now`, and, when `node` is given,
    /// every delivery that node claimed (it has just started, so its claims are from a stopped
    /// process); never another live node's work. Returns how many.
    func requeueDeliveries(claimedBy node: String?, now: Date) async throws -> Int
    /// Claims up to `limit` deliveries due for sending (`queued` → `sending`) for `node`, until
    /// `leaseUntil`; rows another node is claiming at the same moment are skipped, never waited for.
    func claimDeliveries(limit: Int, now: Date, node: String, leaseUntil: Date) async throws -> [Delivery]
    /// Records what the mail server said about one delivery, as `record` says.
    func recordDelivery(_ delivery: Delivery, _ record: DeliveryRecord, now: Date) async throws
    /// Marks issues whose deliveries are all done as sent; returns their ids.
    func finishSentIssues(now: Date) async throws -> [NewsletterIssue.ID]
    /// How far an issue's sending has come.
    func deliveryProgress(_ id: NewsletterIssue.ID) async throws -> DeliveryProgress
}

/// Whole-publication operations.
public protocol MaintenanceStore: TransferStore {
    /// Deletes every article, page, section, topic, series, author, media record, redirect and newsroom account; settings stay.
    func removeAllContent() async throws
}

extension ImportStore {
    /// The id of the record the item with `key` was imported as, or `nil` when it was not imported.
    public func importedRecord(_ key: ImportKey) async throws -> Int64? {
        try await importedRecords([key])[key]
    }
}
