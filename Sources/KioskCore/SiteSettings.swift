import Foundation

/// Publication-wide settings: identity, locale and time zone, social profiles and navigation.
public struct SiteSettings: Hashable, Sendable {
    /// The name readers see.
    public var name: String
    /// A sentence or two about it.
    public var description: String
    /// A short line about the publication for the footer.
    public var about: String
    /// BCP 47 language tag, e.g. "en-GB".
    public var locale: String
    /// IANA time zone identifier in which dates are shown, e.g. "Europe/London".
    public var timeZone: String
    /// The logo image, if any.
    public var logoID: Media.ID?
    /// Profiles shown as "Follow us" in the footer.
    public var socialProfiles: [SocialLink]
    /// Extra links in the header navigation after the sections.
    public var navigation: [SocialLink]
    /// Whether feeds carry each article's whole body (otherwise its opening paragraphs).
    public var feedsCarryFullText = true
    /// Extra rules for robots.txt, added after the default ones (e.g. `Disallow: /drafts`).
    public var robotsRules = ""
    /// The SMTP server's URL set in the newsroom, used when none is given on the command line or in
    /// the environment; empty for none. It may hold a password, so it is never shown in full.
    public var smtpURL = ""
    /// The public address chosen when the publication was set up, used when none is configured
    /// (`KIOSK_PUBLIC_URL`); empty for none.
    public var publicURL = ""
    /// Whether every newsroom account must sign in with a code from an authenticator app too.
    public var requireTwoFactor = false

    /// Creates settings, validating the time zone.
    public init(
        name: String, description: String, about: String, locale: String, timeZone: String,
        logoID: Media.ID? = nil, socialProfiles: [SocialLink] = [], navigation: [SocialLink] = []
    ) throws(ValidationError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(field: "name", message: "The publication needs a name.")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(field: "timeZone", message: "“\(timeZone)” is not a known time zone; use a name like Europe/London.")
        }
        self.name = name
        self.description = description
        self.about = about
        self.locale = locale
        self.timeZone = timeZone
        self.logoID = logoID
        self.socialProfiles = socialProfiles
        self.navigation = navigation
    }

    /// What a new, empty installation starts with.
    public static let initial = SiteSettings(
        unchecked: "Kiosk", description: "An independent publication.", about: "Published with Kiosk.",
        locale: "en", timeZone: "UTC"
    )

    private init(unchecked name: String, description: String, about: String, locale: String, timeZone: String) {
        self.name = name
        self.description = description
        self.about = about
        self.locale = locale
        self.timeZone = timeZone
        self.logoID = nil
        self.socialProfiles = []
        self.navigation = []
    }
}
