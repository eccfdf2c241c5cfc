/// One line of a line-by-line comparison of two texts.
public enum DiffLine: Hashable, Sendable {
    /// A line both texts have.
    case same(String)
    /// A line only the new text has.
    case added(String)
    /// A line only the old text has.
    case removed(String)
}

/// A run of changed lines with up to a few unchanged lines around it, as shown when comparing revisions.
public struct DiffHunk: Hashable, Sendable {
    /// The lines in order: the changes and the unchanged lines around them.
    public let lines: [DiffLine]
    /// How many unchanged lines are left out between the previous hunk (or the start of the text) and this one.
    public let skippedBefore: Int

    /// Creates a hunk of `lines` that follows `skippedBefore` lines left out.
    public init(lines: [DiffLine], skippedBefore: Int) {
        self.lines = lines
        self.skippedBefore = skippedBefore
    }
}

/// A part of a changed line, for showing which words changed inside it.
public struct DiffSegment: Hashable, Sendable {
    /// The text, spaces included, so the segments of a line joined give the line back.
    public let text: String
    /// Whether this part differs from the other version of the line.
    public let changed: Bool

    /// Creates a segment.
    public init(text: String, changed: Bool) {
        self.text = text
        self.changed = changed
    }
}

/// A comparison and the work it took.
public struct DiffOutcome<Element: Hashable & Sendable>: Hashable, Sendable {
    /// The compared units in order, marked same, removed or added.
    public let units: [Element]
    /// Edit steps the comparison took; never more than its budget.
    public let steps: Int
}

/// Line-by-line (and, inside changed lines, word-by-word) differences between two revisions of a text.
///
/// The work is bounded by a budget of edit steps, not by a clock: a shortest diff of two long,
/// unrelated texts would take time growing with the product of their lengths, so once the budget
/// is spent, each part still to compare is shown as replaced (all of it removed, then all added).
/// The result is then not the shortest, but it is still exact: it gives back both texts.
public enum TextDiff {
    /// Edit steps one line comparison may take: a few milliseconds of work.
    public static let lineBudget = 2_000_000
    /// Edit steps the word comparisons of one page may take together.
    public static let wordBudget = 1_000_000

    /// Every line of `old` and `new` in order, marked same, removed or added; in each run of changes removals come first.
    ///
    /// Lines end at "\n" (or "\r\n"); an empty text has no lines, and a text ending in a line break has an empty last line.
    /// The diff is a shortest one (Myers' O(ND) algorithm in linear space) within `budget` edit steps.
    public static func lines(from old: String, to new: String, budget: Int = lineBudget) -> [DiffLine] {
        lineComparison(from: old, to: new, budget: budget).units
    }

    /// The same as `lines(from:to:budget:)`, with the number of edit steps it took.
    public static func lineComparison(from old: String, to new: String, budget: Int = lineBudget) -> DiffOutcome<DiffLine> {
        var comparison = UnitComparison(old: lines(of: old), new: lines(of: new), budget: budget)
        comparison.run()
        let units: [DiffLine] = comparison.result.map { unit in
            switch unit {
            case .same(let text): .same(String(text))
            case .removed(let text): .removed(String(text))
            case .added(let text): .added(String(text))
            }
        }
        return DiffOutcome(units: units, steps: comparison.steps)
    }

    /// The words of a changed line: `old` and `new` split into segments, each marked changed or
    /// not, within `budget` edit steps (past it, the whole line counts as changed). Words are runs
    /// of letters and digits; spaces and punctuation are units of their own.
    public static func words(from old: String, to new: String, budget: Int) -> (old: [DiffSegment], new: [DiffSegment], steps: Int) {
        var comparison = UnitComparison(old: words(of: old), new: words(of: new), budget: budget)
        comparison.run()
        var oldSegments: [DiffSegment] = [], newSegments: [DiffSegment] = []
        func append(_ text: Substring, changed: Bool, to segments: inout [DiffSegment]) {
            if let last = segments.last, last.changed == changed {
                segments[segments.count - 1] = DiffSegment(text: last.text + text, changed: changed)
            } else {
                segments.append(DiffSegment(text: String(text), changed: changed))
            }
        }
        for unit in comparison.result {
            switch unit {
            case .same(let text):
                append(text, changed: false, to: &oldSegments)
                append(text, changed: false, to: &newSegments)
            case .removed(let text): append(text, changed: true, to: &oldSegments)
            case .added(let text): append(text, changed: true, to: &newSegments)
            }
        }
        return (oldSegments, newSegments, comparison.steps)
    }

