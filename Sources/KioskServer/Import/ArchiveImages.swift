import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Where an archive import finds the image files its export names, by their path below the old
/// site's image folder (`2025/06/photo.jpg` below `wp-content/uploads/` or `content/images/`): a
/// copy of that folder on this machine, or the folder's address, from which each file is fetched.
public enum ArchiveImages: Sendable, Equatable {
    /// A copy of the image folder.
    case folder(URL)
    /// The image folder's address (`https://old.example/wp-content/uploads/`).
    case web(URL)

    /// How long one file may take to arrive, answer and body.
    static let fetchTimeout = Duration.seconds(30)

    /// The client that fetches files: it follows no redirect (an address leading elsewhere is
    /// reported, so an old site cannot send the importer into another network) and gives up on a
    /// connection silent for 10 seconds.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(10))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// The folder's address from `--media-base`, checked: http or https, a host, no query.
    public static func address(_ text: String) throws(ArchiveImagesError) -> ArchiveImages {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            let url = URL(string: text.hasSuffix("/") ? text : text + "/")
        else {
            throw ArchiveImagesError("--media-base must be the http:// or https:// address of the old site's image folder, such as https://old.example/wp-content/uploads/ (not \(text)).")
        }
        return .web(url)
    }

    /// The bytes of the file at `path` below the folder, at most `maximumBytes`; a path reaching
    /// outside the folder is refused before anything is read.
    public func bytes(at path: String, maximumBytes: Int) async throws(ArchiveImagesError) -> [UInt8] {
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { throw ArchiveImagesError("its path leaves the image folder") }
        switch self {
        case .folder(let folder):
            let file = folder.appendingPathComponent(path)
            guard let size = try? FileManager.default.attributesOfItem(atPath: file.resolvingSymlinksInPath().path)[.size] as? Int else {
                throw ArchiveImagesError("it is not in the image folder")
            }
            guard size <= maximumBytes else { throw .tooLarge("it", maximumBytes) }
            guard let data = FileManager.default.contents(atPath: file.path) else { throw ArchiveImagesError("it cannot be read") }
            // The file may have grown since it was measured.
            guard data.count <= maximumBytes else { throw .tooLarge("it", maximumBytes) }
            return Array(data)
        case .web(let base):
            let encoded = parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? String($0) }
            return try await Self.fetch(base.absoluteString + encoded.joined(separator: "/"), maximumBytes: maximumBytes)
        }
    }

    /// The body of a `200 OK` answer to a GET of `address`, read up to `maximumBytes`, all within `fetchTimeout`.
    private static func fetch(_ address: String, maximumBytes: Int) async throws(ArchiveImagesError) -> [UInt8] {
        do {
            return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
                group.addTask { try await body(of: address, maximumBytes: maximumBytes) }
                group.addTask {
                    try await Task.sleep(for: fetchTimeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let bytes = first else {
                    throw ArchiveImagesError("\(address) took longer than \(fetchTimeout.components.seconds) seconds")
                }
                return bytes
            }
        } catch let error as ArchiveImagesError {
            throw error
        } catch is NIOTooManyBytesError {
            throw .tooLarge(address, maximumBytes)
        } catch {
            throw ArchiveImagesError("\(address) could not be fetched (\(error))")
        }
    }

    private static func body(of address: String, maximumBytes: Int) async throws -> [UInt8] {
        let response = try await client.execute(HTTPClientRequest(url: address), timeout: .seconds(fetchTimeout.components.seconds))
        guard response.status == .ok else {
            throw ArchiveImagesError("\(address) answered \(response.status.code) \(response.status.reasonPhrase)")
        }
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > maximumBytes {
            throw ArchiveImagesError.tooLarge(address, maximumBytes)
        }
        var body = try await response.body.collect(upTo: maximumBytes)
        return body.readBytes(length: body.readableBytes) ?? []
    }
}

/// Why an image file could not be had, in words for the import's report or the command line.
public struct ArchiveImagesError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `what` is larger than `maximumBytes`.
    static func tooLarge(_ what: String, _ maximumBytes: Int) -> ArchiveImagesError {
        ArchiveImagesError("\(what) is larger than the upload limit (\(maximumBytes.formatted()) bytes)")
    }
}
