/// Which page of a listing a reader asked for; page numbers start at 1.
public struct PageRequest: Hashable, Sendable {
    /// The largest page number accepted; anything above is treated as not found.
    public static let maximumNumber = 100_000

    /// The page number, from 1.
    public let number: Int
    /// How many items a page holds.
    public let size: Int

    /// Creates a request, or returns `nil` for a number below 1 or above `maximumNumber`.
    public init?(number: Int, size: Int) {
        guard (1...Self.maximumNumber).contains(number), size > 0 else { return nil }
        self.number = number
        self.size = size
    }

    /// Parses the `page` query value: absent means page 1; anything but a plain positive number is `nil`.
    public init?(query: String?, size: Int) {
        guard let query else {
            self.init(number: 1, size: size)
            return
        }
        guard query.utf8.count <= 6, query.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(query)
        else { return nil }
        self.init(number: number, size: size)
    }

    /// Rows to skip before this page.
    public var offset: Int { (number - 1) * size }
}

/// One page of results with what is needed to link to its neighbours.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page.
    public let items: [Item]
    /// The page number, from 1.
    public let number: Int
    /// How many items a page holds.
    public let size: Int
    /// How many items the whole listing has.
    public let totalItems: Int

    /// Creates a page.
    public init(items: [Item], request: PageRequest, totalItems: Int) {
        self.items = items
        self.number = request.number
        self.size = request.size
        self.totalItems = totalItems
    }

    /// Number of pages; an empty listing still has one (empty) page.
    public var totalPages: Int { max(1, (totalItems + size - 1) / size) }
    /// Whether this page lies past the end of the listing.
    public var isBeyondEnd: Bool { number > totalPages }
    /// Whether a newer page exists.
    public var hasPrevious: Bool { number > 1 }
    /// Whether an older page exists.
    public var hasNext: Bool { number < totalPages }
}
