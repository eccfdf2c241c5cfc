import Configuration
import Foundation
import KioskCore
import KioskMail
import KioskStore
import KioskServer
import Logging

/// Settings of a `kiosk` process, read from flags, then the environment, then `.env`, then defaults.
struct Settings {
    var database: Database
    /// The media folder; `nil` for PostgreSQL with no `--media` and no state folder.
    var media: String?
    /// Where files of this node go (the setup link, by default media and outbox): beside a SQLite
    /// database, in the service's state folder, or beside the media folder given.
    var dataFolder: String?
    var host: String
    var port: Int
    var theme: String
    var adminTheme: String
    var publicURL: String
    /// Whether the public URL was given (flag, environment or `.env`) rather than defaulted.
    var publicURLGiven: Bool
    var logLevel: Logger.Level
    var pageCacheBytes: Int
    var cachePolicy: CachePolicy
    var contentAPIKey: String?
    var maximumUploadBytes: Int
    /// The most pixels an image may have (KIOSK_MAX_IMAGE_MEGAPIXELS).
    var maximumImagePixels: Int
    /// The SMTP server's URL, if one is configured.
    var smtpURL: String?
    /// Connections opened at once to the SMTP server for newsletters.
    var smtpConnections: Int
    /// The From address of Kiosk's mail, and its display name.
    var mailFrom: String
    var mailFromName: String?
    /// Where mail is written when there is no SMTP server.
    var outbox: String?
    /// The DKIM selector, the file of the private key, and the signing domain when not the From address's.
    var dkimSelector: String?
    var dkimKeyFile: String?
    var dkimDomain: String?
    /// This node's name among several.
    var nodeID: String
    /// The reverse proxies whose forwarded client addresses are believed.
    var trustedProxies: [AddressRange]
    /// Seconds of `Strict-Transport-Security` for an HTTPS public URL (0 for none).
    var strictTransportSeconds: Int
    /// Where `/metrics` is served, or `nil` when it is turned off.
    var metricsAddress: (host: String, port: Int)?
    /// Scheduled backups, or `nil` when `KIOSK_BACKUP_DIR` is not set.
    var backups: BackupSchedule?
    /// The key secrets in the database are sealed with, from `KIOSK_SECRET_KEY_FILE`; `nil` for none.
    var secretKey: [UInt8]?

    /// Where and how often `kiosk serve` backs the database up, and how many backups it keeps.
    struct BackupSchedule {
        var folder: String
        var keep: Int
        var hours: Int
    }

