import Foundation
import HTTPTypes
import Hummingbird
import KioskCore
import KioskImaging
import KioskMail
import KioskRender
import KioskStore

extension NewsroomController {
    /// How many media items a library page shows.
    static var mediaPerPage: Int { 48 }

    func addMediaRoutes(to admin: RouterGroup<KioskRequestContext>) {
        admin.get("media", use: mediaPage)
        admin.post("media", use: upload)
        admin.get("media/choose", use: chooseMedia)
        admin.get("media/:id", use: mediaItemPage)
        admin.post("media/:id", use: updateMedia)
        admin.post("media/:id/delete", use: deleteMedia)
        admin.get("media/file/:file", use: originalFile)
    }

    func addSiteRoutes(to admin: RouterGroup<KioskRequestContext>) {
        for kind in TaxonomyKind.allCases {
            admin.get(RouterPath(kind.rawValue)) { request, context in try await taxonomyPage(request, kind: kind, error: nil, status: .ok) }
            admin.post(RouterPath(kind.rawValue)) { request, context in try await saveTerm(request, context, kind: kind, id: nil) }
            admin.post(RouterPath(kind.rawValue + "/:id")) { request, context in
                guard let id = context.parameters.get("id", as: Int64.self) else { throw NewsroomRefusal.notFound }
                return try await saveTerm(request, context, kind: kind, id: id)
            }
        }
        admin.get("settings", use: settingsPage)
        admin.post("settings", use: saveSettings)
    }

    // MARK: Media

