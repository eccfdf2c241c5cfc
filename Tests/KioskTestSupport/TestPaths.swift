import Foundation

/// Places in the repository the tests read from.
public enum TestPaths {
    /// The repository root, found from this file's location.
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The default theme folder.
    public static var defaultTheme: String { repository.appendingPathComponent("Themes/default").path }

    /// The newsroom's theme folder.
    public static var adminTheme: String { repository.appendingPathComponent("Themes/admin").path }

    /// A new empty folder under the system's temporary directory.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
