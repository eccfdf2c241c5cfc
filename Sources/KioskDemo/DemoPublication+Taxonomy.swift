extension DemoPublication {
    /// The seven sections of The Meridian, in navigation order.
    static let sections: [DemoTerm] = [
        DemoTerm(
            slug: "europe",
            name: "Europe",
            description: "Reporting from the capitals and borderlands of Europe, from the institutions in Brussels to the frontier states on the continent's eastern edge."
        ),
        DemoTerm(
            slug: "asia-pacific",
            name: "Asia-Pacific",
            description: "The alliances, rivalries and quiet bargains of East Asia, South-East Asia and the Pacific islands. Reported from Tokyo and across the region."
        ),
        DemoTerm(
            slug: "middle-east",
            name: "Middle East",
            description: "The politics of the Levant, the Gulf and North Africa, with particular attention to water, borders and the negotiations that rarely make headlines."
        ),
        DemoTerm(
            slug: "americas",
            name: "Americas",
            description: "Hemispheric affairs from Bogotá and beyond: migration, elections, commodities and the institutions that try to hold the region together."
        ),
        DemoTerm(
            slug: "africa",
            name: "Africa",
            description: "The continent's diplomacy on its own terms, from the African Union in Addis Ababa to the regional blocs, ports and peace processes that shape it."
        ),
        DemoTerm(
            slug: "defense",
            name: "Defense & Security",
            description: "Alliances, arms control and military strategy, and the budgets and factories that sit behind them."
        ),
        DemoTerm(
            slug: "trade",
            name: "Trade & Sanctions",
            description: "How governments use tariffs, export controls and sanctions as instruments of foreign policy. And how others find their way around them."
        ),
    ]

    /// The three recurring columns of The Meridian.
    static let series: [DemoTerm] = [
        DemoTerm(
            slug: "week-in-statecraft",
            name: "The Week in Statecraft",
            description: "Our diplomatic editor's weekly round-up of the negotiations, summits and quiet agreements that moved foreign policy. One lead story told in full, then the rest of the week in brief."
        ),
        DemoTerm(
            slug: "arms-and-influence",
            name: "Arms & Influence",
            description: "A column on the defense industry and the politics around it, from procurement fights in parliaments to export licences in ministries. Written from Washington by Daniel Kessler."
        ),
        DemoTerm(
            slug: "field-notes",
            name: "Field Notes",
            description: "First-person dispatches from our reporters on the ground, written close to the people and places in the news. Shorter, looser and more personal than our reporting, but held to the same standards."
        ),
    ]

    /// The twelve topics used to tag articles across sections.
    static let topics: [DemoTerm] = [
        DemoTerm(
            slug: "sanctions",
            name: "Sanctions",
            description: "Asset freezes, trade restrictions and export controls, how they are designed, enforced and evaded."
        ),
        DemoTerm(
            slug: "nato",
            name: "NATO",
            description: "The North Atlantic alliance: its members, its budgets, its command structure and its arguments."
        ),
        DemoTerm(
            slug: "united-nations",
            name: "United Nations",
            description: "The Security Council, the General Assembly and the agencies that do the UN's work in the field."
        ),
        DemoTerm(
            slug: "ceasefires",
            name: "Ceasefires",
            description: "How fighting stops, who monitors the lines, and why so many truces fail in their first months."
        ),
        DemoTerm(
            slug: "elections",
            name: "Elections",
            description: "Votes that change foreign policy, and the observers, disputes and coalitions that follow them."
        ),
        DemoTerm(
            slug: "arms-trade",
            name: "Arms Trade",
            description: "Who sells weapons to whom, under which licences, and with what political strings attached."
        ),
        DemoTerm(
            slug: "energy",
            name: "Energy",
            description: "Pipelines, power grids, critical minerals and the diplomacy of keeping the lights on."
        ),
        DemoTerm(
            slug: "climate-security",
            name: "Climate & Security",
            description: "Where drought, heat and rising seas meet borders, budgets and conflict."
        ),
        DemoTerm(
            slug: "migration",
            name: "Migration",
            description: "The routes people travel, the policies that try to govern them, and the deals struck between governments along the way."
        ),
        DemoTerm(
            slug: "nuclear",
            name: "Nuclear Policy",
            description: "Arsenals, arms control, non-proliferation and the civilian nuclear industry's place in foreign policy."
        ),
        DemoTerm(
            slug: "human-rights",
            name: "Human Rights",
            description: "Accountability, inquiries and the treatment of civilians, reported from Geneva and from the places under scrutiny."
        ),
        DemoTerm(
            slug: "shipping",
            name: "Shipping & Chokepoints",
            description: "Straits, canals, ports and sea lanes, and the insurers, navies and governments that keep cargo moving."
        ),
    ]

    /// The ten contributors who write for The Meridian, with short bios and links.
    static let authors: [DemoAuthor] = [
        DemoAuthor(
            slug: "maren-holt",
            name: "Maren Holt",
            bio: "Maren Holt is The Meridian's Europe correspondent, based in Berlin. She spent six years covering the Bundestag and the eastern Länder for a regional daily before turning to the EU's foreign policy. She reads Polish and Czech, and still keeps a notebook for every border crossing.",
            links: [
                (label: "Mastodon", url: "https://social.example/@marenholt"),
                (label: "Website", url: "https://marenholt.example"),
            ]
        ),
        DemoAuthor(
            slug: "idris-okafor",
            name: "Idris Okafor",
            bio: "Idris Okafor covers Africa for The Meridian from Nairobi. He has reported on elections, peace talks and port deals in more than twenty countries, and was previously an editor at a Lagos business weekly. He is writing a book about the Horn of Africa's trade corridors.",
            links: [
                (label: "Website", url: "https://idrisokafor.example"),
            ]
        ),
        DemoAuthor(
            slug: "lucia-ferrand",
            name: "Lucía Ferrand",
            bio: "Lucía Ferrand is The Meridian's Americas correspondent, based in Bogotá. She has covered peace negotiations, migration across the Darién and the politics of the Andean commodity trade. Before journalism she worked as a court interpreter in Quito.",
            links: [
                (label: "Mastodon", url: "https://social.example/@luciaferrand"),
                (label: "Website", url: "https://luciaferrand.example"),
            ]
        ),
        DemoAuthor(
            slug: "kenji-arakawa",
            name: "Kenji Arakawa",
            bio: "Kenji Arakawa reports on the Asia-Pacific from Tokyo, with a focus on alliances, maritime disputes and the Pacific islands. He previously covered Japan's foreign ministry for a wire service. He is a keen, slow sailor.",
            links: [
                (label: "Mastodon", url: "https://social.example/@kenjiarakawa"),
            ]
        ),
        DemoAuthor(
            slug: "samira-haddad",
            name: "Samira Haddad",
            bio: "Samira Haddad is The Meridian's Middle East correspondent, based in Amman. She has reported from Beirut, Baghdad and the Gulf, and writes most often about water, refugees and the region's slow-moving negotiations. She is a graduate of the University of Jordan's school of engineering, which helps with the water.",
            links: [
                (label: "Website", url: "https://samirahaddad.example"),
                (label: "Mastodon", url: "https://social.example/@samirahaddad"),
            ]
        ),
        DemoAuthor(
            slug: "pieter-van-dam",
            name: "Pieter van Dam",
            bio: "Pieter van Dam covers trade and sanctions from Brussels. A former customs lawyer, he reads regulations so that readers do not have to, and specialises in export controls and the companies that test them. He lives in Leuven with too many bicycles.",
            links: [
                (label: "Website", url: "https://pietervandam.example"),
            ]
        ),
        DemoAuthor(
            slug: "ana-beatriz-costa",
            name: "Ana Beatriz Costa",
            bio: "Ana Beatriz Costa writes about climate and security from Lisbon. She has reported on drought in the Sahel, fisheries in the South Atlantic and the finance ministries that pay for adaptation. She previously worked as a researcher at a maritime policy institute.",
            links: [
                (label: "Mastodon", url: "https://social.example/@anabcosta"),
                (label: "Website", url: "https://anabeatrizcosta.example"),
            ]
        ),
        DemoAuthor(
            slug: "daniel-kessler",
            name: "Daniel Kessler",
            bio: "Daniel Kessler writes Arms & Influence, The Meridian's column on the defense industry, from Washington. He spent a decade covering Congress's armed services committees and the procurement budgets that pass through them. He is happiest reading a contract award notice.",
            links: [
                (label: "Website", url: "https://danielkessler.example"),
                (label: "Mastodon", url: "https://social.example/@dkessler"),
            ]
        ),
        DemoAuthor(
            slug: "nadia-rahimi",
            name: "Nadia Rahimi",
            bio: "Nadia Rahimi is The Meridian's diplomatic editor and writes The Week in Statecraft every Friday. She has covered summits, treaty negotiations and the corridors of the UN for fifteen years, from New York, Vienna and Geneva. She believes most diplomacy happens in footnotes.",
            links: [
                (label: "Mastodon", url: "https://social.example/@nadiarahimi"),
                (label: "Website", url: "https://nadiarahimi.example"),
            ]
        ),
        DemoAuthor(
            slug: "grace-mwangi",
            name: "Grace Mwangi",
            bio: "Grace Mwangi covers migration and human rights from Geneva. She has followed inquiries at the Human Rights Council and reported on the routes people take across the Sahara and the Mediterranean. She trained as a lawyer in Nairobi.",
            links: [
                (label: "Website", url: "https://gracemwangi.example"),
            ]
        ),
    ]
}