    /// The segments to show for each of `lines`: in each run of removed lines followed by added
    /// ones, the first removed line is compared word by word with the first added one, the second
    /// with the second, and so on, until `budget` edit steps are spent; every other line is one
    /// segment, changed if the line is.
    public static func segments(of lines: [DiffLine], budget: Int = wordBudget) -> [[DiffSegment]] {
        var result = lines.map { line -> [DiffSegment] in
            switch line {
            case .same(let text): [DiffSegment(text: text, changed: false)]
            case .removed(let text), .added(let text): [DiffSegment(text: text, changed: true)]
            }
        }
        var left = budget
        var index = 0
        while index < lines.count {
            var removedEnd = index
            while removedEnd < lines.count, case .removed = lines[removedEnd] { removedEnd += 1 }
            var addedEnd = removedEnd
            while addedEnd < lines.count, case .added = lines[addedEnd] { addedEnd += 1 }
            for pair in 0..<min(removedEnd - index, addedEnd - removedEnd) where left > 0 {
                guard case .removed(let old) = lines[index + pair], case .added(let new) = lines[removedEnd + pair] else { continue }
                let words = words(from: old, to: new, budget: left)
                left -= words.steps
                result[index + pair] = words.old
                result[removedEnd + pair] = words.new
            }
            index = max(addedEnd, index + 1)
        }
        return result
    }

    /// Groups `lines` into hunks of changes with up to `context` unchanged lines on each side, leaving out the rest.
    ///
    /// Changes separated by at most `2 * context` unchanged lines share a hunk. Identical texts have no hunks.
    public static func hunks(_ lines: [DiffLine], context: Int = 2) -> [DiffHunk] {
        let context = max(context, 0)
        var runs: [ClosedRange<Int>] = []
        for index in lines.indices where lines[index].isChange {
            if let last = runs.last, index - last.upperBound - 1 <= 2 * context {
                runs[runs.count - 1] = last.lowerBound...index
            } else {
                runs.append(index...index)
            }
        }
        var hunks: [DiffHunk] = []
        var shownUpTo = 0
        for run in runs {
            let start = max(run.lowerBound - context, 0)
            let end = min(run.upperBound + context + 1, lines.count)
            hunks.append(DiffHunk(lines: Array(lines[start..<end]), skippedBefore: start - shownUpTo))
            shownUpTo = end
        }
        return hunks
    }

    private static func lines(of text: String) -> [Substring] {
        if text.isEmpty { return [] }
        // "\r\n" is a single Character in Swift, so it must be named as well as "\n".
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    private static func words(of text: String) -> [Substring] {
        var units: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            var end = text.index(after: start)
            if text[start].isLetter || text[start].isNumber {
                while end < text.endIndex, text[end].isLetter || text[end].isNumber { end = text.index(after: end) }
            }
            units.append(text[start..<end])
            start = end
        }
        return units
    }
}

extension DiffLine {
    fileprivate var isChange: Bool {
        switch self {
        case .same: false
        case .added, .removed: true
        }
    }
}

/// A unit of a comparison (a line or a word), marked.
private enum MarkedUnit {
    case same(Substring)
    case removed(Substring)
    case added(Substring)
}

/// The work of one comparison: the numbered units of both texts, the diff built so far, and the
/// edit steps taken out of the budget.
private struct UnitComparison {
    let oldUnits: [Substring]
    let newUnits: [Substring]
    let old: [Int]
    let new: [Int]
    let budget: Int
    private(set) var steps = 0
    private(set) var result: [MarkedUnit] = []
    private var removed: [MarkedUnit] = []
    private var added: [MarkedUnit] = []

    init(old oldUnits: [Substring], new newUnits: [Substring], budget: Int) {
        self.oldUnits = oldUnits
        self.newUnits = newUnits
        self.budget = budget
        // Number each distinct unit, so the comparison works on integers.
        var numbers: [Substring: Int] = [:]
        func number(_ unit: Substring) -> Int {
            if let number = numbers[unit] { return number }
            numbers[unit] = numbers.count
            return numbers.count - 1
        }
        self.old = oldUnits.map(number)
        self.new = newUnits.map(number)
    }

    /// Compares everything.
    mutating func run() {
        compare(old: 0..<old.count, new: 0..<new.count)
        flushChanges()
    }

    /// Appends the diff of `old[oldRange]` and `new[newRange]`: common ends first taken off, the middle split and compared recursively.
    private mutating func compare(old oldRange: Range<Int>, new newRange: Range<Int>) {
        var oldStart = oldRange.lowerBound, oldEnd = oldRange.upperBound
        var newStart = newRange.lowerBound, newEnd = newRange.upperBound
        while oldStart < oldEnd, newStart < newEnd, old[oldStart] == new[newStart] {
            appendSame(oldStart)
            oldStart += 1
            newStart += 1
        }
        let endOfMiddle = oldEnd
        while oldStart < oldEnd, newStart < newEnd, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        if oldStart == oldEnd || newStart == newEnd {
            appendChanges(old: oldStart..<oldEnd, new: newStart..<newEnd)
        } else if let split = split(old: oldStart..<oldEnd, new: newStart..<newEnd) {
            compare(old: oldStart..<split.old, new: newStart..<split.new)
            compare(old: split.old..<oldEnd, new: split.new..<newEnd)
        } else {
            appendChanges(old: oldStart..<oldEnd, new: newStart..<newEnd)
        }
        for index in oldEnd..<endOfMiddle {
            appendSame(index)
        }
    }

