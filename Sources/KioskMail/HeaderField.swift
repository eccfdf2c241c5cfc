import Foundation

/// One header field being written, folded with CRLF + space so that no line is longer than 78
/// characters unless a single word is. Works on UTF-8 rather than Characters, for speed.
struct HeaderField {
    /// The longest line RFC 5322 recommends.
    static let lineLimit = 78
    /// The longest encoded-word RFC 2047 allows.
    static let encodedWordLimit = 75
    /// `=?UTF-8?B?` and `?=` around the base64 text of an encoded-word.
    private static let encodedWordOverhead = 12
    private static let space = UInt8(ascii: " ")

    /// The field so far, without the final CRLF.
    private(set) var text: String
    private var column: Int
    private var wordsOnLine = 0

    /// Starts the field `name:`.
    init(name: String) {
        text = name + ":"
        column = name.utf8.count + 1
    }

    /// Appends `word`, after a space when `spaced`, moving it to a new line when it would not fit.
    /// Unfolding gives back the text exactly, except that a break where `spaced` is false adds a space.
    mutating func append(_ word: some StringProtocol, spaced: Bool = true) {
        let length = word.utf8.count
        let separator = spaced ? 1 : 0
        if length > 0, wordsOnLine > 0, column + separator + length > Self.lineLimit {
            text += "\r\n "
            column = 1
            wordsOnLine = 0
        } else if spaced {
            text += " "
            column += 1
        }
        text += word
        column += length
        if length > 0 { wordsOnLine += 1 }
    }

    /// Appends `value` split at its spaces and, when `breakingAfterCommas`, after its commas.
    mutating func appendFolding(_ value: Substring, breakingAfterCommas: Bool = false) {
        for word in Self.words(value) {
            guard breakingAfterCommas else {
                append(word)
                continue
            }
            var spaced = true
            var pieceStart = word.startIndex
            for index in word.utf8.indices where word.utf8[index] == UInt8(ascii: ",") {
                let pieceEnd = word.utf8.index(after: index)
                append(word[pieceStart..<pieceEnd], spaced: spaced)
                spaced = false
                pieceStart = pieceEnd
            }
            append(word[pieceStart...], spaced: spaced)
        }
    }

    /// Appends `value` as RFC 2047 base64 encoded-words, each at most 75 characters, none splitting a character.
    /// Starts a new line first when the rest fits in one word there but not on this line.
    mutating func appendEncodedWords(_ value: Substring) {
        var scalars = value.unicodeScalars
        var remainingBytes = value.utf8.count
        while let first = scalars.first {
            var byteLimit = Self.encodedWordByteLimit(room: Self.lineLimit - column - 1)
            let fitsOnANewLine = remainingBytes <= Self.encodedWordByteLimit(room: Self.lineLimit - 1)
            if wordsOnLine > 0, byteLimit < first.utf8.count || (byteLimit < remainingBytes && fitsOnANewLine) {
                text += "\r\n"
                column = 0
                wordsOnLine = 0
                byteLimit = Self.encodedWordByteLimit(room: Self.lineLimit - 1)
            }
            var bytes: [UInt8] = []
            var afterLastSpace: (rest: Substring.UnicodeScalarView, byteCount: Int)?
            while let scalar = scalars.first, bytes.count + scalar.utf8.count <= byteLimit {
                bytes.append(contentsOf: scalar.utf8)
                scalars.removeFirst()
                if scalar == " " { afterLastSpace = (scalars, bytes.count) }
            }
            // Split after a space rather than inside a word, for decoders that put a space between two words.
            if !scalars.isEmpty, let afterLastSpace, afterLastSpace.byteCount < bytes.count {
                scalars = afterLastSpace.rest
                bytes.removeLast(bytes.count - afterLastSpace.byteCount)
            }
            remainingBytes -= bytes.count
            append("=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=")
        }
    }

    /// How many UTF-8 bytes one encoded-word can carry in `room` characters.
    private static func encodedWordByteLimit(room: Int) -> Int {
        max(0, min(encodedWordLimit, room) - encodedWordOverhead) / 4 * 3
    }

    /// What a phrase is: a display name before an address, or unstructured text such as a subject.
    enum PhraseKind {
        case displayName, unstructured
    }

    /// Appends `phrase`. Every CR and LF becomes a space, so the phrase can never start a header of its own.
    /// When every word can stand plain the phrase is written as it is (a display name in double quotes);
    /// otherwise each run of words that cannot becomes encoded-words and the other words stay plain, so
    /// that two encoded-words meet only when a run is too long for one (decoders disagree on the space
    /// between two: RFC 2047 drops it, Python's email package keeps it in display names).
    mutating func appendPhrase(_ phrase: String, kind: PhraseKind) {
        let flat = Self.replacingLineBreaks(phrase)[...]
        let words = Self.words(flat)
        if words.allSatisfy({ Self.isPlain($0.utf8, as: kind == .displayName ? .quoted : .unstructured) }) {
            appendFolding(kind == .displayName ? ("\"" + flat + "\"")[...] : flat)
            return
        }
        // Runs of words, each plain or to encode; an empty word (two spaces) joins the run before it.
        var runs: [(text: Substring, encoded: Bool)] = []
        for word in words {
            let encoded = !Self.isPlain(word.utf8, as: kind == .displayName ? .atom : .unstructured)
            if let last = runs.last, word.isEmpty || last.encoded == encoded {
                runs[runs.count - 1].text = flat[last.text.startIndex..<word.endIndex]
            } else {
                runs.append((word, encoded))
            }
        }
        for run in runs {
            if run.encoded {
                appendEncodedWords(run.text)
            } else {
                appendFolding(run.text)
            }
        }
    }

    /// `phrase` with each CR and LF turned into a space.
    private static func replacingLineBreaks(_ phrase: String) -> String {
        let isLineBreak = { (byte: UInt8) in byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        guard phrase.utf8.contains(where: isLineBreak) else { return phrase }
        return String(decoding: phrase.utf8.map { isLineBreak($0) ? space : $0 }, as: UTF8.self)
    }

    /// `text` split at each space; two spaces in a row give an empty word.
    private static func words(_ text: Substring) -> [Substring] {
        text.utf8.split(separator: space, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Where a word would stand unencoded: in unstructured text, in a quoted display name, or as an atom of one.
    private enum PlainPlace {
        case unstructured, quoted, atom
    }

    /// Whether `word` can stand unencoded in `place`: printable ASCII allowed there, nothing a reader could
    /// take for an encoded-word ("=?"), and short enough to fold.
    private static func isPlain(_ word: Substring.UTF8View, as place: PlainPlace) -> Bool {
        guard word.count <= 64 else { return false }
        var previous: UInt8 = 0
        for byte in word {
            let allowed =
                switch place {
                case .unstructured: (0x21...0x7E).contains(byte)
                case .quoted: (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                case .atom: isAtomText(byte)
                }
            guard allowed, !(previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) else { return false }
            previous = byte
        }
        return true
    }

    /// Whether `byte` is RFC 5322 atext: a letter, a digit or one of !#$%&'*+-/=?^_`{|}~.
    private static func isAtomText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }
}
