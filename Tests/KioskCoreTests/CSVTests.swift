import KioskCore
import Testing

@Suite("CSV")
struct CSVTests {
    @Test("quoted fields keep commas, quotes and line breaks; CRLF and LF both end records")
    func parse() {
        let text = "email,source\r\n\"a@example.org\",\"fair, stand\"\nb@example.org,\"said \"\"hi\"\"\nthen left\"\n"
        #expect(CSV.records(text) == [["email", "source"], ["a@example.org", "fair, stand"], ["b@example.org", "said \"hi\"\nthen left"]])
        #expect(CSV.records("") == [])
        #expect(CSV.records("x") == [["x"]])
    }

    @Test("a written line reads back, and formulas are defused")
    func roundTrip() {
        let fields = ["a@example.org", "one, two", "say \"so\"", "=HYPERLINK(\"x\")"]
        let records = CSV.records(CSV.line(fields))
        #expect(records == [["a@example.org", "one, two", "say \"so\"", "'=HYPERLINK(\"x\")"]])
    }

    @Test("a tab or carriage return that starts a field is defused; a field with a CRLF inside stays one field")
    func controlCharacters() {
        let fields = ["\t=1+2", "\r=1+2", "\r\n=cmd", "two\r\nlines", "-2", "@SUM(A1)"]
        #expect(CSV.records(CSV.line(fields)) == [["'\t=1+2", "'\r=1+2", "'\r\n=cmd", "two\r\nlines", "'-2", "'@SUM(A1)"]])
    }
}
