import Foundation

/// A reader's search, reduced to plain words so that no input can break the search engine.
public struct SearchQuery: Sendable, Hashable {
    /// The most words a search looks for.
    public static let maximumTerms = 12
    /// The longest word kept, in characters.
    public static let maximumTermLength = 40

    /// The words to find, lowercased, in the order typed; the last one also matches as a prefix.
    public let terms: [String]
    /// Only articles in this section, if given.
    public let section: Slug?
    /// What the reader typed, trimmed, for showing back.
    public let text: String

    /// Makes a query from anything a reader may type: letters and digits (of any script) form words,
    /// everything else separates them. Too many or too long words are cut, never refused.
    public init(_ text: String, section: Slug? = nil) {
        let trimmed = String(text.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
        var terms: [String] = []
        var word = ""
        for character in trimmed.lowercased() + " " {
            if character.isLetter || character.isNumber {
                if word.count < Self.maximumTermLength { word.append(character) }
            } else if !word.isEmpty {
                if terms.count < Self.maximumTerms { terms.append(word) }
                word = ""
            }
        }
        self.terms = terms
        self.section = section
        self.text = trimmed
    }

    /// Whether there is anything to look for.
    public var isEmpty: Bool { terms.isEmpty }

    /// English words too common to narrow a search; dropped unless nothing else is left.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of", "on", "or",
        "that", "the", "this", "to", "was", "were", "will", "with",
    ]

    /// The words every result must contain: those typed, without stop words unless nothing else was typed.
    public var requiredTerms: [String] {
        let meaningful = terms.filter { !Self.stopWords.contains($0) }
        return meaningful.isEmpty ? terms : meaningful
    }

    /// Whether the last required word may also match as a prefix, when matching it whole finds
    /// nothing: only words of four characters or more, since a shorter prefix matches too much.
    public var lastTermMayBePrefix: Bool {
        (requiredTerms.last?.count ?? 0) >= 4
    }
}

/// One search hit: the article as listings show it, and a passage around the matches.
public struct SearchResult: Sendable {
    /// Marks the start of a matched word in `snippet` (a private-use character no text contains).
    public static let matchStart: Character = "\u{E000}"
    /// Marks the end of a matched word in `snippet`.
    public static let matchEnd: Character = "\u{E001}"

    /// The article.
    public let summary: ArticleSummary
    /// A short plain-text passage around the matches, each match between `matchStart` and `matchEnd`.
    public let snippet: String

    /// Creates a result.
    public init(summary: ArticleSummary, snippet: String) {
        self.summary = summary
        self.snippet = snippet
    }
}
