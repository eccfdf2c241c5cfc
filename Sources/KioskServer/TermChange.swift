import Foundation
import KioskCore
import KioskStore

/// A section, topic, series or author as the newsroom's forms and the Admin API create and change it.
struct TermChange: Sendable {
    /// The longest description or biography accepted, in characters.
    static let maximumDescriptionLength = 1_000

    let name: String
    let slug: Slug
    let description: String
    let position: Int

    /// Checks what people type: a slug (made from the name when `nil`), the description's length
    /// and a navigation position in `NewSection.positions`. The name is checked when saving.
    init(name: String, slug: String?, description: String, position: Int?) throws(ValidationError) {
        guard let slug = try slug.map({ text throws(ValidationError) in try Slug(text.trimmingCharacters(in: .whitespaces)) }) ?? Slug.derived(from: name) else {
            throw ValidationError(field: "slug", message: "Write a slug: the name has no letters or digits to make one from.")
        }
        let description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard description.count <= Self.maximumDescriptionLength else {
            throw ValidationError(field: "description", message: "A description can be at most \(Self.maximumDescriptionLength) characters long.")
        }
        let position = position ?? 0
        guard NewSection.positions.contains(position) else {
            throw ValidationError(field: "position", message: "A position must be a whole number from -1000000 to 1000000.")
        }
        self.name = name
        self.slug = slug
        self.description = description
        self.position = position
    }

    /// Creates the record of `kind` (`id == nil`) or changes the one with `id`; an author keeps
    /// their portrait and links.
    func save(_ kind: TaxonomyKind, id: Int64?, in store: some PublicationStore) async throws {
        switch kind {
        case .sections:
            let new = try NewSection(slug: slug, name: name, description: description, position: position)
            if let id { try await store.updateSection(Section.ID(id), new) } else { _ = try await store.createSection(new) }
        case .topics:
            let new = try NewTerm(slug: slug, name: name, description: description)
            if let id { try await store.updateTopic(Topic.ID(id), new) } else { _ = try await store.createTopic(new) }
        case .series:
            let new = try NewTerm(slug: slug, name: name, description: description)
            if let id { try await store.updateSeries(Series.ID(id), new) } else { _ = try await store.createSeries(new) }
        case .authors:
            let existing = try await store.taxonomy().authors.first { $0.id.rawValue == id }
            let new = try NewAuthor(slug: slug, name: name, bio: description, photoID: existing?.photoID, links: existing?.links ?? [])
            if let id { try await store.updateAuthor(Author.ID(id), new) } else { _ = try await store.createAuthor(new) }
        }
    }
}
