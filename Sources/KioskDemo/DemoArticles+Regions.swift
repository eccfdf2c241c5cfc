import KioskCore

extension DemoPublication {
    /// Twenty-four articles from the Europe, Asia-Pacific and Middle East desks, eight per section.
    static let regionArticles: [DemoArticle] = [
        // MARK: Europe

        DemoArticle(
            slug: "baltic-capitals-seek-permanent-air-defence",
            title: "Baltic capitals ask NATO to make air-defence rotations permanent",
            dek: "Vilnius, Riga and Tallinn want ground-based batteries that stay put, not visitors that come and go. Allies are sympathetic, and short of launchers.",
            format: .reporting,
            section: "europe",
            topics: ["nato"],
            series: nil,
            authors: ["maren-holt"],
            daysAgo: 0,
            image: DemoImage(
                motif: .skyline,
                caption: "Vilnius rooftops under a low winter sky, as drawn for this article.",
                credit: "Illustration: Tove Lindahl / The Meridian"
            ),
            body: """
                The three Baltic governments have formally asked NATO to turn the rotating deployments of ground-based air-defence batteries on their territory into a standing presence, according to a joint letter delivered to the alliance's military committee this week and seen by *The Meridian*.

                The request is not new in spirit. Under the alliance's rotational model, Lithuania, Latvia and Estonia have hosted allied batteries for stretches of a few weeks to a few months at a time. What is new is the detail. The letter sets a target of at least two medium-range batteries present in the region at all times, with host-nation crews training alongside them and a shared maintenance depot in Latvia.

                > "A rotation tells an adversary when the gap will open," a Lithuanian deputy defence minister, Rokas Vaitiekus, said in an interview in Vilnius. "We are asking allies to close the calendar."

                ## The launcher problem

                Allied officials do not dispute the logic. Their difficulty is supply. Several European armies have given launchers and interceptors to Ukraine and are waiting on replacement orders that will take years to deliver. A senior official at NATO headquarters, speaking on condition of anonymity, described the Baltic letter as "correct on the threat and optimistic on the inventory."

                Germany, which leads the allied battlegroup in Lithuania and is building up a brigade there, has signalled it could extend its current air-defence deployment but not make it permanent before new systems arrive. The Netherlands has offered crews without hardware. According to the [*Baltic Ledger*](https://baltic-ledger.example/2026/air-defence-letter), Estonia has proposed a cost-sharing formula under which the hosts would pay for infrastructure and fuel while contributing nations supply the equipment.

                ## What happens next

                Defence ministers are expected to discuss the letter at their next meeting, though no decision is likely before the alliance's force-planning cycle closes. Analysts at the [Tallinn Centre for Northern Security](https://tcns.example/briefs/air-defence-gap) note that the request fits a broader shift on the eastern flank, from demonstrating resolve to building defences that could hold on the first day of a crisis.

                For the Baltic capitals, the timing is deliberate. Each now spends well above three percent of national output on defence, and each wants allies to match money with presence.

                "We have built the shelters, the roads and the radars," Mr Vaitiekus said. "What we cannot build on our own is a factory for interceptors. That is where we need our friends."
                """
        ),

        DemoArticle(
            slug: "field-notes-night-cable-watch-gulf-of-finland",
            title: "Field Notes: A night on the cable watch in the Gulf of Finland",
            dek: "Aboard a Finnish patrol vessel, protecting undersea infrastructure turns out to be mostly patience, radar and coffee.",
            format: .reporting,
            section: "europe",
            topics: ["shipping", "nato"],
            series: "field-notes",
            authors: ["maren-holt"],
            daysAgo: 12,
            image: DemoImage(
                motif: .rings,
                caption: "Radar sweeps over the Gulf of Finland during a night patrol, as drawn for this article.",
                credit: "Illustration: Marco Ferrante / The Meridian"
            ),
            body: """
                The watch officer on the bridge hands me a mug before she hands me anything else. It is just after ten at night, the Gulf of Finland is flat and black, and the radar screen in front of her shows about forty contacts, most of them cargo ships and tankers waiting their turn for the ports further east.

                "Most nights, nothing," says Lieutenant Commander Saara Lindroos, who has spent eleven years in the Finnish coast guard's offshore units. "The job is to know what nothing looks like, so you notice when something is different."

                Different, she explains, is a vessel that slows over a cable route for no reason, or drops to walking pace, or switches off its transponder near one of the pipelines and power links that now crisscross the seabed between Finland and Estonia. Since a series of cable breaks in the region, the two countries and their neighbours have divided the gulf into patrol boxes, and every night some ship sits over the most sensitive stretch.

                ## The long middle of the night

                I had expected drama. There is almost none. Around midnight a tanker registered in a small island state drifts toward the edge of the protected corridor. Lindroos calls it on the radio, in English, and after a pause of perhaps a minute it corrects course. She writes the time in a paper log as well as the electronic one. "Courts like paper," she says.

                At two, the Estonian vessel in the neighbouring box reports a fishing boat loitering. It turns out to be fishing.

                > "The hardest thing to explain to people ashore is that deterrence is boring," Lindroos tells me as the sky lightens over the Porkkala peninsula. "If it works, my report says nothing happened."

                ## What the watch cannot do

                The patrols can observe, warn and follow. Boarding a foreign-flagged ship in international waters is another matter, and the legal basis for doing so remains unsettled, as the [*Helsinki Maritime Review*](https://helsinki-maritime.example/2026/boarding-rules) has reported in detail. The alliance adds aircraft and drones overhead, but the decisions on the water still fall to national crews like this one.

                By six we turn for port. Forty contacts on the screen, roughly the same forty. Nothing happened, and the log says so.
                """
        ),

        DemoArticle(
            slug: "europe-gas-storage-arithmetic-tighter",
            title: "Europe’s gas storage arithmetic is tighter than the headlines suggest",
            dek: "Tanks are full enough on paper. But who holds the gas, and what it cost, tells a more fragile story for the end of winter.",
            format: .analysis,
            section: "europe",
            topics: ["energy", "sanctions"],
            series: nil,
            authors: ["pieter-van-dam", "ana-beatriz-costa"],
            daysAgo: 20,
            image: DemoImage(
                motif: .windows,
                caption: "A grid of lit apartment windows on a cold evening, as drawn for this article.",
                credit: "Illustration: Aiko Morrow / The Meridian"
            ),
            body: """
                At the start of the heating season, the European Union's gas storage sites were, in aggregate, close to the level Brussels asks member states to reach. Ministers said so, with some relief, at their last energy council. The aggregate hides more than it shows.

                Storage matters less for what it holds in November than for what is left in March. A cold late winter, a slow spring for solar output, or an outage at a large liquefied natural gas terminal can drain sites quickly. The question is not whether Europe starts winter with enough gas, but whether the countries least able to buy more at short notice will end it with enough.

                ## Uneven cushions

                Figures compiled by the [Rhine Energy Observatory](https://rhine-energy.example/data/storage-winter), an independent research group, show how unevenly the cushion is spread. Storage capacity relative to annual demand varies widely, and so does the share of stored gas bought on the spot market at peak prices rather than under long-term contracts.

                | Country | Fill at start of winter | Capacity as share of annual demand | Bought on spot market |
                |---|---|---|---|
                | Germany | 88% | 29% | 41% |
                | Italy | 93% | 28% | 29% |
                | Austria | 91% | 110% | 34% |
                | Hungary | 86% | 65% | 22% |
                | Netherlands | 79% | 45% | 52% |

                Austria can store more than a year's consumption; Germany, the largest consumer, cannot store a third of it. The Netherlands, long the continent's swing supplier, is now among the most exposed to spot prices after closing its largest field.

                ## The sanctions angle

                The remaining Russian pipeline and LNG flows into the bloc are due to end under the EU's phase-out plan, and each step removes an option that some traders have quietly treated as a backstop. A Commission official, Henrike Vos, told *The Meridian* that the phase-out timetable was "not a variable in winter planning." Traders see it differently. Several said they are pricing the chance that a late cold snap coincides with the next step.

                ## What to watch

                - Withdrawal rates in February, when northern sites usually draw down fastest.
                - LNG cargoes diverted to Asia if prices there rise above European hubs.
                - Whether states with large storage release gas to neighbours under the bloc's solidarity rules.

                None of these is a crisis in waiting. Together they suggest that the comfortable aggregate is the beginning of the analysis, not its end.
                """
        ),

        DemoArticle(
            slug: "moldova-deputy-foreign-minister-interview",
            title: "‘We cannot be a buffer forever’: Moldova’s deputy foreign minister on energy and Europe",
            dek: "Corina Vâlcu on power lines, gas contracts, elections, and why her country's accession talks depend on what happens in the kitchen as much as in Brussels.",
            format: .interview,
            section: "europe",
            topics: ["energy", "elections"],
            series: nil,
            authors: ["maren-holt"],
            daysAgo: 27,
            image: DemoImage(
                motif: .hills,
                caption: "The road toward Chișinău through rolling vineyards, as drawn for this article.",
                credit: "Illustration: Yusuf Demir / The Meridian"
            ),
            body: """
                Moldova's government has spent several years rebuilding its energy system away from a single supplier while negotiating to join the European Union. Corina Vâlcu, a deputy foreign minister who oversees the European integration file, spoke to *The Meridian* in Chișinău. The interview has been edited for length and clarity.

                **Your country was long described as a buffer state. Is that still how you see it?**

                We were described that way by others. A buffer is something that absorbs shocks so that someone else does not have to. For thirty years that is what we did, on energy, on migration, on security. We cannot be a buffer forever. Accession is how a country stops being an edge and becomes part of the middle.

                **Energy was the most direct form of pressure. Where does Moldova stand now?**

                Much better than three winters ago. We buy gas from several sources through Romania, we have new electricity interconnections, and our storage arrangements with neighbours are in writing. Prices are still high for households, and that is a political fact I will not deny. But a high price you can plan for is different from a tap someone else can close.

                **Critics say the government used the energy crisis to win elections.**

                Every government that survives a crisis is accused of that. I would point to turnout and to the observers' reports. The [*Danube Courier*](https://danube-courier.example/2026/moldova-vote-observers) published the monitors' findings in full, and they are not flattering to everyone, including us. We have work to do on media ownership and party financing, and the Commission has told us so.

                **What is the hardest chapter of the accession talks?**

                Not the one people expect. It is the judiciary, because reform there takes people, not laws. You can pass a statute in a week. You cannot train a generation of judges in a week.

                **And Transnistria?**

                It is part of Moldova, and it will be part of the solution. People on the left bank felt the energy crisis more sharply than anyone. Many of them now see, in practical terms, what integration with Europe offers. We prefer that argument to any other.

                **What do you need from Brussels that you are not getting?**

                Speed on infrastructure, patience on reform. Usually we are offered the opposite.
                """
        ),

        DemoArticle(
            slug: "europe-asylum-pact-needs-a-court",
            title: "Europe’s asylum pact needs a court, not a calendar",
            dek: "The bloc has set deadlines for deciding claims at its borders. Without independent oversight of how those deadlines are met, the rules will fail on their own terms.",
            format: .opinion,
            section: "europe",
            topics: ["migration", "human-rights"],
            series: nil,
            authors: ["grace-mwangi"],
            daysAgo: 41,
            image: DemoImage(
                motif: .columns,
                caption: "A row of courthouse columns in pale morning light, as drawn for this article.",
                credit: "Illustration: Clara Novak / The Meridian"
            ),
            body: """
                The European Union's new rules on asylum were sold as a trade. Frontline states would accept faster procedures at the border, with screening and, for some applicants, decisions within weeks. Other member states would share the load, either by relocating people or by paying into a common pool. Speed in exchange for solidarity.

                Speed is the part that is easy to measure, and so it is the part governments will report: how many claims were screened within the deadline, how many border procedures ended on time, how many returns followed. These numbers will fill ministerial communiqués. What they will not show is whether the decisions were right.

                ## Deadlines without review

                A border procedure that must conclude within twelve weeks puts enormous pressure on the people running it. Interpreters are scarce. Legal aid, where it exists, is thin. In reception centres I have visited in southern Europe over the past year, lawyers described meeting clients for the first time on the day of their appeal hearing. One, working in a centre on an Aegean island, put it plainly:

                > "The law gives my client a right to be heard. The calendar gives me forty minutes."

                The rules do require member states to set up independent monitoring of the screening stage. In practice, according to a survey by the [Geneva Forum on Refugee Law](https://gfrl.example/reports/monitoring-mechanisms), several governments have handed that task to bodies that lack the staff, the access or the legal power to intervene. A monitor who can write a report but cannot stop a wrongful removal is a historian, not a safeguard.

                ## What would work

                Three changes would cost little and protect a great deal:

                1. Give national monitoring bodies a right of unannounced access to every border facility, and a duty to publish their findings within a fixed period.
                2. Fund legal counsel from the first day of the procedure, not from the appeal.
                3. Tie the solidarity support that frontline states receive to the findings of their monitors, so that the trade at the heart of the pact runs both ways.

                None of this slows the system down. It makes the speed defensible. The pact's architects argue that fast, fair procedures will restore public trust in asylum. They are right that trust matters. It will not come back through deadlines alone. It will come back when people can see that decisions made in a hurry would survive a careful second look.
                """
        ),

        DemoArticle(
            slug: "how-eu-sanctions-packages-get-agreed",
            title: "How an EU sanctions package actually gets agreed",
            dek: "From a Commission proposal to the Official Journal, every new round of restrictive measures passes through the same narrow gate: unanimity.",
            format: .explainer,
            section: "europe",
            topics: ["sanctions"],
            series: nil,
            authors: ["pieter-van-dam"],
            daysAgo: 55,
            image: DemoImage(
                motif: .columns,
                caption: "The columned entrance of a council building in Brussels, as drawn for this article.",
                credit: "Illustration: Tove Lindahl / The Meridian"
            ),
            body: """
                Each time the European Union announces a new package of sanctions, the headline number is the easy part. The process behind it is less familiar, and it explains why packages are so often smaller, later and more carefully worded than their authors intended.

                ## Two legal acts, not one

                EU sanctions rest on two instruments. The first is a Council decision under the common foreign and security policy, which records the political choice: who is listed, which goods are banned. The second is a Council regulation, based on Article 215 of the Treaty on the Functioning of the EU, which turns the economic parts of that decision into law binding on companies and banks. Both must be adopted, and both are published in the Official Journal, usually the day they take effect.

                ## The route through Brussels

                A typical package moves through four stages:

                1. **Proposal.** The Commission and the High Representative for foreign affairs draft a joint proposal, usually after informal soundings in capitals.
                2. **Working party.** Diplomats in the Council's working party of foreign relations counsellors go through the text line by line. Most of the bargaining happens here.
                3. **Ambassadors.** Unresolved points go up to the committee of permanent representatives, known by its French acronym, Coreper.
                4. **Adoption.** The Council adopts the decision and the regulation, often by written procedure rather than at a ministerial meeting.

                ## Why unanimity shapes everything

                Every member state must agree to the decision. That gives each capital a veto, and a veto is also a bargaining chip. A government may seek an exemption for a product its industry depends on, a longer wind-down for existing contracts, or the removal of a name from the list.

                > "The package that is adopted is the one nobody vetoed, which is not the same as the one anybody designed," a Council diplomat, Jan Verhelst, told *The Meridian*.

                Listings must also survive in court. Individuals and companies can challenge their designation at the EU's General Court, and they win often enough that lawyers drafting packages now spend as much time on evidence files as on the lists themselves. The [*Brussels Docket*](https://brussels-docket.example/2026/sanctions-annulments) tracks these cases and has counted dozens of annulments since the regimes expanded.

                ## Renewal

                Most regimes must be renewed at fixed intervals, usually every six or twelve months. Each renewal is another unanimous vote, and another chance for a reluctant government to ask for something in return.
                """
        ),

        DemoArticle(
            slug: "constanta-port-tests-nato-logistics",
            title: "Romania’s Black Sea port becomes a test of NATO’s logistics",
            dek: "Constanța handles grain, containers and a growing share of allied military cargo. The port was not built to do all three at once.",
            format: .reporting,
            section: "europe",
            topics: ["nato", "shipping"],
            series: nil,
            authors: ["maren-holt", "daniel-kessler"],
            daysAgo: 68,
            image: DemoImage(
                motif: .coastline,
                caption: "Cranes and breakwaters at Constanța, as drawn for this article.",
                credit: "Illustration: Marco Ferrante / The Meridian"
            ),
            body: """
                On a weekday morning at Constanța, the queue of lorries waiting to enter the port's southern gates stretches back past the petrol stations on the ring road. Some carry Ukrainian grain brought down the Danube. Some carry containers. A growing number carry military equipment for the allied forces stationed in Romania, which have grown as NATO has thickened its presence on its south-eastern flank.

                Romania wants Constanța to be the hub through which reinforcements would flow into the region in a crisis. Port officials welcome the role and the investment that comes with it. They also say that infrastructure built for a different era of trade is being asked to do three jobs at once.

                > "We can move grain, or we can move tanks, or we can move the goods Romania imports," said Andrei Mocanu, a deputy director at the port authority. "On a good day we can do two of those well."

                ## Rail is the bottleneck

                The constraint is less the quays than what lies behind them. Heavy trains still move slowly on several key lines, and military cargo, which often needs special flatcars and escorts, competes for the same slots as commercial freight. An assessment by the [Black Sea Security Institute](https://bssi.example/papers/constanta-throughput) estimated that a brigade's worth of heavy equipment could take nearly twice as long to clear the port as allied planners assume.

                The EU's military mobility fund and NATO's infrastructure programme have both committed money to upgrades, including new sidings and work on the line toward the Danube bridges at Cernavodă. Most of it will not be finished for several years.

                ## Industry watches closely

                For defence companies, the port is also a market. Several manufacturers have set up maintenance and storage sites nearby, betting that forces rotating through Romania will want equipment serviced close to where it is used. One executive called the region "the new Rhine", a reference to the depots that supported allied forces in West Germany during the cold war.

                :::roundup Elsewhere on the Black Sea
                - [Bulgaria opens a tender for a second mine-clearance vessel](https://sofia-maritime.example/2026/mine-clearance-tender): Varna wants the ship in service before the next grain season.
                - [Turkey reviews pilotage rules for the Bosphorus after a near-collision](https://straits-observer.example/2026/bosphorus-pilotage): The changes would apply to tankers above a set length.
                - [Georgia's port of Poti adds a rail-ferry berth](https://caucasus-freight.example/2026/poti-rail-ferry): The berth is meant to shorten transit times to Romania and Bulgaria.
                - [Insurers trim war-risk premiums for Danube traffic](https://danube-courier.example/2026/war-risk-danube): Rates remain well above their pre-war levels.
                :::
                """
        ),

        DemoArticle(
            slug: "review-the-hinge-lands-eastern-edge",
            title: "Review: ‘The Hinge Lands’ and the long history of Europe’s eastern edge",
            dek: "A historian's account of the borderlands between the Baltic and the Black Sea argues that frontiers are made by the people who cross them.",
            format: .review,
            section: "europe",
            topics: ["nato", "migration"],
            series: nil,
            authors: ["nadia-rahimi"],
            daysAgo: 83,
            image: DemoImage(
                motif: .hills,
                caption: "A country road crossing a low ridge toward a distant border post, as drawn for this article.",
                credit: "Illustration: Aiko Morrow / The Meridian"
            ),
            body: """
                *The Hinge Lands: A History of Europe's Eastern Edge*, by Teodor Malinowski. Halden & Rowe, 412 pages.

                Books about Europe's eastern frontier tend to fall into two camps. There are the strategic studies, heavy with maps of corridors and gaps, in which the land between the Baltic and the Black Sea exists chiefly as a problem for planners. And there are the memoirs, rich in villages and grandmothers, in which politics arrives only as weather. Teodor Malinowski, a historian who has spent two decades in the archives of Vilnius, Lviv and Iași, has written something rarer: a book in which the people and the planners share the page.

                His central argument is that frontiers in this region were made less by treaties than by crossings. Merchants, seasonal labourers, refugees, smugglers and soldiers moved back and forth across lines that empires drew and redrew, and their movement decided where the lines actually held. A border, Malinowski writes, "is a habit before it is a fact."

                ## Strengths

                The early chapters, on the grain trade that tied Baltic ports to the interior, are the best. Malinowski has a gift for the telling detail: customs ledgers that record the same family crossing a river forty times in a decade, each time under a different sovereign. His chapter on the population transfers after the second world war is sober and devastating, and it refuses the comfort of assigning all blame to one side.

                He is good on the present, too. A late chapter on the return of hard borders, with their fences, rotating allied battalions and new asylum rules, argues that the region is being re-hinged, fastened to the West more firmly than ever, and that the people along its edge are paying in severed ties that strategists rarely count.

                ## Weaknesses

                The book is long, and the middle third, on the interwar years, sags under the weight of diplomatic correspondence. Readers looking for policy prescriptions will find few. And the treatment of NATO's enlargement, though fair, leans on published memoirs rather than the archival work that makes the earlier chapters so strong.

                ## Verdict

                These are quibbles with a serious and humane book. Anyone trying to understand why the eastern flank matters to the people who live on it, and not only to those who defend it, should read it. As the [*Vistula Review of Books*](https://vistula-review.example/2026/hinge-lands) put it, Malinowski "writes about maps as if they were inhabited." They are, and he never lets us forget it.
                """
        ),

        // MARK: Asia-Pacific

        DemoArticle(
            slug: "pacific-islands-push-shipping-emissions-levy",
            title: "Pacific island states push for a shipping emissions levy, with the money sent home",
            dek: "A bloc of small island governments wants part of any global carbon price on shipping to pay for adaptation in the places that depend on ships the most.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["climate-security", "shipping"],
            series: nil,
            authors: ["ana-beatriz-costa", "kenji-arakawa"],
            daysAgo: 3,
            image: DemoImage(
                motif: .coastline,
                caption: "An atoll lagoon with an inter-island freighter at anchor, as drawn for this article.",
                credit: "Illustration: Yusuf Demir / The Meridian"
            ),
            body: """
                Ministers from eleven Pacific island governments agreed in Suva this week to present a joint position to the International Maritime Organization, calling for a universal levy on greenhouse gas emissions from shipping and a fixed share of the revenue for climate adaptation in small island states.

                The position, set out in a six-page communiqué, sharpens a demand the islands have made at the IMO for years. Its novelty is the distribution formula. The islands want at least a third of any levy's proceeds directed to vulnerable coastal and island economies, and they want the money to flow through regional institutions rather than the large multilateral funds that, they argue, have been slow to disburse.

                > "We are the most ship-dependent countries on earth and the least responsible for the emissions," said Talei Vunisea, a climate envoy who chaired the Suva meeting. "If there is a price on carbon at sea, it should buy sea walls here."

                ## A divided organisation

                The proposal enters a difficult negotiation. Large exporting economies worry that a levy would raise the cost of their goods in distant markets, and some flag states whose registries compete on cost have resisted anything beyond efficiency standards. At recent sessions of the IMO's marine environment protection committee, member states could not agree on how to price emissions, and decisions were put off.

                Island officials say the delay has a cost of its own. Inter-island shipping, already expensive, is the lifeline for food, fuel and medicine in archipelagos spread across thousands of kilometres of ocean. Several governments are trialling sail-assisted cargo vessels on domestic routes, with mixed results reported by the [*Pacific Tidings*](https://pacific-tidings.example/2026/sail-cargo-trials).

                ## The security argument

                The communiqué frames the issue in security terms, a deliberate choice. Island leaders have long described climate change as the region's primary security threat, and they increasingly use that language in forums where larger powers compete for their attention.

                An analyst at the [Lisbon Centre for Climate and Conflict](https://lccc.example/briefs/pacific-levy) said the framing "asks the powers courting the Pacific to put their money where their strategy documents are." Delegates in Suva were blunter. Several noted that the same governments offering the region patrol boats and port upgrades have been among the most cautious about a levy.
                """
        ),

        DemoArticle(
            slug: "field-notes-slow-ferry-to-yonaguni",
            title: "Field Notes: On the slow ferry to Yonaguni",
            dek: "Japan's westernmost island is rehearsing how to evacuate its residents. On the four-hour crossing, passengers talk about cattle, divers and the drills.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["shipping"],
            series: "field-notes",
            authors: ["kenji-arakawa"],
            daysAgo: 14,
            image: DemoImage(
                motif: .coastline,
                caption: "The ferry approaching Yonaguni's cliffs in a heavy swell, as drawn for this article.",
                credit: "Illustration: Clara Novak / The Meridian"
            ),
            body: """
                The ferry from Ishigaki to Yonaguni leaves in the morning and, if the swell is kind, arrives about four hours later at the Japanese island closest to Taiwan. The swell is not kind today. Half the passengers lie flat on the carpeted floor of the second-class cabin with their eyes closed. The other half, mostly islanders, play cards.

                I am going to Yonaguni because its 1,700 or so residents have been asked, along with more than a hundred thousand people across the Sakishima islands, to think about something most Japanese never have to: how they would leave if a crisis in nearby waters made staying unsafe. National and prefectural officials have drafted plans to move the population of the southern islands to Kyushu and beyond by ship and aircraft over about a week.

                ## The arithmetic of a small ferry

                The ferry carries a little over a hundred passengers. A man in his sixties who raises cattle on the island's eastern plateau does the sums for me on the back of a receipt. "Seventeen hundred people. A hundred per trip. Two sailings a week, if the sea allows." He shrugs. "They will need more boats."

                Officials know this. The plans assume chartered vessels and aircraft, and the most recent drill tested the registration of evacuees at the port and airport rather than the transport itself. Mayumi Kina, who works in the town office, says more residents took part than expected.

                "People want to know where they will sleep, who will feed the cattle, whether they can come back," she says. "The plan answers the first question."

                > "We do not feel like a front line," a schoolteacher tells me as the cliffs come into view. "We feel like an island. But people in Tokyo talk about us as a front line, so we listen."

                ## Arrival

                At the port, a faded banner welcomes the divers who come in winter for the hammerhead sharks. A small Self-Defense Forces unit has been on the island since 2016, and its radar domes are visible from the road into Sonai, the main village.

                The residents I meet are neither alarmed nor dismissive. They are practical, in the way of people whose lives run on a ferry timetable. Several say the same thing, unprompted: they would like the planners in Tokyo to spend a night here, and take the ferry both ways, before the next drill.
                """
        ),

        DemoArticle(
            slug: "malacca-bottleneck-week-of-rerouted-tankers",
            title: "The Malacca bottleneck: what a week of rerouted tankers revealed",
            dek: "When a grounding narrowed the Singapore Strait for six days, the detours that followed showed how little slack there is in Asia's energy shipping.",
            format: .analysis,
            section: "asia-pacific",
            topics: ["shipping", "energy"],
            series: nil,
            authors: ["kenji-arakawa", "pieter-van-dam"],
            daysAgo: 25,
            image: DemoImage(
                motif: .rings,
                caption: "Radar rings over a crowded strait, as drawn for this article.",
                credit: "Illustration: Tove Lindahl / The Meridian"
            ),
            body: """
                For six days last month, a grounded bulk carrier and the salvage operation around it closed one lane of the traffic scheme in the Singapore Strait. Port authorities kept the other lane open, and ships moved in escorted convoys. Nothing was ever fully shut. Yet the episode, which drew little attention outside the shipping press, was a useful stress test of a route that carries much of the crude oil and liquefied natural gas bound for East Asia.

                ## The detours

                Some operators, unwilling to wait in the queue that formed at the western end of the strait, sent ships the long way round, through Indonesia's Sunda or Lombok straits. Figures from [Straits Freight Analytics](https://straits-freight.example/reports/singapore-lane-closure), a consultancy that tracked the diversions, give a sense of the cost.

                | Route from the Gulf to northeast Asia | Extra distance | Extra days at 13 knots | Ships diverted |
                |---|---|---|---|
                | Malacca and Singapore (baseline) | none | none | none |
                | Sunda Strait | about 600 nautical miles | about 2 | 14 |
                | Lombok and Makassar straits | about 1,000 nautical miles | about 3 | 37 |

                Many of the diverted ships were very large crude carriers, which sometimes take the Lombok route anyway when fully laden because of draught limits near Singapore. For them the detour was an inconvenience. The pain fell on smaller product tankers and LNG carriers on tight delivery schedules.

                ## Three lessons

                First, the strait's resilience depends less on alternative routes than on traffic management. Singapore's convoy system kept a partial closure from becoming a blockade.

                Second, the costs fell unevenly. Japanese and South Korean utilities, which hold large fuel stocks, absorbed the delays easily. Buyers in smaller Southeast Asian markets did not, and spot prices for some refined products in the region rose sharply for several days.

                Third, the episode showed how fast charter markets price uncertainty. Rates for product tankers in the region rose by roughly a fifth during the closure, according to brokers, and had not fully fallen back a fortnight later.

                > "Everyone models Malacca as a chokepoint for war," said Hiroshi Tanabe, a former transport ministry official who now advises shipping firms. "The more likely disruption is a bad week at sea, and we are not especially ready for that either."

                The lesson for governments drafting energy-security plans is modest but concrete. Stockpiles and traffic management do more than contingency routes, and both are cheaper to build before a bad week than during one.
                """
        ),

        DemoArticle(
            slug: "japan-south-korea-rehearse-missile-warning",
            title: "Japan and South Korea rehearse a shared missile-warning picture",
            dek: "A tabletop exercise in Tokyo tested how quickly the two governments could pass launch data to each other, and to the public, in the minutes after a North Korean test.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["nuclear"],
            series: nil,
            authors: ["kenji-arakawa"],
            daysAgo: 33,
            image: DemoImage(
                motif: .rings,
                caption: "Radar sweeps over the sea between Japan and Korea, as drawn for this article.",
                credit: "Illustration: Marco Ferrante / The Meridian"
            ),
            body: """
                Officials from Japan and South Korea spent two days in Tokyo this week rehearsing how they would share warning information in the first minutes after a North Korean ballistic missile launch, the latest step in a security relationship that has warmed considerably after years of friction.

                The exercise, hosted by the foreign ministry and involving defence, coast guard and disaster-management officials from both countries, was a tabletop event rather than a live drill. Participants worked through scenarios in which a missile's trajectory was unclear at first, in which debris was expected to fall near shipping lanes, and in which one side's radar lost track before the other's.

                ## Seconds and minutes

                Real-time sharing of missile-warning data between Tokyo and Seoul, linked through a trilateral arrangement with the United States, has been running for some time. What the exercise tested was the layer after the data: who tells fishing fleets to clear an area, who briefs airlines, and how public alerts in each country are worded so that they do not contradict each other.

                > "The radar picture is now shared in seconds," said Takuya Oshiro, a Japanese foreign ministry official who led his delegation. "What we are working on is the human part, which still takes minutes."

                According to participants, one scenario exposed a gap in how the two coast guards notify vessels near the edge of their respective search-and-rescue zones. Han Yoo-seon, a South Korean official, said the two sides had agreed to draft a common notification template within three months.

                ## The nuclear shadow

                The exercise did not address North Korea's nuclear programme directly, but its premise was shaped by it. Pyongyang has tested missiles of growing range and variety in recent years and has described several of them as able to carry nuclear warheads. Analysts at the [Seoul Peninsula Forum](https://peninsula-forum.example/briefs/warning-cooperation) argue that faster joint warning reduces the risk that a test is mistaken for an attack, and with it the risk of an overreaction.

                Domestic politics remain a constraint. Security cooperation has at times been held hostage to disputes over history in both countries, and officials were careful to describe the exercise as technical. A joint statement released afterwards ran to four sentences. One participant said that was the point: "The less there is to argue about in public, the more we can do in the room."
                """
        ),

        DemoArticle(
            slug: "what-the-korean-armistice-says",
            title: "What the Korean armistice does, and does not, say",
            dek: "The 1953 agreement stopped the fighting but never ended the war. More than seventy years on, its machinery still shapes every crisis on the peninsula.",
            format: .explainer,
            section: "asia-pacific",
            topics: ["ceasefires", "nuclear"],
            series: nil,
            authors: ["kenji-arakawa"],
            daysAgo: 47,
            image: DemoImage(
                motif: .hills,
                caption: "Low wooded hills along the demilitarised zone, as drawn for this article.",
                credit: "Illustration: Aiko Morrow / The Meridian"
            ),
            body: """
                When the two Koreas trade threats, commentators often note that they are "technically still at war." That is true, and it is worth understanding why, because the document that created the situation is still in force and its machinery still matters.

                ## Who signed it

                The Korean Armistice Agreement was signed at Panmunjom on 27 July 1953 by military commanders, not governments: the commander of the United Nations Command on one side, and the commanders of the Korean People's Army and the Chinese People's Volunteers on the other. South Korea's government, which opposed a settlement that left the peninsula divided, did not sign, though it has broadly observed the agreement since.

                ## What it set up

                - **A line and a buffer.** The agreement fixed a military demarcation line roughly where the front stood, with a demilitarised zone extending two kilometres on either side.
                - **A commission for violations.** The Military Armistice Commission, with members from both sides, was meant to supervise the truce and settle incidents. It has been largely idle for decades, though the UN Command still keeps channels open at Panmunjom.
                - **Neutral observers.** A Neutral Nations Supervisory Commission was formed with members from Sweden, Switzerland, Poland and Czechoslovakia. Today only the Swiss and Swedish delegations remain.
                - **A promise of talks.** The agreement recommended a political conference to settle the Korean question. One met in Geneva in 1954, and failed.

                ## What it does not do

                The armistice is not a peace treaty. It does not recognise either state, settle a boundary at sea, or address nuclear weapons, which had no place on the peninsula when it was signed. The maritime line in the Yellow Sea, drawn by the UN Command after the war, has never been accepted by Pyongyang and has been the scene of deadly clashes.

                ## Why it matters now

                Proposals for a declaration formally ending the war resurface from time to time. Supporters argue that a political statement could open the way to talks on North Korea's nuclear programme. Critics, including officials quoted by the [*Han River Review*](https://hanriver-review.example/2026/end-of-war-debate), worry that declaring the war over could raise questions about the legal basis of the UN Command and of the American forces in the South.

                > "An armistice is a pause," said Erik Sandvik, a Norwegian officer who served with the UN Command. "Everyone wants to end the pause. Nobody agrees on what should come after it."
                """
        ),

        DemoArticle(
            slug: "asean-consensus-rule-myanmar-alibi",
            title: "ASEAN’s consensus rule is a strength until it becomes an alibi",
            dek: "Southeast Asia's regional body has spent years on a peace plan for Myanmar that nobody is carrying out. It is time for a coalition of the willing inside the tent.",
            format: .opinion,
            section: "asia-pacific",
            topics: ["human-rights", "ceasefires"],
            series: nil,
            authors: ["grace-mwangi"],
            daysAgo: 61,
            image: DemoImage(
                motif: .columns,
                caption: "A conference hall's columns and a row of empty chairs, as drawn for this article.",
                credit: "Illustration: Yusuf Demir / The Meridian"
            ),
            body: """
                The Association of Southeast Asian Nations has one great procedural virtue: it moves only when all its members agree. That rule has kept a remarkably diverse membership talking for more than half a century, through wars, coups and territorial disputes. In the case of Myanmar, it has also become a reason to do very little while saying a great deal.

                ASEAN's five-point consensus on Myanmar, agreed weeks after the 2021 coup, called for an end to violence, dialogue among all parties, a special envoy, humanitarian assistance and a visit by the envoy to meet all sides. Years later the violence has not ended, the dialogue has not happened, and envoys have come and gone. The humanitarian point has been partly met, largely through the work of agencies and neighbouring communities rather than the association itself.

                ## The cost of waiting

                Meanwhile the war inside Myanmar has fragmented. Local ceasefires between the military and individual armed groups are agreed and broken with regularity, often brokered by outside powers with interests of their own. Civilians fleeing air strikes have crossed into Thailand, India and Bangladesh in numbers those countries struggle to absorb. Investigators gathering evidence for future accountability, such as the team whose work was summarised by the [*Andaman Chronicle*](https://andaman-chronicle.example/2026/evidence-archive), operate largely without the region's support.

                > "ASEAN has treated consensus as a destination," a former Indonesian diplomat, Ratna Sukmawati, told me. "It was meant to be a vehicle."

                ## A coalition inside the tent

                I am not arguing that ASEAN should abandon consensus. I am arguing that it should stop letting consensus define the limits of action. Nothing in the association's charter prevents a group of members from coordinating humanitarian corridors, funding cross-border aid, sharing evidence with international investigators or jointly hosting talks among Myanmar's opposition groups. Several members already do some of this, quietly and separately.

                Doing it together and openly, under an ASEAN banner but without waiting for unanimity, would not break the organisation. It would show that the organisation can still matter to the people it claims to serve. The alternative is another summit, another statement, and another year in which the five points remain a list rather than a plan.
                """
        ),

        DemoArticle(
            slug: "field-notes-waiting-for-water-lower-mekong",
            title: "Field Notes: Waiting for the water on the lower Mekong",
            dek: "In Cambodia's Kratie province, fishermen read the river like a newspaper. Lately the news has been written upstream, by the dams.",
            format: .reporting,
            section: "asia-pacific",
            topics: ["climate-security", "energy"],
            series: "field-notes",
            authors: ["kenji-arakawa"],
            daysAgo: 70,
            image: DemoImage(
                motif: .hills,
                caption: "Fishing boats on the Mekong near Kratie at dawn, as drawn for this article.",
                credit: "Illustration: Clara Novak / The Meridian"
            ),
            body: """
                The fisherman who takes me out from the riverbank at Kratie, a lean man of about fifty named Sok Vanna, reads the Mekong the way other people read a newspaper. He points to a line of dried silt on a tree trunk, two metres above the water. "That is where the river should be now," he says. "It is late again."

                It is the end of the rainy season. The river should be high and spreading, pushing water back up into the Tonle Sap lake in the annual reversal that feeds one of the largest inland fisheries in the world. This year the rise came weeks late and fell short. Fishermen here say the same happened the year before.

                ## Written upstream

                The causes are debated, and the debate is political. A weaker monsoon plays a part. So, scientists say, do the many hydropower dams on the Mekong and its tributaries upstream, which hold water back in the wet season and release it in the dry, flattening the pulse the river's ecology depends on. The Mekong River Commission, the intergovernmental body that monitors the lower basin, has urged dam operators to share release schedules in real time. Some data are now shared. Fishermen say it rarely reaches them.

                > "When the dam opens, the water comes to us days later," Sok Vanna says. "Nobody tells us. We find out when the nets move."

                ## The power question

                Cambodia needs electricity, and its government has looked to the river too. Plans for large dams on the Cambodian stretch of the main river have been shelved before, out of concern for fisheries, but they resurface whenever demand outpaces supply. An energy official in Phnom Penh, Chea Rathana, told me the government now favours solar power and imports from neighbours, but would not rule out new hydropower. The [*Mekong Ledger*](https://mekong-ledger.example/2026/hydropower-pipeline) has counted several projects still in early planning.

                ## Evening

                We spend the late afternoon near a deep pool where the river's few remaining Irrawaddy dolphins surface. Tourists in two other boats raise their phones. Sok Vanna watches the water instead, looking for the ripples that tell him whether fish are moving. There are some. Fewer than he remembers.

                On the way back he asks where I am from. When I say Japan, he asks whether our rivers are also written upstream. Some are, I tell him. He nods, as if this confirms something.
                """
        ),

        DemoArticle(
            slug: "australia-submarine-bet-towns-waiting",
            title: "Australia’s submarine bet and the towns waiting for it",
            dek: "The yards meant to build and maintain nuclear-powered submarines are years from full work. In Adelaide and south of Perth, the wait is reshaping local economies and politics.",
            format: .analysis,
            section: "asia-pacific",
            topics: ["arms-trade", "nuclear"],
            series: nil,
            authors: ["daniel-kessler", "kenji-arakawa"],
            daysAgo: 76,
            image: DemoImage(
                motif: .skyline,
                caption: "Shipyard cranes over Osborne on a still evening, as drawn for this article.",
                credit: "Illustration: Tove Lindahl / The Meridian"
            ),
            body: """
                The AUKUS partnership between Australia, Britain and the United States is usually discussed in the language of grand strategy: deterrence in the Indo-Pacific, the naval balance, the sharing of some of the most sensitive military technology the three countries possess. In the two places in Australia where the submarines will actually be built and maintained, it is discussed in terms of housing, training places and time.

                Osborne, on the northern edge of Adelaide, is where a new class of nuclear-powered attack submarines is due to be built. Henderson, south of Perth, is where visiting American and British boats are to be maintained, and eventually Australian ones too. Both sites are being rebuilt, and both face the same problem: the big work arrives years after the money and the attention.

                ## The gap years

                Industry groups in South Australia expect the shipyard to need several thousand skilled workers at its peak. Training a welder for submarine-grade work takes years; training a nuclear engineer takes longer. Companies that hired early face a dilemma familiar across the defence industry: keep people busy on smaller contracts until the main programme starts, or risk losing them to mining and construction.

                > "We are asking an apprentice to commit to a job that will peak when he is forty," said Leanne Corbett, who runs a training consortium in Adelaide. "Some of them will. Most will wait to see if it is real."

                ## Politics and cost

                The programme's projected cost, hundreds of billions of Australian dollars over several decades, makes it a standing target in domestic politics. Every review of the partnership in Washington or London sets off a wave of commentary about whether the boats will arrive as promised. A paper from the [Indo-Pacific Defence Economics Group](https://ipdeg.example/papers/aukus-workforce) argues that the workforce, not money or technology transfer, is the binding constraint.

                ## What to watch

                - Whether interim maintenance work at Henderson starts on schedule, giving local suppliers an early stream of revenue.
                - Progress on the nuclear safety regulator, which must be in place before any reactor work happens on Australian soil.
                - Housing near Osborne, where rents have already risen sharply.

                The towns have been promised a generation of work. They are discovering that a generation starts slowly.
                """
        ),

        // MARK: Middle East

        DemoArticle(
            slug: "red-sea-war-risk-premiums-ease",
            title: "Red Sea war-risk premiums ease, but shipowners are in no hurry to return",
            dek: "Insurers have cut rates for the Bab el-Mandeb for a third month running. The big container lines say they need more than cheaper cover to give up the route around Africa.",
            format: .reporting,
            section: "middle-east",
            topics: ["shipping", "energy"],
            series: nil,
            authors: ["samira-haddad", "pieter-van-dam"],
            daysAgo: 1,
            image: DemoImage(
                motif: .coastline,
                caption: "The Bab el-Mandeb strait and a lone container ship, as drawn for this article.",
                credit: "Illustration: Marco Ferrante / The Meridian"
            ),
            body: """
                Insurance premiums for ships crossing the southern Red Sea have fallen for the third month in a row, according to brokers in London and Dubai, the clearest sign yet that underwriters believe the risk of attacks on merchant shipping near the Bab el-Mandeb has receded. The largest container lines are not yet persuaded.

                War-risk cover, charged as a percentage of a vessel's hull value for each transit, peaked at levels that added hundreds of thousands of dollars to a single passage by a large container ship. Brokers quoted by the [*Gulf Shipping Gazette*](https://gulf-shipping-gazette.example/2026/war-risk-rates) say rates are now a fraction of that peak, though still several times their old baseline.

                ## Why the lines are waiting

                Carriers that rerouted around the Cape of Good Hope have rebuilt their networks around the longer voyage, adding ships to keep weekly schedules. Switching back is not a single decision. It means redesigning rotations, renegotiating port slots in the Mediterranean and Asia and, for some, handing back chartered vessels.

                > "Cheaper insurance tells us the market is calmer. It does not tell us the route is safe for a crew," said Lina Farouk, a security adviser to a Gulf-based shipping group. "Our sailors decide with us, and they remember."

                Tanker operators, who work voyage by voyage rather than to fixed schedules, have been quicker to return. Traffic data show more crude and product tankers using the Suez Canal than at any time since the diversions began, a shift that matters for Europe's energy imports from the Gulf and for Egypt, whose canal revenues fell steeply.

                ## What would change minds

                Shipping executives and officials interviewed for this article pointed to three conditions:

                - A sustained period without attacks, measured in quarters rather than weeks.
                - A credible political arrangement in Yemen that includes the armed groups responsible for the attacks.
                - Continued naval escort capacity in the area, including the European Union's maritime protection mission.

                A European naval officer, Captain Nikos Varelas, said his ships would stay as long as member states kept paying for the mission. "We are one of the reasons premiums fell," he said. "If we leave, they will rise again, and the lines know it."
                """
        ),

        DemoArticle(
            slug: "field-notes-jaber-crossing-slow-return",
            title: "Field Notes: At the Jaber crossing, a slow return",
            dek: "At Jordan's main border post with Syria, families heading home pack mattresses, solar panels and a great deal of caution.",
            format: .reporting,
            section: "middle-east",
            topics: ["migration", "human-rights"],
            series: "field-notes",
            authors: ["samira-haddad"],
            daysAgo: 7,
            image: DemoImage(
                motif: .hills,
                caption: "Minibuses and lorries queuing at a desert border post, as drawn for this article.",
                credit: "Illustration: Aiko Morrow / The Meridian"
            ),
            body: """
                The minibus from Mafraq reaches the Jaber border post a little after seven in the morning, its roof stacked with mattresses, plastic chairs, a washing machine wrapped in blankets and two solar panels tied down with orange rope. Umm Khaled, who has lived in Jordan for more than a decade, stands beside it with three of her grandchildren while her son argues with the driver about the extra charge for the washing machine.

                "We are taking everything we can carry," she tells me. "We do not know what is left in the house."

                I have come to this crossing on and off for years, first to report on people leaving Syria and now to watch some of them go back. The flow is steady but not large. Jordanian officials say several hundred people cross on most days. Aid workers say the number rises when school terms end and falls when the news from the other side turns bad.

                ## Deciding to go

                The families I speak with describe the decision in practical terms. Is the house standing? Is there a school? Will a son of military age be questioned? Most have sent one relative ahead to look, and they trust that person's voice notes more than any official assurance.

                > "Return has to be voluntary, safe and dignified, and each family has to be able to judge that for itself," said Rania Suleiman, a protection officer with an aid agency working at the crossing. "Our job is to make sure they have information, not to push them in either direction."

                A help desk on the Jordanian side registers departures and answers questions about documents, which many returnees lack. Property is the biggest worry. Some homes have been occupied by others; some records were destroyed. The [*Levant Monitor*](https://levant-monitor.example/2026/property-claims-syria) has documented dozens of disputes that have already reached local courts.

                ## Those who stay

                Not everyone in the minibus is leaving for good. A young man in the back seat is going to visit his father's grave and will be back in a week. He has a job in Amman and a work permit, and he intends to keep both.

                By nine the minibus has cleared the Jordanian side. Umm Khaled waves from the window. Her son gives me his number and asks me to call in a month to hear how it went. I will.
                """
        ),

        DemoArticle(
            slug: "who-watches-a-truce-ceasefire-monitors",
            title: "Who watches a truce? The Middle East’s patchwork of ceasefire monitors",
            dek: "The region hosts some of the oldest peacekeeping missions in the world. As new ceasefires are negotiated, deciding who verifies them has become the hardest part of the deal.",
            format: .analysis,
            section: "middle-east",
            topics: ["ceasefires", "united-nations"],
            series: nil,
            authors: ["samira-haddad"],
            daysAgo: 19,
            image: DemoImage(
                motif: .rings,
                caption: "Concentric rings spreading out from a ceasefire line, as drawn for this article.",
                credit: "Illustration: Yusuf Demir / The Meridian"
            ),
            body: """
                Ceasefire talks in the Middle East tend to spend weeks on lines and hours on monitoring. That order is backwards. A truce that nobody can verify becomes an argument about who fired first, and arguments about who fired first are how ceasefires end.

                The region is not short of precedents. It is home to the United Nations' oldest peacekeeping operation, and to several others that have outlived the crises that created them.

                | Mission | Established | Where | What it watches |
                |---|---|---|---|
                | UN Truce Supervision Organization | 1948 | Observers across several countries | Armistice and ceasefire arrangements |
                | UN Disengagement Observer Force | 1974 | Golan Heights | Separation of Israeli and Syrian forces |
                | UN Interim Force in Lebanon | 1978 | Southern Lebanon | Cessation of hostilities along the Blue Line |
                | Multinational Force and Observers | 1981 | Sinai | Security terms of the Egypt–Israel peace treaty |

                ## What the old missions teach

                Former officers and diplomats interviewed for this article drew three lessons from decades of experience.

                First, access matters more than numbers. Observers who cannot reach the site of an incident produce reports that each side dismisses. Second, a monitoring body needs a channel to both parties that works on a bad day, not only a report that reaches the Security Council weeks later. Liaison arrangements between peacekeepers and the armies on either side, though often criticised, have at times stopped incidents from escalating. Third, mandates that depend on renewal in New York become hostages to great-power politics far from the ground.

                > "Monitors do not keep the peace. They keep the record, and they keep the phone line open," said Colm Brennan, a retired Irish officer who served with two of the missions. "Both are worth more than people think."

                ## The new ceasefires

                More recent arrangements have tended to bypass the UN, relying instead on committees chaired by the United States or by regional mediators such as Egypt and Qatar. These can move faster and carry more weight with the parties. They are also more fragile: they rest on a few officials, publish little, and fade when a mediator's attention shifts. A study by the [Amman Institute for Conflict Studies](https://aics.example/papers/ceasefire-verification) found that truces with an agreed, public verification body lasted considerably longer on average than those without one.

                The implication for negotiators is uncomfortable. Verification is costly, slow to set up and politically awkward, because it requires both sides to accept that someone else will say what happened. It is also the part of a deal most likely to decide whether the deal survives.
                """
        ),

        DemoArticle(
            slug: "iraq-summer-power-gap-gas-swap",
            title: "Iraq’s summer power gap revives talk of a gas swap through Iran",
            dek: "Baghdad wants Turkmen gas delivered through Iranian pipelines to keep the lights on in the south. The arrangement runs straight into American sanctions policy.",
            format: .reporting,
            section: "middle-east",
            topics: ["energy", "sanctions"],
            series: nil,
            authors: ["samira-haddad"],
            daysAgo: 31,
            image: DemoImage(
                motif: .windows,
                caption: "Apartment blocks in Basra with half their windows dark, as drawn for this article.",
                credit: "Illustration: Clara Novak / The Meridian"
            ),
            body: """
                With summer temperatures in southern Iraq regularly passing fifty degrees Celsius, the electricity ministry has reopened talks on a long-discussed arrangement: gas from Turkmenistan, delivered through Iran's pipeline network, to fuel power stations that have run short whenever Iranian supplies falter.

                Iraq buys much of the gas it burns for power from Iran, paying into restricted accounts because of American sanctions on Tehran. Those imports have been interrupted repeatedly, sometimes by Iran's own winter shortages and sometimes by disputes over payment. A swap, in which Turkmenistan feeds gas into the Iranian network in the north and Iran releases an equivalent volume at the Iraqi border, would in principle give Baghdad a second source.

                ## The sanctions question

                In practice it raises an obvious problem. Any arrangement that routes gas and money through Iran draws the attention of the United States Treasury. Iraqi officials say they have sought assurances that payments to Turkmenistan would not be treated as sanctionable. American officials have said nothing publicly.

                > "We are not trying to help Iran. We are trying to cool hospitals in Basra," said Haider al-Rubaie, an adviser to the electricity ministry. "The swap is a technical answer to a political problem, and we know that is the hardest kind."

                According to the [*Tigris Economic Review*](https://tigris-economic.example/2026/turkmen-gas-swap), the volumes under discussion would cover only part of the summer deficit even if the deal went ahead.

                ## Longer fixes

                Energy economists point out that Iraq flares large volumes of the gas that comes up with its oil, gas that could fuel power stations if it were captured. Several capture projects are under way with foreign partners, but most will not reach full capacity for years.

                Other options under consideration include:

                - More electricity imports from Jordan and the Gulf Cooperation Council grid, through interconnectors being completed in stages.
                - Floating terminals to import liquefied natural gas at the southern ports.
                - Rooftop solar for government buildings, a small but quick measure.

                For residents, the debate feels abstract. In Basra's older neighbourhoods, families rely on private generators through the hottest hours and pay for the fuel themselves. The national grid, one shopkeeper told me, "is the thing that works when we do not need it."
                """
        ),

        DemoArticle(
            slug: "reading-an-iaea-safeguards-report",
            title: "What an IAEA safeguards report can and cannot tell us",
            dek: "The UN's nuclear watchdog reports regularly on contested programmes. Here is how to read those reports, and where their limits lie.",
            format: .explainer,
            section: "middle-east",
            topics: ["nuclear", "united-nations"],
            series: nil,
            authors: ["nadia-rahimi"],
            daysAgo: 39,
            image: DemoImage(
                motif: .rings,
                caption: "Concentric rings around a stylised reactor dome, as drawn for this article.",
                credit: "Illustration: Tove Lindahl / The Meridian"
            ),
            body: """
                When the International Atomic Energy Agency issues a report on a country's nuclear programme, headlines usually seize on a single number: how much enriched uranium, at what level. The reports contain much more, and knowing how they are built helps explain why governments read the same document so differently.

                ## The legal basis

                Almost every state that has joined the Treaty on the Non-Proliferation of Nuclear Weapons without possessing such weapons has a comprehensive safeguards agreement with the IAEA. Under it, the state declares its nuclear material and facilities, and the agency verifies that the declaration is correct and complete. Many states have also signed an additional protocol, which gives inspectors wider access at short notice, including to sites where no nuclear material has been declared.

                The agency reports to its Board of Governors, 35 member states that meet in Vienna several times a year. If the board finds a state in non-compliance, it can refer the matter to the UN Security Council.

                ## What the reports contain

                A typical report on a contested programme covers:

                - **Material accounting.** Quantities of uranium at each enrichment level, and where they are held.
                - **Facility status.** Which centrifuge cascades or reactors are operating, and in what configuration.
                - **Access.** Which inspections took place, which were refused, and whether cameras and seals remain in place.
                - **Open questions.** Unresolved issues, such as traces of material found at undeclared locations.

                ## Continuity of knowledge

                The phrase to look for is "continuity of knowledge." It means the agency can vouch that nothing has changed unobserved between its inspections. If cameras are removed or access is curtailed, continuity is lost, and the agency will say it can no longer verify what happened in the gap. Restoring it can be slow or impossible, because inspectors cannot reconstruct what they did not see.

                > "Our reports are a statement of what we know and how we know it. They are not a prediction of intent," a former senior inspector, Hannelore Berger, told *The Meridian*.

                ## The limits

                The reports do not judge whether a state intends to build a weapon. They do not cover military work outside declared nuclear activities, and they depend heavily on the cooperation of the state being inspected. Diplomats therefore read them alongside intelligence assessments that are not public. As a guide from the [Vienna Non-Proliferation Circle](https://vnpc.example/guides/reading-safeguards-reports) puts it, an IAEA report is "a floor, not a ceiling" for what can be known.
                """
        ),

        DemoArticle(
            slug: "gulf-climate-money-water-security-first",
            title: "The Gulf’s climate money should buy water security first",
            dek: "The region's wealthiest states are spending heavily on clean energy abroad and showpiece projects at home. Their most urgent climate risk is running out of water.",
            format: .opinion,
            section: "middle-east",
            topics: ["climate-security", "energy"],
            series: nil,
            authors: ["ana-beatriz-costa"],
            daysAgo: 53,
            image: DemoImage(
                motif: .skyline,
                caption: "A Gulf city skyline beside the long halls of a desalination plant, as drawn for this article.",
                credit: "Illustration: Marco Ferrante / The Meridian"
            ),
            body: """
                The Gulf monarchies have become some of the most significant climate investors in the world. Sovereign funds from the region are buying stakes in wind farms in Europe, solar parks in Africa and battery makers in Asia. At home, governments have announced hydrogen hubs, new green cities and ambitious targets for renewable power. Much of this is welcome. Little of it addresses the region's most acute climate vulnerability, which is water.

                The Arabian Peninsula is among the most water-stressed places on earth. Groundwater in many areas is pumped far faster than it is replenished, and aquifers that took thousands of years to fill could be exhausted within decades. Cities depend on desalination, which depends on energy, most of it still from burning gas and oil. A single plant can serve millions of people, and a single attack, oil spill or algal bloom near its intake can shut it down.

                ## A concentrated risk

                This is a security problem as much as an environmental one. Desalination plants cluster along coastlines that are also shipping lanes and, in the Gulf, a potential theatre of conflict. A report by the [Lisbon Centre for Climate and Conflict](https://lccc.example/reports/gulf-desalination-risk) found that several Gulf capitals hold only a few days of drinking water in storage.

                > "Energy security here is water security. We just have not yet organised our budgets that way," said Yousef al-Kaabi, a former planning official in one Gulf state.

                ## What the money should buy

                I would put three things ahead of another landmark project:

                1. **Storage.** Strategic water reserves measured in weeks, not days, including schemes that inject desalinated water into aquifers for use in emergencies.
                2. **Efficiency.** Household water use in parts of the Gulf is among the highest anywhere, sustained by subsidised prices. Fixing leaking networks and reforming tariffs would save more water than any new plant produces.
                3. **Clean power for desalination.** Pairing plants with solar generation cuts fuel use and emissions together, and reduces dependence on a single fuel supply.

                None of these is glamorous. They do not photograph well at international conferences. But the purpose of climate investment is not to be seen to act. It is to reduce the risk that matters most, and in the Gulf that risk comes out of a tap.
                """
        ),

        DemoArticle(
            slug: "field-notes-salt-in-the-shatt-al-arab",
            title: "Field Notes: Salt in the Shatt al-Arab",
            dek: "On the waterway where the Tigris and Euphrates meet the Gulf, seawater is pushing upstream. The date farmers of Basra are the first to notice.",
            format: .reporting,
            section: "middle-east",
            topics: ["climate-security", "migration"],
            series: "field-notes",
            authors: ["samira-haddad"],
            daysAgo: 63,
            image: DemoImage(
                motif: .coastline,
                caption: "Date palms along the Shatt al-Arab at low tide, as drawn for this article.",
                credit: "Illustration: Aiko Morrow / The Meridian"
            ),
            body: """
                Abu Mustafa scoops a handful of water from the irrigation channel at the edge of his date orchard in Abu al-Khasib, south of Basra, and holds it out to me. "Taste," he says. I do. It is not as salty as the sea, but it is unmistakably salty.

                The Shatt al-Arab, formed where the Tigris and Euphrates join, once carried enough fresh water to hold the Gulf back. Dams upstream, years of drought and heavy irrigation have cut the flow so much that in dry summers the salt wedge from the sea now creeps dozens of kilometres up the waterway. Farmers whose families have grown dates here for generations are watching their trees die from the roots.

                ## An orchard in retreat

                His family once had more than four hundred palms. He shows me the stumps of those that died, in rows like gravestones. The survivors are smaller, their fronds yellowing at the tips. He waters them only at certain tides now, when the channel runs a little fresher, and he has stopped planting.

                > "My grandfather planted for his grandchildren," he says. "I cannot plant for mine."

                Two of his sons have moved to Basra city to work as drivers. A third went to Baghdad. The pattern repeats across the southern farmland and marshes, where aid agencies have recorded thousands of families displaced by drought and salinity. The [*Basra Tribune*](https://basra-tribune.example/2026/salt-wedge-displacement) has found villages where only the elderly remain.

                ## Engineering and diplomacy

                There are proposals. A barrage near the mouth of the waterway to block seawater has been discussed for years, though engineers warn it could trap pollution. Desalinating irrigation water is expensive. The real solution, Iraqi officials say, is more water from upstream, which requires agreements with neighbours facing shortages of their own.

                Ali Jassim, an official in the provincial water directorate, told me that Iraqi negotiators raise the issue at every meeting with Turkey and Iran. "We talk about water. They talk about security, trade, everything else. Water comes last," he said.

                ## Evening tide

                As the sun sets, the tide turns and the channel fills. Abu Mustafa opens a small gate to let water into the orchard, watching a handheld salinity meter. After a few minutes he closes it again. Not good enough tonight. He will try again in the morning.
                """
        ),

        DemoArticle(
            slug: "nato-gulf-partners-istanbul-initiative",
            title: "NATO’s Gulf partners ask what the Istanbul initiative is for",
            dek: "More than two decades after the alliance opened a partnership with four Gulf states, officials in Kuwait and Doha want maritime cooperation with more substance than seminars.",
            format: .reporting,
            section: "middle-east",
            topics: ["nato", "shipping"],
            series: nil,
            authors: ["samira-haddad"],
            daysAgo: 88,
            image: DemoImage(
                motif: .columns,
                caption: "A columned conference hall in Kuwait City with flags at the door, as drawn for this article.",
                credit: "Illustration: Yusuf Demir / The Meridian"
            ),
            body: """
                More than two decades after NATO launched its Istanbul Cooperation Initiative with Bahrain, Kuwait, Qatar and the United Arab Emirates, officials from the partner states are pressing the alliance for cooperation that goes beyond courses, conferences and staff talks.

                At a meeting at the NATO-ICI Regional Centre in Kuwait this month, delegates from the four states presented a paper proposing joint maritime awareness work in the waters around the Arabian Peninsula, including shared tracking of vessels that switch off their transponders and coordinated responses to attacks on shipping. The paper, described to *The Meridian* by two participants, also asks for partner officers to be posted to the alliance's maritime command.

                > "We have attended many seminars. We would now like to do something together at sea," said Nasser al-Ajmi, a Kuwaiti foreign ministry official.

                ## The alliance hesitates

                Allied officials are divided. Some see value in closer ties with wealthy partners in a region that matters for Europe's energy supply and for the sea lanes to Asia. Others worry about being drawn into regional rivalries, or about promises that member states would be unwilling to resource while the alliance's attention is fixed on its eastern flank.

                Saudi Arabia and Oman never joined the initiative, which limits what any maritime arrangement could cover. Allied diplomats say no invitation to either is under active discussion. According to the [*Gulf Strategic Digest*](https://gulf-strategic-digest.example/2026/ici-maritime-proposal), several members with ships already in the region have signalled support for a pilot project, while others would rather work through existing coalitions.

                ## Why now

                The push reflects a shift in the Gulf states' security thinking. Attacks on shipping in the Red Sea and the Gulf of Oman in recent years showed how fast disruption spreads, and how limited any single navy's picture is. The partners want access to the alliance's information-sharing systems. NATO wants partners that contribute ships and data rather than only hosting events.

                :::roundup In other Gulf diplomacy
                - [Qatar and Oman plan a joint search-and-rescue exercise](https://gulf-strategic-digest.example/2026/qatar-oman-sar): The drill will take place in the Gulf of Oman in the spring.
                - [Bahrain hosts talks on protecting undersea data cables](https://manama-courier.example/2026/cable-talks): Officials from nine countries attended, along with cable operators.
                - [The UAE adds four patrol boats to its coast guard](https://emirates-maritime.example/2026/coast-guard-fleet): The boats will be built at a domestic shipyard.
                - [Kuwait reopens consultations on a regional maritime code of conduct](https://kuwait-gazette.example/2026/maritime-code): The draft would cover unplanned encounters between Gulf navies.
                :::
                """
        ),
    ]
}