    /// Reads the settings; flags given on the command line win over every other source.
    static func load(
        storage: StorageOptions, host: String? = nil, port: String? = nil, theme: String? = nil, publicURL: String? = nil,
        pageCacheMB: String? = nil, smtpURL: String? = nil, nodeID: String? = nil, trustedProxies: String? = nil, metricsAddress: String? = nil
    ) async throws -> Settings {
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        func set(_ key: String, _ value: String?) {
            if let value { flags[AbsoluteConfigKey(key.split(separator: ".").map(String.init))] = .init(.string(value), isSecret: false) }
        }
        set("kiosk.database", storage.database)
        set("kiosk.media", storage.media)
        set("kiosk.host", host)
        set("kiosk.port", port)
        set("kiosk.theme", theme)
        set("kiosk.public.url", publicURL)
        set("kiosk.page.cache.mb", pageCacheMB)
        set("kiosk.smtp.url", smtpURL)
        set("kiosk.node.id", nodeID)
        set("kiosk.trusted.proxies", trustedProxies)
        set("kiosk.metrics.address", metricsAddress)
        let reader = ConfigReader(providers: [
            InMemoryProvider(name: "flags", values: flags),
            EnvironmentVariablesProvider(),
            try await EnvironmentVariablesProvider(environmentFilePath: ".env", allowMissing: true),
        ])

        let database = try Database(try databaseSetting(reader))
        // Files go beside a SQLite database, in the service's state folder, or beside the media
        // folder given; never into the working directory.
        let explicitMedia = reader.string(forKey: "kiosk.media")
        let dataFolder = database.sqliteFolder ?? Installation.stateDirectory
            ?? explicitMedia.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let hostName = reader.string(forKey: "kiosk.host", default: "127.0.0.1")
        let portText = reader.string(forKey: "kiosk.port", default: "8080")
        guard let portNumber = Int(portText), (1...65_535).contains(portNumber) else {
            throw Messages.Refusal("the port must be a number from 1 to 65535, not “\(portText)”.")
        }
        let levelText = reader.string(forKey: "kiosk.log.level", default: "info")
        guard let level = Logger.Level(rawValue: levelText) else {
            throw Messages.Refusal("the log level must be one of trace, debug, info, notice, warning, error, critical, not “\(levelText)”.")
        }
        let givenURL = reader.string(forKey: "kiosk.public.url")
        let url: String
        do {
            url = try PublicAddress.parse(givenURL ?? "http://\(hostName):\(portNumber)")
        } catch {
            throw Messages.Refusal("the public URL must start with http:// or https:// and name a host, not “\(givenURL ?? "")”.")
        }
        let cacheMB = try whole(reader, "kiosk.page.cache.mb", default: 64, range: 0...65_536, what: "the page cache size in MB")
        let strictTransport = try whole(reader, "kiosk.hsts.max.age", default: 31_536_000, range: 0...63_072_000, what: "KIOSK_HSTS_MAX_AGE (seconds)")
        let sharedMaxAge = try whole(reader, "kiosk.cache.s.maxage", default: 60, range: 0...31_536_000, what: "KIOSK_CACHE_S_MAXAGE (seconds)")
        let uploadMB = try whole(reader, "kiosk.max.upload.mb", default: 10, range: 1...1_024, what: "KIOSK_MAX_UPLOAD_MB (the largest image upload in MB)")
        let megapixels = try whole(
            reader, "kiosk.max.image.megapixels", default: 100, range: 1...1_000, what: "KIOSK_MAX_IMAGE_MEGAPIXELS (the most pixels an image may have, in millions)")
        let connections = try whole(reader, "kiosk.smtp.connections", default: 4, range: 1...64, what: "KIOSK_SMTP_CONNECTIONS")
        let host = URL(string: url)?.host ?? "localhost"
        let stale = try whole(
            reader, "kiosk.cache.stale.while.revalidate", default: 30, range: 0...31_536_000, what: "KIOSK_CACHE_STALE_WHILE_REVALIDATE (seconds)")
        return Settings(
            database: database,
            media: explicitMedia ?? dataFolder.map { URL(fileURLWithPath: $0).appendingPathComponent("media").path },
            dataFolder: dataFolder,
            host: hostName,
            port: portNumber,
            theme: reader.string(forKey: "kiosk.theme", default: (Installation.themes ?? "Themes") + "/default"),
            adminTheme: reader.string(forKey: "kiosk.admin.theme", default: (Installation.themes ?? "Themes") + "/admin"),
            publicURL: url,
            publicURLGiven: givenURL != nil,
            logLevel: level,
            pageCacheBytes: cacheMB << 20,
            cachePolicy: CachePolicy(sharedMaxAge: sharedMaxAge, staleWhileRevalidate: stale),
            contentAPIKey: reader.string(forKey: "kiosk.content.api.key", isSecret: true).flatMap { $0.isEmpty ? nil : $0 },
            maximumUploadBytes: uploadMB << 20,
            maximumImagePixels: megapixels * 1_000_000,
            smtpURL: try (reader.string(forKey: "kiosk.smtp.url", isSecret: true) ?? fileSetting(reader, "kiosk.smtp.url.file", name: "KIOSK_SMTP_URL_FILE"))
                .flatMap { $0.isEmpty ? nil : $0 },
            smtpConnections: connections,
            mailFrom: reader.string(
                forKey: "kiosk.mail.from", default: "newsletter@" + (host.contains(".") && host.contains(where: \.isLetter) ? host : "localhost.localdomain")),
            mailFromName: reader.string(forKey: "kiosk.mail.from.name"),
            outbox: reader.string(forKey: "kiosk.outbox") ?? dataFolder.map { URL(fileURLWithPath: $0).appendingPathComponent("outbox").path },
            dkimSelector: reader.string(forKey: "kiosk.dkim.selector").flatMap { $0.isEmpty ? nil : $0 },
            dkimKeyFile: reader.string(forKey: "kiosk.dkim.key.file").flatMap { $0.isEmpty ? nil : $0 },
            dkimDomain: reader.string(forKey: "kiosk.dkim.domain").flatMap { $0.isEmpty ? nil : $0 },
            nodeID: try node(reader, port: portNumber),
            trustedProxies: try proxies(reader),
            strictTransportSeconds: strictTransport,
            metricsAddress: try metrics(reader),
            backups: try backupSchedule(reader, database: database),
            secretKey: try secretKey(reader)
        )
    }

