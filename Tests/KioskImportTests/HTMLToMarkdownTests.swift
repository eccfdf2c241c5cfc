import KioskCore
import KioskImport
import KioskRender
import Testing

/// HTML from other platforms into Kiosk's body format, checked by rendering the result back.
@Suite("HTML to Markdown")
struct HTMLToMarkdownTests {
    let converter = HTMLToMarkdown()
    let renderer = MarkdownRenderer()

    func markdown(_ html: String) -> String { (try? converter.convert(html).markdown) ?? "(not converted)" }
    func rendered(_ html: String) -> String { renderer.render(markdown(html)).html }

    @Test("paragraphs, headings, emphasis, links, lists, quotes, code and rules keep their structure")
    func structure() {
        let html = """
            <h1>Top</h1><p>A <strong>bold</strong> and <em>quiet</em> word, <a href="https://example.org/a">a link</a>,<br>a break and <code>x = 1</code>.</p>
            <h3>Smaller</h3>
            <ul><li>One</li><li>Two <b>bold</b><ul><li>Nested</li></ul></li></ul>
            <ol><li>First</li><li><p>Second</p><p>Still second</p></li></ol>
            <blockquote><p>Quoted.</p><p>Twice.</p></blockquote>
            <pre><code>let a = 1
            let b = 2</code></pre>
            <hr><p><del>Gone</del> text</p>
            """
        #expect(
            markdown(html) == """
                ## Top

                A **bold** and *quiet* word, [a link](https://example.org/a),\\
                a break and `x = 1`.

                ### Smaller

                - One
                - Two **bold**

                  - Nested

                1. First
                2. Second

                   Still second

                > Quoted.
                >
                > Twice.

                ```
                let a = 1
                let b = 2
                ```

                ***

                ~~Gone~~ text

                """)
        let html2 = rendered(html)
        #expect(html2.contains("<h2>Top</h2>") && html2.contains("<h3>Smaller</h3>") && html2.contains("<strong>bold</strong>"))
        #expect(html2.contains("<a href=\"https://example.org/a\">a link</a>") && html2.contains("<br />"))
        #expect(html2.contains("<blockquote>") && html2.contains("<pre><code>let a = 1\nlet b = 2\n</code></pre>") && html2.contains("<del>Gone</del>"))
    }

    @Test("text that looks like Markdown stays text")
    func escaping() {
        let html = "<p># not a heading, *not emphasis*, [not a link](x), 1. not a list, a|b, &lt;b&gt;not bold&lt;/b&gt; &amp;copy;</p><p>- not a bullet</p><p>:::figure</p>"
        let output = rendered(html)
        #expect(output.contains("<p># not a heading, *not emphasis*, [not a link](x), 1. not a list, a|b, &lt;b&gt;not bold&lt;/b&gt; &amp;copy;</p>"))
        #expect(output.contains("<p>- not a bullet</p>") && output.contains("<p>:::figure</p>"))
    }

    @Test("scripts, styles, forms, event handlers and dangerous links never survive; other elements are unwrapped")
    func hostile() throws {
        let html = """
            <script>alert(1)</script><style>p{}</style><p onclick="steal()">Safe <span style="color:red">text</span> \
            <a href="javascript:alert(1)">bad link</a> <img src="x" onerror="alert(2)" alt="pic"></p>\
            <form><input name="q"><button>Go</button></form><p><font face="x">Old</font> <marquee>moving</marquee></p>\
            <a href="data:text/html,hi">data</a><iframe src="javascript:alert(3)"></iframe>
            """
        let (result, notes) = try converter.convert(html)
        let output = renderer.render(result).html
        for hostile in ["script", "alert", "onclick", "onerror", "steal", "style", "javascript", "data:", "<form", "<input", "marquee"] {
            #expect(!output.contains(hostile), "\(hostile) survived: \(output)")
        }
        #expect(output.contains("Safe text") && output.contains("bad link") && output.contains("Old moving"))
        #expect(notes.dropped["script"] == 1 && notes.dropped["style"] == 1 && notes.dropped["form"] == 1)
    }

    @Test("figures keep their image, alt text and caption; embeds become links to what they showed; tables stay tables")
    func figuresEmbedsTables() throws {
        let converter = HTMLToMarkdown(imageAddress: { "/media/" + ($0.split(separator: "/").last.map(String.init) ?? "") })
        let html = """
            <figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2025/06/quay.jpg" alt="The quay at dawn">\
            <figcaption>Barges wait <em>in line</em>.</figcaption></figure>
            <figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">https://video.example/watch?v=42</div></figure>
            <iframe src="https://maps.example/embed?q=Ruse" title="Map of the port"></iframe>
            <table><thead><tr><th>Port</th><th>Wait</th></tr></thead><tbody><tr><td>Ruse</td><td>3 | 4 days</td></tr></tbody></table>
            """
        let (result, notes) = try converter.convert(html)
        #expect(result.contains(":::figure\n![The quay at dawn](/media/quay.jpg)\nBarges wait *in line*.\n:::"))
        #expect(result.contains("[https://video.example/watch?v=42](https://video.example/watch?v=42)"))
        #expect(result.contains("[Map of the port](https://maps.example/embed?q=Ruse)"))
        #expect(notes.embedsAsLinks == 2)
        let output = renderer.render(result).html
        #expect(output.contains("<figure class=\"body-figure\"><img loading=\"lazy\" src=\"/media/quay.jpg\" alt=\"The quay at dawn\" />"))
        #expect(output.contains("<figcaption><span class=\"caption\">Barges wait <em>in line</em>.</span></figcaption>"))
        #expect(output.contains("<th>Port</th>") && output.contains("<td>3 | 4 days</td>"))
    }

    @Test("markup nested two hundred deep converts; deeper is refused whole rather than cut, even a hundred thousand deep")
    func deepNesting() {
        for tag in ["div", "b", "blockquote", "ul"] {
            let nested = { (count: Int) in String(repeating: "<\(tag)>", count: count) + "deep" + String(repeating: "</\(tag)>", count: count) }
            #expect(markdown(nested(200)).contains("deep"), "\(tag)")
            #expect(throws: HTMLConversionError.tooDeep, "\(tag)") { try converter.convert(nested(100_000)) }
        }
    }

    @Test("broken markup is read the way browsers read it")
    func broken() {
        #expect(markdown("<p>Unclosed <b>bold<p>Next <i>para") == "Unclosed **bold**\n\nNext *para*\n")
        #expect(markdown("") == "" && markdown("   ") == "")
        #expect(markdown("Loose text <div>in a div</div> after") == "Loose text\n\nin a div\n\nafter\n")
    }
}