    @Sendable func mediaPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        return try await mediaList(request, visitor, error: nil, status: .ok)
    }

    private func mediaList(_ request: Request, _ visitor: SignedIn, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let query = request.uri.queryParameters
        let search = String((request.formQueryValue("q") ?? "").prefix(200))
        guard let pageRequest = PageRequest(query: query.get("page"), size: Self.mediaPerPage) else { throw NewsroomRefusal.notFound }
        let page = try await store.mediaLibrary(search: search, page: pageRequest)
        let view = MediaListView(
            layout: try await layout("Media", visitor, current: NewsroomPaths.media, request: request, error: error),
            search: search, maximumMB: media.maximumBytes >> 20,
            items: page.items.map { item in
                MediaRow(
                    id: item.media.id.rawValue, href: NewsroomPaths.media + "/\(item.media.id)", src: Self.thumbnail(item.media),
                    alt: item.media.alt, caption: item.media.caption, credit: item.media.credit,
                    size: "\(item.media.width) × \(item.media.height)", uses: item.usageCount)
            },
            total: page.totalItems,
            previous: page.hasPrevious ? NewsroomPaths.media + "?page=\(page.number - 1)" : nil,
            next: page.hasNext ? NewsroomPaths.media + "?page=\(page.number + 1)" : nil)
        return pages.page("media", view, status: status)
    }

    /// The most files one upload request may carry (the media desk's script sends them one by one).
    static var filesPerUpload: Int { 20 }

    /// Stores the request's image files, each with the form's alt text, caption and credit. A form
    /// is answered with the new image's page (or the library, for several); the media desk's
    /// script, which sends each file on its own to show its progress, asks for JSON instead.
    @Sendable func upload(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let answersScript = request.headers[.accept]?.contains("application/json") == true
        func refuse(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
            if answersScript { return Self.json(["message": message], status: status) }
            return try await mediaList(request, visitor, error: message, status: status)
        }
        let parts: [FormPart]
        do {
            parts = try await MultipartForm.read(request, limit: media.maximumBytes)
        } catch let error as ValidationError {
            return try await refuse(error.message, .contentTooLarge)
        }
        func field(_ name: String) -> String { parts.first { $0.name == name }.map { String(decoding: $0.body, as: UTF8.self) } ?? "" }
        guard constantTimeEquals(field("csrf"), visitor.csrfToken) else { throw NewsroomRefusal.badCSRFToken }
        let files = parts.filter { $0.name == "file" && !$0.body.isEmpty }
        var created: [Media] = []
        do {
            guard !files.isEmpty else { throw ValidationError(field: "file", message: "Choose an image file to upload.") }
            guard files.count <= Self.filesPerUpload else {
                throw ValidationError(field: "file", message: "Upload at most \(Self.filesPerUpload) files at once.")
            }
            let alt = try Self.limited(field("alt"), "alt text")
            let caption = try Self.limited(field("caption"), "caption")
            let credit = try Self.limited(field("credit"), "credit")
            for file in files {
                do {
                    created.append(try await media.add(file.body) { fileName, info in
                        try NewMedia(
                            fileName: fileName, contentType: info.format.contentType, width: info.width, height: info.height,
                            alt: alt, caption: caption, credit: credit)
                    })
                } catch let error as ValidationError where files.count > 1 {
                    let stored = created.isEmpty ? "" : " The \(created.count) file(s) before it were uploaded."
                    throw ValidationError(field: "file", message: "“\(file.fileName ?? "A file")”: \(error.message)\(stored)")
                }
            }
        } catch let error as ValidationError {
            return try await refuse(error.message, .unprocessableContent)
        }
        if answersScript, let image = created.first {
            return Self.json(["id": String(image.id.rawValue), "href": NewsroomPaths.media + "/\(image.id)", "thumbnail": Self.thumbnail(image)], status: .created)
        }
        return created.count == 1 ? done(NewsroomPaths.media + "/\(created[0].id)", "uploaded") : done(NewsroomPaths.media, "uploaded")
    }

    /// A page of the library as JSON, newest first, for the editor's image chooser.
    @Sendable func chooseMedia(_ request: Request, context: KioskRequestContext) async throws -> Response {
        _ = try await auth.require(request, role: .contributor)
        let query = request.uri.queryParameters
        guard let pageRequest = PageRequest(query: query.get("page"), size: Self.mediaPerPage) else {
            return Self.json(["message": "The page is a whole number from 1."], status: .badRequest)
        }
        let page = try await store.mediaLibrary(search: String((request.formQueryValue("q") ?? "").prefix(200)), page: pageRequest)
        let choices = MediaChoices(
            items: page.items.map { item in
                MediaChoice(
                    id: item.media.id.rawValue, address: SitePaths.media(item.media.fileName), thumbnail: Self.thumbnail(item.media),
                    alt: item.media.alt, caption: item.media.caption, credit: item.media.credit)
            },
            next: page.hasNext ? page.number + 1 : nil)
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(choices))))
    }

    /// A small copy of `image` for the newsroom's grids: its 320-pixel rendition, or the original until made.
    static func thumbnail(_ image: Media) -> String {
        image.madeRenditions?.fallback(atLeast: 320).path ?? NewsroomPaths.mediaFile(image.fileName)
    }

    @Sendable func mediaItemPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .contributor)
        let item = try await mediaItem(context)
        return try await mediaItemView(request, visitor, item, error: nil, status: .ok)
    }

    private func mediaItem(_ context: KioskRequestContext) async throws -> Media {
        guard let id = context.parameters.get("id", as: Int64.self), let item = try await store.media(Media.ID(id)) else { throw NewsroomRefusal.notFound }
        return item
    }

    private func mediaItemView(_ request: Request, _ visitor: SignedIn, _ item: Media, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let view = MediaItemView(
            layout: try await layout("Image: \(item.alt)", visitor, current: NewsroomPaths.media, request: request, error: error),
            id: item.id.rawValue, action: NewsroomPaths.media + "/\(item.id)", src: NewsroomPaths.mediaFile(item.fileName), alt: item.alt,
            caption: item.caption, credit: item.credit, size: "\(item.width) × \(item.height)", type: item.contentType,
            fileName: item.fileName, mayEdit: visitor.user.role.includes(.editor), focusX: Self.percent(item.focus.x), focusY: Self.percent(item.focus.y),
            renditions: Self.renditionState(item))
        return pages.page("media-item", view, status: status)
    }

    /// An image's original file, as uploaded: for the newsroom only (readers get renditions).
    @Sendable func originalFile(_ request: Request, context: KioskRequestContext) async throws -> Response {
        _ = try await auth.require(request, role: .contributor)
        return try await StoredFiles.originals(of: store, in: media.directory)
            .response(for: context.parameters.get("file") ?? "", request: request, context: context)
    }

    @Sendable func updateMedia(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let item = try await mediaItem(context)
        do {
            let checked = try NewMedia(
                fileName: item.fileName, contentType: item.contentType, width: item.width, height: item.height,
                alt: Self.limited(form.text("alt"), "alt text"), caption: Self.limited(form.text("caption"), "caption"),
                credit: Self.limited(form.text("credit"), "credit"))
            let focus = try Self.focalPoint(form, current: item.focus)
            _ = try await store.updateMediaText(item.id, alt: checked.alt, caption: checked.caption, credit: checked.credit)
            if focus != item.focus {
                var moved = item
                moved.focus = focus
                _ = try await store.requestRenditions(item.id, focus: focus, key: RenditionPlan(media: moved, avif: Imaging.canEncodeAVIF).key)
                media.renditions.wake()
            }
        } catch let error as ValidationError {
            return try await mediaItemView(request, visitor, item, error: error.message, status: .unprocessableContent)
        }
        return done(NewsroomPaths.media + "/\(item.id)", "saved")
    }

    @Sendable func deleteMedia(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .editor)
        let item = try await mediaItem(context)
        do {
            try await media.delete(item)
        } catch StoreError.inUse(let message) {
            return try await mediaItemView(request, visitor, item, error: message, status: .conflict)
        }
        return done(NewsroomPaths.media, "deleted")
    }

    /// The focal point in the form's `focus_x` and `focus_y` (percentages from the left and the top),
    /// `current` when the form has neither.
    static func focalPoint(_ form: FormFields, current: FocalPoint) throws(ValidationError) -> FocalPoint {
        let x = form.text("focus_x").trimmingCharacters(in: .whitespaces)
        let y = form.text("focus_y").trimmingCharacters(in: .whitespaces)
        if x.isEmpty && y.isEmpty { return current }
        guard let across = Double(x), let down = Double(y), across.isFinite, down.isFinite else {
            throw ValidationError(field: "focus", message: "The focal point is two numbers from 0 to 100: across from the left, and down from the top.")
        }
        return try FocalPoint(x: across / 100, y: down / 100)
    }

    /// `fraction` as a percentage with at most one decimal, for the form.
    static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    /// What the newsroom is told about an image's resized copies.
    static func renditionState(_ item: Media) -> String {
        if let failure = item.renditionsFailure { return "The resized copies could not be made: \(failure)" }
        if item.renditionsWanted == nil { return "No resized copies yet: `kiosk media rebuild` makes them." }
        if item.madeRenditions != nil, item.renditionsMade == item.renditionsWanted { return "Resized copies made; readers are shown those, never this original." }
        return "Resized copies are being made; until they are, readers wait a moment for the first of them."
    }

    /// `text` trimmed, refused when longer than a caption could need.
    static func limited(_ text: String, _ what: String) throws(ValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 1_000 else { throw ValidationError(field: what, message: "The \(what) can be at most 1000 characters long.") }
        return trimmed
    }

    // MARK: Sections, topics, series, authors

    private func taxonomyPage(_ request: Request, kind: TaxonomyKind, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let visitor = try await auth.require(request, role: .editor)
        let taxonomy = try await store.taxonomy()
        let rows: [TermRow] =
            switch kind {
            case .sections: taxonomy.sections.map { TermRow(kind, $0.id.rawValue, $0.slug, $0.name, $0.description, position: $0.position) }
            case .topics: taxonomy.topics.map { TermRow(kind, $0.id.rawValue, $0.slug, $0.name, $0.description) }
            case .series: taxonomy.series.map { TermRow(kind, $0.id.rawValue, $0.slug, $0.name, $0.description) }
            case .authors: taxonomy.authors.map { TermRow(kind, $0.id.rawValue, $0.slug, $0.name, $0.bio) }
            }
        let view = TaxonomyView(
            layout: try await layout(kind.title, visitor, current: NewsroomPaths.taxonomy(kind), request: request, error: error),
            heading: kind.title, noun: kind.noun, action: NewsroomPaths.taxonomy(kind), rows: rows, hasPosition: kind == .sections,
            descriptionLabel: kind == .authors ? "Biography" : "Description")
        return pages.page("taxonomy", view, status: status)
    }

    private func saveTerm(_ request: Request, _ context: KioskRequestContext, kind: TaxonomyKind, id: Int64?) async throws -> Response {
        let form = try await FormFields.read(request)
        _ = try await auth.requireForm(request, form, role: .editor)
        do {
            let positionText = form.text("position").trimmingCharacters(in: .whitespaces)
            guard let position = positionText.isEmpty ? 0 : Int(positionText) else {
                throw ValidationError(field: "position", message: "A position must be a whole number.")
            }
            let slug = form.text("slug").trimmingCharacters(in: .whitespaces)
            try await TermChange(name: form.text("name"), slug: slug.isEmpty ? nil : slug, description: form.text("description"), position: position)
                .save(kind, id: id, in: store)
        } catch StoreError.notFound {
            throw NewsroomRefusal.notFound
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            let text = if case StoreError.slugTaken(let slug) = error { "Another \(kind.noun) already uses the slug “\(slug)”." } else { message }
            return try await taxonomyPage(request, kind: kind, error: text, status: .unprocessableContent)
        }
        return done(NewsroomPaths.taxonomy(kind), id == nil ? "created" : "saved")
    }

    // MARK: Settings

    @Sendable func settingsPage(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let visitor = try await auth.require(request, role: .admin)
        let settings = try await site.current().settings
        return try await settingsForm(request, visitor, settings, error: nil, status: .ok)
    }

    private func settingsForm(_ request: Request, _ visitor: SignedIn, _ settings: SiteSettings, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let library = try await store.mediaLibrary(search: "", page: PageRequest(number: 1, size: 200)!)
        let view = SettingsView(
            layout: try await layout("Settings", visitor, current: NewsroomPaths.settings, request: request, error: error),
            name: settings.name, description: settings.description, about: settings.about, locale: settings.locale,
            timeZone: settings.timeZone,
            logos: [Choice(value: "", label: "No logo", selected: settings.logoID == nil)]
                + library.items.map { Choice(value: String($0.media.id.rawValue), label: $0.media.alt, selected: $0.media.id == settings.logoID) },
            socialProfiles: settings.socialProfiles.map { "\($0.label) | \($0.url)" }.joined(separator: "\n"),
            fullTextFeeds: settings.feedsCarryFullText, requireTwoFactor: settings.requireTwoFactor,
            smtp: settings.smtpURL.isEmpty
                ? nil : ((try? SMTPConfiguration(url: try secrets.open(settings.smtpURL)))?.redactedDescription ?? "an address that cannot be read"),
            secretsSealed: secrets.hasKey)
        return pages.page("settings", view, status: status)
    }

    @Sendable func saveSettings(_ request: Request, context: KioskRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let visitor = try await auth.requireForm(request, form, role: .admin)
        var settings = try await site.current().settings
        do {
            let profiles = try Self.socialProfiles(form.text("social_profiles"))
            var changed = try SiteSettings(
                name: Self.limited(form.text("name"), "name"), description: Self.limited(form.text("description"), "description"),
                about: Self.limited(form.text("about"), "about line"), locale: form.text("locale").isEmpty ? settings.locale : form.text("locale"),
                timeZone: form.text("time_zone").trimmingCharacters(in: .whitespaces), logoID: Int64(form.text("logo")).map(Media.ID.init),
                socialProfiles: profiles, navigation: settings.navigation)
            changed.feedsCarryFullText = form["full_text_feeds"] != nil
            changed.requireTwoFactor = form["require_two_factor"] != nil
            changed.publicURL = settings.publicURL
            changed.robotsRules = settings.robotsRules
            let smtp = form.text("smtp_url").trimmingCharacters(in: .whitespaces)
            if form["smtp_remove"] != nil {
                changed.smtpURL = ""
            } else if !smtp.isEmpty {
                do {
                    _ = try SMTPConfiguration(url: smtp)
                } catch {
                    throw ValidationError(field: "smtp_url", message: "The mail server address is not usable: \(error).")
                }
                changed.smtpURL = try secrets.seal(smtp)
            } else {
                changed.smtpURL = settings.smtpURL
            }
            settings = changed
            try await store.updateSiteSettings(settings)
        } catch {
            guard let message = NewsroomErrors.userMessage(error) else { throw error }
            return try await settingsForm(request, visitor, settings, error: message, status: .unprocessableContent)
        }
        return done(NewsroomPaths.settings, "saved")
    }

    /// Profiles written one per line as "Label | https://address".
    static func socialProfiles(_ text: String) throws(ValidationError) -> [SocialLink] {
        var links: [SocialLink] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let url = URL(string: parts[1]), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil
            else {
                throw ValidationError(field: "social_profiles", message: "Write each profile as “Label | https://address”; “\(trimmed)” is not.")
            }
            links.append(SocialLink(label: parts[0], url: parts[1]))
        }
        return links
    }
}