    /// The key in the file `KIOSK_SECRET_KEY_FILE` names, if it is set.
    private static func secretKey(_ reader: ConfigReader) throws -> [UInt8]? {
        guard let text = try fileSetting(reader, "kiosk.secret.key.file", name: "KIOSK_SECRET_KEY_FILE") else { return nil }
        do {
            return try SecretBox.key(from: text)
        } catch {
            throw Messages.Refusal("KIOSK_SECRET_KEY_FILE: \(error)")
        }
    }

    /// `KIOSK_BACKUP_DIR`, `KIOSK_BACKUP_KEEP` and `KIOSK_BACKUP_HOURS`; scheduled backups are for
    /// SQLite, and a PostgreSQL database is backed up with its own tools.
    private static func backupSchedule(_ reader: ConfigReader, database: Database) throws -> BackupSchedule? {
        guard let folder = reader.string(forKey: "kiosk.backup.dir"), !folder.isEmpty else { return nil }
        guard database.sqliteFolder != nil else {
            throw Messages.Refusal("KIOSK_BACKUP_DIR backs up a SQLite database; back PostgreSQL up with pg_dump (see the README) and unset it.")
        }
        return BackupSchedule(
            folder: folder,
            keep: try whole(reader, "kiosk.backup.keep", default: 7, range: 1...1_000, what: "KIOSK_BACKUP_KEEP (backups kept)"),
            hours: try whole(reader, "kiosk.backup.hours", default: 24, range: 1...8_760, what: "KIOSK_BACKUP_HOURS (hours between backups)"))
    }

    /// The database setting: `--database` or `KIOSK_DATABASE`, else the contents of the file
    /// `KIOSK_DATABASE_FILE` names (for a URL with a password that must not sit in the environment),
    /// else `kiosk.sqlite` in the service's state folder; without any of these, a refusal (Kiosk
    /// never creates a database in whatever folder it was started from).
    private static func databaseSetting(_ reader: ConfigReader) throws -> String {
        if let text = reader.string(forKey: "kiosk.database", isSecret: true) { return text }
        if let text = try fileSetting(reader, "kiosk.database.file", name: "KIOSK_DATABASE_FILE") { return text }
        guard let state = Installation.stateDirectory else {
            throw Messages.Refusal(
                "no database given: pass --database (a SQLite file or postgres://…) or set KIOSK_DATABASE; under systemd, StateDirectory= gives one.")
        }
        return URL(fileURLWithPath: state).appendingPathComponent("kiosk.sqlite").path
    }

    /// The contents of the file a `…_FILE` setting names (for a secret that must not sit in the
    /// environment or on the command line), trimmed; `nil` when the setting is not given.
    private static func fileSetting(_ reader: ConfigReader, _ key: String, name: String) throws -> String? {
        guard let file = reader.string(forKey: ConfigKey(key.split(separator: ".").map(String.init))), !file.isEmpty else { return nil }
        guard let contents = FileManager.default.contents(atPath: file), let text = String(data: contents, encoding: .utf8) else {
            throw Messages.Refusal("\(name) names \(file), which cannot be read.")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// This node's id: `--node-id` or `KIOSK_NODE_ID`, by default the host's name and the port.
    private static func node(_ reader: ConfigReader, port: Int) throws -> String {
        let id = reader.string(forKey: "kiosk.node.id", default: "\(ProcessInfo.processInfo.hostName):\(port)")
        guard (1...100).contains(id.count), id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }), id.allSatisfy(\.isASCII) else {
            throw Messages.Refusal("the node id must be 1 to 100 letters, digits, dots, dashes, underscores or colons, not “\(id)”.")
        }
        return id
    }

    /// The trusted proxies: `--trusted-proxies` or `KIOSK_TRUSTED_PROXIES`, addresses or ranges separated by commas or spaces.
    private static func proxies(_ reader: ConfigReader) throws -> [AddressRange] {
        let text = reader.string(forKey: "kiosk.trusted.proxies", default: "")
        return try text.split(whereSeparator: { $0 == "," || $0 == " " }).map { item in
            guard let range = AddressRange(item) else {
                throw Messages.Refusal("a trusted proxy must be an address or a range like 10.0.0.0/8 or fd00::/8, not “\(item)”.")
            }
            return range
        }
    }

    /// Where `/metrics` is served: `HOST:PORT` (`[::1]:9464` for IPv6), by default loopback port 9464; `off` turns it off.
    private static func metrics(_ reader: ConfigReader) throws -> (host: String, port: Int)? {
        let text = reader.string(forKey: "kiosk.metrics.address", default: "127.0.0.1:9464")
        guard text != "off" else { return nil }
        let refusal = Messages.Refusal("the metrics address must be HOST:PORT, such as 127.0.0.1:9464 or [::1]:9464, or off, not “\(text)”.")
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else { throw refusal }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { throw refusal }
        return (host, port)
    }

