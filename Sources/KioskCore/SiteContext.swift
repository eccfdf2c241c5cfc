import Foundation

/// What every page needs from the store besides its own content.
public struct SiteContext: Sendable {
    /// The site settings.
    public let settings: SiteSettings
    /// Sections in navigation order.
    public let sections: [Section]
    /// The logo image named by the settings, if there is one.
    public let logo: Media?

    /// Creates a context.
    public init(settings: SiteSettings, sections: [Section], logo: Media? = nil) {
        self.settings = settings
        self.sections = sections
        self.logo = logo
    }
}
