/// A primary department of the publication (Europe, Defense…); every article has exactly one.
public struct Section: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Section>
    public let id: ID
    public var slug: Slug
    public var name: String
    public var description: String
    /// Order in the site navigation, smallest first.
    public var position: Int

    /// Creates a section value.
    public init(id: ID, slug: Slug, name: String, description: String, position: Int) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.position = position
    }
}

/// A tag that cuts across sections (Sanctions, NATO…); an article has any number.
public struct Topic: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Topic>
    public let id: ID
    public var slug: Slug
    public var name: String
    public var description: String

    /// Creates a topic value.
    public init(id: ID, slug: Slug, name: String, description: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
    }
}

/// A recurring column with its own archive and reading order.
public struct Series: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Series>
    public let id: ID
    public var slug: Slug
    public var name: String
    public var description: String

    /// Creates a series value.
    public init(id: ID, slug: Slug, name: String, description: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
    }
}

/// A labelled link to a profile elsewhere (Mastodon, a personal site…).
public struct SocialLink: Hashable, Sendable, Codable {
    public var label: String
    public var url: String

    /// Creates a link.
    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// A person who writes for the publication.
public struct Author: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Author>
    public let id: ID
    public var slug: Slug
    public var name: String
    public var bio: String
    public var photoID: Media.ID?
    public var links: [SocialLink]

    /// Creates an author value.
    public init(id: ID, slug: Slug, name: String, bio: String, photoID: Media.ID?, links: [SocialLink]) {
        self.id = id
        self.slug = slug
        self.name = name
        self.bio = bio
        self.photoID = photoID
        self.links = links
    }
}

/// An image stored once in the media folder and reused wherever it appears.
public struct Media: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Media>
    public let id: ID
    /// File name inside the media folder.
    public var fileName: String
    public var contentType: String
    public var width: Int
    public var height: Int
    /// Text alternative for people who cannot see the image.
    public var alt: String
    public var caption: String
    public var credit: String

    /// Creates a media value.
    public init(id: ID, fileName: String, contentType: String, width: Int, height: Int, alt: String, caption: String, credit: String) {
        self.id = id
        self.fileName = fileName
        self.contentType = contentType
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}
