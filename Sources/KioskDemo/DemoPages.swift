import KioskCore

/// A standing page of the demo publication, written for Kiosk.
struct DemoPage {
    let slug: String
    let title: String
    let placement: PagePlacement
    let position: Int
    let body: String
}

extension DemoPublication {
    /// About (in the header), Masthead and Corrections policy (in the footer).
    static let pages: [DemoPage] = [
        DemoPage(
            slug: "about", title: "About The Meridian", placement: .header, position: 0,
            body: """
                The Meridian is a weekly magazine of foreign affairs written by correspondents who live where they report. We cover \
                diplomacy, security, trade and the people those decisions reach, from Nairobi to Tokyo and from Brussels to Bogotá.

                ## What we publish

                - **Reporting** from our correspondents, with the sources behind each claim named wherever we can name them.
                - **Analysis** that explains why a negotiation stalled or a sanction bites, clearly marked as analysis.
                - **The Week in Statecraft**, every Friday: the week's diplomacy in one read.

                ## How we are paid for

                Readers pay for The Meridian. We take no money from governments, parties or the companies we write about, and we say so \
                at the top of any story where a conflict could be suspected.

                This is the demo publication that comes with Kiosk: the magazine, its writers and every story in it are invented.
                """),
        DemoPage(
            slug: "masthead", title: "Masthead", placement: .footer, position: 0,
            body: """
                ## Editor

                - **Nadia Rahimi**, diplomatic editor, London

                ## Correspondents

                | Beat | Correspondent | Based in |
                |---|---|---|
                | Europe | Maren Holt | Berlin |
                | Africa | Idris Okafor | Nairobi |
                | Americas | Lucía Ferrand | Bogotá |
                | Asia-Pacific | Kenji Arakawa | Tokyo |
                | Middle East | Samira Haddad | Amman |
                | Trade and sanctions | Pieter van Dam | Brussels |
                | Climate and security | Ana Beatriz Costa | Lisbon |
                | Migration and human rights | Grace Mwangi | Geneva |

                ## Columnists

                - **Daniel Kessler** writes *Arms & Influence* from Washington.

                Write to the newsroom at newsroom@meridian.example.
                """),
        DemoPage(
            slug: "corrections-policy", title: "Corrections policy", placement: .footer, position: 1,
            body: """
                We get things wrong sometimes. When we do, we say so, plainly and where readers will see it.

                1. **A factual error** is corrected in the text, and a dated note at the end of the story says what was wrong and what is right.
                2. **A clarification** is added when a story was accurate but could mislead; it is dated the same way.
                3. **An update** that adds new facts is marked as an update, so that readers can tell it apart from a correction.

                We never remove a story because it became inconvenient. If a story must come down for legal or safety reasons, the \
                address stays, with a note saying why.

                > To report an error, write to corrections@meridian.example with the story's address and what you believe is wrong. An \
                > editor reads every message and answers within two working days.
                """),
    ]
}
