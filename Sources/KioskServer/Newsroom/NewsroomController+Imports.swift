import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskStore
import MultipartKit

extension NewsroomController {
    /// The largest archive the newsroom accepts (the command line reads any size).
    static var maximumArchiveBytes: Int { 1 << 30 }
    /// How many recent imports the page lists.
    static var importsShown: Int { 20 }

    func addImportRoutes(to admin: RouterGroup<KioskRequestContext>) {
        admin.get("imports", use: importsPage)
        admin.post("imports", use: startImport)
        admin.get("imports/:id", use: importJobPage)
    }

    @Sendable func importsPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        return try await importsList(request, visitor, error: nil, status: .ok)
    }

    private func importsList(_ request: Request, _ visitor: SignedIn, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let dates = try await dates()
        let jobs = try await store.importJobs(limit: Self.importsShown).map { ImportJobRow($0, dates: dates) }
        let view = ImportsView(
            layout: try await layout("Import", visitor, current: NewsroomPaths.imports, request: request, error: error),
            platforms: ImportPlatform.allCases.map { Choice(value: $0.rawValue, label: $0.exportDescription, selected: $0 == .wordpress) },
            maximumMegabytes: Self.maximumArchiveBytes >> 20, jobs: jobs)
        return pages.page("imports", view, status: status)
    }

    /// Receives an archive as it arrives, storing it in the database part by part, and queues it for a node to import.
    @Sendable func startImport(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        let upload = ImportUpload(store: store, visitor: visitor, maximumBytes: Self.maximumArchiveBytes, now: now())
        do {
            let job = try await upload.receive(request)
            return done(NewsroomPaths.importJob(job), "import-queued")
        } catch let problem as ImportUploadProblem {
            return try await importsList(request, visitor, error: problem.message, status: problem.status)
        }
    }

    @Sendable func importJobPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        guard let id = context.parameters.get("id", as: Int64.self), let job = try await store.importJob(ImportJob.ID(id)) else {
            throw NewsroomRefusal.notFound
        }
        let report = job.status == .finished ? try? JSONDecoder().decode(ArchiveImportReport.self, from: Data(job.report.utf8)) : nil
        let view = ImportJobView(
            layout: try await layout("Import of \(job.fileName)", visitor, current: NewsroomPaths.imports, request: request),
            job: ImportJobRow(job, dates: try await dates()), working: [.uploading, .queued, .running].contains(job.status),
            imported: report.map { $0.imported.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") } ?? "",
            unchanged: report?.unchanged ?? 0, skipped: report?.skipped ?? [], attention: report?.attention ?? [], unlisted: report?.unlisted ?? 0,
            failure: job.status == .failed ? job.report : nil)
        return pages.page("import-job", view)
    }
}

/// An archive arriving from the newsroom's import form: the anti-forgery token and the platform
/// come first, then the file, which goes into the database in parts as it arrives, so neither
/// memory nor the node's disk holds the whole of it. The first bytes must look like the
/// platform's export; a refused or cut-off upload leaves a failed job, its parts deleted.
struct ImportUpload<Store: PublicationStore> {
    let store: Store
    let visitor: SignedIn
    let maximumBytes: Int
    let now: Date

    /// The events of the multipart parser between two reads of the body.
    private struct Arrivals {
        var fields: [String: String] = [:]
        var currentName = ""
        var currentFile: String?
        var fileBytes: [UInt8] = []
        var fileTotal = 0
        var fileComplete = false
        var fieldBytes = 0
    }

