import Foundation
import Mustache

/// A theme folder: Mustache templates under `templates/` and static files under `assets/`.
///
/// A theme is loaded and checked once at start-up; a missing or broken template is reported
/// then, with its file name, instead of failing on the first request.
public struct Theme: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "article", "page", "listing", "search", "error", "newsletter", "email-issue", "email-notice"]

    /// The parsed templates, by file name without `.mustache`.
    let library: MustacheLibrary
    /// Absolute path of the folder served under `/assets/`.
    public let assetsDirectory: String
    /// A short fingerprint of the assets, appended to their URLs so browsers refetch after a change.
    public let assetVersion: String

    /// Loads the theme in `directory` and checks it has `required` templates, or throws `ThemeError`
    /// saying what is missing or broken.
    public init(directory: String, required: [String] = Theme.requiredTemplates) throws(ThemeError) {
        _ = HTMLEscaping.registration
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let templatesURL = root.appendingPathComponent("templates")
        let assetsURL = root.appendingPathComponent("assets")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: templatesURL.path)
        } catch {
            throw ThemeError(message: "No theme at \(root.path): the folder \(templatesURL.path) cannot be read.")
        }
        var templates: [String: MustacheTemplate] = [:]
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let path = templatesURL.appendingPathComponent(file).path
            let name = String(file.dropLast(".mustache".count))
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                throw ThemeError(message: "The theme template \(path) is not valid Mustache: \(error)")
            }
        }
        for name in required where templates[name] == nil {
            throw ThemeError(message: "The theme at \(root.path) has no templates/\(name).mustache.")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assetsURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ThemeError(message: "The theme at \(root.path) has no assets folder.")
        }
        self.library = MustacheLibrary(templates: templates)
        self.assetsDirectory = assetsURL.path
        self.assetVersion = Self.fingerprint(ofFilesIn: assetsURL)
    }

    /// Renders `page` with its template; the template's presence was checked at load time.
    func render(_ page: some PageView) -> String {
        library.render(page, withTemplate: page.templateName) ?? ""
    }

    /// Renders `view` (a value read by reflection, for pages outside this module) with template `name`.
    public func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    private static func fingerprint(ofFilesIn folder: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() {
            let data = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
            for byte in Array(name.utf8) + Array(data) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

/// A theme that cannot be used, with the reason in words.
public struct ThemeError: Error, CustomStringConvertible {
    /// What is wrong and where.
    public let message: String
    public var description: String { message }
}
