import ArgumentParser
import Foundation
import KioskCore
import KioskServer
import Logging
import KioskStore

/// `kiosk newsletter`: the newsletters from the command line.
struct NewsletterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter", abstract: "See how newsletter sending is going.", subcommands: [NewsletterStatus.self])
}

/// `kiosk newsletter status`: subscribers, and the progress of the latest issues.
struct NewsletterStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Print subscribers per newsletter and the sending progress of the latest issues.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            try await settings.database.withStore(logger: Logger(label: "kiosk")) { store in try await Self.report(store, settings: settings) }
        }
    }

    /// Prints where mail goes and the progress of each newsletter's latest issues.
    private static func report(_ store: some PublicationStore, settings: Settings) async throws {
        let transport = try settings.mailTransport(store: store)
            await transport.refresh()
            print("Mail goes to \(transport.description).")
            for newsletter in try await store.newsletters() {
                let active = try await store.subscribers(
                    SubscriberFilter(status: .active, newsletterID: newsletter.id), page: PageRequest(number: 1, size: 1)!
                ).totalItems
                print("\n\(newsletter.name): \(active) subscribed")
                for issue in try await store.issues(of: newsletter.id).prefix(5) {
                    let progress = try await store.deliveryProgress(issue.id)
                    let rate = progress.rate.map { String(format: ", %.0f/s", $0) } ?? ""
                    print("  #\(issue.id) \(issue.status.displayName.lowercased()): \(issue.subject) — sent \(progress.sent), failed \(progress.failed), remaining \(progress.remaining)\(rate)")
                }
            }
    }
}
