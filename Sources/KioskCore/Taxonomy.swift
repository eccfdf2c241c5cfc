/// A primary department of the publication (Europe, Defense…); every article has exactly one.
public struct Section: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Section>
    /// The store identifier.
    public let id: ID
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
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
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Topic>
    /// The store identifier.
    public let id: ID
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
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
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Series>
    /// The store identifier.
    public let id: ID
    /// The URL segment that names it.
    public var slug: Slug
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
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
    /// The link text.
    public var label: String
    /// The address linked to.
    public var url: String

    /// Creates a link.
    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// A person who writes for the publication.
public struct Author: Hashable, Sendable, Identifiable {
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Author>
    /// The store identifier.
    public let id: ID
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
    /// The typed store identifier of this kind of record.
    public typealias ID = Identifier<Media>
    /// The store identifier.
    public let id: ID
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
    /// Where the image's subject is; crops keep it in view.
    public var focus: FocalPoint
    /// The key of the rendition plan asked for, or `nil` when none was (images from before renditions).
    public var renditionsWanted: String?
    /// The key of the rendition plan whose files are all made, or `nil` while none is complete.
    public var renditionsMade: String?
    /// Why the renditions wanted could not be made, or `nil`.
    public var renditionsFailure: String?

    /// Creates a media value.
    public init(
        id: ID, fileName: String, contentType: String, width: Int, height: Int, alt: String, caption: String, credit: String,
        focus: FocalPoint = .centre, renditionsWanted: String? = nil, renditionsMade: String? = nil, renditionsFailure: String? = nil
    ) {
        self.id = id
        self.focus = focus
        self.renditionsWanted = renditionsWanted
        self.renditionsMade = renditionsMade
        self.renditionsFailure = renditionsFailure
        self.fileName = fileName
        self.contentType = contentType
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}
