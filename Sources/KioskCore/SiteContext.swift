import Foundation

/// What every page needs from the store besides its own content.
public struct SiteContext: Sendable {
    /// The site settings.
    public let settings: SiteSettings
    /// Sections in navigation order.
    public let sections: [Section]
    /// The logo image named by the settings, if there is one.
    public let logo: Media?
    /// Published pages linked in the header or footer, in their order.
    public let pages: [PageLink]

    /// Creates a context.
    public init(settings: SiteSettings, sections: [Section], logo: Media? = nil, pages: [PageLink] = []) {
        self.settings = settings
        self.sections = sections
        self.logo = logo
        self.pages = pages
    }
}
