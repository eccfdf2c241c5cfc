import Foundation
import KioskCore

/// A short email: a heading, a few paragraphs and a button (confirmation, preferences link, test).
public struct EmailNotice: Sendable {
    /// The heading.
    public let heading: String
    /// The paragraphs, plain text.
    public let paragraphs: [String]
    /// The button's words.
    public let buttonLabel: String
    /// Where the button leads, if there is one.
    public let buttonURL: String?
    /// The small print at the bottom.
    public let footer: String

    /// Creates the notice.
    public init(heading: String, paragraphs: [String], buttonLabel: String = "", buttonURL: String? = nil, footer: String) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.buttonLabel = buttonLabel
        self.buttonURL = buttonURL
        self.footer = footer
    }
}

/// An article as an issue presents it.
public struct IssueStory: Sendable {
    /// The headline.
    public let title: String
    /// The standfirst.
    public let dek: String
    /// The absolute address.
    public let url: String
    /// The section it belongs to, for grouping.
    public let sectionName: String
    /// The top image, with an absolute URL.
    public let image: Media?

    /// The story of a published article, linked under `publicURL`.
    public init(_ summary: ArticleSummary, publicURL: String) {
        self.init(
            title: summary.title, dek: summary.dek, url: publicURL + SitePaths.article(summary.slug), sectionName: summary.section.name,
            image: summary.topMedia)
    }

    /// Creates the value.
    public init(title: String, dek: String, url: String, sectionName: String, image: Media?) {
        self.title = title
        self.dek = dek
        self.url = url
        self.sectionName = sectionName
        self.image = image
    }
}

/// Everything one issue's email shows; the per-subscriber links are placeholders replaced per message.
public struct IssueEmailContent: Sendable {
    /// The subject.
    public let subject: String
    /// The newsletter's name.
    public let newsletterName: String
    /// The editor's introduction, in Markdown.
    public let intro: String
    /// The stories, lead first, in the editor's order.
    public let stories: [IssueStory]
    /// The web version's address.
    public let webURL: String
    /// The unsubscribe address (or its placeholder).
    public let unsubscribeURL: String
    /// The preferences address (or its placeholder).
    public let preferencesURL: String

    /// Creates the content.
    public init(
        subject: String, newsletterName: String, intro: String, stories: [IssueStory], webURL: String, unsubscribeURL: String, preferencesURL: String
    ) {
        self.subject = subject
        self.newsletterName = newsletterName
        self.intro = intro
        self.stories = stories
        self.webURL = webURL
        self.unsubscribeURL = unsubscribeURL
        self.preferencesURL = preferencesURL
    }
}

/// Renders emails from the theme's `email-issue` and `email-notice` templates, with a plain-text
/// version written alongside.
public struct EmailRenderer: Sendable {
    let theme: Theme
    let publicURL: String
    let markdown = MarkdownRenderer()

    /// Creates a renderer for `theme`, building image addresses from `publicURL`.
    public init(theme: Theme, publicURL: String) {
        self.theme = theme
        self.publicURL = publicURL
    }

    /// The HTML and plain text of a notice.
    public func notice(_ notice: EmailNotice, site: SiteSettings) -> (html: String, text: String) {
        let view = NoticeEmailView(
            language: site.locale, siteName: site.name, heading: notice.heading, paragraphs: notice.paragraphs, buttonLabel: notice.buttonLabel,
            buttonURL: notice.buttonURL, footer: notice.footer)
        var text = [site.name, "", notice.heading, ""] + notice.paragraphs.flatMap { [$0, ""] }
        if let url = notice.buttonURL { text += ["\(notice.buttonLabel):", url, ""] }
        text += ["--", notice.footer]
        return (theme.render(view, template: "email-notice"), text.joined(separator: "\n") + "\n")
    }

    /// The HTML and plain text of an issue: the lead story, then stories grouped by section where a
    /// section has two or more, and the rest as "in other news".
    public func issue(_ content: IssueEmailContent, site: SiteSettings) -> (html: String, text: String) {
        let lead = content.stories.first
        let rest = Array(content.stories.dropFirst())
        var order: [String] = []
        var bySection: [String: [IssueStory]] = [:]
        for story in rest {
            if bySection[story.sectionName] == nil { order.append(story.sectionName) }
            bySection[story.sectionName, default: []].append(story)
        }
        let groups = order.filter { (bySection[$0]?.count ?? 0) >= 2 }.map { GroupView(name: $0, items: bySection[$0]!.map(storyView)) }
        let others = order.filter { (bySection[$0]?.count ?? 0) < 2 }.flatMap { bySection[$0]! }
        let view = IssueEmailView(
            language: site.locale, siteName: site.name, subject: content.subject, newsletterName: content.newsletterName,
            introHTML: markdown.render(content.intro).html, lead: lead.map(storyView), groups: groups, others: others.map(storyView),
            hasOthers: !others.isEmpty, webURL: content.webURL, unsubscribeURL: content.unsubscribeURL, preferencesURL: content.preferencesURL)
        var text = ["\(content.newsletterName) from \(site.name)", "Read it on the web: \(content.webURL)", "", content.intro, ""]
        if let lead { text += [lead.title.uppercased(), lead.dek, lead.url, ""] }
        for group in groups {
            text += ["== \(group.name) ==", ""] + group.items.flatMap { [$0.title, $0.dek, $0.url, ""] }
        }
        if !others.isEmpty { text += ["== In other news ==", ""] + others.flatMap { ["- \($0.title)", "  \($0.url)"] } + [""] }
        text += ["--", "Choose your newsletters: \(content.preferencesURL)", "Unsubscribe: \(content.unsubscribeURL)"]
        return (theme.render(view, template: "email-issue"), text.joined(separator: "\n") + "\n")
    }

    private func storyView(_ story: IssueStory) -> StoryView {
        StoryView(
            title: story.title, dek: story.dek, url: story.url,
            image: story.image.map {
                EmailImageView(url: publicURL + $0.path(atLeast: 2 * 544), alt: $0.alt, height: max(1, 544 * $0.height / max($0.width, 1)))
            })
    }
}

/// The notice email's fields, read by reflection.
struct NoticeEmailView {
    let language: String
    let siteName: String
    let heading: String
    let paragraphs: [String]
    let buttonLabel: String
    let buttonURL: String?
    let footer: String
}

/// The issue email's fields, read by reflection.
struct IssueEmailView {
    let language: String
    let siteName: String
    let subject: String
    let newsletterName: String
    let introHTML: String
    let lead: StoryView?
    let groups: [GroupView]
    let others: [StoryView]
    let hasOthers: Bool
    let webURL: String
    let unsubscribeURL: String
    let preferencesURL: String
}

/// A story in an issue email.
struct StoryView {
    let title: String
    let dek: String
    let url: String
    let image: EmailImageView?
}

/// An image sized for the 544-pixel column of the email.
struct EmailImageView {
    let url: String
    let alt: String
    let height: Int
}

/// A section's stories in an issue email.
struct GroupView {
    let name: String
    let items: [StoryView]
}