    /// Moves the changes waiting for the next unchanged unit into the result, removals first.
    private mutating func flushChanges() {
        result += removed
        result += added
        removed.removeAll(keepingCapacity: true)
        added.removeAll(keepingCapacity: true)
    }

    private mutating func appendSame(_ oldIndex: Int) {
        flushChanges()
        result.append(.same(oldUnits[oldIndex]))
    }

    private mutating func appendChanges(old oldRange: Range<Int>, new newRange: Range<Int>) {
        removed += oldRange.map { .removed(oldUnits[$0]) }
        added += newRange.map { .added(newUnits[$0]) }
    }

    /// Takes one edit step from the budget; false once it is spent.
    private mutating func step() -> Bool {
        guard steps < budget else { return false }
        steps += 1
        return true
    }

    /// A point on a shortest edit path through the two ranges, found by searching from both ends until the searches meet
    /// (Myers' middle snake, as in diff-match-patch's bisect); `nil` when the ranges share no unit.
    ///
    /// Both ranges must be non-empty and differ in their first and in their last lines, so the point is strictly inside.
    /// Each diagonal visited and each unit followed along it is an edit step; `nil` too once the budget is spent.
    private mutating func split(old oldRange: Range<Int>, new newRange: Range<Int>) -> (old: Int, new: Int)? {
        let oldCount = oldRange.count, newCount = newRange.count
        let oldBase = oldRange.lowerBound, newBase = newRange.lowerBound
        let maxEdits = (oldCount + newCount + 1) / 2
        let offset = maxEdits
        // forward[offset + k]: the furthest x reached from the start on diagonal k = x - y; backward: the same from the end.
        var forward = [Int](repeating: -1, count: 2 * maxEdits + 2)
        var backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = oldCount - newCount
        let meetGoingForward = delta % 2 != 0
        var forwardTrimStart = 0, forwardTrimEnd = 0, backwardTrimStart = 0, backwardTrimEnd = 0
        for edits in 0..<maxEdits {
            for k in stride(from: -edits + forwardTrimStart, through: edits - forwardTrimEnd, by: 2) {
                let index = offset + k
                // Step down from diagonal k + 1 (an added line) or right from k - 1 (a removed line), whichever reached further.
                var x = if k == -edits || (k != edits && forward[index - 1] < forward[index + 1]) {
                    forward[index + 1]
                } else {
                    forward[index - 1] + 1
                }
                var y = x - k
                guard step() else { return nil }
                while x < oldCount, y < newCount, old[oldBase + x] == new[newBase + y] {
                    guard step() else { return nil }
                    x += 1
                    y += 1
                }
                forward[index] = x
                if x > oldCount {
                    forwardTrimEnd += 2  // ran off the right of the grid
                } else if y > newCount {
                    forwardTrimStart += 2  // ran off the bottom of the grid
                } else if meetGoingForward {
                    let other = offset + delta - k
                    if other >= 0, other < backward.count, backward[other] != -1, x >= oldCount - backward[other] {
                        return (oldBase + x, newBase + y)
                    }
                }
            }
            for k in stride(from: -edits + backwardTrimStart, through: edits - backwardTrimEnd, by: 2) {
                let index = offset + k
                // The same steps, counted from the ends of both ranges.
                var x = if k == -edits || (k != edits && backward[index - 1] < backward[index + 1]) {
                    backward[index + 1]
                } else {
                    backward[index - 1] + 1
                }
                var y = x - k
                guard step() else { return nil }
                while x < oldCount, y < newCount, old[oldBase + oldCount - x - 1] == new[newBase + newCount - y - 1] {
                    guard step() else { return nil }
                    x += 1
                    y += 1
                }
                backward[index] = x
                if x > oldCount {
                    backwardTrimEnd += 2
                } else if y > newCount {
                    backwardTrimStart += 2
                } else if !meetGoingForward {
                    let other = offset + delta - k
                    if other >= 0, other < forward.count, forward[other] != -1, forward[other] >= oldCount - x {
                        let forwardX = forward[other]
                        return (oldBase + forwardX, newBase + forwardX - (delta - k))
                    }
                }
            }
        }
        return nil
    }
}
