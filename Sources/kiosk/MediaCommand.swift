import ArgumentParser
import Foundation
import KioskCore
import KioskServer
import KioskStore
import Logging

/// `kiosk media`: the media library from the command line.
struct MediaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media", abstract: "Look after the images' resized copies.", subcommands: [MediaRebuild.self])
}

/// `kiosk media rebuild`: makes every missing or outdated rendition now, showing progress.
struct MediaRebuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Make the resized, stripped copies of every image that lacks them (images stored before Kiosk made them, or whose copies failed).",
        discussion: """
            Safe to stop and run again: files already made are kept, and the run goes on from there. Safe beside running \
            servers too: each image is made by one of them or by this command, never twice.
            """)

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            try await settings.database.withStore(logger: Logger(label: "kiosk")) { store in try await Self.rebuild(store) }
        }
    }

    private static func rebuild<Store: PublicationStore>(_ store: Store) async throws {
        print("Resizing every image whose copies are missing, outdated or failed")
        let started = ContinuousClock.now
        let result = try await MediaRebuild.makeAll(store)
        print("Done: \(result.made) images in \(ContinuousClock.now - started).")
        for image in result.failed {
            print("  could not resize \(image.fileName): \(image.renditionsFailure ?? "")")
        }
    }

    /// Makes every missing rendition on this process, printing progress at most once a second.
    static func makeAll<Store: PublicationStore>(_ store: Store) async throws -> (made: Int, failed: [Media]) {
        var logger = Logger(label: "kiosk.media")
        logger.logLevel = .warning
        let progress = Progress.everySecond
        return try await RenditionBacklog.makeAll(in: store, node: "media-rebuild@\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)", logger: logger) { done, total in
            progress("\(done) of \(total) images resized")
        }
    }
}
