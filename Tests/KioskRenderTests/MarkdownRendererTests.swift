import Foundation
import KioskCore
import KioskRender
import Testing

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("a table wider than the renderer draws quickly is shown as text, and the widest line is counted")
    func wideTables() {
        func table(columns: Int) -> String {
            "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n|" + String(repeating: "b|", count: columns) + "\n"
        }
        #expect(MarkdownRenderer.widestLine(in: table(columns: 200)) == 201)
        #expect(MarkdownRenderer.widestLine(in: "a|b\n|||\n") == 3)
        #expect(MarkdownRenderer.widestLine(in: "") == 0)
        let widest = renderer.render(table(columns: 200)).html
        #expect(widest.contains("<table>") && widest.components(separatedBy: "<th>").count == 201)
        let tooWide = renderer.render("Intro.\n\n" + table(columns: 10_000)).html
        #expect(!tooWide.contains("<table>"), "drawn as text, not as a table of 10,000 columns")
        #expect(tooWide.contains("<p>Intro.</p>") && tooWide.contains("|a|a|"))
    }

    @Test("paragraphs, headings, quotes, lists, links and tables")
    func commonMarkAndTables() {
        let html = renderer.render(
            """
            A paragraph with [a link](https://news.example/a) and ~~a strike~~.

            ## A sub-heading

            > A quotation.

            - one
            - two

            | Country | Votes |
            |---|---|
            | Ruritania | 12 |

            Visit https://auto.example/link today.
            """
        ).html
        #expect(html.contains("<p>A paragraph with <a href=\"https://news.example/a\">a link</a> and <del>a strike</del>.</p>"))
        #expect(html.contains("<h2>A sub-heading</h2>"))
        #expect(html.contains("<blockquote>\n<p>A quotation.</p>\n</blockquote>"))
        #expect(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"))
        #expect(html.contains("<td>Ruritania</td>"))
        #expect(
            html.contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n<table>")
                && html.contains("</table>\n</div>"), "a table scrolls in a region the keyboard reaches")
        #expect(html.contains("<a href=\"https://auto.example/link\">https://auto.example/link</a>"))
    }

    @Test(
        "raw HTML, scripts, event handlers and javascript: links are rendered inert",
        arguments: [
            "<script>alert(1)</script>",
            "Hello <img src=x onerror=alert(1)> there",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](vbscript:msgbox)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "![x](javascript:alert(1))",
            "<div onclick=\"alert(1)\">x</div>",
            "<style>body{display:none}</style>",
        ])
    func inert(_ markdown: String) {
        let html = renderer.render(markdown).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<style"))
        #expect(!html.contains("<img src=\"x\""))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("onclick="))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("src=\"javascript:"))
        #expect(!html.contains("href=\"vbscript:"))
    }

    @Test("a round-up block becomes a titled section with its linked items")
    func roundup() {
        let html = renderer.render(
            """
            Lead paragraph.

            :::roundup In other <diplomatic> news
            - [Item one](https://one.example/): first.
            - [Item two](https://two.example/): second.
            :::

            After the block.
            """
        ).html
        #expect(
            html == """
                <p>Lead paragraph.</p>
                <section class="roundup"><h2 class="roundup-title">In other &lt;diplomatic&gt; news</h2>
                <ul>
                <li><a href="https://one.example/">Item one</a>: first.</li>
                <li><a href="https://two.example/">Item two</a>: second.</li>
                </ul>
                </section>
                <p>After the block.</p>

                """)
    }

    @Test("an unclosed round-up runs to the end; an untitled one gets a default title")
    func roundupEdges() {
        let html = renderer.render(":::roundup\n- [Only](https://only.example/)").html
        #expect(html.contains("<h2 class=\"roundup-title\">In brief</h2>"))
        #expect(html.contains("<li><a href=\"https://only.example/\">Only</a></li>"))
    }

    @Test("a figure block becomes a figure with its image, caption and credit, each as safe as the body")
    func figure() {
        let html = renderer.render(
            """
            Before.

            :::figure
            ![Barges moored at <Ruse>](/media/ruse.jpg)
            Inspectors board a barge at *dawn*; see [the protocol](https://example.org/protocol).
            Credit: Meridian <staff>
            :::

            After.
            """
        ).html
        let figure =
            "<figure class=\"body-figure\"><img loading=\"lazy\" src=\"/media/ruse.jpg\" alt=\"Barges moored at &lt;Ruse&gt;\" />"
            + "<figcaption><span class=\"caption\">Inspectors board a barge at <em>dawn</em>; see <a href=\"https://example.org/protocol\">the protocol</a>.</span> "
            + "<span class=\"credit\">Meridian <!-- raw HTML omitted --></span></figcaption></figure>"
        #expect(html == "<p>Before.</p>\n" + figure + "\n<p>After.</p>\n")
        #expect(
            renderer.render(":::figure\n![Just the picture](/media/a.png)\n:::").html
                == "<figure class=\"body-figure\"><img loading=\"lazy\" src=\"/media/a.png\" alt=\"Just the picture\" /></figure>\n")
        #expect(!renderer.render(":::figure\n![x](javascript:alert(1))\nCaption\n:::").html.contains("javascript"))
        #expect(renderer.render(":::figure\nNo picture here.\n:::").html == "<p>No picture here.</p>\n", "a figure without an image is plain text")
    }

    @Test("the opening is the first three paragraphs; the excerpt is the first, shortened at a word")
    func openingAndExcerpt() {
        let long = Array(repeating: "word", count: 100).joined(separator: " ")
        let body = renderer.render("\(long)\n\n## Heading\n\nSecond *paragraph*.\n\nThird.\n\nFourth.")
        #expect(body.openingHTML == "<p>\(long)</p>\n<p>Second <em>paragraph</em>.</p>\n<p>Third.</p>\n")
        #expect(body.excerpt.hasSuffix("word…"))
        #expect(body.excerpt.count <= MarkdownRenderer.excerptLength + 1)
        #expect(renderer.render("Short [linked](https://a.example) text.").excerpt == "Short linked text.")
        #expect(renderer.render("Runs\nof   space").excerpt == "Runs of space", "white space and line breaks collapse")
        let broken = Array(repeating: "word", count: 100).joined(separator: "\n")
        #expect(renderer.render(broken).excerpt == body.excerpt, "counted after collapsing")
    }

    @Test("smart punctuation and empty input")
    func punctuation() {
        #expect(renderer.render("\"Quoted\" -- it's").html == "<p>“Quoted” – it’s</p>\n")
        #expect(renderer.render("").html.isEmpty)
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("the five special characters become references; everything else is untouched")
    func escapes() {
        #expect(HTMLEscaping.escape("<a href=\"x\" title='y'>Tom & Jerry</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;")
        #expect(HTMLEscaping.escape("São Tomé — “quoted” 東京 🙂") == "São Tomé — “quoted” 東京 🙂")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("é<é") == "é&lt;é")
    }
}
