import Foundation

/// A section to create or the changes to one, validated.
public struct NewSection: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
    public var description: String
    /// Order in the navigation, smallest first.
    public var position: Int

    /// The navigation positions accepted.
    public static let positions = -1_000_000...1_000_000

    /// Validates the name and position and creates the input.
    public init(slug: Slug, name: String, description: String = "", position: Int = 0) throws(ValidationError) {
        guard Self.positions.contains(position) else {
            throw ValidationError(field: "position", message: "A position must be a whole number from -1000000 to 1000000.")
        }
        self.slug = slug
        self.name = try requiredName(name)
        self.description = description
        self.position = position
    }
}

/// A topic or series to create or the changes to one, validated.
public struct NewTerm: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
    public var description: String

    /// Validates the name and creates the input.
    public init(slug: Slug, name: String, description: String = "") throws(ValidationError) {
        self.slug = slug
        self.name = try requiredName(name)
        self.description = description
    }
}

/// An author to create or the changes to one, validated.
public struct NewAuthor: Sendable {
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A short biography.
    public var bio: String
    /// A portrait, if any.
    public var photoID: Media.ID?
    /// Profiles elsewhere.
    public var links: [SocialLink]

    /// Validates the name and creates the input.
    public init(slug: Slug, name: String, bio: String = "", photoID: Media.ID? = nil, links: [SocialLink] = []) throws(ValidationError) {
        self.slug = slug
        self.name = try requiredName(name)
        self.bio = bio
        self.photoID = photoID
        self.links = links
    }
}

/// A media file to record, validated.
public struct NewMedia: Sendable {
    /// File name inside the media folder.
    public var fileName: String
    /// The MIME type of the file.
    public var contentType: String
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Text alternative for people who cannot see the image.
    public var alt: String
    /// The caption printed under the image.
    public var caption: String
    /// Who made the image.
    public var credit: String
    /// The key of the rendition plan to ask for with the record (its focal point is the centre), or `nil`.
    public var renditionsWanted: String?

    /// Validates the dimensions and the alt text and creates the input.
    public init(fileName: String, contentType: String, width: Int, height: Int, alt: String, caption: String = "", credit: String = "") throws(ValidationError) {
        guard width > 0, height > 0 else { throw ValidationError(field: "dimensions", message: "An image must be at least one pixel wide and high.") }
        guard !alt.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: "alt", message: "Describe the image in its alt text, for readers who cannot see it.")
        }
        self.fileName = fileName
        self.contentType = contentType
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}

/// An account to create, validated, with the author profile its bylines will use.
public struct NewUser: Sendable {
    /// Where they sign in with.
    public var email: EmailAddress
    /// Their name.
    public var name: String
    /// What they may do.
    public var role: Role
    /// The bcrypt hash of their password.
    public var passwordHash: String

    /// Validates the name and creates the input.
    public init(email: EmailAddress, name: String, role: Role, passwordHash: String) throws(ValidationError) {
        self.email = email
        self.name = try requiredName(name)
        self.role = role
        self.passwordHash = passwordHash
    }

    /// Slugs for the account's author profile, in order of preference: the name's, then numbered
    /// variants. The store takes the first that is free.
    public var authorSlugCandidates: some Sequence<Slug> {
        let base = Slug.derived(from: name)?.rawValue ?? "author"
        let stem = String(base.prefix(Slug.maximumLength - 8))
        return [Slug.parse(base)].compactMap { $0 } + (2...10_000).lazy.compactMap { Slug.parse("\(stem)-\($0)") }
    }
}

/// A token for the Admin API to record, validated; only the SHA-256 of its secret is kept.
public struct NewAPIToken: Sendable {
    /// What it is for, as the administrator named it.
    public let name: String
    /// What it may do.
    public let scope: TokenScope
    /// The SHA-256 of the secret the integration sends.
    public let tokenHash: [UInt8]

    /// Validates the name and creates the input.
    public init(name: String, scope: TokenScope, tokenHash: [UInt8]) throws(ValidationError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count) else {
            throw ValidationError(field: "name", message: "Name the token (up to 200 characters) after what uses it.")
        }
        self.name = name
        self.scope = scope
        self.tokenHash = tokenHash
    }
}

/// A name as people type it, trimmed; throws when it is empty or longer than 200 characters.
func requiredName(_ name: String) throws(ValidationError) -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw ValidationError(field: "name", message: "A name is required.") }
    guard trimmed.count <= 200 else { throw ValidationError(field: "name", message: "A name can be at most 200 characters long.") }
    return trimmed
}

/// A publication's public address: `http` or `https`, a host, and nothing after an optional
/// path; kept without a trailing slash.
public enum PublicAddress {
    /// `text` as a public address; throws `ValidationError` saying what is wrong with it.
    public static func parse(_ text: String) throws(ValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count <= 200, let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil
        else {
            throw ValidationError(field: "public_url", message: "The public address must start with http:// or https:// and name a host, such as https://news.example.org.")
        }
        return trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
    }
}
