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

/// Line-by-line differences between two revisions of a text.
public enum TextDiff {
    /// Every line of `old` and `new` in order, marked same, removed or added; in each run of changes removals come first.
    ///
    /// Lines end at "\n" (or "\r\n"); an empty text has no lines, and a text ending in a line break has an empty last line.
    /// The diff is a shortest one (Myers' O(ND) algorithm in linear space), so a small edit of a long text stays small.
    public static func lines(from old: String, to new: String) -> [DiffLine] {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        // Number each distinct line, so the comparison works on integers.
        var numbers: [Substring: Int] = [:]
        var oldNumbers: [Int] = []
        var newNumbers: [Int] = []
        for line in oldLines {
            oldNumbers.append(number(of: line, in: &numbers))
        }
        for line in newLines {
            newNumbers.append(number(of: line, in: &numbers))
        }
        var comparison = LineComparison(old: oldNumbers, new: newNumbers, oldLines: oldLines, newLines: newLines)
        comparison.compare(old: 0..<oldNumbers.count, new: 0..<newNumbers.count)
        comparison.flushChanges()
        return comparison.result
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

    private static func number(of line: Substring, in numbers: inout [Substring: Int]) -> Int {
        if let number = numbers[line] { return number }
        let number = numbers.count
        numbers[line] = number
        return number
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

/// The work of one `TextDiff.lines(from:to:)` call: the numbered lines of both texts and the diff built so far.
private struct LineComparison {
    let old: [Int]
    let new: [Int]
    let oldLines: [Substring]
    let newLines: [Substring]
    private(set) var result: [DiffLine] = []
    private var removed: [DiffLine] = []
    private var added: [DiffLine] = []

    init(old: [Int], new: [Int], oldLines: [Substring], newLines: [Substring]) {
        self.old = old
        self.new = new
        self.oldLines = oldLines
        self.newLines = newLines
    }

    /// Appends the diff of `old[oldRange]` and `new[newRange]`: common ends first taken off, the middle split and compared recursively.
    mutating func compare(old oldRange: Range<Int>, new newRange: Range<Int>) {
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

    /// Moves the changes waiting for the next unchanged line into the result, removals first.
    mutating func flushChanges() {
        result += removed
        result += added
        removed.removeAll(keepingCapacity: true)
        added.removeAll(keepingCapacity: true)
    }

    private mutating func appendSame(_ oldIndex: Int) {
        flushChanges()
        result.append(.same(String(oldLines[oldIndex])))
    }

    private mutating func appendChanges(old oldRange: Range<Int>, new newRange: Range<Int>) {
        removed += oldRange.map { .removed(String(oldLines[$0])) }
        added += newRange.map { .added(String(newLines[$0])) }
    }

    /// A point on a shortest edit path through the two ranges, found by searching from both ends until the searches meet
    /// (Myers' middle snake, as in diff-match-patch's bisect); `nil` when the ranges share no line.
    ///
    /// Both ranges must be non-empty and differ in their first and in their last lines, so the point is strictly inside.
    private func split(old oldRange: Range<Int>, new newRange: Range<Int>) -> (old: Int, new: Int)? {
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
                while x < oldCount, y < newCount, old[oldBase + x] == new[newBase + y] {
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
                while x < oldCount, y < newCount, old[oldBase + oldCount - x - 1] == new[newBase + newCount - y - 1] {
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
