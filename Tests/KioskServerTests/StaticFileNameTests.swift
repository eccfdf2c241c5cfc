import Foundation
import Testing

@testable import KioskServer

/// The file names media and asset routes accept. Hummingbird hands the route a path segment as it
/// came, so `%2F` never becomes a slash today; these checks are what keeps a name from leaving its
/// folder if a proxy or a later router decodes it.
@Suite("Names of served files")
struct StaticFileNameTests {
    @Test("a name that could leave its folder or name a hidden file is refused, whatever its type", arguments: [
        "../kiosk-secret.svg", "..", "../../admin/assets/admin.css", "a/../../etc/passwd.png", "/etc/passwd.png", "media/../x.css",
        ".hidden.svg", "..svg", "x..svg", "a\\b.png", "%2e%2e%2fkiosk-secret.svg", "photo.svg\u{0}.png", "café.png", "",
        String(repeating: "a", count: 201) + ".png",
    ])
    func refused(name: String) {
        #expect(StaticFiles.contentType(forSafeName: name) == nil)
    }

    @Test("plain names of served types are accepted with their type, and other types are not")
    func accepted() {
        #expect(StaticFiles.contentType(forSafeName: "3f2a9c.png") == "image/png")
        #expect(StaticFiles.contentType(forSafeName: "Style_2-1.CSS") == "text/css; charset=utf-8")
        #expect(StaticFiles.contentType(forSafeName: "kiosk-secret.txt") == nil)
        #expect(StaticFiles.contentType(forSafeName: "program.exe") == nil)
    }
}
