import KioskCore
import KioskRender
import KioskStore

extension MediaStore {
    /// The library images a body's HTML shows, by file name, for the page renderer to draw with
    /// their renditions; at most `BodyImages.limit` lookups, whatever the body holds.
    func bodyImages(in html: String) async throws -> [String: Media] {
        var images: [String: Media] = [:]
        for name in BodyImages.fileNames(in: html) {
            if let media = try await media(fileName: name) { images[name] = media }
        }
        return images
    }
}
