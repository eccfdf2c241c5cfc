import Foundation

/// What every page needs from the store besides its own content.
public struct SiteContext: Sendable {
    /// The site settings.
    public let settings: SiteSettings
    /// Sections in navigation order.
    public let sections: [Section]

    /// Creates a context.
    public init(settings: SiteSettings, sections: [Section]) {
        self.settings = settings
        self.sections = sections
    }
}