    /// Reads the form as it arrives; returns the queued job.
    func receive(_ request: Request) async throws -> ImportJob.ID {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = MultipartForm.parameter("boundary", in: contentType) else {
            throw ImportUploadProblem(message: "Send the archive with the import form.", status: .badRequest)
        }
        let parser = MultipartParser(boundary: boundary)
        var arrivals = Arrivals()
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            arrivals.currentName = MultipartForm.parameter("name", in: value) ?? ""
            arrivals.currentFile = MultipartForm.parameter("filename", in: value)
        }
        parser.onBody = { chunk in
            if arrivals.currentFile != nil, arrivals.currentName == "file" {
                arrivals.fileBytes.append(contentsOf: chunk.readableBytesView)
                arrivals.fileTotal += chunk.readableBytes
            } else {
                arrivals.fieldBytes += chunk.readableBytes
                arrivals.fields[arrivals.currentName, default: ""] += String(decoding: chunk.readableBytesView, as: UTF8.self)
            }
        }
        parser.onPartComplete = {
            if arrivals.currentFile != nil, arrivals.currentName == "file" { arrivals.fileComplete = true }
            arrivals.currentFile = nil
        }
        var job: ImportJob.ID?
        var parts = 0
        do {
            for try await buffer in request.body {
                do {
                    try parser.execute(buffer)
                } catch {
                    throw ImportUploadProblem(message: "The upload was cut short or malformed; try again.", status: .badRequest)
                }
                guard arrivals.fieldBytes <= 4096 else { throw ImportUploadProblem(message: "The form's fields are too long.", status: .badRequest) }
                if job == nil, arrivals.currentFile != nil || arrivals.fileComplete, !arrivals.fileBytes.isEmpty || arrivals.fileComplete {
                    job = try await start(arrivals)
                }
                guard let id = job else { continue }
                guard arrivals.fileTotal <= maximumBytes else {
                    throw ImportUploadProblem(message: "The archive is larger than \(maximumBytes >> 20) MB; import it with kiosk import on the server instead.", status: .contentTooLarge)
                }
                while arrivals.fileBytes.count >= ImportJob.partBytes || (arrivals.fileComplete && !arrivals.fileBytes.isEmpty) {
                    let part = Array(arrivals.fileBytes.prefix(ImportJob.partBytes))
                    arrivals.fileBytes.removeFirst(part.count)
                    try await store.addImportJobPart(id, number: parts, bytes: part)
                    parts += 1
                }
            }
            guard let id = job else {
                try checkFields(arrivals.fields)
                throw ImportUploadProblem(message: "Choose the export file to import.")
            }
            guard arrivals.fileComplete else { throw ImportUploadProblem(message: "The upload was cut short; try again.", status: .badRequest) }
            try await store.queueImportJob(id, bytes: Int64(arrivals.fileTotal))
            return id
        } catch {
            if let job { try? await store.finishImportJob(job, status: .failed, report: (error as? ImportUploadProblem)?.message ?? "The upload did not arrive whole.", now: now) }
            throw error
        }
    }

    /// Checks the fields sent before the file and makes the job, once the file's first bytes are here.
    private func start(_ arrivals: Arrivals) async throws -> ImportJob.ID {
        let platform = try checkFields(arrivals.fields)
        guard !arrivals.fileBytes.isEmpty else { throw ImportUploadProblem(message: "Choose the export file to import.") }
        guard platform.looksLikeExport(Array(arrivals.fileBytes.prefix(64))) else {
            throw ImportUploadProblem(message: "That file is not a \(platform.exportDescription); choose the export file the platform gave you.")
        }
        let name = String((arrivals.currentFile ?? "export").split(separator: "/").last ?? "export").prefix(200)
        return try await store.createImportJob(platform: platform, fileName: String(name), requestedBy: visitor.user.id, now: now)
    }

    @discardableResult
    private func checkFields(_ fields: [String: String]) throws -> ImportPlatform {
        guard let token = fields["csrf"], constantTimeEquals(token, visitor.csrfToken) else { throw NewsroomRefusal.badCSRFToken }
        guard let platform = fields["platform"].flatMap(ImportPlatform.init(rawValue:)) else { throw ImportUploadProblem(message: "Choose where the archive comes from.") }
        return platform
    }
}

/// Why an archive upload was refused, for the person who sent it.
struct ImportUploadProblem: Error {
    let message: String
    var status: HTTPResponse.Status = .unprocessableContent
}

extension ImportPlatform {
    /// The export file the newsroom's form asks for.
    var exportDescription: String {
        switch self {
        case .wordpress: "WordPress export (.xml, Tools → Export → All content)"
        case .ghost: "Ghost content export (.json, Settings → Import/Export)"
        case .substack: "Substack export (.zip, Settings → Export your data)"
        }
    }

    /// Whether `start`, the first bytes of a file, look like this platform's export.
    func looksLikeExport(_ start: [UInt8]) -> Bool {
        let text = String(decoding: start.prefix(64), as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespacesAndNewlines))
        switch self {
        case .wordpress: return text.hasPrefix("<?xml") || text.hasPrefix("<rss")
        case .ghost: return text.hasPrefix("{")
        case .substack: return start.starts(with: [0x50, 0x4B, 0x03, 0x04])
        }
    }
}

/// An import on the newsroom's pages.
struct ImportJobRow {
    let href: String
    let fileName: String
    let platform: String
    let size: String
    let status: String
    let statusKey: String
    let progress: String
    let asked: String
    let finished: String?

    init(_ job: ImportJob, dates: NewsroomDates) {
        href = NewsroomPaths.importJob(job.id)
        fileName = job.fileName
        platform = job.platform.displayName
        size = job.bytes >= 1 << 20 ? String(format: "%.1f MB", Double(job.bytes) / 1_048_576) : "\(max(job.bytes >> 10, 1)) KB"
        statusKey = job.status.rawValue
        status =
            switch job.status {
            case .uploading: "Uploading"
            case .queued: "Waiting for a node"
            case .running: "Importing"
            case .finished: "Finished"
            case .failed: "Failed"
            }
        progress = job.status == .running ? job.progress : ""
        asked = dates.text(job.createdAt)
        finished = job.finishedAt.map(dates.text)
    }
}

/// The import page: the form and the recent imports.
struct ImportsView {
    let layout: AdminLayout
    let platforms: [Choice]
    let maximumMegabytes: Int
    let jobs: [ImportJobRow]
}

/// One import with its progress or report.
struct ImportJobView {
    let layout: AdminLayout
    let job: ImportJobRow
    let working: Bool
    let imported: String
    let unchanged: Int
    let skipped: [String]
    let attention: [String]
    let unlisted: Int
    let failure: String?
}
