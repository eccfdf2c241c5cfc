import Foundation
import KioskCore
import KioskMail
import KioskRender
import KioskStore
import Logging
import ServiceLifecycle

/// The newsletter's background work, beside the web server: drafts the weekly round-up on its day,
/// starts scheduled issues, and sends queued deliveries over the transport's connections.
///
/// Several nodes send one issue together: each claims batches of deliveries under its node id for
/// `leaseDuration`, and stops sending from a batch once less than `leaseMargin` of that is left, so
/// no node sends from a claim that may have run out. Every result is recorded as soon as the mail
/// server answers, one message at a time. A node that starts puts back what it had claimed before
/// it stopped, and every node puts back claims that ran out (their node died); only a message the
/// server accepted in the instant before a crash can go out twice, so repeats are bounded by the
/// number of open connections of the node that crashed (`transport.parallelism`).
public struct NewsletterService<Store: PublicationStore>: Service {
    /// Deliveries one connection claims at a time.
    static var batchSize: Int { 50 }
    /// How long a claim on a batch of deliveries lasts.
    static var leaseDuration: TimeInterval { 600 }
    /// A worker sends from a batch only while this much of its claim is left: more than any one
    /// message can take with the SMTP client's timeouts.
    static var leaseMargin: TimeInterval { 300 }

    let store: Store
    /// This node's id, recorded with every delivery it claims.
    let nodeID: String
    let transport: any MailTransport
    let identity: MailIdentity
    let renderer: EmailRenderer
    let publicURL: String
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates the service.
    public init(
        store: Store, nodeID: String, transport: any MailTransport, identity: MailIdentity, renderer: EmailRenderer, publicURL: String,
        logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.nodeID = nodeID
        self.transport = transport
        self.identity = identity
        self.renderer = renderer
        self.publicURL = publicURL
        self.logger = logger
        self.now = now
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        let requeued = try await store.requeueDeliveries(claimedBy: nodeID, now: now())
        if requeued > 0 { logger.notice("Requeued deliveries left unfinished by the last run", metadata: ["count": "\(requeued)"]) }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await tick()
            } catch {
                logger.error("Newsletter work failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }

    /// One pass: draft what is due, start what is scheduled, send what is queued.
    public func tick() async throws {
        await transport.refresh()
        let expired = try await store.requeueDeliveries(claimedBy: nil, now: now())
        if expired > 0 { logger.notice("Requeued deliveries whose claim ran out", metadata: ["count": "\(expired)"]) }
        try await draftRoundups()
        for id in try await store.dueIssues(now: now()) {
            let queued = try await store.startSending(id, now: now(), IssueRules.mayStartSending)
            logger.info("Started sending an issue", metadata: ["issue": "\(id)", "deliveries": "\(queued)"])
        }
        try await sendQueued()
        for id in try await store.finishSentIssues(now: now()) {
            logger.info("Issue sent", metadata: ["issue": "\(id)"])
        }
    }

    // MARK: Drafting

    /// Drafts the weekly round-up when its moment has passed and no issue covers it yet. The store
    /// keeps one issue per due moment, so when several nodes draft at once, one issue is stored and
    /// only the node that stored it starts sending it.
    func draftRoundups() async throws {
        let site = try await store.siteContext().settings
        let timeZone = TimeZone(identifier: site.timeZone) ?? .gmt
        for newsletter in try await store.newsletters() {
            let last = try await store.lastIssue(of: newsletter.id)
            guard let (due, period) = Roundups.due(newsletter, lastIssue: last, now: now(), timeZone: timeZone) else { continue }
            let articles = try await store.articlesPublished(in: period)
            guard let draft = try Roundups.draft(newsletter, due: due, period: period, articles: articles, siteName: site.name, timeZone: timeZone),
                let issue = try await store.createIssue(draft, now: now())
            else { continue }
            logger.info("Drafted the weekly round-up", metadata: ["issue": "\(issue.id)", "articles": "\(issue.articleIDs.count)"])
            if newsletter.sendsAutomatically {
                _ = try await store.startSending(issue.id, now: now(), IssueRules.mayStartSending)
            }
        }
    }

    // MARK: Sending

    /// Sends every delivery due now over `transport.parallelism` connections.
    func sendQueued() async throws {
        let messages = NewsletterMessages(
            signer: LinkSigner(secret: try await store.siteSecret()), renderer: renderer, identity: identity, publicURL: publicURL)
        let site = try await store.siteContext().settings
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<transport.parallelism {
                group.addTask { try await worker(messages: messages, site: site) }
            }
            try await group.waitForAll()
        }
    }

    /// One connection's loop: claim a batch, send each, record each, until nothing is due.
    private func worker(messages: NewsletterMessages, site: SiteSettings) async throws {
        var session: (any MailSession)?
        var prepared: [NewsletterIssue.ID: NewsletterMessages.PreparedIssue] = [:]
        defer { if let session { Task { await session.close() } } }
        while !Task.isCancelled {
            let leaseUntil = now().addingTimeInterval(Self.leaseDuration)
            let batch = try await store.claimDeliveries(limit: Self.batchSize, now: now(), node: nodeID, leaseUntil: leaseUntil)
            guard !batch.isEmpty else { return }
            // What is left when the claim runs low goes back to the queue when the claim runs out.
            for delivery in batch where now() < leaseUntil.addingTimeInterval(-Self.leaseMargin) {
                if prepared[delivery.issueID] == nil {
                    prepared[delivery.issueID] = try await prepare(delivery.issueID, messages: messages, site: site)
                }
                guard let issue = prepared[delivery.issueID] else { continue }
                let result: DeliveryResult
                do {
                    let data = try messages.message(issue, to: delivery, now: now())
                    if session == nil { session = try await transport.openSession() }
                    result = Self.result(of: try await session!.send(from: identity.from.email, to: delivery.email, data: data), attempts: delivery.attempts)
                } catch {
                    if let broken = session { await broken.close() }
                    session = nil
                    result = DeliveryRules.temporaryFailure("\(error)", attempts: delivery.attempts)
                }
                try await store.recordDelivery(delivery, DeliveryRules.record(result, attempts: delivery.attempts, now: now()), now: now())
                ServerMetrics.delivery(result)
                if case .retry = result, session == nil {
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
    }

    private func prepare(_ id: NewsletterIssue.ID, messages: NewsletterMessages, site: SiteSettings) async throws -> NewsletterMessages.PreparedIssue? {
        guard let issue = try await store.issue(id),
            let newsletter = try await store.newsletters().first(where: { $0.id == issue.newsletterID })
        else { return nil }
        let stories = try await IssueStories.load(issue, from: store)
        return messages.prepare(issue, newsletter: newsletter, stories: stories, site: site)
    }

    /// How a mail server's answer is recorded.
    static func result(of outcome: DeliveryOutcome, attempts: Int) -> DeliveryResult {
        switch outcome {
        case .accepted: .sent
        case .temporaryFailure(let code, let message): DeliveryRules.temporaryFailure("\(code) \(message)", attempts: attempts)
        case .permanentFailure(let code, let message): .bounced("\(code) \(message)")
        }
    }
}

/// The published articles of an issue, in its order (dropped or unpublished ones left out).
enum IssueStories {
    static func load(_ issue: NewsletterIssue, from store: some ReaderStore) async throws -> [ArticleSummary] {
        var stories: [ArticleSummary] = []
        for id in issue.articleIDs {
            guard let slug = try await store.publishedArticleSlug(id), case .found(let detail) = try await store.articlePage(slug, relatedLimit: 0) else {
                continue
            }
            stories.append(detail.summary)
        }
        return stories
    }
}
