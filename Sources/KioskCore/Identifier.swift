/// A database identifier that knows which kind of record it names, so an author id cannot be used as an article id.
public struct Identifier<Entity>: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The integer key in the store.
    public let rawValue: Int64

    /// Wraps a store key.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public var description: String { String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
