import Foundation
import KioskServer
import KioskTestSupport
import Testing

@Suite("Archive images")
struct ArchiveImagesTests {
    @Test("--media-base takes an http or https folder address, with a slash added; anything else is refused by name")
    func addresses() throws {
        #expect(try ArchiveImages.address("https://old.example/wp-content/uploads") == .web(URL(string: "https://old.example/wp-content/uploads/")!))
        #expect(try ArchiveImages.address("http://127.0.0.1:8080/content/images/") == .web(URL(string: "http://127.0.0.1:8080/content/images/")!))
        for bad in ["ftp://old.example/uploads/", "old.example/uploads", "https:///uploads/", "https://old.example/uploads/?page=2", "file:///etc/"] {
            #expect(throws: ArchiveImagesError.self, "\(bad)") { try ArchiveImages.address(bad) }
        }
    }

    @Test("a file is read from the folder only below it, and only up to the size limit")
    func folder() async throws {
        let folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("2025/06"), withIntermediateDirectories: true)
        try Data("12345".utf8).write(to: folder.appendingPathComponent("2025/06/a.jpg"))
        let images = ArchiveImages.folder(folder)
        #expect(try await images.bytes(at: "2025/06/a.jpg", maximumBytes: 5) == Array("12345".utf8))
        for (path, limit, reason) in [("2025/06/a.jpg", 4, "larger than"), ("2025/06/b.jpg", 5, "not in the image folder"), ("../secret.jpg", 5, "leaves"), ("2025/./a.jpg", 5, "leaves")] {
            await #expect("\(path)") {
                _ = try await images.bytes(at: path, maximumBytes: limit)
            } throws: { error in
                (error as? ArchiveImagesError)?.description.contains(reason) == true
            }
        }
    }
}
