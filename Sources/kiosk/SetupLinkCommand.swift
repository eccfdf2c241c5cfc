import ArgumentParser
import Foundation
import KioskServer
import Logging

/// `kiosk setup-link`: prints the one-time link that sets up a publication with no account yet.
struct SetupLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup-link",
        abstract: "Print the one-time link to the page that sets up a new publication and its first administrator.",
        discussion: """
            While the newsroom has no account, kiosk serve keeps this link in a file in its data folder, readable only \
            by its user; this prints it (making a new one when the last has expired). It works once, for 24 hours. \
            Scripts can make accounts with kiosk user create instead.
            """)

    @OptionGroup var storage: StorageOptions

    @Option(name: .customLong("public-url"), help: "Public address of the site, as kiosk serve is given it (env KIOSK_PUBLIC_URL).")
    var publicURL: String?

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage, publicURL: publicURL)
            guard let folder = settings.dataFolder else {
                throw Messages.Refusal("there is no data folder for the setup link: give --media DIR, or run under systemd with StateDirectory=.")
            }
            var logger = Logger(label: "kiosk")
            logger.logLevel = .warning
            try await settings.database.withStore(logger: logger) { store in
                let settings = try await settings.withStoredPublicURL(from: store)
                let setup = try await SetupLink.prepare(
                    store: store, publicURL: settings.publicURL, folder: folder, now: Date(), anyAddress: !settings.publicURLGiven)
                guard let setup else {
                    throw Messages.Refusal(
                        "\(settings.database) has newsroom accounts already: sign in at \(settings.publicURL)/admin/login, or add one with kiosk user create.")
                }
                print(setup.link)
            }
        }
    }
}
