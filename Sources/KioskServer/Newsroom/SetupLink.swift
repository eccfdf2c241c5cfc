import Foundation
import KioskCore
import KioskStore

/// The one-time link to a new publication's setup page, kept in a file that only Kiosk's own user
/// can read; the log may say where the file is, never what it holds.
public enum SetupLink {
    /// The file's name in the data folder.
    public static let fileName = "setup-link"
    /// What the link's signature is for.
    static let purpose = "setup"

    /// The setup link of a publication at `publicURL` that has no account yet: the one in the file
    /// in `folder` while it still works (and names `publicURL`, unless `anyAddress`, for a command
    /// that was not told the address), otherwise a new one written there (readable only by this
    /// user). `nil`, with the file removed, once the publication has an account.
    public static func prepare(
        store: some PublicationStore, publicURL: String, folder: String, now: Date, anyAddress: Bool = false
    ) async throws -> (link: String, file: String)? {
        let file = URL(fileURLWithPath: folder).appendingPathComponent(fileName)
        guard try await store.userCount() == 0 else {
            try? FileManager.default.removeItem(at: file)
            return nil
        }
        let signer = LinkSigner(secret: try await store.siteSecret())
        let prefix = publicURL + NewsroomPaths.setup("")
        if let saved = try? String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
            anyAddress || saved.hasPrefix(prefix), let token = saved.components(separatedBy: NewsroomPaths.setup("")).last,
            signer.verify(token, purpose: purpose, now: now)?.expired == false
        {
            return (saved, file.path)
        }
        let token = signer.token(purpose: purpose, id: Int64.random(in: 1...Int64.max), expiresAt: now.addingTimeInterval(FirstRun.linkLifetime))
        let link = prefix + token
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let partial = file.path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        guard FileManager.default.createFile(atPath: partial, contents: Data((link + "\n").utf8), attributes: [.posixPermissions: 0o600]),
            rename(partial, file.path) == 0
        else {
            throw SnapshotError("cannot write the setup link to \(file.path); check that kiosk may write in \(folder).")
        }
        return (link, file.path)
    }
}