    /// Reads a whole number in `range`, or refuses with a message naming `what`.
    private static func whole(_ reader: ConfigReader, _ key: String, default value: Int, range: ClosedRange<Int>, what: String) throws -> Int {
        let text = reader.string(forKey: ConfigKey(key.split(separator: ".").map(String.init)), default: String(value))
        guard let number = Int(text), range.contains(number) else {
            throw Messages.Refusal("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(text)”.")
        }
        return number
    }
}

/// Words for the one line a failed command prints.
enum Messages {
    /// A refusal with its reason, already worded for the person at the terminal.
    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Describes any error in one line.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let refusal as Refusal: refusal.message
        case let validation as KioskCore.ValidationError: validation.message
        case let store as StoreError: describe(store)
        default: String(describing: error).replacingOccurrences(of: "\n", with: " ")
        }
    }

    private static func describe(_ error: StoreError) -> String {
        switch error {
        case .slugTaken(let slug): "the slug “\(slug)” is already in use."
        case .missingReference(let what): "missing or invalid reference: \(what)."
        case .duplicate(let what): "already in use: \(what)."
        case .notFound: "the record does not exist."
        case .inUse(let what): what
        case .unavailable(let detail): "the database cannot be reached (\(detail))."
        case .failed(let detail): "the database failed (\(detail))."
        }
    }
}

extension Settings {
    /// These settings with the public address chosen at setup, when none was given here.
    func withStoredPublicURL(from store: some SiteStore) async throws -> Settings {
        guard !publicURLGiven else { return self }
        let stored = try await store.siteContext().settings.publicURL
        var settings = self
        if !stored.isEmpty { settings.publicURL = stored }
        return settings
    }

    /// Where mail goes: the SMTP server given here when there is one, otherwise the one set in the
    /// newsroom's settings, or the outbox folder while none is.
    func mailTransport(store: some SiteStore) throws -> any MailTransport {
        guard let smtpURL else {
            guard let outbox else {
                throw Messages.Refusal("no mail server is set and there is no folder for the outbox: set KIOSK_SMTP_URL, or KIOSK_OUTBOX for a folder.")
            }
            return SettingsTransport(store: store, folder: FolderTransport(folder: outbox), secrets: SecretBox(key: secretKey), parallelism: smtpConnections)
        }
        return SMTPTransport(configuration: try SMTPConfiguration(url: smtpURL), parallelism: smtpConnections)
    }

    /// Who mail comes from, and the DKIM key that signs it when KIOSK_DKIM_SELECTOR and KIOSK_DKIM_KEY_FILE are set.
    func mailIdentity() throws -> MailIdentity {
        var identity = MailIdentity(from: MailAddress(try EmailAddress(mailFrom), name: mailFromName))
        identity.dkim = try dkimSigner(defaultDomain: identity.domain)
        return identity
    }

    /// The DKIM signer the settings describe, `nil` when neither selector nor key file is set; refuses
    /// one without the other, and a key file that cannot be read or holds no usable key.
    private func dkimSigner(defaultDomain: String) throws -> DKIMSigner? {
        switch (dkimSelector, dkimKeyFile) {
        case (nil, nil):
            return nil
        case (nil, _?), (_?, nil):
            throw Messages.Refusal("DKIM needs both KIOSK_DKIM_SELECTOR and KIOSK_DKIM_KEY_FILE (make them with kiosk dkim keygen); set both or neither.")
        case (let selector?, let file?):
            guard let contents = FileManager.default.contents(atPath: file), let pem = String(data: contents, encoding: .utf8) else {
                throw Messages.Refusal("KIOSK_DKIM_KEY_FILE names \(file), which cannot be read.")
            }
            let key: DKIMKey
            do {
                key = try DKIMKey(pem: pem)
            } catch {
                throw Messages.Refusal("KIOSK_DKIM_KEY_FILE names \(file): \(error)")
            }
            return try DKIMSigner(key: key, domain: dkimDomain ?? defaultDomain, selector: selector)
        }
    }
}

extension Settings {
    /// The media library of a node keeping its copies in `folder`, with this node's limits.
    func mediaLibrary<Store: PublicationStore>(_ store: Store, folder: String, renditions: RenditionQueue) -> MediaLibrary<Store> {
        MediaLibrary(directory: folder, maximumBytes: maximumUploadBytes, maximumPixels: maximumImagePixels, store: store, renditions: renditions)
    }
}
