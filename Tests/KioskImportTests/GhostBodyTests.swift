import KioskImport
import Testing

/// Ghost's editor documents (Lexical, Mobiledoc) turned into HTML for the allow-list converter.
@Suite("Ghost bodies")
struct GhostBodyTests {
    let body = GhostBody(markdownHTML: { "<p>[md:\($0)]</p>" })

    @Test("Lexical: paragraphs, headings, formats, links, lists, quotes, images with captions; text is escaped")
    func lexical() throws {
        let json = """
            {"root":{"children":[
              {"type":"paragraph","children":[{"type":"extended-text","text":"A <b>raw</b> ","format":0},{"type":"text","text":"bold","format":1},
                {"type":"text","text":" and both","format":3},{"type":"linebreak"},
                {"type":"link","url":"https://example.org/?a=1&b=\\"2\\"","children":[{"type":"text","text":"link","format":0}]}]},
              {"type":"extended-heading","tag":"h3","children":[{"type":"text","text":"Smaller","format":0}]},
              {"type":"heading","tag":"h9","children":[{"type":"text","text":"Odd","format":0}]},
              {"type":"list","listType":"number","children":[{"type":"listitem","children":[{"type":"text","text":"One","format":0}]}]},
              {"type":"quote","children":[{"type":"text","text":"Said.","format":0}]},
              {"type":"image","src":"__GHOST_URL__/content/images/a.jpg","alt":"An \\"alt\\"","caption":"<span>Cap</span>"},
              {"type":"markdown","markdown":"*x*"},
              {"type":"signup","header":"Join"},
              {"type":"horizontalrule"}
            ]}}
            """
        let (html, leftOut) = try body.html(lexical: json)
        #expect(
            html == "<p>A &lt;b&gt;raw&lt;/b&gt; <strong>bold</strong><strong><em> and both</em></strong><br>"
                + "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">link</a></p><h3>Smaller</h3><h2>Odd</h2><ol><li>One</li></ol>"
                + "<blockquote><p>Said.</p></blockquote><figure><img alt=\"An &quot;alt&quot;\" src=\"__GHOST_URL__/content/images/a.jpg\">"
                + "<figcaption><span>Cap</span></figcaption></figure><p>[md:*x*]</p><hr>")
        #expect(leftOut == ["signup"])
    }

    @Test("Mobiledoc: markup sections, markers opening and closing markups, lists, image and HTML cards")
    func mobiledoc() throws {
        let json = """
            {"version":"0.3.1","atoms":[["mention","@desk",{}]],"markups":[["a",["href","https://example.org"]],["em"],["script"]],
             "cards":[["image",{"src":"/content/images/b.png","alt":"B","caption":"Cap"}],["html",{"html":"<table><tr><td>1</td></tr></table>"}],["paywall",{}]],
             "sections":[[1,"p",[[0,[],0,"Plain "],[0,[0,1],1,"linked"],[0,[],1," tail"],[1,[],0,0],[0,[2],1,"x<y"]]],
               [3,"ul",[[[0,[],0,"item"]]]],[10,0],[10,1],[10,2],[1,"h2",[[0,[],0,"End"]]]]}
            """
        let (html, leftOut) = try body.html(mobiledoc: json)
        #expect(
            html == "<p>Plain <a href=\"https://example.org\"><em>linked</em> tail</a>@desk<span>x&lt;y</span></p><ul><li>item</li></ul>"
                + "<figure><img alt=\"B\" src=\"/content/images/b.png\"><figcaption>Cap</figcaption></figure><table><tr><td>1</td></tr></table><h2>End</h2>")
        #expect(leftOut == ["paywall"])
    }

    @Test("a document that is not JSON is refused by editor name")
    func unreadable() {
        #expect(throws: GhostBodyError.unreadable("Lexical")) { try body.html(lexical: "{\"root\":") }
        #expect(throws: GhostBodyError.unreadable("Mobiledoc")) { try body.html(mobiledoc: "[]") }
    }
}
