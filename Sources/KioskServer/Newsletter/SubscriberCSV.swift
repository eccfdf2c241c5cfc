import Foundation
import KioskCore
import KioskStore

/// Reads a list of subscribers exported from Kiosk, Ghost, Substack or Mailchimp (or written by
/// hand) into rows to import. Columns are found by their header names, whatever their order and
/// case; a file without a header row is read as Kiosk's own columns: email, consent_date, source,
/// newsletters. Who had unsubscribed or bounced there comes in unsubscribed or bounced here, so an
/// import never signs anyone up again; nobody is sent a confirmation.
struct SubscriberCSV {
    /// The rows to import, valid ones only.
    var rows: [SubscriberImport] = []
    /// What was wrong with the others, by line (the first 50).
    var problems: [String] = []
    /// How many rows were left out.
    var invalid = 0

    /// The most problems reported; the rest are only counted.
    static let reportedProblems = 50

    /// Header names of each column Kiosk reads, in the order they are preferred; compared without
    /// case, spaces, hyphens or underscores.
    enum Column: CaseIterable {
        case email, consent, source, newsletters, status, subscribedToEmails, emailDisabled, unsubscribedAt, cleanedAt

        var names: [String] {
            switch self {
            case .email: ["email", "emailaddress", "e-mail", "mail"]
            case .consent: ["consentdate", "confirmed", "confirmtime", "optintime", "subscribedat", "createdat", "signedup", "created"]
            case .source: ["source"]
            case .newsletters: ["newsletters"]
            case .status: ["status"]
            case .subscribedToEmails: ["subscribedtoemails"]
            case .emailDisabled: ["emaildisabled"]
            case .unsubscribedAt: ["unsubtime"]
            case .cleanedAt: ["cleantime"]
            }
        }
    }

    /// Reads `text`; rows naming newsletters are matched to `newsletters` by slug, and rows naming
    /// none receive the weekly round-up.
    init(_ text: String, newsletters: [Newsletter]) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var records = CSV.records(text)[...]
        var columns: [Column: Int] = [.email: 0, .consent: 1, .source: 2, .newsletters: 3]
        var origin = "import"
        var firstLine = 1
        if let first = records.first, let header = Self.header(first) {
            columns = header
            origin = Self.origin(of: first)
            records = records.dropFirst()
            firstLine = 2
        }
        guard columns[.email] != nil else {
            problems = ["Line 1: no column of email addresses; name it email."]
            invalid = records.count
            return
        }
        for (index, record) in records.enumerated() {
            let line = index + firstLine
            do {
                rows.append(try Self.row(record, columns: columns, origin: origin, newsletters: newsletters))
            } catch {
                invalid += 1
                if problems.count < Self.reportedProblems { problems.append("Line \(line): \(error.message)") }
            }
        }
    }

    /// The columns a header row names, or `nil` when the row is not a header (no email column and its first cell an address).
    private static func header(_ record: [String]) -> [Column: Int]? {
        let names = record.map(normalised)
        var columns: [Column: Int] = [:]
        for column in Column.allCases {
            for name in column.names {
                if let index = names.firstIndex(of: normalised(name)) {
                    columns[column] = index
                    break
                }
            }
        }
        if columns[.email] == nil, (try? EmailAddress(record.first ?? "")) != nil { return nil }
        return columns
    }

    /// Which service wrote a file with this header, for the source of rows that name none.
    private static func origin(of header: [String]) -> String {
        let names = Set(header.map(normalised))
        if names.contains("subscribedtoemails") { return "ghost" }
        if names.contains("emaildisabled") || names.contains("activesubscription") { return "substack" }
        if names.contains("optintime") || names.contains("leid") || names.contains("memberrating") { return "mailchimp" }
        return "import"
    }

    private static func normalised(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" -_\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    private static func row(_ record: [String], columns: [Column: Int], origin: String, newsletters: [Newsletter]) throws(ValidationError) -> SubscriberImport {
        func cell(_ column: Column) -> String {
            guard let index = columns[column], index < record.count else { return "" }
            return record[index].trimmingCharacters(in: .whitespaces)
        }
        let address = cell(.email)
        guard let email = try? EmailAddress(address) else {
            throw ValidationError(field: "email", message: address.isEmpty ? "no email address." : "“\(address.prefix(80))” is not an email address.")
        }
        let status = try Self.status(cell)
        let consentText = cell(.consent)
        guard let consent = Self.date(consentText) else {
            throw ValidationError(
                field: "consent",
                message: consentText.isEmpty ? "no consent date." : "the consent date “\(consentText.prefix(40))” is not a date like 2026-03-01.")
        }
        let slugs = cell(.newsletters).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let chosen = slugs.isEmpty ? newsletters.filter(\.isWeeklyRoundup) : newsletters.filter { slugs.contains($0.slug.rawValue) }
        guard !chosen.isEmpty, slugs.isEmpty || chosen.count == Set(slugs).count else {
            throw ValidationError(field: "newsletters", message: "unknown newsletter in “\(cell(.newsletters).prefix(80))”.")
        }
        let source = cell(.source).isEmpty ? origin : String(cell(.source).prefix(100))
        return SubscriberImport(email: email, consentAt: consent, source: source, newsletters: chosen.map(\.id), status: status)
    }

    /// Whether the row's person still receives mail there: Kiosk's status, Ghost's
    /// subscribed_to_emails, Substack's email_disabled, or Mailchimp's unsubscribe and clean times.
    private static func status(_ cell: (Column) -> String) throws(ValidationError) -> SubscriberStatus {
        let falseWords: Set<String> = ["false", "0", "no"]
        let trueWords: Set<String> = ["true", "1", "yes"]
        if !cell(.cleanedAt).isEmpty { return .bounced }
        if !cell(.unsubscribedAt).isEmpty { return .unsubscribed }
        if falseWords.contains(cell(.subscribedToEmails).lowercased()) { return .unsubscribed }
        if trueWords.contains(cell(.emailDisabled).lowercased()) { return .unsubscribed }
        switch cell(.status).lowercased() {
        case "", "active", "subscribed", "free", "paid", "comped": return .active
        case "unsubscribed": return .unsubscribed
        case "bounced", "cleaned": return .bounced
        case "pending":
            throw ValidationError(field: "status", message: "never confirmed the subscription; they can sign up again on the site.")
        case let other: throw ValidationError(field: "status", message: "the status “\(other.prefix(40))” is not one Kiosk knows.")
        }
    }

    /// A date as exports write them: ISO 8601 with or without fractional seconds and offset, a
    /// bare date, or "2026-03-01 09:30:00" (taken as UTC).
    static func date(_ text: String) -> Date? {
        guard !text.isEmpty else { return nil }
        let candidates = [text, text.replacingOccurrences(of: " ", with: "T") + (text.count == 19 ? "Z" : ""), text + "T00:00:00Z"]
        for candidate in candidates {
            if let date = try? Date(candidate, strategy: .iso8601) { return date }
            if let date = try? Date(candidate, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        }
        return nil
    }
}
