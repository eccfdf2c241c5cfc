import Foundation

/// One header field being written, folded with CRLF + space so that no line is longer than 78
/// characters unless a single word is.
struct HeaderField {
    /// The longest line RFC 5322 recommends.
    static let lineLimit = 78
    /// The longest encoded-word RFC 2047 allows.
    static let encodedWordLimit = 75
    /// `=?UTF-8?B?` and `?=` around the base64 text of an encoded-word.
    private static let encodedWordOverhead = 12

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
        if !word.isEmpty, wordsOnLine > 0, column + separator + length > Self.lineLimit {
            text += "\r\n "
            column = 1
            wordsOnLine = 0
        } else if spaced {
            text += " "
            column += 1
        }
        text += word
        column += length
        if !word.isEmpty { wordsOnLine += 1 }
    }

    /// Appends `value` split at its spaces and, when `breakingAfterCommas`, after its commas.
    mutating func appendFolding(_ value: String, breakingAfterCommas: Bool = false) {
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            var spaced = true
            var pieceStart = word.startIndex
            for index in word.indices where breakingAfterCommas && word[index] == "," {
                let pieceEnd = word.index(after: index)
                append(word[pieceStart..<pieceEnd], spaced: spaced)
                spaced = false
                pieceStart = pieceEnd
            }
            append(word[pieceStart...], spaced: spaced)
        }
    }

    /// Appends `value` as RFC 2047 base64 encoded-words, each at most 75 characters, none splitting a character.
    mutating func appendEncodedWords(_ value: String) {
        var scalars = value.unicodeScalars[...]
        while !scalars.isEmpty {
            // A word must hold at least one 4-byte character: 12 + 8 characters.
            if Self.lineLimit - column - 1 < Self.encodedWordOverhead + 8 {
                text += "\r\n"
                column = 0
                wordsOnLine = 0
            }
            let room = min(Self.encodedWordLimit, Self.lineLimit - column - 1) - Self.encodedWordOverhead
            let byteLimit = room / 4 * 3
            var bytes: [UInt8] = []
            while let scalar = scalars.first, bytes.count + scalar.utf8.count <= byteLimit {
                bytes.append(contentsOf: scalar.utf8)
                scalars.removeFirst()
            }
            append("=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=")
        }
    }

    /// Appends `phrase` (a display name or a subject) as it is when it can stand plain, otherwise
    /// as encoded-words. CR and LF become spaces, so the phrase can never start a header of its own.
    /// A plain display name goes in double quotes.
    mutating func appendPhrase(_ phrase: String, quoted: Bool) {
        let flat = String(phrase.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 })
        if Self.canStandPlain(flat, quoted: quoted) {
            appendFolding(quoted ? "\"" + flat + "\"" : flat)
        } else {
            appendEncodedWords(flat)
        }
    }

    /// Whether `phrase` can be written without encoding: printable ASCII, nothing a reader could take
    /// for an encoded-word, no quote or backslash inside quotes, and no word too long to fold.
    private static func canStandPlain(_ phrase: String, quoted: Bool) -> Bool {
        var wordLength = 0
        var previous: UInt8 = 0
        for byte in phrase.utf8 {
            guard (0x20...0x7E).contains(byte), !(previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")),
                !(quoted && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")))
            else { return false }
            wordLength = byte == UInt8(ascii: " ") ? 0 : wordLength + 1
            guard wordLength <= 64 else { return false }
            previous = byte
        }
        return true
    }
}