/// WordPress's own rules for classic bodies and its shortcodes.
@Suite("WordPress bodies")
struct WordPressBodyTests {
    @Test("a classic body gets WordPress's paragraphs and line breaks; block-editor bodies are left as they are")
    func autoParagraphs() throws {
        let body = WordPressBody()
        let classic = "First line\nsame paragraph.\n\nSecond paragraph.\n<blockquote>Quoted</blockquote>\nAfter."
        let html = body.html(classic).html
        #expect(html.contains("<p>First line<br>\nsame paragraph.</p>") && html.contains("<p>Second paragraph.</p>"))
        #expect(html.contains("<blockquote>Quoted</blockquote>") && html.contains("<p>After.</p>"))
        let blocks = "<!-- wp:paragraph -->\n<p>Already a paragraph</p>\n<!-- /wp:paragraph -->"
        #expect(body.html(blocks).html == blocks)
        #expect(try HTMLToMarkdown().convert(body.html("One\n\nTwo\nthree").html).markdown == "One\n\nTwo\\\nthree\n")
    }

    @Test("captions, galleries, embeds and bare addresses become figures and links; other shortcodes are named")
    func shortcodes() throws {
        let body = WordPressBody { ids in
            ids.map { WordPressBody.GalleryImage(source: "https://old.example/\($0).jpg", alt: "Image \($0)", caption: "Caption \($0)") }
        }
        let content = """
            [caption id="attachment_7" align="aligncenter" width="300"]<a href="https://old.example/big.jpg"><img src="https://old.example/small.jpg" alt="Harbour" width="300" /></a> The harbour at night[/caption]

            [gallery ids="3,4"]

            https://video.example/watch?v=7

            [embed]https://audio.example/episode/9[/embed]

            [video mp4="https://old.example/clip.mp4"][/video]

            [contact-form-7 id="12" title="Contact"] and [pullquote]Kept words[/pullquote] [not a shortcode
            """
        let (html, unknown) = body.html(content)
        #expect(unknown == ["contact-form-7", "pullquote"])
        let markdown = try HTMLToMarkdown().convert(html).markdown
        #expect(markdown.contains(":::figure\n![Harbour](https://old.example/small.jpg)\nThe harbour at night\n:::"))
        #expect(markdown.contains(":::figure\n![Image 3](https://old.example/3.jpg)\nCaption 3\n:::") && markdown.contains("![Image 4]"))
        #expect(markdown.contains("(https://video.example/watch?v=7)") && markdown.contains("(https://audio.example/episode/9)"))
        #expect(markdown.contains("(https://old.example/clip.mp4)"))
        #expect(markdown.contains("and Kept words \\[not a shortcode"))
    }

    @Test("a block-editor gallery keeps every image with its own caption, and the gallery's caption after them")
    func blockGallery() throws {
        let html = """
            <!-- wp:gallery {"linkTo":"none"} -->
            <figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":3} -->
            <figure class="wp-block-image size-large"><img src="https://old.example/3.jpg" alt="Barges at dawn" class="wp-image-3"/><figcaption class="wp-element-caption">Barges at dawn</figcaption></figure>
            <!-- /wp:image --><!-- wp:image {"id":4} -->
            <figure class="wp-block-image size-large"><img src="https://old.example/4.jpg" alt="The lock gate" class="wp-image-4"/></figure>
            <!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">Orsk, 2 June</figcaption></figure>
            <!-- /wp:gallery -->
            """
        let converted = try HTMLToMarkdown().convert(html)
        #expect(converted.notes.images.map(\.address) == ["https://old.example/3.jpg", "https://old.example/4.jpg"])
        #expect(converted.markdown.contains(":::figure\n![Barges at dawn](https://old.example/3.jpg)\nBarges at dawn\n:::"), "\(converted.markdown)")
        #expect(converted.markdown.contains("![The lock gate](https://old.example/4.jpg)"), "\(converted.markdown)")
        #expect(converted.markdown.contains("Orsk, 2 June"), "\(converted.markdown)")
    }
}

/// Names and other plain text that WordPress escaped.
@Suite("Plain text from HTML")
struct PlainTextTests {
    @Test("entities are decoded and tags left out; text without either is kept as it is")
    func decoding() {
        #expect(PlainText.of("Rivers &amp; Trade") == "Rivers & Trade")
        #expect(PlainText.of("A <b>bold</b> &lt;claim&gt;") == "A bold <claim>")
        #expect(PlainText.of("Plain") == "Plain")
    }
}
