import Foundation
import KioskCore
import Testing

/// The article workflow, the edit-conflict policy and revision text, without any store.
@Suite("Rules: articles")
struct ArticleRulesTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func article(
        _ status: ArticleStatus = .draft, publishedAt: Date? = nil, submittedAt: Date? = nil, trashedAt: Date? = nil, version: Int = 3
    ) throws -> Article {
        let content = try ArticleContent(
            slug: Slug("harbour-talks"), title: "Harbour talks resume", dek: "A second round.", format: .reporting, sectionID: Section.ID(1),
            topicIDs: [Topic.ID(7), Topic.ID(5)], seriesID: Series.ID(2), authorIDs: [Author.ID(4), Author.ID(3)], topMediaID: Media.ID(9),
            body: RenderedBody(markdown: "The talks resumed.", html: "<p>The talks resumed.</p>", openingHTML: "", excerpt: ""),
            seo: SEOFields(title: "Talks", description: nil, canonicalURL: "https://elsewhere.example/talks"))
        return Article(
            id: Article.ID(1), content: content, status: status, publishedAt: publishedAt, createdAt: now, updatedAt: now, version: version,
            ownerID: User.ID(1), submittedAt: submittedAt, trashedAt: trashedAt)
    }

    @Test("a draft is submitted once, then published by an editor, losing its review mark")
    func submitAndPublish() throws {
        let draft = try article()
        let submitted = try ArticleWorkflow.move(.submit, from: draft, now: now)
        #expect(submitted == ArticleState(status: .draft, publishedAt: nil, submittedAt: now))
        var inReview = draft
        inReview.submittedAt = now
        #expect(throws: WorkflowError("Only a draft can be submitted for review; this article is in review.")) {
            try ArticleWorkflow.move(.submit, from: inReview, now: now)
        }
        let published = try ArticleWorkflow.move(.publish, from: inReview, now: now)
        #expect(published == ArticleState(status: .published, publishedAt: now, submittedAt: nil))
    }

    @Test("publishing is refused for published and trashed articles; an unpublished one keeps its first date")
    func publishing() throws {
        #expect(throws: WorkflowError("This article is already published.")) {
            try ArticleWorkflow.move(.publish, from: try article(.published, publishedAt: now), now: now)
        }
        #expect(throws: WorkflowError("Restore the article from the trash before publishing it.")) {
            try ArticleWorkflow.move(.publish, from: try article(trashedAt: now), now: now)
        }
        let first = now.addingTimeInterval(-86_400)
        let unpublished = try ArticleWorkflow.move(.unpublish, from: try article(.published, publishedAt: first), now: now)
        #expect(unpublished.status == .draft && unpublished.publishedAt == first)
        var back = try article()
        back.publishedAt = first
        #expect(try ArticleWorkflow.move(.publish, from: back, now: now).publishedAt == first)
        back.publishedAt = now.addingTimeInterval(60)
        #expect(try ArticleWorkflow.move(.publish, from: back, now: now).publishedAt == now, "a date in the future is not kept")
    }

    @Test("scheduling needs a future time and an article neither published nor trashed; unscheduling forgets the time")
    func scheduling() throws {
        let later = now.addingTimeInterval(3600)
        #expect(try ArticleWorkflow.move(.schedule(later), from: try article(submittedAt: now), now: now)
            == ArticleState(status: .scheduled, publishedAt: later, submittedAt: nil))
        #expect(throws: WorkflowError("Choose a time in the future to schedule the article.")) {
            try ArticleWorkflow.move(.schedule(now), from: try article(), now: now)
        }
        #expect(throws: WorkflowError("This article is already published; unpublish it first to schedule it.")) {
            try ArticleWorkflow.move(.schedule(later), from: try article(.published, publishedAt: now), now: now)
        }
        #expect(throws: WorkflowError("Restore the article from the trash before scheduling it.")) {
            try ArticleWorkflow.move(.schedule(later), from: try article(trashedAt: now), now: now)
        }
        #expect(try ArticleWorkflow.move(.unpublish, from: try article(.scheduled, publishedAt: later), now: now)
            == ArticleState(status: .draft, publishedAt: nil))
        #expect(throws: WorkflowError("Only a published or scheduled article can be unpublished.")) {
            try ArticleWorkflow.move(.unpublish, from: try article(), now: now)
        }
    }

    @Test("the trash takes anything once, off the site, and gives back a draft")
    func trash() throws {
        let later = now.addingTimeInterval(3600)
        let trashed = try ArticleWorkflow.move(.trash, from: try article(.scheduled, publishedAt: later, submittedAt: now), now: now)
        #expect(trashed == ArticleState(status: .draft, publishedAt: nil, submittedAt: nil, trashedAt: now))
        let fromPublished = try ArticleWorkflow.move(.trash, from: try article(.published, publishedAt: now), now: now)
        #expect(fromPublished.status == .draft && fromPublished.publishedAt == now)
        #expect(throws: WorkflowError("This article is already in the trash.")) {
            try ArticleWorkflow.move(.trash, from: try article(trashedAt: now), now: now)
        }
        #expect(try ArticleWorkflow.move(.restore, from: try article(trashedAt: now), now: now) == ArticleState(status: .draft, publishedAt: nil))
        #expect(throws: WorkflowError("Only an article in the trash can be restored.")) { try ArticleWorkflow.move(.restore, from: try article(), now: now) }
    }

    @Test("contributors may only submit; editors and administrators may make every move")
    func whoMayMove() {
        let moves: [WorkflowAction] = [.submit, .publish, .schedule(now), .unpublish, .trash, .restore]
        #expect(moves.filter { ArticleWorkflow.permits(.contributor, $0) } == [.submit])
        #expect(moves.allSatisfy { ArticleWorkflow.permits(.editor, $0) && ArticleWorkflow.permits(.admin, $0) })
    }

    @Test("contributors edit only their own unpublished drafts")
    func whoMayEdit() throws {
        let own = User(id: User.ID(1), email: try EmailAddress("c@gazette.example"), name: "C", role: .contributor, authorID: nil, createdAt: now)
        let other = User(id: User.ID(2), email: own.email, name: own.name, role: .contributor, authorID: nil, createdAt: now)
        #expect(own.mayEdit(try article()))
        #expect(!other.mayEdit(try article()))
        #expect(!own.mayEdit(try article(.scheduled, publishedAt: now)))
        let editor = User(id: User.ID(3), email: own.email, name: "E", role: .editor, authorID: nil, createdAt: now)
        #expect(editor.mayEdit(try article(.published, publishedAt: now)))
    }

    @Test("a save must start from the stored version; a stale one is refused naming the current version")
    func editConflicts() throws {
        let current = try article(version: 5)
        #expect(throws: StaleEdit(currentVersion: 5)) { try ArticleEdits.checkVersion(4, of: current) }
        try ArticleEdits.checkVersion(5, of: current)
        #expect(throws: StaleEdit(currentVersion: 5)) {
            try ArticleEdits.save(current, content: current.content, expectedVersion: 4, action: .publish, revision: nil, now: now)
        }
    }

    @Test("a save with a workflow move carries the content, the new state and the revision in one change")
    func saveAndPublish() throws {
        let current = try article()
        let revision = NewRevision(kind: .saved, by: ChangeAuthor(integration: "CMS"), content: current.content, names: try names(current.content))
        let change = try ArticleEdits.save(current, content: current.content, expectedVersion: 3, action: .publish, revision: revision, now: now)
        #expect(change.content == current.content && change.state?.status == .published && change.revision == revision)
        #expect(change.visibleToReaders)
        #expect(throws: WorkflowError.self) {
            try ArticleEdits.save(try article(trashedAt: now), content: nil, expectedVersion: nil, action: .publish, revision: nil, now: now)
        }
    }

    @Test("only changes to what is or becomes published reach readers: drafts and schedules do not")
    func visibility() throws {
        #expect(!ArticleEdits.isVisibleToReaders(before: try article(), after: nil), "an autosaved draft")
        #expect(!ArticleEdits.isVisibleToReaders(before: try article(), after: ArticleState(status: .scheduled, publishedAt: now)))
        #expect(!ArticleEdits.isVisibleToReaders(before: try article(.scheduled, publishedAt: now), after: nil))
        #expect(ArticleEdits.isVisibleToReaders(before: try article(), after: ArticleState(status: .published, publishedAt: now)))
        #expect(ArticleEdits.isVisibleToReaders(before: try article(.published, publishedAt: now), after: nil))
        #expect(ArticleEdits.isVisibleToReaders(before: try article(.published, publishedAt: now), after: ArticleState(status: .draft, publishedAt: now)))
    }

    func names(_ content: ArticleContent) throws -> ContentNames {
        let taxonomy = Taxonomy(
            sections: [Section(id: Section.ID(1), slug: try Slug("europe"), name: "Europe", description: "", position: 0)],
            topics: [
                Topic(id: Topic.ID(5), slug: try Slug("ports"), name: "Ports", description: ""),
                Topic(id: Topic.ID(7), slug: try Slug("trade"), name: "Trade", description: ""),
            ],
            series: [Series(id: Series.ID(2), slug: try Slug("letters"), name: "Harbour Letters", description: "")],
            authors: [
                Author(id: Author.ID(3), slug: try Slug("ada"), name: "Ada Test", bio: "", photoID: nil, links: []),
                Author(id: Author.ID(4), slug: try Slug("bea"), name: "Bea Test", bio: "", photoID: nil, links: []),
            ])
        let image = Media(id: Media.ID(9), fileName: "a.png", contentType: "image/png", width: 1, height: 1, alt: "A crane", caption: "", credit: "")
        return ContentNames(of: content, in: taxonomy, topImage: image)
    }

    @Test("a revision reads as people see the article: names instead of ids, one field a line, then the body")
    func revisionText() throws {
        let content = try article().content
        #expect(RevisionText.make(content, names: try names(content)) == """
            Headline: Harbour talks resume
            Dek: A second round.
            Slug: harbour-talks
            Format: Reporting
            Section: Europe
            Series: Harbour Letters
            Topics: Ports, Trade
            Authors: Bea Test, Ada Test
            Top image: A crane
            SEO title: Talks
            SEO description: 
            Canonical URL: https://elsewhere.example/talks

            The talks resumed.
            """)
        let revision = NewRevision(kind: .autosaved, by: ChangeAuthor(integration: "CMS"), content: content, names: try names(content))
        #expect(revision.savedBy == "Integration: CMS" && revision.title == "Harbour talks resume" && revision.draft == ArticleDraft(content))
        let kept = revision.kept(as: .conflict)
        #expect(kept.kind == .conflict && kept.text == revision.text && kept.draft == revision.draft)
    }

    @Test("names of records that no longer exist are left out of a revision")
    func missingNames() throws {
        let content = try article().content
        let names = ContentNames(of: content, in: Taxonomy(sections: [], topics: [], series: [], authors: []), topImage: nil)
        #expect(RevisionText.make(content, names: names).contains("Section: \nSeries: \nTopics: \nAuthors: \nTop image: \n"))
    }
}
