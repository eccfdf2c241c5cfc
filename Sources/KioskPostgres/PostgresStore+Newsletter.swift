import Foundation
import KioskCore
import KioskStore
import PostgresNIO

extension PostgresStore {
    // MARK: Newsletters and subscribers

    /// Every newsletter, in display order.
    public func newsletters() async throws -> [Newsletter] {
        try await read { connection in try await connection.rows("SELECT * FROM newsletter ORDER BY position, id").map(Records.newsletter) }
    }

    /// Changes when the weekly round-up is drafted and whether it is sent without an editor.
    public func updateNewsletterSchedule(_ id: Newsletter.ID, _ schedule: NewsletterSchedule) async throws {
        try await write(.newsroom) { connection in
            let changed = try await connection.execute(
                """
                UPDATE newsletter SET send_weekday = \(schedule.weekday), send_minute = \(schedule.minute),
                    sends_automatically = \(schedule.sendsAutomatically)
                WHERE id = \(id.rawValue) RETURNING id
                """)
            guard changed == 1 else { throw StoreError.notFound }
        }
    }

    /// Records a sign-up as `plan` decides, shown what the store knows of the address. Sign-ups of
    /// one address wait for each other (a transaction-scoped advisory lock on the address).
    public func signUp(
        email: EmailAddress, newsletters: [Newsletter.ID], source: String, now: Date,
        _ plan: @escaping @Sendable (SubscriberStanding?, _ suppressed: Bool) -> SignUpPlan
    ) async throws -> SignUpResult {
        try await write(.newsroom) { connection in
            try await connection.execute("SELECT pg_advisory_xact_lock(hashtext(\(email.rawValue)))")
            let suppressed = try await connection.value("SELECT 1 FROM suppression WHERE email = \(email.rawValue)", as: Int32.self) != nil
            let standing = try await connection.row("SELECT id, status, confirmation_sent_at FROM subscriber WHERE email = \(email.rawValue)").map { row in
                SubscriberStanding(
                    id: Subscriber.ID(try row.get("id")), status: SubscriberStatus(rawValue: try row.get("status")) ?? .pending,
                    confirmationSentAt: try row.get("confirmation_sent_at"))
            }
            switch plan(standing, suppressed) {
            case .leave(let result):
                return result
            case .create(let event):
                let id: Int64? = try await connection.value(
                    """
                    INSERT INTO subscriber (email, status, source, created_at, consent_at) VALUES (\(email.rawValue), 'pending', \(source), \(now), \(now))
                    RETURNING id
                    """)
                let subscriber = Subscriber.ID(id ?? 0)
                try await NewsletterRows.replaceSubscriptions(connection, subscriber, newsletters)
                try await NewsletterRows.event(connection, subscriber, event, now)
                return .confirmationNeeded(subscriber, lastSentAt: nil)
            case .renew(let event):
                guard let standing else { throw StoreError.notFound }
                try await connection.execute("UPDATE subscriber SET status = 'pending', consent_at = \(now) WHERE id = \(standing.id.rawValue)")
                try await NewsletterRows.replaceSubscriptions(connection, standing.id, newsletters)
                try await NewsletterRows.event(connection, standing.id, event, now)
                return .confirmationNeeded(standing.id, lastSentAt: standing.confirmationSentAt)
            }
        }
    }

