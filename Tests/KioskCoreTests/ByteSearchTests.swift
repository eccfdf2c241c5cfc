import KioskCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    @Test("finds the first occurrence of the bytes, in strings and substrings, or nothing")
    func finds() {
        let text = "café -- <!-- wp:paragraph --> and <!-- wp:image -->"
        let found = text.firstByteRange(of: "<!-- wp:")
        #expect(found.map { String(text[$0]) } == "<!-- wp:")
        #expect(found.map { text[..<$0.lowerBound] } == "café -- ", "after a character of two bytes")
        #expect(text.containsBytes("--") && !text.containsBytes("wp:quote") && !text.containsBytes(""))
        let rest = text[text.index(after: found!.lowerBound)...]
        #expect(rest.firstByteRange(of: "<!-- wp:").map { String(rest[$0.upperBound...]) } == "image -->", "the next one, in a substring")
        #expect(!"ab".containsBytes("abc") && "x".containsBytes("x"))
        #expect(!"e\u{301}".containsBytes("é"), "bytes, not Unicode equivalence")
    }
}
