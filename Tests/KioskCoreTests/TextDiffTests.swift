import KioskCore
import Testing

/// The old text a diff describes: its same and removed lines, joined.
private func oldText(_ diff: [DiffLine]) -> String {
    diff.compactMap { line -> String? in
        switch line {
        case .same(let text), .removed(let text): text
        case .added: nil
        }
    }.joined(separator: "\n")
}

/// The new text a diff describes: its same and added lines, joined.
private func newText(_ diff: [DiffLine]) -> String {
    diff.compactMap { line -> String? in
        switch line {
        case .same(let text), .added(let text): text
        case .removed: nil
        }
    }.joined(separator: "\n")
}

/// How many lines a diff adds or removes.
private func changeCount(_ diff: [DiffLine]) -> Int {
    diff.filter { if case .same = $0 { false } else { true } }.count
}

/// The length of the longest common subsequence of `a` and `b`, by the plain quadratic table.
private func longestCommonSubsequence(_ a: [Substring], _ b: [Substring]) -> Int {
    var previous = [Int](repeating: 0, count: b.count + 1)
    for i in a.indices {
        var current = [Int](repeating: 0, count: b.count + 1)
        for j in b.indices {
            current[j + 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
        }
        previous = current
    }
    return previous[b.count]
}

/// A small seeded generator (SplitMix64), so the random cases are the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Text diff")
struct TextDiffTests {
    @Test("identical texts have no changes and no hunks", arguments: ["", "one", "one\ntwo\n\nfour", "trailing\n"])
    func identical(_ text: String) {
        let diff = TextDiff.lines(from: text, to: text)
        #expect(changeCount(diff) == 0)
        #expect(oldText(diff) == text)
        #expect(TextDiff.hunks(diff).isEmpty)
    }

    @Test("an empty old text is all additions, an empty new text all removals")
    func emptySides() {
        #expect(TextDiff.lines(from: "", to: "a\nb") == [.added("a"), .added("b")])
        #expect(TextDiff.lines(from: "a\nb", to: "") == [.removed("a"), .removed("b")])
        #expect(TextDiff.lines(from: "", to: "").isEmpty)
    }

    @Test("an insertion in the middle")
    func insertion() {
        #expect(TextDiff.lines(from: "a\nb\nc", to: "a\nb\nnew\nc") == [.same("a"), .same("b"), .added("new"), .same("c")])
    }

    @Test("a deletion in the middle")
    func deletion() {
        #expect(TextDiff.lines(from: "a\nb\nc\nd", to: "a\nd") == [.same("a"), .removed("b"), .removed("c"), .same("d")])
    }

    @Test("a replacement shows the removed lines before the added ones")
    func replacement() {
        #expect(
            TextDiff.lines(from: "a\nold 1\nold 2\nz", to: "a\nnew 1\nnew 2\nnew 3\nz")
                == [.same("a"), .removed("old 1"), .removed("old 2"), .added("new 1"), .added("new 2"), .added("new 3"), .same("z")])
    }

    @Test("moved lines are one removal and one addition")
    func move() {
        let diff = TextDiff.lines(from: "a\nb\nc\nd", to: "b\nc\nd\na")
        #expect(diff == [.removed("a"), .same("b"), .same("c"), .same("d"), .added("a")])
    }

    @Test("a final line break is an empty last line, and CRLF line breaks count as line breaks")
    func lineBreaks() {
        #expect(TextDiff.lines(from: "a\nb", to: "a\nb\n") == [.same("a"), .same("b"), .added("")])
        #expect(TextDiff.lines(from: "a\r\nb\r\n", to: "a\nb\n") == [.same("a"), .same("b"), .same("")])
    }

    @Test("random edits: the diff gives back both texts and is a shortest one")
    func randomEdits() {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<2_000 {
            let alphabet = ["a", "b", "c", "d", ""].prefix(Int.random(in: 2...5, using: &generator))
            let old = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let oldString = old.joined(separator: "\n"), newString = new.joined(separator: "\n")
            let diff = TextDiff.lines(from: oldString, to: newString)
            #expect(oldText(diff) == oldString)
            #expect(newText(diff) == newString)
            let oldLines = oldString.isEmpty ? [] : oldString.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = newString.isEmpty ? [] : newString.split(separator: "\n", omittingEmptySubsequences: false)
            let shortest = oldLines.count + newLines.count - 2 * longestCommonSubsequence(oldLines, newLines)
            #expect(changeCount(diff) == shortest, "\(old) → \(new)")
        }
    }

    @Test("a 2,000-line article with one changed paragraph changes only that paragraph")
    func longArticle() {
        let old = (1...2_000).map { "Paragraph \($0) of the article." }
        var new = old
        new[999] = "Paragraph 1000, rewritten."
        new.insert("A new paragraph after 1500.", at: 1_500)
        let diff = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        #expect(diff.count == 2_002)
        #expect(changeCount(diff) == 3)
        #expect(diff[999...1_000] == [.removed("Paragraph 1000 of the article."), .added("Paragraph 1000, rewritten.")])
        #expect(diff[1_501] == .added("A new paragraph after 1500."))
    }

    @Test("two unrelated 2,000-line texts")
    func unrelatedTexts() {
        let old = (1...2_000).map { "old \($0)" }.joined(separator: "\n")
        let new = (1...2_000).map { "new \($0)" }.joined(separator: "\n")
        let diff = TextDiff.lines(from: old, to: new)
        #expect(changeCount(diff) == 4_000)
        #expect(oldText(diff) == old)
        #expect(newText(diff) == new)
    }

    @Test("two 2,000-line texts with many scattered edits")
    func scatteredEdits() {
        var generator = SeededGenerator(state: 7)
        let old = (1...2_000).map { "line \($0)" }
        var new = old
        for _ in 0..<300 {
            let index = Int.random(in: 0..<new.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: new.remove(at: index)
            case 1: new.insert("inserted \(index)", at: index)
            default: new[index] = "changed \(index)"
            }
        }
        let diff = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        #expect(oldText(diff) == old.joined(separator: "\n"))
        #expect(newText(diff) == new.joined(separator: "\n"))
        #expect(changeCount(diff) <= 600)
    }

    @Test("a hunk keeps two unchanged lines of context on each side and counts what it leaves out")
    func hunkContext() {
        let old = (1...100).map { "line \($0)" }
        var new = old
        new[49] = "line 50, edited"
        let diff = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        let hunks = TextDiff.hunks(diff)
        #expect(
            hunks == [
                DiffHunk(
                    lines: [.same("line 48"), .same("line 49"), .removed("line 50"), .added("line 50, edited"), .same("line 51"), .same("line 52")],
                    skippedBefore: 47),
            ])
    }

    @Test("changes closer than twice the context share a hunk; others get their own")
    func hunkGrouping() {
        let diff: [DiffLine] = [.removed("0")] + (1...4).map { .same("\($0)") } + [.added("5")] + (6...10).map { .same("\($0)") } + [.added("11")]
        let hunks = TextDiff.hunks(diff)
        #expect(hunks.count == 2)
        #expect(hunks.first == DiffHunk(lines: Array(diff[0...7]), skippedBefore: 0))
        #expect(hunks.last == DiffHunk(lines: Array(diff[9...11]), skippedBefore: 1))
    }

    @Test("context can be set, down to none")
    func hunkContextSizes() {
        let diff: [DiffLine] = (0..<5).map { .same("\($0)") } + [.removed("x")] + (6..<10).map { .same("\($0)") }
        #expect(TextDiff.hunks(diff, context: 0) == [DiffHunk(lines: [.removed("x")], skippedBefore: 5)])
        #expect(TextDiff.hunks(diff, context: 10) == [DiffHunk(lines: diff, skippedBefore: 0)])
        #expect(TextDiff.hunks(diff, context: -1) == TextDiff.hunks(diff, context: 0))
    }

    @Test("the worst input at the longest body stays within the step budget and still gives back both texts")
    func budget() {
        // Lines drawn from two values: every diagonal has short runs of equal lines, the costliest
        // case for a shortest diff. 200,000 lines of "a" or "b" is a 400,000-character body.
        var generator = SeededGenerator(state: 11)
        let old = (0..<200_000).map { _ in Bool.random(using: &generator) ? "a" : "b" }.joined(separator: "\n")
        let new = (0..<200_000).map { _ in Bool.random(using: &generator) ? "a" : "b" }.joined(separator: "\n")
        let outcome = TextDiff.lineComparison(from: old, to: new)
        #expect(outcome.steps <= TextDiff.lineBudget)
        #expect(outcome.steps == TextDiff.lineBudget, "this input needs more than the budget")
        #expect(oldText(outcome.units) == old && newText(outcome.units) == new)
        #expect(outcome.units.count <= 400_000, "each line appears at most once per side")
        let small = TextDiff.lineComparison(from: old, to: new, budget: 1_000)
        #expect(small.steps == 1_000 && oldText(small.units) == old && newText(small.units) == new)
    }

    @Test("a budget too small for a shortest diff shows what it could not compare as replaced")
    func budgetSpent() {
        let old = "one\ntwo\nthree\nfour"
        let new = "one\nthree\ntwo\nfour"
        #expect(TextDiff.lines(from: old, to: new, budget: 0) == [.same("one"), .removed("two"), .removed("three"), .added("three"), .added("two"), .same("four")])
        #expect(changeCount(TextDiff.lines(from: old, to: new)) == 2, "with a budget, the shortest")
    }

    @Test("inside a changed line, the words that changed are marked; spaces and punctuation are kept")
    func words() {
        let words = TextDiff.words(from: "The harbour pilots, at dawn.", to: "The river pilots, at noon!", budget: 1_000)
        #expect(words.old == [
            DiffSegment(text: "The ", changed: false), DiffSegment(text: "harbour", changed: true), DiffSegment(text: " pilots, at ", changed: false),
            DiffSegment(text: "dawn.", changed: true),
        ])
        #expect(words.new == [
            DiffSegment(text: "The ", changed: false), DiffSegment(text: "river", changed: true), DiffSegment(text: " pilots, at ", changed: false),
            DiffSegment(text: "noon!", changed: true),
        ])
        #expect(words.steps > 0 && words.steps <= 1_000)
    }

    @Test("removed and added lines are paired in order for words; one budget covers them all")
    func segments() {
        let lines: [DiffLine] = [.same("Intro"), .removed("old first"), .removed("old second"), .added("new first"), .same("End"), .added("only added")]
        let segments = TextDiff.segments(of: lines)
        #expect(segments[0] == [DiffSegment(text: "Intro", changed: false)])
        #expect(segments[1] == [DiffSegment(text: "old", changed: true), DiffSegment(text: " first", changed: false)])
        #expect(segments[3] == [DiffSegment(text: "new", changed: true), DiffSegment(text: " first", changed: false)])
        #expect(segments[2] == [DiffSegment(text: "old second", changed: true)], "a removed line with no added partner")
        #expect(segments[5] == [DiffSegment(text: "only added", changed: true)])
        let spent = TextDiff.segments(of: lines, budget: 0)
        #expect(spent[1] == [DiffSegment(text: "old first", changed: true)], "no budget: whole lines")
        #expect(zip(lines, TextDiff.segments(of: lines)).allSatisfy { line, parts in
            switch line {
            case .same(let text), .removed(let text), .added(let text): parts.map(\.text).joined() == text
            }
        })
    }
}
