/// The public URL paths of the reader's site, in one place so links and routes agree.
public enum SitePaths {
    /// The front page.
    public static let home = "/"
    /// The reverse-chronological river of everything published.
    public static let latest = "/latest"

    /// The page of one article.
    public static func article(_ slug: Slug) -> String { "/articles/\(slug)" }
    /// The listing of a section.
    public static func section(_ slug: Slug) -> String { "/sections/\(slug)" }
    /// The listing of a topic.
    public static func topic(_ slug: Slug) -> String { "/topics/\(slug)" }
    /// The archive of a series.
    public static func series(_ slug: Slug) -> String { "/series/\(slug)" }
    /// The page of an author.
    public static func author(_ slug: Slug) -> String { "/authors/\(slug)" }
    /// A stored media file.
    public static func media(_ fileName: String) -> String { "/media/\(fileName)" }
    /// A file of the theme's assets.
    public static func asset(_ fileName: String, version: String) -> String { "/assets/\(fileName)?v=\(version)" }

    /// `path` for page `number` of a listing; page 1 has no query.
    public static func page(_ number: Int, of path: String) -> String {
        number == 1 ? path : "\(path)?page=\(number)"
    }
}