/// One image in the library.
struct MediaRow {
    let id: Int64
    let href: String
    let src: String
    let alt: String
    let caption: String
    let credit: String
    let size: String
    let uses: Int
}

/// A page of the library for the editor's image chooser.
struct MediaChoices: Encodable {
    /// The images, newest first.
    let items: [MediaChoice]
    /// The next page's number; left out on the last.
    let next: Int?
}

/// One image the editor can choose: what a figure block or the top image field needs.
struct MediaChoice: Encodable {
    let id: Int64
    /// The original's public address, as a figure block in the text names it.
    let address: String
    let thumbnail: String
    let alt: String
    let caption: String
    let credit: String
}

/// The media library page.
struct MediaListView {
    let layout: AdminLayout
    let search: String
    let maximumMB: Int
    let items: [MediaRow]
    let total: Int
    let previous: String?
    let next: String?
}

/// One image's page.
struct MediaItemView {
    let layout: AdminLayout
    let id: Int64
    let action: String
    let src: String
    let alt: String
    let caption: String
    let credit: String
    let size: String
    let type: String
    let fileName: String
    let mayEdit: Bool
    /// The focal point as percentages across and down.
    let focusX: String
    let focusY: String
    /// What has become of the resized copies.
    let renditions: String
}

/// One section, topic, series or author on the site-management page.
struct TermRow {
    let id: Int64
    let action: String
    let slug: String
    let name: String
    let description: String
    let position: Int
    let publicPath: String

    init(_ kind: TaxonomyKind, _ id: Int64, _ slug: Slug, _ name: String, _ description: String, position: Int = 0) {
        self.id = id
        action = NewsroomPaths.taxonomy(kind) + "/\(id)"
        self.slug = slug.rawValue
        self.name = name
        self.description = description
        self.position = position
        publicPath =
            switch kind {
            case .sections: SitePaths.section(slug)
            case .topics: SitePaths.topic(slug)
            case .series: SitePaths.series(slug)
            case .authors: SitePaths.author(slug)
            }
    }
}

/// The site-management page of one kind.
struct TaxonomyView {
    let layout: AdminLayout
    let heading: String
    let noun: String
    let action: String
    let rows: [TermRow]
    let hasPosition: Bool
    let descriptionLabel: String
}

/// The site settings page.
struct SettingsView {
    let layout: AdminLayout
    let name: String
    let description: String
    let about: String
    let locale: String
    let timeZone: String
    let logos: [Choice]
    let socialProfiles: String
    let fullTextFeeds: Bool
    let requireTwoFactor: Bool
    /// The mail server set here, without its password, if one is.
    let smtp: String?
    /// Whether secrets such as its password are sealed with the operator's key.
    let secretsSealed: Bool
}
