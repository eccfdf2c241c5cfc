import KioskCore

extension DemoPublication {
    /// Thirteen weekly issues of "The Week in Statecraft", Nadia Rahimi's diplomatic round-up column.
    static let statecraftArticles: [DemoArticle] = [
        DemoArticle(
            slug: "statecraft-danube-joint-customs-protocol",
            title: "The Week in Statecraft: The Danube gets a single customs queue",
            dek: "Romania, Bulgaria and Moldova agree to inspect river cargo once instead of three times. Plus: a North Sea grid pact, an old border gauge and a new envoy in Vienna.",
            format: .reporting,
            section: "europe",
            topics: ["shipping", "energy"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 2,
            image: DemoImage(
                motif: .coastline,
                caption: "Barges waiting at the Giurgiu–Ruse moorings, as drawn for this column.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            The most consequential diplomacy of the week happened not in a capital but on a riverbank. At the customs house in Ruse, officials from Romania, Bulgaria and Moldova signed a protocol that lets barges on the lower Danube be inspected once, by a joint team, rather than separately at every border they cross. Shippers have complained for years that a cargo of grain or fertiliser could spend longer tied up at inspection moorings than moving.

            The protocol creates mixed inspection crews at three points, Giurgiu–Ruse, Galați and Giurgiulești, working from a shared electronic manifest that each customs service can read and countersign. According to [the *Danube Courier*](https://danube-courier.example/2026/joint-inspections), the average wait at Giurgiu–Ruse last month was 41 hours. Negotiators hope to bring it under twelve by the autumn.

            > "We did not change a single tariff. We changed who stands on the deck, and how many times," said a Romanian state secretary for transport, Corina Vlase, after the signing.

            The text still needs ratification in Chișinău, where opposition deputies have asked whether Moldovan officers will have equal authority aboard Romanian- and Bulgarian-flagged vessels. A senior Moldovan negotiator told [the *Black Sea Review*](https://black-sea-review.example/2026/chisinau-ratification) that the protocol guarantees "co-equal signatures on every seal". The European Commission, which paid for the manifest software, is watching closely: if the scheme works, officials say it could be offered to the Hungarian and Serbian stretches of the river next.

            :::roundup In other diplomatic news
            - [Norway and Denmark agree to pool offshore-wind grid planning](https://nordic-grid-post.example/2026/north-sea-pool): The two transmission operators will publish a joint connection plan for the North Sea before the summer.
            - [Austria and Slovenia settle a quarrel over a border river gauge](https://alpine-wire.example/2026/mur-gauge): A measuring station on the Mur will now be run jointly, ending a dispute older than either country's current government.
            - [Lithuania names a new ambassador to the OSCE](https://baltic-ledger.example/2026/osce-envoy): Rūta Vaitkienė, a career diplomat, moves from the foreign ministry's legal department to Vienna.
            - [The Czech senate backs a treaty on cross-border ambulances with Germany](https://vltava-review.example/2026/ambulance-treaty): Crews will be allowed to cross the border with patients without stopping for paperwork.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-amman-yarmouk-water-talks",
            title: "The Week in Statecraft: Quiet water talks on the Yarmouk",
            dek: "Jordanian and Syrian engineers met in Amman to discuss a river both countries are running short of. Plus: a Gulf rail study, an embassy budget in Beirut and a consulate in Zanzibar.",
            format: .reporting,
            section: "middle-east",
            topics: ["climate-security"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "samira-haddad"],
            daysAgo: 9,
            image: DemoImage(
                motif: .hills,
                caption: "The Yarmouk gorge below the Unity Dam, as drawn for this column.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            For the first time in several years, hydrologists from Jordan and Syria sat at the same table this week, in a conference room at Jordan's Ministry of Water and Irrigation in Amman, to discuss how much of the Yarmouk River actually reaches the Jordanian side. The talks were technical by design: no ministers, no communiqué, and a staff member of the UN's regional economic commission taking notes for both delegations.

            Jordan's complaint is long-standing. It says that small dams and wells upstream retain water the two countries agreed decades ago to share, and that the reservoir behind the Unity Dam on the border filled to less than a fifth of its capacity this winter, according to figures published by [the *Levant Monitor*](https://levant-monitor.example/2026/unity-dam-levels). Syrian engineers, for their part, pointed to three dry winters in a row and to wells drilled without permits on both sides of the line.

            > "We are not negotiating borders. We are negotiating cubic metres, and the cubic metres are getting fewer," said the secretary-general of the water ministry, Rami Khatib.

            ## What to watch

            The delegations agreed to meet again in Damascus, and to draft terms of reference for jointly operated flow meters at four points along the river. European donors have signalled, through [the *Amman Observer*](https://amman-observer.example/2026/yarmouk-meters), that they would pay for the equipment, provided both sides can read the data in real time. That condition, more than the volumes, may decide whether the next round happens at all.

            :::roundup From the foreign ministries
            - [Saudi Arabia and Jordan commission a study on a freight rail link to Aqaba](https://gulf-dispatch.example/2026/aqaba-rail): The feasibility work is due within eighteen months and will cost both governments little.
            - [Lebanon's cabinet approves a budget that finally funds its embassies](https://cedar-review.example/2026/embassy-budget): The foreign ministry had warned it could no longer pay rent on six missions abroad.
            - [Oman opens a consulate in Zanzibar](https://gulf-dispatch.example/2026/zanzibar-consulate): Muscat says the post will serve a large community with family ties to the Sultanate.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-pacific-fisheries-monitoring-pact",
            title: "The Week in Statecraft: Pacific states pool their eyes on the ocean",
            dek: "Eleven island governments agree to share satellite tracking of fishing fleets and a roster of patrol aircraft. Plus: Manila and Tokyo, a maritime line and a railway in Mongolia.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["shipping", "climate-security"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 16,
            image: DemoImage(
                motif: .rings,
                caption: "A patrol aircraft's radar sweep over open water, as drawn for this column.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            Fisheries ministers from eleven Pacific Islands Forum members, meeting in Honiara, agreed this week to pool the satellite data they use to track foreign fishing vessels, and to share a roster of leased patrol aircraft. The aim is to close the gaps between their exclusive economic zones, where trawlers without licences are known to wait for a patrol to pass before crossing the line.

            Under the arrangement, a small data centre in Honiara will merge vessel-monitoring feeds that each member currently receives separately, and flag boats whose transponders go dark. The aircraft roster, funded in part by a levy on licensed catches, will give the smallest members, which have no planes of their own, a guaranteed number of surveillance flights each quarter. [The *Pacific Register*](https://pacific-register.example/2026/honiara-fisheries-pact) reports that the first flights are planned within three months.

            > "Our waters are larger than most continents. Our patrol budgets are smaller than most towns," said Fiji's fisheries minister, Litia Naivalu. "We can only do this together."

            The harder argument was about who else sees the data. Several members wanted to share the merged feed with partner navies; others worried that doing so would draw the islands into rivalries they would rather watch from a distance. The compromise, according to a delegate quoted by [the *Coral Sea Times*](https://coral-sea-times.example/2026/data-sharing-compromise), lets each member decide case by case, with no standing access for anyone.

            :::roundup Around the region
            - [Japan and the Philippines hold their first joint coast-guard exercise off Luzon](https://luzon-courier.example/2026/coast-guard-drill): The two services practised search and rescue, and were careful to call it nothing more.
            - [Vietnam and Indonesia exchange maps for the last unmarked stretch of their sea boundary](https://south-china-sea-review.example/2026/boundary-maps): Technical teams will meet in Hanoi to reconcile the differences.
            - [Mongolia signs a rail financing deal for its southern coal line](https://steppe-courier.example/2026/rail-financing): The loan comes from a consortium of Asian development lenders.
            - [South Korea doubles its climate-adaptation grants to Pacific island states](https://han-river-journal.example/2026/pacific-grants): Seoul says the money will go to coastal defences and water storage.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-nordic-air-defence-cost-sharing",
            title: "The Week in Statecraft: The Nordic states split the bill for the sky",
            dek: "Norway, Sweden, Finland and Denmark agree who pays for a common air-defence layer. Plus: a Baltic munitions plant, a Dutch frigate and a Portuguese base lease.",
            format: .reporting,
            section: "defense",
            topics: ["nato", "arms-trade"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 23,
            image: DemoImage(
                motif: .rings,
                caption: "Overlapping radar coverage above the northern coast, as drawn for this column.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            The four Nordic defence ministers, meeting in Tromsø, agreed this week on a formula for sharing the cost of a common air-defence layer over the region, which will be placed under NATO command once it is operational. The deal ends more than a year of haggling over whether costs should follow population, territory or the length of each country's exposed coastline. In the end they followed none of these exactly.

            The formula, described in a summary seen by [the *Nordic Defence Review*](https://nordic-defence-review.example/2026/tromso-formula), weights each country's share by what it brings rather than what it needs:

            | Country | Share of joint costs | Main contribution |
            |---|---|---|
            | Norway | 31% | Two long-range radar sites in the far north |
            | Sweden | 27% | Airborne early-warning flights |
            | Finland | 24% | Medium-range missile batteries |
            | Denmark | 18% | The combined command centre and data links |

            > "For twenty years we each bought our own umbrella. Now we are buying one large enough for four," said Norway's state secretary for defence, Eirik Lunde.

            Analysts were less sure that the industrial side has been settled. A paper from the [Kestrel Institute](https://kestrel-institute.example/papers/nordic-air-defence) notes that the agreement says nothing about which missiles the four will buy, and that each has a domestic supplier with friends in parliament. Procurement, it argues, is where joint projects tend to fall apart.

            :::roundup Elsewhere in the alliance
            - [Estonia breaks ground on a shell-filling plant near Tallinn](https://baltic-ledger.example/2026/shell-plant): The plant is expected to fill its first rounds in eighteen months.
            - [The Netherlands orders a fourth air-defence frigate](https://north-sea-courier.example/2026/fourth-frigate): The decision had been delayed twice by arguments over crew numbers.
            - [Portugal renews the lease on an Atlantic air base for ten years](https://atlantic-isles-review.example/2026/base-lease): The terms include more money for the surrounding island economy.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-au-logone-valley-ceasefire-monitors",
            title: "The Week in Statecraft: The African Union sends monitors to the Logone valley",
            dek: "Sixty civilian observers will watch over a fragile truce on the Chad–Cameroon border. Plus: ECOWAS on roads, SADC on elections and a new IGAD envoy.",
            format: .reporting,
            section: "africa",
            topics: ["ceasefires", "human-rights"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "idris-okafor"],
            daysAgo: 30,
            image: DemoImage(
                motif: .hills,
                caption: "Fishing villages along the Logone river, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            The African Union's Peace and Security Council, meeting in Addis Ababa, authorised a six-month civilian mission to monitor the ceasefire agreed in the Logone valley, where clashes between herding and fishing communities along the Chad–Cameroon border have displaced tens of thousands of people over the past two years. Sixty monitors, most of them drawn from the AU's roster of former police officers and civil servants, will be based in four towns on both banks of the river.

            The ceasefire itself was brokered in the valley, not in a capital. Traditional leaders from both communities negotiated it over several weeks, with the two governments joining only at the end to sign. That local ownership is both its strength and its weakness: the agreement has broad support in the villages, but no enforcement arm. The monitors will have none either. Their job is to investigate incidents quickly and report them publicly, before rumours do the damage.

            > "A truce like this does not fail because of a big attack. It fails because of a stolen herd and a story that travels faster than the truth," said a senior adviser to the AU commission, Amara Diallo-Tembo.

            ## The money question

            The mission will cost about 14 million dollars, according to [the *Sahel Observer*](https://sahel-observer.example/2026/logone-mission-budget). Roughly half will come from the AU's own Peace Fund, the rest from European and Gulf donors. Human rights groups, including the [Lake Basin Rights Network](https://lake-basin-rights.example/2026/monitor-mandate), have asked that the monitors' reports be published in full rather than summarised for the council.

            :::roundup From the regional blocs
            - [ECOWAS agrees common axle-load rules for the Abidjan–Lagos corridor](https://gulf-of-guinea-post.example/2026/axle-rules): Lorry operators have been paying different fines at every border.
            - [SADC sends an observer mission ahead of a tight election in Lesotho](https://zambezi-review.example/2026/lesotho-observers): The mission will deploy three weeks before polling day.
            - [IGAD appoints a new special envoy for the Red Sea coast](https://horn-review.example/2026/igad-envoy): The envoy, a former Djiboutian foreign ministry official, starts next month.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-eu-philippines-critical-minerals-chapter",
            title: "The Week in Statecraft: Brussels and Manila settle on nickel",
            dek: "The EU and the Philippines close the critical-minerals chapter of their trade talks, with a compromise on ore exports. Plus: steel quotas, a Kenyan flower deal and the WTO's dispute panel.",
            format: .reporting,
            section: "trade",
            topics: ["energy"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "pieter-van-dam"],
            daysAgo: 37,
            image: DemoImage(
                motif: .coastline,
                caption: "Ore carriers loading off the coast of Mindanao, as drawn for this column.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            Negotiators from the European Union and the Philippines closed the critical-minerals chapter of their free-trade talks this week, after a final round in Manila that ran two days past its schedule. The chapter had been the hardest in the negotiation: Brussels wanted guaranteed access to nickel ore for European battery makers, while Manila wanted the processing, and the jobs, to stay in the Philippines.

            The compromise, summarised by [the *Brussels Trade Letter*](https://brussels-trade-letter.example/2026/philippines-minerals-chapter), gives each side part of what it asked for:

            | Issue | EU opening position | Agreed text |
            |---|---|---|
            | Export duties on raw ore | Abolished | Capped, and phased down over seven years |
            | Local processing | No requirement | Encouraged with joint investment funds |
            | Environmental standards | Voluntary | Binding, with independent audits of mine sites |
            | Dispute settlement | State-to-state panel | State-to-state panel, plus a minerals committee |

            > "We did not sell our ore. We sold a partnership, and we wrote the audits into it," said the Philippine trade undersecretary, Ramon Dizon.

            The EU's chief negotiator, Hélène Marchetti, called the chapter "a template, not a trophy". Not everyone in Brussels agrees. Several member states with battery plants had hoped for an outright ban on export duties, and at least one is expected to raise the issue when the full agreement reaches the Council.

            :::roundup On the trade wires
            - [The EU proposes tighter steel safeguard quotas for the coming year](https://brussels-trade-letter.example/2026/steel-quotas): Importers have until the end of the month to comment on the draft.
            - [Kenya and the EU agree faster phytosanitary checks for cut flowers](https://nairobi-ledger.example/2026/flower-checks): Inspections at Naivasha farms will replace some checks at European airports.
            - [The WTO's interim appeal arrangement hears its tenth case](https://geneva-trade-review.example/2026/interim-appeal): Members outside the arrangement continue to appeal disputes "into the void".
            - [Chile opens consultations on a copper smelting incentive](https://andean-review.example/2026/smelting-incentive): Santiago wants more of its ore refined at home.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-darien-shared-migrant-register",
            title: "The Week in Statecraft: A shared register for the Darién route",
            dek: "Colombia, Panama and Costa Rica will record migrants once and share the file along the route. Plus: an OAS vote, a Caribbean ferry and a Brazilian envoy to Haiti.",
            format: .reporting,
            section: "americas",
            topics: ["migration", "human-rights"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "lucia-ferrand"],
            daysAgo: 44,
            image: DemoImage(
                motif: .hills,
                caption: "A reception station at the edge of the Darién forest, as drawn for this column.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            Colombia, Panama and Costa Rica agreed in Panama City this week to create a single registration record for migrants crossing the Darién gap and continuing north. Until now, a family walking the route could be photographed, fingerprinted and interviewed three times in a fortnight, each time by a different authority with a different database. Under the new arrangement, the first registration, usually in the Colombian border town of Necoclí, creates a file that the other two governments can read.

            Officials say the change will speed up transit through reception stations and make it easier to find people who go missing in the forest, where families are often separated. It will also, they concede, give all three governments a clearer picture of who is travelling, and how often.

            > "A person should not have to tell their story three times to three uniforms. Once is enough, if it is recorded properly," said Panama's vice-minister for public security, Rodrigo Aizpurúa.

            ## The privacy question

            Rights groups are less comfortable. The [Andean Rights Observatory](https://andean-rights-observatory.example/2026/darien-register) has asked who else will have access to the file, and whether data could be shared with governments further north. The agreement, according to [the *Andean Review*](https://andean-review.example/2026/darien-register-text), limits access to the three signatories and to UN agencies working on the route, and requires records to be deleted after five years. It does not say who will check.

            :::roundup Across the hemisphere
            - [The OAS Permanent Council approves a budget after three failed votes](https://hemisphere-weekly.example/2026/oas-budget): The compromise trims travel spending and protects the electoral observation unit.
            - [Trinidad and Tobago and Venezuela restart a ferry service for freight](https://antilles-tribune.example/2026/gulf-of-paria-ferry): Passengers are not yet allowed on board.
            - [Brazil names a special envoy for Haiti](https://planalto-observer.example/2026/haiti-envoy): The envoy will coordinate Brazil's police-training programme.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-eu-sanctions-evasion-rule-agreed",
            title: "The Week in Statecraft: Europe agrees, narrowly, to chase the middlemen",
            dek: "EU foreign ministers adopt a rule that makes exporters answer for where their goods end up. Plus: a Swiss asset review, British trust registers and a Japanese export list.",
            format: .reporting,
            section: "trade",
            topics: ["sanctions"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 51,
            image: DemoImage(
                motif: .columns,
                caption: "The Council building in Luxembourg during the ministers' session, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            After a session that ran well past midnight in Luxembourg, European Union foreign ministers adopted a rule aimed at the trading houses that buy sanctioned dual-use goods in Europe and resell them through third countries. Two member states held out until the final hour, concerned about the burden on small exporters, and agreed only after a clause was added exempting firms below a certain size for the first year.

            The rule does three things:

            1. Exporters of listed dual-use goods must include a clause in every contract forbidding re-export to sanctioned destinations.
            2. Customs authorities must be told within thirty days if a buyer breaches that clause.
            3. Firms that repeatedly sell to buyers later found to be diverting goods can be barred from export licences for up to three years.

            > "For years we sanctioned the destination and ignored the route. Now the route has a name and an address," said a Dutch deputy foreign minister, Sanne Vermeulen.

            Compliance lawyers were quick to point out the gaps. Writing in [the *Brussels Trade Letter*](https://brussels-trade-letter.example/2026/re-export-clause), one noted that the clause binds only the first buyer, not the second or third. A study by the [Hollis Forum](https://hollis-forum.example/research/diversion-routes) found that diverted goods typically change hands four times before reaching their destination.

            :::roundup In other sanctions news
            - [Switzerland opens a review of frozen assets held in trusts](https://alpine-wire.example/2026/trust-review): Bern wants to know how many frozen holdings sit behind layers of trustees.
            - [Britain publishes its first register of overseas trusts owning property](https://thames-ledger.example/2026/trust-register): Campaigners say the register is welcome but riddled with exemptions.
            - [Japan adds forty items to its export-control list](https://tokyo-policy-review.example/2026/export-list): Most of the additions are machine tools and specialised sensors.
            - [Kazakhstan tightens checks on re-exported electronics](https://steppe-courier.example/2026/reexport-checks): The customs service will require origin certificates for dozens of product codes.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-tokyo-seoul-security-dialogue-resumes",
            title: "The Week in Statecraft: Tokyo and Seoul talk security again",
            dek: "Japan and South Korea revive a vice-ministerial dialogue and agree a missile-warning link. Plus: an ASEAN code of conduct, Australian submarines and a Taiwan Strait shipping notice.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["nuclear"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "kenji-arakawa"],
            daysAgo: 58,
            image: DemoImage(
                motif: .skyline,
                caption: "Kasumigaseki's ministry towers at dusk, as drawn for this column.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            Senior diplomats and defence officials from Japan and South Korea met in Tokyo this week for the first vice-ministerial security dialogue between the two countries in several years. The meeting produced one concrete result: a dedicated line for sharing missile-warning data in real time, so that neither side has to wait for the other's defence ministry to publish a launch report.

            The two delegations also discussed North Korea's nuclear programme, the protection of undersea cables in the Korea Strait and, more delicately, how to keep the dialogue going through changes of government in either capital. Both sides avoided the historical disputes that have derailed past rounds. According to [the *Tokyo Policy Review*](https://tokyo-policy-review.example/2026/vice-ministerial-dialogue), the agenda was agreed weeks in advance and neither delegation added items on the day.

            > "We did not solve the past this week. We made sure the present can be managed," said Japan's vice-minister for foreign affairs, Haruto Imai.

            His South Korean counterpart, first vice-minister Park Seo-yeon, told reporters that the warning line would be tested monthly. A researcher quoted by [the *Seoul Strategic Quarterly*](https://seoul-strategic-quarterly.example/2026/warning-line) said the test schedule mattered more than the agreement itself: lines that are never used, she noted, tend to be found broken when they are needed.

            :::roundup Around the region
            - [ASEAN officials circulate a new draft of the South China Sea code of conduct](https://south-china-sea-review.example/2026/coc-draft): The draft still leaves the geographic scope in square brackets.
            - [Australia's parliament approves funding for a submarine maintenance yard](https://southern-ocean-post.example/2026/sub-yard): The yard will be built near Perth.
            - [Taiwan's maritime authority issues a shipping notice for live-fire drills](https://pacific-register.example/2026/strait-notice): Commercial vessels were asked to avoid two zones for three days.
            :::

            :::roundup From the foreign ministries
            - [India and Japan sign a memorandum on port investment in the Andaman Islands](https://indo-pacific-ledger.example/2026/andaman-ports): The memorandum covers feasibility studies only, for now.
            - [New Zealand reopens its embassy in Port Moresby after renovation](https://pacific-register.example/2026/port-moresby-embassy): The mission will add a climate-finance adviser to its staff.
            - [Singapore hosts a closed-door meeting on undersea-cable repair ships](https://straits-policy-review.example/2026/cable-repair): Officials from nine countries discussed the shortage of vessels able to fix damaged cables.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-red-sea-underwriters-return",
            title: "The Week in Statecraft: The underwriters come back to the Red Sea",
            dek: "War-risk premiums for the Bab el-Mandeb fall for a third month as insurers narrow their listed area. Plus: Suez transit fees, a Djibouti port deal and talks in Muscat.",
            format: .reporting,
            section: "middle-east",
            topics: ["shipping"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 65,
            image: DemoImage(
                motif: .coastline,
                caption: "Container ships entering the Bab el-Mandeb strait, as drawn for this column.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            The London insurance market narrowed the area of the southern Red Sea it treats as high-risk this week, the clearest sign yet that shipowners and their underwriters believe the worst of the attacks on merchant vessels has passed. Premiums for war-risk cover, charged as a share of a ship's hull value for each voyage, have now fallen for three months in a row.

            The figures below, compiled by [the *Maritime Risk Bulletin*](https://maritime-risk-bulletin.example/2026/red-sea-premiums), show typical quotes for a large container ship:

            | Route | Peak premium | Three months ago | This week |
            |---|---|---|---|
            | Bab el-Mandeb transit | 1.0% | 0.7% | 0.35% |
            | Port call at Jeddah | 0.5% | 0.3% | 0.15% |
            | Gulf of Aden, no port call | 0.6% | 0.4% | 0.2% |

            Lower premiums do not mean ships will return at once. Carriers that rerouted around the Cape of Good Hope have rebuilt their schedules around the longer voyage, and changing them again takes months.

            > "We are not asking the shipping lines to trust us. We are asking them to look at the numbers every week," said the deputy chairman of the Suez Canal Authority, Yasser Mansour, announcing a temporary discount on transit fees.

            A naval officer serving with the European escort mission told [the *Gulf Dispatch*](https://gulf-dispatch.example/2026/escort-mission) that the mission's mandate runs until the end of the year, and that no decision has been taken on renewing it.

            :::roundup In other diplomatic news
            - [Djibouti signs a new concession for its container terminal](https://horn-review.example/2026/djibouti-terminal): The operator has committed to expanding capacity by a third.
            - [Oman hosts a round of indirect talks on prisoner exchanges](https://gulf-dispatch.example/2026/muscat-talks): Muscat confirmed the meeting but not the parties' names.
            - [Egypt and Saudi Arabia agree to study a power interconnector extension](https://nile-standard.example/2026/interconnector-study): The extension would link the grid to new solar farms near Tabuk.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-african-debt-for-adaptation-term-sheet",
            title: "The Week in Statecraft: African finance ministers bargain debt for adaptation",
            dek: "Fourteen governments agree a common term sheet for swapping debt payments for climate-adaptation spending. Plus: a Ghanaian bond, a Nigerian gas line and an AU vote in Geneva.",
            format: .reporting,
            section: "africa",
            topics: ["climate-security", "energy"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi", "ana-beatriz-costa"],
            daysAgo: 72,
            image: DemoImage(
                motif: .windows,
                caption: "A late-night session at the conference centre in Addis Ababa, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            Finance ministers and senior treasury officials from fourteen African countries, meeting at the UN Economic Commission for Africa in Addis Ababa, agreed a common term sheet for debt-for-adaptation swaps. The idea is not new: a creditor forgives part of a debt, and the borrower spends the savings on sea walls, irrigation or drought-resistant roads. What is new is that the borrowers have agreed on the terms before sitting down with the creditors, rather than negotiating one by one.

            The term sheet sets out a handful of common demands:

            - Savings must be counted against the country's own adaptation plan, not a list drawn up by the creditor.
            - Verification is done by a regional body, not by consultants hired by the lender.
            - Swaps must not be counted as aid in the creditor's budget.
            - Any swap above a set size must be published in full.

            > "We are tired of being offered a swap as a favour. This is a transaction, and we now know what we want from it," said Kenya's principal secretary for the treasury, Wanjiru Kamau.

            Creditors have not yet responded. An official at the IMF, speaking to [the *Nairobi Ledger*](https://nairobi-ledger.example/2026/adaptation-swaps), described the term sheet as "a serious document" but warned that publication requirements could deter private bondholders. The [Sahel Climate Finance Centre](https://sahel-climate-finance.example/briefs/term-sheet) estimates that the fourteen countries spend more on debt service than on health and adaptation combined.

            :::roundup From the capitals
            - [Ghana returns to the bond market with a small, expensive issue](https://accra-financial-review.example/2026/bond-return): Investors demanded a yield well above the government's hopes.
            - [Nigeria and Morocco sign a financing protocol for the first gas pipeline segment](https://gulf-of-guinea-post.example/2026/pipeline-segment): The segment would run along the coast to Benin and Togo.
            - [The African Group in Geneva backs a resolution on climate-displaced people](https://geneva-trade-review.example/2026/displacement-resolution): The text calls for a special rapporteur on the issue.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-geneva-fissile-material-talks-stall",
            title: "The Week in Statecraft: Geneva's fissile-material talks end without a text",
            dek: "An informal group of thirty states fails to agree on a verification manual after three weeks. Plus: an IAEA inspection, a test-ban station and a UN panel report.",
            format: .reporting,
            section: "defense",
            topics: ["nuclear", "united-nations"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 79,
            image: DemoImage(
                motif: .columns,
                caption: "The colonnade of the Palais des Nations, as drawn for this column.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            An informal working group of thirty states, meeting in Geneva for three weeks, ended its session without agreeing on a draft manual for verifying stocks of fissile material, the highly enriched uranium and plutonium from which nuclear weapons are made. The group had been set up to do the technical groundwork for a treaty that has been discussed, and blocked, for decades. Its members had hoped that a manual, rather than a treaty, would be modest enough to agree.

            It was not. The sticking point, according to delegates quoted by [the *Arms Control Monitor*](https://arms-control-monitor.example/2026/geneva-fissile-session), was whether existing stocks should be covered or only future production. States with large stockpiles wanted the manual limited to new material; others argued that a verification system blind to the existing stock would verify very little.

            > "We agreed on the measuring instruments. We could not agree on what to point them at," said the chair of the group, Ambassador Tomás Elizondo of Uruguay.

            ## What comes next

            The chair will circulate a summary under his own responsibility, which commits no government. Several delegations asked for the group to be reconvened next year; two said they would not take part. A researcher at the [Hollis Forum](https://hollis-forum.example/research/fissile-verification) argued that the technical chapters already agreed, on sampling and seals, are worth publishing on their own.

            :::roundup In arms control
            - [IAEA inspectors complete a visit to a research reactor in Central Asia](https://vienna-nuclear-letter.example/2026/research-reactor-visit): The agency said the visit found no discrepancies.
            - [A new test-ban monitoring station opens in the South Pacific](https://pacific-register.example/2026/monitoring-station): The station will listen for underwater explosions.
            - [A UN expert panel publishes its report on missile technology transfers](https://un-corridor.example/2026/panel-report): Two members of the Security Council objected to its findings.
            :::
            """
        ),
        DemoArticle(
            slug: "statecraft-lithium-triangle-water-protocol",
            title: "The Week in Statecraft: The lithium triangle agrees to measure its water",
            dek: "Argentina, Bolivia and Chile will jointly monitor groundwater under their shared salt flats. Plus: a Paraguayan dam, an Uruguayan trade bid and Mexico's consulates.",
            format: .reporting,
            section: "americas",
            topics: ["energy", "climate-security"],
            series: "week-in-statecraft",
            authors: ["nadia-rahimi"],
            daysAgo: 86,
            image: DemoImage(
                motif: .hills,
                caption: "Evaporation ponds on a high Andean salt flat, as drawn for this column.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            Mining and environment officials from Argentina, Bolivia and Chile, meeting in the Argentine city of Salta, signed a protocol to monitor groundwater jointly in the high salt flats where the three countries' lithium deposits meet. The brines that lithium producers pump to the surface come from aquifers that do not respect borders, and communities on all three sides have complained that extraction on one side lowers the water table on the other.

            The protocol sets up a network of shared monitoring wells, a common method for measuring water levels and a public database updated each quarter. It does not set limits on extraction, which each government insisted on keeping for itself. According to [the *Andean Review*](https://andean-review.example/2026/salta-protocol), the first wells will be drilled on the Argentine–Chilean border, where the data gaps are widest.

            > "Until now, each of us had half a map and blamed the other for the missing half," said Chile's deputy minister for mining, Valentina Órdenes.

            ## Why it matters

            Lithium has made the three countries more important to governments elsewhere, and more cautious about how they use that importance. Shared data is a modest step, but it gives indigenous communities in the puna something they have asked for for years: numbers that no single company or government controls. The [Puna Water Council](https://puna-water-council.example/2026/protocol-statement) welcomed the protocol and asked for a seat on its technical committee.

            :::roundup From the foreign ministries
            - [Paraguay and Brazil open talks on the next phase of their shared dam's tariff](https://planalto-observer.example/2026/dam-tariff): The two sides remain far apart on the price of electricity.
            - [Uruguay formally applies to join a trans-Pacific trade pact](https://rio-de-la-plata-review.example/2026/trade-bid): Montevideo's partners in Mercosur were informed the day before.
            - [Mexico opens three new consulates in the American Midwest](https://hemisphere-weekly.example/2026/new-consulates): The foreign ministry cited growing demand for documents.
            - [Colombia and Ecuador agree to a joint border health campaign](https://andean-review.example/2026/border-health): Mobile clinics will visit river communities on both sides.
            :::
            """
        ),
    ]
}
