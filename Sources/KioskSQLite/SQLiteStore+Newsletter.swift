import Foundation
import GRDB
import KioskCore
import KioskStore

extension SQLiteStore {
    // MARK: Newsletters and subscribers

    /// Every newsletter, in display order.
    public func newsletters() async throws -> [Newsletter] {
        try await read { db in try Newsletter.fetchAll(db, sql: "SELECT * FROM newsletter ORDER BY position, id") }
    }

    /// Changes when the weekly round-up is drafted and whether it is sent without an editor.
    public func updateNewsletterSchedule(_ id: Newsletter.ID, _ schedule: NewsletterSchedule) async throws {
        try await write(.newsroom) { db in
            try db.execute(
                sql: "UPDATE newsletter SET send_weekday = ?, send_minute = ?, sends_automatically = ? WHERE id = ?",
                arguments: [schedule.weekday, schedule.minute, schedule.sendsAutomatically, id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    /// Records a sign-up as `plan` decides, shown what the store knows of the address.
    public func signUp(
        email: EmailAddress, newsletters: [Newsletter.ID], source: String, now: Date,
        _ plan: @escaping @Sendable (SubscriberStanding?, _ suppressed: Bool) -> SignUpPlan
    ) async throws -> SignUpResult {
        try await write(.newsroom) { db in
            let suppressed = try Bool.fetchOne(db, sql: "SELECT 1 FROM suppression WHERE email = ?", arguments: [email.rawValue]) == true
            let standing = try Row.fetchOne(
                db, sql: "SELECT id, status, confirmation_sent_at FROM subscriber WHERE email = ?", arguments: [email.rawValue]
            ).map { row in
                SubscriberStanding(
                    id: Subscriber.ID(row["id"] as Int64), status: SubscriberStatus(rawValue: row["status"]) ?? .pending,
                    confirmationSentAt: row["confirmation_sent_at"])
            }
            switch plan(standing, suppressed) {
            case .leave(let result):
                return result
            case .create(let event):
                try db.execute(
                    sql: "INSERT INTO subscriber (email, status, source, created_at, consent_at) VALUES (?, 'pending', ?, ?, ?)",
                    arguments: [email.rawValue, source, now, now])
                let id = Subscriber.ID(db.lastInsertedRowID)
                try NewsletterRows.replaceSubscriptions(db, id, newsletters)
                try NewsletterRows.event(db, id, event, now)
                return .confirmationNeeded(id, lastSentAt: nil)
            case .renew(let event):
                guard let standing else { throw StoreError.notFound }
                try db.execute(sql: "UPDATE subscriber SET status = 'pending', consent_at = ? WHERE id = ?", arguments: [now, standing.id.rawValue])
                try NewsletterRows.replaceSubscriptions(db, standing.id, newsletters)
                try NewsletterRows.event(db, standing.id, event, now)
                return .confirmationNeeded(standing.id, lastSentAt: standing.confirmationSentAt)
            }
        }
    }

    /// Notes that a confirmation or preferences email went to the subscriber.
    public func markConfirmationSent(_ id: Subscriber.ID, now: Date) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE subscriber SET confirmation_sent_at = ? WHERE id = ?", arguments: [now, id.rawValue])
        }
    }

    /// Changes a subscriber as `decide` says; queued deliveries of newsletters they no longer receive are dropped.
    public func changeSubscriber(
        _ id: Subscriber.ID, now: Date, _ decide: @escaping @Sendable (Subscriber) throws -> SubscriberChange
    ) async throws -> Subscriber {
        try await write(.newsroom) { db in
            let change = try decide(try NewsletterRows.subscriber(db, id))
            if let newsletters = change.newsletters {
                try NewsletterRows.replaceSubscriptions(db, id, newsletters)
                try db.execute(
                    sql: """
                        DELETE FROM delivery WHERE subscriber_id = ? AND state = 'queued'
                        AND issue_id IN (SELECT id FROM newsletter_issue WHERE newsletter_id NOT IN (SELECT newsletter_id FROM subscription WHERE subscriber_id = ?))
                        """,
                    arguments: [id.rawValue, id.rawValue])
            }
            if let status = change.status {
                try db.execute(sql: "UPDATE subscriber SET status = ? WHERE id = ?", arguments: [status.rawValue, id.rawValue])
            }
            if let confirmedAt = change.confirmedAt {
                try db.execute(sql: "UPDATE subscriber SET confirmed_at = ? WHERE id = ?", arguments: [confirmedAt, id.rawValue])
            }
            if let event = change.event {
                try NewsletterRows.event(db, id, event, now)
            }
            return try NewsletterRows.subscriber(db, id)
        }
    }

    /// The subscriber with this id, or `nil`.
    public func subscriber(_ id: Subscriber.ID) async throws -> Subscriber? {
        try await read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM subscriber WHERE id = ?", arguments: [id.rawValue]) == true else { return nil }
            return try NewsletterRows.subscriber(db, id)
        }
    }
    /// A page of subscribers, newest first, filtered.
    public func subscribers(_ filter: SubscriberFilter, page: PageRequest) async throws -> Page<Subscriber> {
        try await read { db in
            var conditions = ["s.email LIKE ? ESCAPE '\\'"]
            var arguments: StatementArguments = ["%" + NewsroomQueries.likeEscaped(filter.search.lowercased()) + "%"]
            if let status = filter.status {
                conditions.append("s.status = ?")
                arguments += [status.rawValue]
            }
            if let newsletter = filter.newsletterID {
                conditions.append("EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND x.newsletter_id = ?)")
                arguments += [newsletter.rawValue]
            }
            let condition = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM subscriber s WHERE \(condition)", arguments: arguments) ?? 0
            let ids = try Int64.fetchAll(
                db, sql: "SELECT s.id FROM subscriber s WHERE \(condition) ORDER BY s.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.size, page.offset])
            return Page(items: try ids.map { try NewsletterRows.subscriber(db, Subscriber.ID($0)) }, request: page, totalItems: total)
        }
    }
    /// What happened to a subscriber, oldest first.
    public func subscriberHistory(_ id: Subscriber.ID) async throws -> [SubscriberEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT at, what FROM subscriber_event WHERE subscriber_id = ? ORDER BY id", arguments: [id.rawValue])
                .map { SubscriberEvent(at: $0["at"], what: $0["what"]) }
        }
    }
    /// Deletes a subscriber with all their data.
    public func deleteSubscriber(_ id: Subscriber.ID) async throws {
        try await write(.newsroom) { db in
            try db.execute(sql: "DELETE FROM subscriber WHERE id = ?", arguments: [id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    /// Adds confirmed subscribers from an import; addresses already known or suppressed are left as they are.
    public func importSubscribers(_ rows: [SubscriberImport], now: Date, event: @escaping @Sendable (SubscriberImport) -> String) async throws -> Int {
        try await write(.newsroom) { db in
            var added = 0
            for row in rows {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM subscriber WHERE email = ?", arguments: [row.email.rawValue]) != true,
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM suppression WHERE email = ?", arguments: [row.email.rawValue]) != true
                else { continue }
                try db.execute(
                    sql: "INSERT INTO subscriber (email, status, source, created_at, consent_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [row.email.rawValue, row.status.rawValue, row.source, now, row.consentAt, row.consentAt])
                let id = Subscriber.ID(db.lastInsertedRowID)
                try NewsletterRows.replaceSubscriptions(db, id, row.newsletters)
                try NewsletterRows.event(db, id, event(row), now)
                added += 1
            }
            return added
        }
    }

    // MARK: Issues

    /// The issues of a newsletter, newest first.
    public func issues(of newsletter: Newsletter.ID) async throws -> [NewsletterIssue] {
        try await read { db in
            try NewsletterIssue.fetchAll(db, sql: "SELECT * FROM newsletter_issue WHERE newsletter_id = ? ORDER BY id DESC", arguments: [newsletter.rawValue])
        }
    }
    /// The issue with this id, or `nil`.
    public func issue(_ id: NewsletterIssue.ID) async throws -> NewsletterIssue? {
        try await read { db in try NewsletterIssue.fetchOne(db, sql: "SELECT * FROM newsletter_issue WHERE id = ?", arguments: [id.rawValue]) }
    }
    /// The newest issue of a newsletter that is not a draft, or `nil`.
    public func lastIssue(of newsletter: Newsletter.ID) async throws -> NewsletterIssue? {
        try await read { db in
            try NewsletterIssue.fetchOne(
                db, sql: "SELECT * FROM newsletter_issue WHERE newsletter_id = ? ORDER BY period_end DESC, id DESC LIMIT 1", arguments: [newsletter.rawValue])
        }
    }

    /// Stores a new draft issue; `nil` when it is a round-up whose due moment has an issue already.
    public func createIssue(_ new: NewIssue, now: Date) async throws -> NewsletterIssue? {
        try await write(.newsroom) { db in
            try db.execute(
                sql: """
                    INSERT INTO newsletter_issue (newsletter_id, subject, intro, article_ids, status, period_start, period_end, created_at, roundup_due)
                    VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                arguments: [
                    new.newsletterID.rawValue, new.subject, new.intro, NewsletterRows.encode(new.articleIDs), new.period.lowerBound,
                    new.period.upperBound, now, new.roundupDue,
                ])
            guard db.changesCount == 1 else { return nil }
            return try NewsletterIssue.fetchOne(db, sql: "SELECT * FROM newsletter_issue WHERE id = ?", arguments: [db.lastInsertedRowID])
        }
    }

    /// Changes a draft or scheduled issue as `decide` says.
    public func changeIssue(_ id: NewsletterIssue.ID, _ decide: @escaping @Sendable (NewsletterIssue) throws -> IssueChange) async throws {
        try await write(.newsroom) { db in
            guard let issue = try NewsletterIssue.fetchOne(db, sql: "SELECT * FROM newsletter_issue WHERE id = ?", arguments: [id.rawValue]) else {
                throw StoreError.notFound
            }
            let change = try decide(issue)
            try db.execute(
                sql: """
                    UPDATE newsletter_issue SET subject = ?, intro = ?, article_ids = ?,
                        status = CASE WHEN ? IS NULL THEN status ELSE 'scheduled' END, send_at = COALESCE(?, send_at)
                    WHERE id = ?
                    """,
                arguments: [
                    change.subject ?? issue.subject, change.intro ?? issue.intro, NewsletterRows.encode(change.articleIDs ?? issue.articleIDs),
                    change.sendAt, change.sendAt, id.rawValue,
                ])
        }
    }

    // MARK: Delivery queue

    /// Starts sending an issue if `mayStart` says so: queues one delivery per active, unsuppressed subscriber of its newsletter.
    public func startSending(_ id: NewsletterIssue.ID, now: Date, _ mayStart: @escaping @Sendable (NewsletterIssue) -> Bool) async throws -> Int {
        try await write(.newsroom) { db in
            guard let issue = try NewsletterIssue.fetchOne(db, sql: "SELECT * FROM newsletter_issue WHERE id = ?", arguments: [id.rawValue]) else {
                throw StoreError.notFound
            }
            guard mayStart(issue) else { return 0 }
            try db.execute(
                sql: "UPDATE newsletter_issue SET status = 'sending', send_at = COALESCE(send_at, ?) WHERE id = ?", arguments: [now, id.rawValue])
            try db.execute(
                sql: """
                    INSERT INTO delivery (issue_id, subscriber_id, state, next_attempt_at)
                    SELECT i.id, s.id, 'queued', ? FROM newsletter_issue i
                    JOIN subscription x ON x.newsletter_id = i.newsletter_id
                    JOIN subscriber s ON s.id = x.subscriber_id AND s.status = 'active'
                    WHERE i.id = ? AND NOT EXISTS (SELECT 1 FROM suppression p WHERE p.email = s.email)
                    """,
                arguments: [now, id.rawValue])
            return db.changesCount
        }
    }

    /// Scheduled issues whose time has come.
    public func dueIssues(now: Date) async throws -> [NewsletterIssue.ID] {
        try await read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM newsletter_issue WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at", arguments: [now])
                .map(NewsletterIssue.ID.init)
        }
    }
    /// Puts back in the queue the deliveries whose claim ran out, and those `node` claimed before it stopped.
    public func requeueDeliveries(claimedBy node: String?, now: Date) async throws -> Int {
        let stuck = "state = 'sending' AND (lease_until IS NULL OR lease_until <= ?1 OR node_id = ?2)"
        guard try await read({ db in try Int.fetchOne(db, sql: "SELECT 1 FROM delivery WHERE \(stuck) LIMIT 1", arguments: [now, node]) }) != nil else {
            return 0
        }
        return try await write(.newsroom) { db in
            try db.execute(sql: "UPDATE delivery SET state = 'queued', node_id = NULL, lease_until = NULL WHERE \(stuck)", arguments: [now, node])
            return db.changesCount
        }
    }

    /// Claims up to `limit` deliveries due for sending for `node`, until `leaseUntil`.
    public func claimDeliveries(limit: Int, now: Date, node: String, leaseUntil: Date) async throws -> [Delivery] {
        // Most calls find nothing to send: answer those with a read, without taking the write lock.
        let due = try await read { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE state = 'queued' AND next_attempt_at <= ?)"), arguments: [now])
        }
        guard due == true else { return [] }
        return try await write(.newsroom) { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT d.issue_id, d.subscriber_id, d.attempts, s.email FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id
                        WHERE d.state = 'queued' AND d.next_attempt_at <= ? ORDER BY d.issue_id, d.subscriber_id LIMIT ?
                        """),
                arguments: [now, limit])
            let statement = try db.cachedStatement(
                sql: "UPDATE delivery SET state = 'sending', node_id = ?, lease_until = ? WHERE issue_id = ? AND subscriber_id = ?")
            return try rows.map { row in
                try statement.execute(arguments: [node, leaseUntil, row["issue_id"], row["subscriber_id"]])
                return Delivery(
                    issueID: .init(row["issue_id"]), subscriberID: .init(row["subscriber_id"]), email: try EmailAddress(row["email"]),
                    attempts: row["attempts"])
            }
        }
    }

    /// Records what the mail server said about one delivery, as `record` says.
    public func recordDelivery(_ delivery: Delivery, _ record: DeliveryRecord, now: Date) async throws {
        try await write(.newsroom) { db in
            try db.cachedStatement(
                sql: """
                    UPDATE delivery SET state = ?, attempts = attempts + 1, last_error = ?, lease_until = NULL,
                        sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, next_attempt_at = COALESCE(?, next_attempt_at)
                    WHERE issue_id = ? AND subscriber_id = ?
                    """
            ).execute(arguments: [
                record.state.rawValue, record.error, record.state.rawValue, now, record.retryAt, delivery.issueID.rawValue, delivery.subscriberID.rawValue,
            ])
            if record.suppresses {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO suppression (email, reason, at) VALUES (?, ?, ?)", arguments: [delivery.email.rawValue, record.error ?? "", now])
                try db.execute(sql: "UPDATE subscriber SET status = 'bounced' WHERE id = ?", arguments: [delivery.subscriberID.rawValue])
            }
            if let event = record.event {
                try NewsletterRows.event(db, delivery.subscriberID, event, now)
            }
        }
    }

    /// Marks issues whose deliveries are all done as sent; an idle pass only reads.
    public func finishSentIssues(now: Date) async throws -> [NewsletterIssue.ID] {
        let finished = """
            SELECT id FROM newsletter_issue i WHERE status = 'sending'
            AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.issue_id = i.id AND d.state IN ('queued', 'sending'))
            """
        guard try await read({ db in try Int64.fetchOne(db.cachedStatement(sql: finished)) }) != nil else { return [] }
        return try await write { db in
            let done = try Int64.fetchAll(db.cachedStatement(sql: finished))
            for id in done {
                try db.execute(sql: "UPDATE newsletter_issue SET status = 'sent', sent_at = ? WHERE id = ?", arguments: [now, id])
            }
            return (done.map(NewsletterIssue.ID.init), done.isEmpty ? .newsroom : .readers)
        }
    }

    /// How far an issue's sending has come.
    public func deliveryProgress(_ id: NewsletterIssue.ID) async throws -> DeliveryProgress {
        try await read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FILTER (WHERE state = 'sent') AS sent, COUNT(*) FILTER (WHERE state = 'failed') AS failed,
                        COUNT(*) FILTER (WHERE state IN ('queued', 'sending')) AS remaining, MIN(sent_at) AS first, MAX(sent_at) AS last
                    FROM delivery WHERE issue_id = ?
                    """,
                arguments: [id.rawValue])!
            return DeliveryProgress(sent: row["sent"], failed: row["failed"], remaining: row["remaining"], firstSentAt: row["first"], lastSentAt: row["last"])
        }
    }
}

/// Rows of the newsletter tables.
enum NewsletterRows {
    static func subscriber(_ db: Database, _ id: Subscriber.ID) throws -> Subscriber {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM subscriber WHERE id = ?"), arguments: [id.rawValue]) else {
            throw StoreError.notFound
        }
        guard let status = SubscriberStatus(rawValue: row["status"]) else { throw StoreError.missingReference("subscriber with an unknown status") }
        let newsletters = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT newsletter_id FROM subscription WHERE subscriber_id = ? ORDER BY newsletter_id"), arguments: [id.rawValue])
        return Subscriber(
            id: id, email: try EmailAddress(row["email"]), status: status, source: row["source"], createdAt: row["created_at"],
            confirmedAt: row["confirmed_at"], newsletterIDs: newsletters.map(Newsletter.ID.init))
    }

    static func replaceSubscriptions(_ db: Database, _ id: Subscriber.ID, _ newsletters: [Newsletter.ID]) throws {
        try db.execute(sql: "DELETE FROM subscription WHERE subscriber_id = ?", arguments: [id.rawValue])
        for newsletter in Set(newsletters) {
            try db.execute(sql: "INSERT INTO subscription (subscriber_id, newsletter_id) VALUES (?, ?)", arguments: [id.rawValue, newsletter.rawValue])
        }
    }

    static func event(_ db: Database, _ id: Subscriber.ID, _ what: String, _ now: Date) throws {
        try db.execute(sql: "INSERT INTO subscriber_event (subscriber_id, at, what) VALUES (?, ?, ?)", arguments: [id.rawValue, now, what])
    }

    static func encode(_ articles: [Article.ID]) -> String {
        "[" + articles.map { String($0.rawValue) }.joined(separator: ",") + "]"
    }
}

extension Newsletter: FetchableRecord {
    public init(row: Row) throws {
        self.init(
            id: .init(row["id"]), slug: try Slug(column: row, "slug"), name: row["name"], description: row["description"],
            isWeeklyRoundup: row["is_weekly_roundup"], sendWeekday: row["send_weekday"], sendMinute: row["send_minute"],
            sendsAutomatically: row["sends_automatically"])
    }
}

extension NewsletterIssue: FetchableRecord {
    public init(row: Row) throws {
        guard let status = IssueStatus(rawValue: row["status"]) else { throw StoreError.missingReference("issue with an unknown status") }
        let ids = try JSONDecoder().decode([Int64].self, from: Data((row["article_ids"] as String).utf8))
        self.init(
            id: .init(row["id"]), newsletterID: .init(row["newsletter_id"]), subject: row["subject"], intro: row["intro"],
            articleIDs: ids.map(Article.ID.init), status: status, periodStart: row["period_start"], periodEnd: row["period_end"],
            sendAt: row["send_at"], sentAt: row["sent_at"], createdAt: row["created_at"])
    }
}
