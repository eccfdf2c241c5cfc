import Foundation

/// Where this program's own files are, wherever it is started from: the themes it ships with, and
/// the state folder a service manager gives it.
enum Installation {
    /// The `Themes` folder shipped with this program: `share/kiosk/Themes` beside an installed
    /// `bin/kiosk` (see scripts/install), or, for a build run from its source tree, the tree's
    /// `Themes`. `nil` when neither is there.
    static var themes: String? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/kiosk/Themes"))
        }
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceTree.appendingPathComponent("Themes"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("default/templates").path) }?.path
    }

    /// The folder systemd made for the service (`StateDirectory=`, passed as `$STATE_DIRECTORY`), if any.
    static var stateDirectory: String? {
        ProcessInfo.processInfo.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
    }

    /// This program's version.
    static let version = "0.5.0"
}