    /// Notes that a confirmation or preferences email went to the subscriber.
    public func markConfirmationSent(_ id: Subscriber.ID, now: Date) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute("UPDATE subscriber SET confirmation_sent_at = \(now) WHERE id = \(id.rawValue)")
        }
    }

    /// Changes a subscriber as `decide` says (their row locked); queued deliveries of newsletters they no longer receive are dropped.
    public func changeSubscriber(
        _ id: Subscriber.ID, now: Date, _ decide: @escaping @Sendable (Subscriber) throws -> SubscriberChange
    ) async throws -> Subscriber {
        try await write(.newsroom) { connection in
            guard try await connection.value("SELECT id FROM subscriber WHERE id = \(id.rawValue) FOR UPDATE", as: Int64.self) != nil else {
                throw StoreError.notFound
            }
            let change = try decide(try await NewsletterRows.subscriber(connection, id))
            if let newsletters = change.newsletters {
                try await NewsletterRows.replaceSubscriptions(connection, id, newsletters)
                try await connection.execute(
                    """
                    DELETE FROM delivery WHERE subscriber_id = \(id.rawValue) AND state = 'queued'
                    AND issue_id IN (SELECT i.id FROM newsletter_issue i WHERE i.newsletter_id NOT IN
                        (SELECT newsletter_id FROM subscription WHERE subscriber_id = \(id.rawValue)))
                    """)
            }
            if let status = change.status {
                try await connection.execute("UPDATE subscriber SET status = \(status.rawValue) WHERE id = \(id.rawValue)")
            }
            if let confirmedAt = change.confirmedAt {
                try await connection.execute("UPDATE subscriber SET confirmed_at = \(confirmedAt) WHERE id = \(id.rawValue)")
            }
            if let event = change.event {
                try await NewsletterRows.event(connection, id, event, now)
            }
            return try await NewsletterRows.subscriber(connection, id)
        }
    }

    /// The subscriber with this id, or `nil`.
    public func subscriber(_ id: Subscriber.ID) async throws -> Subscriber? {
        try await read { connection in
            guard try await connection.value("SELECT id FROM subscriber WHERE id = \(id.rawValue)", as: Int64.self) != nil else { return nil }
            return try await NewsletterRows.subscriber(connection, id)
        }
    }

    /// A page of subscribers, newest first, filtered.
    public func subscribers(_ filter: SubscriberFilter, page: PageRequest) async throws -> Page<Subscriber> {
        try await read { connection in
            func condition(_ sql: inout SQLBuilder) {
                sql.append("s.email LIKE \(sql.bind("%" + Patterns.likeEscaped(filter.search.lowercased()) + "%"))")
                if let status = filter.status { sql.append(" AND s.status = \(sql.bind(status.rawValue))") }
                if let newsletter = filter.newsletterID {
                    sql.append(" AND EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND x.newsletter_id = \(sql.bind(newsletter.rawValue)))")
                }
            }
            var count = SQLBuilder("SELECT count(*) FROM subscriber s WHERE ")
            condition(&count)
            let total = Int(try await connection.value(count.query, as: Int64.self) ?? 0)
            var sql = SQLBuilder("SELECT s.id FROM subscriber s WHERE ")
            condition(&sql)
            sql.append(" ORDER BY s.id DESC LIMIT \(sql.bind(page.size)) OFFSET \(sql.bind(page.offset))")
            var items: [Subscriber] = []
            for id in try await connection.values(sql.query, as: Int64.self) {
                items.append(try await NewsletterRows.subscriber(connection, Subscriber.ID(id)))
            }
            return Page(items: items, request: page, totalItems: total)
        }
    }

    /// What happened to a subscriber, oldest first.
    public func subscriberHistory(_ id: Subscriber.ID) async throws -> [SubscriberEvent] {
        try await read { connection in
            try await connection.rows("SELECT at, what FROM subscriber_event WHERE subscriber_id = \(id.rawValue) ORDER BY id")
                .map { SubscriberEvent(at: try $0.get("at"), what: try $0.get("what")) }
        }
    }

    /// Deletes a subscriber with all their data.
    public func deleteSubscriber(_ id: Subscriber.ID) async throws {
        try await write(.newsroom) { connection in
            guard try await connection.execute("DELETE FROM subscriber WHERE id = \(id.rawValue) RETURNING id") == 1 else { throw StoreError.notFound }
        }
    }

    /// Adds confirmed subscribers from an import; addresses already known or suppressed are left as they are.
    public func importSubscribers(_ rows: [SubscriberImport], now: Date, event: @escaping @Sendable (SubscriberImport) -> String) async throws -> Int {
        try await write(.newsroom) { connection in
            var added = 0
            for row in rows {
                guard try await connection.value("SELECT 1 FROM suppression WHERE email = \(row.email.rawValue)", as: Int32.self) == nil,
                    let id = try await connection.value(
                        """
                        INSERT INTO subscriber (email, status, source, created_at, consent_at, confirmed_at)
                        VALUES (\(row.email.rawValue), \(row.status.rawValue), \(row.source), \(now), \(row.consentAt), \(row.consentAt))
                        ON CONFLICT (email) DO NOTHING RETURNING id
                        """, as: Int64.self)
                else { continue }
                try await NewsletterRows.replaceSubscriptions(connection, Subscriber.ID(id), row.newsletters)
                try await NewsletterRows.event(connection, Subscriber.ID(id), event(row), now)
                added += 1
            }
            return added
        }
    }

    // MARK: Issues

    /// The issues of a newsletter, newest first.
    public func issues(of newsletter: Newsletter.ID) async throws -> [NewsletterIssue] {
        try await read { connection in
            try await connection.rows("SELECT * FROM newsletter_issue WHERE newsletter_id = \(newsletter.rawValue) ORDER BY id DESC").map(Records.issue)
        }
    }

    /// The issue with this id, or `nil`.
    public func issue(_ id: NewsletterIssue.ID) async throws -> NewsletterIssue? {
        try await read { connection in try await connection.row("SELECT * FROM newsletter_issue WHERE id = \(id.rawValue)").map(Records.issue) }
    }

    /// The newest issue of a newsletter by the end of its period, or `nil`.
    public func lastIssue(of newsletter: Newsletter.ID) async throws -> NewsletterIssue? {
        try await read { connection in
            try await connection.row(
                "SELECT * FROM newsletter_issue WHERE newsletter_id = \(newsletter.rawValue) ORDER BY period_end DESC, id DESC LIMIT 1"
            ).map(Records.issue)
        }
    }

    /// Stores a new draft issue; `nil` when it is a round-up whose due moment has an issue already.
    public func createIssue(_ new: NewIssue, now: Date) async throws -> NewsletterIssue? {
        try await write(.newsroom) { connection in
            try await connection.row(
                """
                INSERT INTO newsletter_issue (newsletter_id, subject, intro, article_ids, status, period_start, period_end, created_at, roundup_due)
                VALUES (\(new.newsletterID.rawValue), \(new.subject), \(new.intro), \(Records.encode(new.articleIDs)), 'draft',
                    \(new.period.lowerBound), \(new.period.upperBound), \(now), \(new.roundupDue))
                ON CONFLICT DO NOTHING RETURNING *
                """
            ).map(Records.issue)
        }
    }

    /// Changes a draft or scheduled issue as `decide` says (its row locked).
    public func changeIssue(_ id: NewsletterIssue.ID, _ decide: @escaping @Sendable (NewsletterIssue) throws -> IssueChange) async throws {
        try await write(.newsroom) { connection in
            guard let issue = try await connection.row("SELECT * FROM newsletter_issue WHERE id = \(id.rawValue) FOR UPDATE").map(Records.issue) else {
                throw StoreError.notFound
            }
            let change = try decide(issue)
            try await connection.execute(
                """
                UPDATE newsletter_issue SET subject = \(change.subject ?? issue.subject), intro = \(change.intro ?? issue.intro),
                    article_ids = \(Records.encode(change.articleIDs ?? issue.articleIDs)),
                    status = CASE WHEN \(change.sendAt)::timestamptz IS NULL THEN status ELSE 'scheduled' END,
                    send_at = coalesce(\(change.sendAt), send_at)
                WHERE id = \(id.rawValue)
                """)
        }
    }

    // MARK: Delivery queue

    /// Starts sending an issue if `mayStart`, given the issue (its row locked), says so: queues one
    /// delivery per active, unsuppressed subscriber of its newsletter.
    public func startSending(_ id: NewsletterIssue.ID, now: Date, _ mayStart: @escaping @Sendable (NewsletterIssue) -> Bool) async throws -> Int {
        try await write(.newsroom) { connection in
            guard let issue = try await connection.row("SELECT * FROM newsletter_issue WHERE id = \(id.rawValue) FOR UPDATE").map(Records.issue) else {
                throw StoreError.notFound
            }
            guard mayStart(issue) else { return 0 }
            try await connection.execute("UPDATE newsletter_issue SET status = 'sending', send_at = coalesce(send_at, \(now)) WHERE id = \(id.rawValue)")
            return try await connection.execute(
                """
                INSERT INTO delivery (issue_id, subscriber_id, state, next_attempt_at)
                SELECT i.id, s.id, 'queued', \(now) FROM newsletter_issue i
                JOIN subscription x ON x.newsletter_id = i.newsletter_id
                JOIN subscriber s ON s.id = x.subscriber_id AND s.status = 'active'
                WHERE i.id = \(id.rawValue) AND NOT EXISTS (SELECT 1 FROM suppression p WHERE p.email = s.email)
                RETURNING subscriber_id
                """)
        }
    }

    /// Scheduled issues whose time has come.
    public func dueIssues(now: Date) async throws -> [NewsletterIssue.ID] {
        try await read { connection in
            try await connection.values("SELECT id FROM newsletter_issue WHERE status = 'scheduled' AND send_at <= \(now) ORDER BY send_at", as: Int64.self)
                .map(NewsletterIssue.ID.init)
        }
    }

    /// Puts back in the queue the deliveries whose claim ran out, and those `node` claimed before it stopped.
    public func requeueDeliveries(claimedBy node: String?, now: Date) async throws -> Int {
        let stuck = try await read { connection in
            try await connection.value(
                """
                SELECT 1 FROM delivery WHERE state = 'sending' AND (lease_until IS NULL OR lease_until <= \(now) OR node_id = \(node)) LIMIT 1
                """, as: Int32.self) != nil
        }
        guard stuck else { return 0 }
        return try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE delivery SET state = 'queued', node_id = NULL, lease_until = NULL
                WHERE state = 'sending' AND (lease_until IS NULL OR lease_until <= \(now) OR node_id = \(node)) RETURNING issue_id
                """)
        }
    }

    /// Claims up to `limit` deliveries due for sending for `node`, until `leaseUntil`; rows another
    /// node is claiming are skipped, never waited for.
    public func claimDeliveries(limit: Int, now: Date, node: String, leaseUntil: Date) async throws -> [Delivery] {
        let due = try await read { connection in
            try await connection.value("SELECT 1 FROM delivery WHERE state = 'queued' AND next_attempt_at <= \(now) LIMIT 1", as: Int32.self) != nil
        }
        guard due else { return [] }
        return try await write(.newsroom) { connection in
            try await connection.rows(
                """
                UPDATE delivery d SET state = 'sending', node_id = \(node), lease_until = \(leaseUntil)
                FROM (SELECT issue_id, subscriber_id FROM delivery WHERE state = 'queued' AND next_attempt_at <= \(now)
                      ORDER BY issue_id, subscriber_id LIMIT \(limit) FOR UPDATE SKIP LOCKED) claimed,
                     subscriber s
                WHERE d.issue_id = claimed.issue_id AND d.subscriber_id = claimed.subscriber_id AND s.id = d.subscriber_id
                RETURNING d.issue_id, d.subscriber_id, d.attempts, s.email
                """
            ).map { row in
                Delivery(
                    issueID: .init(try row.get("issue_id")), subscriberID: .init(try row.get("subscriber_id")),
                    email: try EmailAddress(try row.get("email", as: String.self)), attempts: try row.get("attempts", as: Int.self))
            }.sorted { ($0.issueID, $0.subscriberID) < ($1.issueID, $1.subscriberID) }
        }
    }

    /// Records what the mail server said about one delivery, as `record` says.
    public func recordDelivery(_ delivery: Delivery, _ record: DeliveryRecord, now: Date) async throws {
        try await write(.newsroom) { connection in
            try await connection.execute(
                """
                UPDATE delivery SET state = \(record.state.rawValue), attempts = attempts + 1, last_error = \(record.error), lease_until = NULL,
                    sent_at = CASE WHEN \(record.state.rawValue) = 'sent' THEN \(now) ELSE sent_at END,
                    next_attempt_at = coalesce(\(record.retryAt), next_attempt_at)
                WHERE issue_id = \(delivery.issueID.rawValue) AND subscriber_id = \(delivery.subscriberID.rawValue)
                """)
            if record.suppresses {
                try await connection.execute(
                    "INSERT INTO suppression (email, reason, at) VALUES (\(delivery.email.rawValue), \(record.error ?? ""), \(now)) ON CONFLICT DO NOTHING")
                try await connection.execute("UPDATE subscriber SET status = 'bounced' WHERE id = \(delivery.subscriberID.rawValue)")
            }
            if let event = record.event {
                try await NewsletterRows.event(connection, delivery.subscriberID, event, now)
            }
        }
    }

    /// Marks issues whose deliveries are all done as sent; an idle pass only reads.
    public func finishSentIssues(now: Date) async throws -> [NewsletterIssue.ID] {
        let finished = """
            SELECT id FROM newsletter_issue i WHERE status = 'sending'
            AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.issue_id = i.id AND d.state IN ('queued', 'sending'))
            """
        guard try await read({ try await $0.value(PostgresQuery(unsafeSQL: finished + " LIMIT 1"), as: Int64.self) }) != nil else { return [] }
        return try await write { connection in
            let done = try await connection.values(
                "UPDATE newsletter_issue SET status = 'sent', sent_at = \(now) WHERE id IN (\(unescaped: finished)) RETURNING id", as: Int64.self)
            return (done.map(NewsletterIssue.ID.init), done.isEmpty ? .newsroom : .readers)
        }
    }

    /// How far an issue's sending has come.
    public func deliveryProgress(_ id: NewsletterIssue.ID) async throws -> DeliveryProgress {
        try await read { connection in
            guard let row = try await connection.row(
                """
                SELECT count(*) FILTER (WHERE state = 'sent') AS sent, count(*) FILTER (WHERE state = 'failed') AS failed,
                    count(*) FILTER (WHERE state IN ('queued', 'sending')) AS remaining, min(sent_at) AS first, max(sent_at) AS last
                FROM delivery WHERE issue_id = \(id.rawValue)
                """)
            else { throw StoreError.notFound }
            return DeliveryProgress(
                sent: Int(try row.get("sent", as: Int64.self)), failed: Int(try row.get("failed", as: Int64.self)),
                remaining: Int(try row.get("remaining", as: Int64.self)), firstSentAt: try row.get("first"), lastSentAt: try row.get("last"))
        }
    }
}

/// Rows of the newsletter tables.
enum NewsletterRows {
    static func subscriber(_ connection: Connection, _ id: Subscriber.ID) async throws -> Subscriber {
        guard let row = try await connection.row("SELECT * FROM subscriber WHERE id = \(id.rawValue)") else { throw StoreError.notFound }
        guard let status = SubscriberStatus(rawValue: try row.get("status")) else { throw StoreError.missingReference("subscriber with an unknown status") }
        let newsletters = try await connection.values(
            "SELECT newsletter_id FROM subscription WHERE subscriber_id = \(id.rawValue) ORDER BY newsletter_id", as: Int64.self)
        return Subscriber(
            id: id, email: try EmailAddress(try row.get("email", as: String.self)), status: status, source: try row.get("source"),
            createdAt: try row.get("created_at"), confirmedAt: try row.get("confirmed_at"), newsletterIDs: newsletters.map(Newsletter.ID.init))
    }

    static func replaceSubscriptions(_ connection: Connection, _ id: Subscriber.ID, _ newsletters: [Newsletter.ID]) async throws {
        try await connection.execute("DELETE FROM subscription WHERE subscriber_id = \(id.rawValue)")
        try await connection.execute(
            """
            INSERT INTO subscription (subscriber_id, newsletter_id)
            SELECT DISTINCT \(id.rawValue)::bigint, unnest(\(newsletters.map(\.rawValue))::bigint[])
            """)
    }

    static func event(_ connection: Connection, _ id: Subscriber.ID, _ what: String, _ now: Date) async throws {
        try await connection.execute("INSERT INTO subscriber_event (subscriber_id, at, what) VALUES (\(id.rawValue), \(now), \(what))")
    }
}
