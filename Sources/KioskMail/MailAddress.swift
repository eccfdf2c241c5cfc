import KioskCore

/// A mailbox as it appears in a From, To or Reply-To header: an address and an optional display name.
public struct MailAddress: Sendable, Hashable {
    /// The address mail goes to.
    public let email: EmailAddress
    /// The name shown beside the address, if any.
    public let name: String?

    /// Creates a mailbox for `email`, shown as `name` when given.
    public init(_ email: EmailAddress, name: String? = nil) {
        self.email = email
        self.name = name
    }
}
