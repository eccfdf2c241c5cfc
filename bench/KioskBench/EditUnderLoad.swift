import Foundation
import Hummingbird
import KioskCore
import KioskMail
import KioskRender
import KioskServer
import KioskSQLite
import KioskStore
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// `KioskBench edit-under-load DATABASE PORT SECONDS`: serves the site with the page cache on while
/// an editor keeps saving one article; after every save, a request must already see the new title.
/// `bench/run` points `wrk` at the same server meanwhile and reads its error count.
enum EditUnderLoad {
    /// The article the editor keeps changing.
    static let slug = "statecraft-red-sea-underwriters-return"

    /// Runs the server and the editor for `seconds`, then prints what it saw.
    static func run(database: String, port: Int, seconds: Int, themeDirectory: String) async throws {
        let store = try SQLiteStore.open(path: database)
        var logger = Logger(label: "kiosk.bench")
        logger.logLevel = .error
        let app = buildApplication(
            configuration: ServerConfiguration(port: port, mediaDirectory: URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("media").path),
            dependencies: AppDependencies(
                store: store, theme: try Theme(directory: themeDirectory),
                adminTheme: try Theme(
                    directory: URL(fileURLWithPath: themeDirectory).deletingLastPathComponent().appendingPathComponent("admin").path,
                    required: AdminTheme.requiredTemplates),
                pageCache: PageCache(capacity: 64 << 20), logger: logger,
                mailTransport: FolderTransport(folder: URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("outbox").path),
                mailIdentity: MailIdentity(from: MailAddress(try EmailAddress("bench@localhost.localdomain")))))
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        try await waitUntilServing(port: port)
        guard case .found(let detail) = try await store.articlePage(try Slug(slug), relatedLimit: 0) else {
            throw BenchError(description: "the article \(slug) is missing from \(database)")
        }
        let original = detail.article
        say("edit-under-load: serving on 127.0.0.1:\(port), resident \(residentMegabytes()) MB, ready")

        let deadline = ContinuousClock.now + .seconds(seconds)
        var edits = 0
        var staleReads = 0
        var content = original.content
        var nextReport = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if ContinuousClock.now >= nextReport {
                say("edit-under-load: \(edits) saves so far, resident \(residentMegabytes()) MB")
                nextReport = ContinuousClock.now + .seconds(10)
            }
            edits += 1
            content.title = "\(original.content.title) (edit \(edits))"
            let edited = content
            _ = try await store.changeArticle(original.id, now: Date()) { _ in ArticleChange(content: edited, visibleToReaders: true) }
            let page = try fetch(path: "/articles/\(slug)", port: port)
            if !page.contains("(edit \(edits))</h1>") { staleReads += 1 }
            try await Task.sleep(for: .milliseconds(20))
        }
        _ = try await store.changeArticle(original.id, now: Date()) { _ in ArticleChange(content: original.content, visibleToReaders: true) }
        say("edit-under-load: \(edits) saves, \(staleReads) stale reads after a save returned, resident \(residentMegabytes()) MB")
    }

    /// Writes a line to standard output at once, even when it is a pipe.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Polls `/healthz` until the server answers.
    private static func waitUntilServing(port: Int) async throws {
        for _ in 0..<500 {
            if (try? fetch(path: "/healthz", port: port))?.hasSuffix("ok") == true { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw BenchError(description: "the server did not start on port \(port)")
    }

    /// A plain HTTP/1.1 GET over a loopback socket; returns the whole response as text.
    static func fetch(path: String, port: Int) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError(description: "no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchError(description: "cannot connect to port \(port)") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, 0) == request.count else { throw BenchError(description: "send failed") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            response.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// This process's resident memory in MB, from /proc.
    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kilobytes / 1024
    }
}
