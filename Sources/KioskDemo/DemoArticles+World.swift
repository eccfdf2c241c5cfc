import KioskCore

extension DemoPublication {
    /// Twenty-three articles for the Americas, Africa, defense and trade sections, six of them "Arms & Influence" columns.
    static let worldArticles: [DemoArticle] = [
        // MARK: Americas

        DemoArticle(
            slug: "cucuta-border-bridge-reopens-to-freight",
            title: "At Cúcuta, a border bridge reopens to freight, and to old suspicions",
            dek: "Cargo is moving legally across the Colombia-Venezuela frontier again. So are the armed groups that profit from every closure.",
            format: .reporting,
            section: "americas",
            topics: ["migration", "human-rights"],
            series: nil,
            authors: ["lucia-ferrand"],
            daysAgo: 1,
            image: DemoImage(
                motif: .hills,
                caption: "Lorries queuing on the approach road to the frontier bridge east of Cúcuta, as drawn for this article.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            figure: DemoImage(
                motif: .windows,
                caption: "The customs sheds on the Venezuelan side, lit through the night while inspection fees were argued over.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            CÚCUTA — The first lorries rolled across the frontier bridge east of this city shortly after dawn on Monday, loaded with Colombian pasta, cement and motor oil. By mid-morning the queue on the Venezuelan side stretched past the customs sheds. Officials from both countries shook hands for the cameras, then retreated to a prefabricated office to argue about inspection fees.

            The reopening to heavy freight, agreed last month after talks hosted by Brazil, ends a partial closure that had lasted most of the year. Pedestrians never stopped crossing: an estimated 30,000 people a day move between Cúcuta and San Antonio del Táchira to work, shop, see doctors or go to school. What has changed is that goods can travel legally again, rather than on the backs of porters along the informal paths known locally as *trochas*.

            > "Every month the bridge is closed, the trochas get richer," said Marcela Quintero, a city councillor who has tracked the informal routes for a decade. "The people who collect the tolls on those paths do not want this to last."

            ## Who controls the paths

            That is the worry of aid workers too. Armed groups, from dissident guerrilla factions to criminal outfits that buy and sell territory among themselves, have taxed the trochas for years, charging migrants a few dollars a crossing and traders far more. Humanitarian organisations in Cúcuta say extortion and disappearances along the paths rose during the closure, according to figures published by the [*Frontier Courier*](https://frontier-courier.example/2026/trochas-extortion-report).

            Reopening the bridge will not empty the trochas. Many of those who use them lack the documents to cross legally, including Venezuelans who left without passports and now want to go home for a season. Colombia's migration agency says it will extend temporary permits for another 90 days, but the queue outside its Cúcuta office already wraps around the block.

            ## A fragile arrangement

            The agreement has no enforcement mechanism beyond goodwill. Freight was halted twice last year after disputes over customs data, and each time the informal trade simply absorbed the difference. Traders in Cúcuta say they will believe in the reopening when it survives its first quarrel.

            For now, the lorries keep coming. A driver from Bucaramanga, waiting in the sun with a load of floor tiles, said he had been on the road since three in the morning. "It is slow," he said. "But it is a road again, not a rumour."
            """
        ),
        DemoArticle(
            slug: "amazon-states-launch-joint-river-command",
            title: "The Amazon countries try policing the rivers together",
            dek: "A joint river command is the most concrete result of years of rainforest summitry. Its weaknesses are the old ones: money, trust and sovereignty.",
            format: .analysis,
            section: "americas",
            topics: ["climate-security", "human-rights"],
            series: nil,
            authors: ["ana-beatriz-costa", "lucia-ferrand"],
            daysAgo: 12,
            image: DemoImage(
                motif: .coastline,
                caption: "A river patrol boat rounding a bend on a tributary of the Amazon, as drawn for this article.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            For years, meetings of the eight Amazon-basin governments produced communiqués long on ambition and short on detail. The agreement signed in Manaus this month is different in one respect: it comes with boats.

            The new Joint River Security Command will station liaison officers from Brazil, Colombia, Peru and Bolivia in a shared operations centre, exchange satellite alerts on illegal mining and forest clearance in near real time, and allow "coordinated pursuit" of vessels across river borders, though not, crucially, armed pursuit onto another country's territory. Ecuador, Venezuela, Guyana and Suriname signed the framework but have not yet committed personnel.

            ## Why rivers

            The choice of rivers over forests is practical. Illegal gold dredges, timber barges and the fuel boats that supply them all move by water. A study by the [Instituto Várzea](https://instituto-varzea.example/2026/river-logistics-crime) found that two-thirds of illegal mining sites detected by satellite in the western Amazon lay within two kilometres of a navigable river. The choke points exist, and they can be watched.

            > "You cannot police a forest the size of a continent. You can police the places where the diesel gets in," said Colonel Rafael Anchieta, a Brazilian federal police officer seconded to the command.

            ## The weak points

            Three problems loom.

            1. **Money.** The command's first-year budget, about $40m, comes mostly from Brazil and a Norwegian-funded trust. Smaller members worry about depending on a single patron.
            2. **Trust.** Sharing intelligence with some neighbours' security forces is a risk in itself. Officers in Leticia say privately that mining gangs have informants in more than one uniform.
            3. **Sovereignty.** Members of Peru's congress have already asked whether the pursuit clause needs their approval. Bolivia's defence ministry wants a veto over operations near its border.

            There is also the question of what happens to the people on the dredges. Many are poor labourers, not bosses. Indigenous organisations welcomed the command but asked that it be paired with prosecutions of the financiers and gold buyers in the cities, where the money is laundered.

            The first real test will come in the dry season, when low water concentrates river traffic and the dredges multiply. If the command can seize fuel rather than merely photograph it, it will have achieved more than a decade of summits.
            """
        ),
        DemoArticle(
            slug: "peru-regional-elections-clean-count-murky-campaign",
            title: "Peru's regional vote: a clean count, a murky campaign",
            dek: "Observers praised the tally but warned that money of unknown origin shaped races in mining and coca-growing regions.",
            format: .reporting,
            section: "americas",
            topics: ["elections"],
            series: nil,
            authors: ["lucia-ferrand"],
            daysAgo: 25,
            image: DemoImage(
                motif: .columns,
                caption: "Sealed ballot boxes stacked in a regional electoral office in Cusco, as drawn for this article.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            LIMA — The count was fast, most losers conceded, and the electoral authority's website did not crash. By the standards of recent Peruvian politics, Sunday's regional and municipal elections went smoothly. The preliminary report of the Organization of American States observer mission, published on Tuesday, said as much, and then spent most of its eleven pages on what happened before polling day.

            The mission's concerns fall into three groups: campaign money of unknown origin, particularly in the gold-mining areas of Madre de Dios and Puno and in the coca-growing valleys; threats against candidates, at least four of whom withdrew after intimidation; and a fragmented field in which many governors will take office with less than a quarter of the vote.

            > "The machinery of the vote is sound. The machinery of the campaign is not," said the mission's deputy head, Ximena Araújo, at a press conference in Lima.

            ## A map of fragments

            No national party won more than three of the 25 regional governorships. Local movements, many built around a single candidate, took the rest. Analysts at the [Centro Andino de Estudios Electorales](https://ceae-andino.example/2026/regional-results-brief) note that the pattern makes regional governments harder for Lima to bargain with, and easier for well-funded local interests to capture.

            Several winning movements in mining regions campaigned on promises to "formalise" small-scale gold miners, a policy that in practice has often meant delaying enforcement against illegal operations. Environmental groups expect fresh pressure on the national government to extend an amnesty programme due to expire next year.

            ## What the observers asked for

            The mission's recommendations are modest and familiar: real-time publication of campaign donations, a single register of candidates' assets, and protection for candidates who report threats. Similar proposals have stalled in Congress for years, and legislators, many of whom depend on the same regional networks, show little hurry.

            :::roundup Elsewhere in the Americas
            - [Chile and Argentina sign a lithium data-sharing accord](https://andean-dispatch.example/2026/lithium-data-accord): The two governments will publish comparable figures on brine extraction and water use.
            - [Mexico's senate delays a vote on a new migration law](https://meseta-journal.example/2026/migration-law-delay): Opposition senators want changes to the rules on detaining minors.
            - [Haiti's transitional authorities name a new electoral board](https://caribbean-observer.example/2026/haiti-electoral-board): Diplomats see it as a precondition for a vote next year.
            - [Ecuador extends a state of emergency in three coastal provinces](https://pacific-coast-herald.example/2026/emergency-extended): Port violence linked to cocaine exports keeps rising.
            :::
            """
        ),
        DemoArticle(
            slug: "as-darien-empties-migrants-take-to-sea",
            title: "As the Darién empties, migrants take to the sea",
            dek: "Fewer people are walking the jungle between Colombia and Panama. Many of those still heading north now pay for night boats along the Caribbean coast.",
            format: .reporting,
            section: "americas",
            topics: ["migration", "human-rights", "shipping"],
            series: nil,
            authors: ["grace-mwangi", "lucia-ferrand"],
            daysAgo: 40,
            image: DemoImage(
                motif: .coastline,
                caption: "Small fibreglass boats pulled up on the beach at Necoclí, as drawn for this article.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            NECOCLÍ — Two years ago this beach town in north-western Colombia was a waiting room for tens of thousands of people bound for the Darién gap, the roadless forest that separates South and Central America. Today the hostels near the jetty are half empty. Those still passing through are fewer, poorer and, increasingly, travelling by sea.

            Tighter Panamanian border controls, tougher asylum rules further north and a run of deportation flights have sharply reduced the numbers walking the jungle route. Demand has not vanished, however. Smugglers now offer passage in small boats along the coast towards Panama's San Blas islands, or further north towards Costa Rica: trips that avoid the forest but carry dangers of their own.

            | Month | Jungle crossings recorded in Panama | Sea departures estimated by aid groups |
            |---|---|---|
            | January | 3,900 | 600 |
            | February | 2,700 | 850 |
            | March | 1,800 | 1,300 |
            | April | 1,150 | 1,700 |

            *Sources: official Panamanian figures and estimates from humanitarian groups in Urabá, compiled by The Meridian.*

            The sea route is cheaper for smugglers to run and much harder to count. Boats leave at night, often overloaded, and local fishermen describe capsizes that never reach official statistics. The [*Urabá Coastal News*](https://uraba-coastal-news.example/2026/night-boats) reported at least three fatal incidents in April alone.

            > "The jungle was visible. You could put a tent at the exit and count people. The sea is not visible," said Tomasa Rentería, who runs a migrant shelter in the town.

            ## Who is still moving

            The travellers have changed too. Where Venezuelans once dominated, aid workers now see more Ecuadoreans and Colombians, along with smaller numbers of Haitians, Chinese and West Africans who fly into South America first. Some are heading south: Venezuelans who gave up on reaching the United States, now making the journey in reverse.

            Humanitarian funding has fallen with the headline numbers, even as needs become harder to meet. Groups that once ran water points in the forest are moving to the coast, but there is no equivalent of a reception camp at sea. The shared registration record agreed last week by Colombia, Panama and Costa Rica covers people who report to reception stations; those on the boats rarely do.

            Colombian officials say coast-guard patrols have increased. Shelter workers reply that patrols alone push departures to remoter beaches and longer, riskier trips. The next test is whether Bogotá and Panama City can agree on search-and-rescue rules for waters that, until recently, few migrants crossed.
            """
        ),
        DemoArticle(
            slug: "how-oil-sanctions-on-venezuela-work",
            title: "Explainer: how oil sanctions on Venezuela actually work",
            dek: "Licences, waivers and shipping tricks decide how much Venezuelan crude reaches the market. Here is the machinery.",
            format: .explainer,
            section: "americas",
            topics: ["sanctions", "energy", "elections"],
            series: nil,
            authors: ["pieter-van-dam"],
            daysAgo: 54,
            image: DemoImage(
                motif: .coastline,
                caption: "Loading arms at an oil terminal on Lake Maracaibo, as drawn for this article.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            American sanctions on Venezuela's oil industry are often described as an embargo. In practice they work more like a permission system: most business is banned by default, and what matters for the market is who holds a licence, for what, and for how long.

            ## The basic structure

            1. **Blocking.** The state oil company, PDVSA, is on the US Treasury's list of blocked entities. American people and firms may not deal with it, and its property under US jurisdiction is frozen.
            2. **General licences.** The Treasury publishes licences that carve out categories of permitted business, such as certain debt transactions or the export of the diluents Venezuela needs to thin its heavy crude.
            3. **Specific licences.** Individual companies can apply for private authorisations. These are not published, which is why analysts track tankers to work out who has one.
            4. **Secondary risk.** Foreign firms are not directly bound, but banks and insurers with American exposure usually behave as if they were.

            ## Why the barrels still move

            Venezuela exports a meaningful volume of crude despite the restrictions. Some goes to licensed partners under swap or debt-repayment arrangements. Much of the rest travels through intermediaries: cargoes relabelled as blends from elsewhere, ship-to-ship transfers in open water, and buyers in Asia willing to take the risk in exchange for a discount. The [Gulf Coast Energy Forum](https://gulfcoast-energy-forum.example/2026/venezuela-discounts) estimates that unlicensed cargoes sell at $12 to $18 a barrel below the benchmark.

            > "The licence is the policy. Everything else is noise," said Carla Weintraub, a former Treasury sanctions official who now advises energy traders.

            ## What to watch

            - **Licence renewals.** Short licences, of six months or less, signal that Washington wants leverage over Caracas, usually tied to commitments on elections and political prisoners.
            - **Diluent flows.** Without imported naphtha, Venezuelan output falls quickly. Changes to the diluent licence matter more than headline announcements.
            - **Tanker tracking.** Gaps in ships' transponder signals near the Venezuelan coast are a rough proxy for evasion.

            ## A dial, not a switch

            The system gives Washington a dial rather than a switch. That flexibility is its strength in negotiation and its weakness in credibility: every turn of the dial tells Caracas, and the market, that the next turn is possible too. For European refiners and Asian buyers alike, the safest assumption is that any licence can be narrowed at short notice, which is why long-term contracts for Venezuelan crude remain rare and the discount stubbornly wide.
            """
        ),
        DemoArticle(
            slug: "latin-americas-quiet-frigate-race",
            title: "Arms & Influence: Latin America's quiet frigate race",
            dek: "Half a dozen navies are replacing ageing fleets at once. European and Asian shipyards are competing hard, and the industrial promises on offer say a lot about who wants what.",
            format: .analysis,
            section: "americas",
            topics: ["arms-trade", "shipping"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 68,
            image: DemoImage(
                motif: .coastline,
                caption: "A frigate hull on the slipway at a South American naval yard, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            WASHINGTON — Latin America is not an arms-race region in the usual sense. There are few serious interstate rivalries driving procurement, and most defence budgets are swallowed by salaries and pensions. Yet in the past two years at least five navies in the region have launched or revived programmes to buy frigates or large patrol ships, and the contest among foreign shipyards has become one of the more interesting in the second tier of the arms market.

            | Navy | Requirement | Ships sought | Leading bidders |
            |---|---|---|---|
            | Brazil | Second escort batch | 4 | German and Italian yards |
            | Chile | Frigate replacement | 4–6 | Dutch and South Korean yards |
            | Colombia | Surface combatant, local build | 5 | Dutch design, Cartagena yard |
            | Peru | Multi-role frigate | 2–4 | South Korean yards |
            | Argentina | Ocean escort | 2 | French and Turkish yards |

            *Compiled by The Meridian from procurement notices and industry sources; numbers are planned, not contracted.*

            ## Why now

            The simplest reason is age. Many of the region's escorts were bought second-hand from Europe decades ago and are reaching the end of any sensible service life. The missions have changed too. Navies are asked to police fisheries against distant-water fleets, intercept cocaine in semi-submersibles and guard offshore oilfields: jobs that reward endurance and sensors more than missiles.

            ## What the sellers offer

            European yards compete on design pedigree and NATO-compatible systems. South Korean yards compete on price and, increasingly admired, on delivering on time. Almost every bidder offers local construction or assembly, because every buyer demands it.

            > "Nobody in this hemisphere buys a ship any more. They buy a shipyard, with a ship attached," said Rodrigo Vallejo, a former Chilean naval attaché who now advises bidders.

            Those industrial commitments, known in the trade as offsets, are how governments justify the spending at home. They are also where projects go wrong: yards that have not built a warship in a generation struggle with welding standards and combat-system integration, and cost overruns follow.

            ## The American absence

            Conspicuously missing from the list are American shipyards, stretched by the US Navy's own backlog and rarely interested in export frigates. Washington's influence runs instead through the radars, missiles and data links that go on the ships, all of which need American export approval. That gives the State Department a say over configurations, if not over hulls, and it uses that leverage more often than buyers like to admit.
            """
        ),

        // MARK: Africa

        DemoArticle(
            slug: "kenya-electoral-commission-rehearses-for-vote",
            title: "Kenya's electoral commission rehearses for a vote it cannot afford to fumble",
            dek: "A nationwide test of voter-identification kits went better than feared. Trust in the commission, not the technology, remains the harder problem.",
            format: .reporting,
            section: "africa",
            topics: ["elections"],
            series: nil,
            authors: ["idris-okafor"],
            daysAgo: 3,
            image: DemoImage(
                motif: .windows,
                caption: "Polling clerks testing identification kits in a Nairobi school hall, as drawn for this article.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            NAIROBI — In a primary-school classroom in Kibera on Saturday, a clerk pressed a volunteer's thumb onto a scanner, waited four seconds and smiled when a green light came on. Across the country some 2,400 polling stations ran the same drill, part of a full-scale rehearsal by the Independent Electoral and Boundaries Commission ahead of next year's general election.

            The commission reported that 93% of test identifications succeeded at the first attempt and that results were transmitted from 87% of stations within an hour of closing. Those numbers matter. Recent presidential contests in Kenya have ended in court, and arguments about failed kits and delayed transmission have featured prominently in the petitions.

            > "Technology does not make an election credible. It makes an election checkable," said the commission's deputy chair, Wanjiru Kiplagat, after the exercise. "Our task is to make sure every party can check."

            ## The gaps

            Civil-society observers were less upbeat. The [Nairobi Civic Audit](https://nairobi-civic-audit.example/2026/rehearsal-findings) found that in several northern counties, stations relied on satellite links that failed in the late afternoon, forcing clerks to carry memory cards to sub-county offices: exactly the kind of manual step that breeds suspicion. It also noted that backup paper registers were missing at about one station in ten that it visited.

            The rehearsal exposed a budget problem as well. The commission says it needs roughly a fifth more than the Treasury has allocated, mostly for training and spare kits. Without the money, it warns, it may have to cut the number of polling stations in remote areas, lengthening journeys for voters who already walk for hours.

            ## Politics, not machines

            The deeper issue is confidence in the commission itself. Several commissioners were appointed only last year after a long vacancy, and opposition parties still question how they were chosen. Both the governing coalition and the opposition have promised to accept results "transmitted transparently", a phrase each interprets in its own way.

            Diplomats in Nairobi called the rehearsal a useful signal. One Western ambassador, speaking on condition of anonymity, put it more bluntly: the machines passed their test; the politicians have not yet sat theirs.
            """
        ),
        DemoArticle(
            slug: "african-union-somalia-mission-funding-gap",
            title: "The African Union's Somalia mission is running out of money, again",
            dek: "A UN financing formula was meant to end the annual scramble for cash. Disagreements in New York and in African capitals have left it half-built.",
            format: .analysis,
            section: "africa",
            topics: ["united-nations", "ceasefires"],
            series: nil,
            authors: ["idris-okafor"],
            daysAgo: 18,
            image: DemoImage(
                motif: .hills,
                caption: "An armoured convoy on the supply road west of Mogadishu, as drawn for this article.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            Every few years the same crisis arrives on schedule. The African Union's mission in Somalia, which keeps thousands of troops from neighbouring countries in the field against the al-Shabaab insurgency, runs short of money to pay them. Troop contributors threaten to leave. Donors meet. A stopgap is found. This year the stopgap is late.

            The shortfall for the current year is roughly $190m, according to AU officials, out of a total requirement of a little under $600m. The European Union, long the largest funder, has capped its contribution and now pays mainly for non-lethal support. The gap was supposed to be closed by a formula under which assessed UN contributions would cover up to three-quarters of the cost of AU-led operations authorised by the Security Council.

            ## Why the formula stalled

            The principle was agreed in New York with unusual consensus. Applying it has proved harder.

            - **Budget politics.** Some large UN contributors want deeper AU reforms on financial accountability before any money flows, including audits of past troop reimbursements.
            - **Who pays the rest.** The remaining quarter was to come from the AU and its members. The AU's Peace Fund has grown, but not enough, and several members are in arrears.
            - **Contributors' doubts.** Troop-contributing governments want guarantees on payment schedules before committing to another mandate period.

            > "We are being asked to risk soldiers' lives on a promise of money that depends on a vote we do not control," said Joseph Ssekandi, a senior official at the defence ministry of one contributing country.

            ## What is at stake

            Somali forces have taken over several bases, but assessments circulated to the Security Council and reported by the [*Horn Review*](https://horn-review.example/2026/handover-assessment) suggest they still depend on AU troops to hold towns along the main supply roads. A disorderly drawdown could reverse gains in the Shabelle regions that took years to secure, and would test the local truces clan militias have agreed with the government.

            A precedent is at stake too. African governments have argued for a decade that AU-led operations deserve dependable funding, since African troops do work that would otherwise fall to far costlier UN missions. If Somalia, the test case, founders for want of a few hundred million dollars, the argument weakens for every future crisis on the continent.

            A donor conference is scheduled for next month in Addis Ababa. Diplomats expect pledges to cover this year, but not the next, which means the same crisis on the same schedule.
            """
        ),
        DemoArticle(
            slug: "interview-drought-and-conflict-lake-chad",
            title: "Interview: drought does not start wars, but it chooses where they go",
            dek: "Halima Osei-Berko, a former African Union envoy to the Lake Chad basin, on water, herders, armed groups and what climate finance gets wrong.",
            format: .interview,
            section: "africa",
            topics: ["climate-security", "united-nations"],
            series: nil,
            authors: ["ana-beatriz-costa"],
            daysAgo: 33,
            image: DemoImage(
                motif: .hills,
                caption: "Dry grazing land and a cattle track south of Lake Chad, as drawn for this article.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            Halima Osei-Berko spent four years as the African Union's envoy to the Lake Chad basin, where Nigeria, Niger, Chad and Cameroon meet around a lake that has shrunk and partly recovered over the past half-century. She now advises a regional development bank on climate adaptation. The conversation has been edited for length and clarity.

            **You often say people misunderstand the link between climate and conflict. How?**

            The popular version is that the lake dries up, people fight over water, and there is a war. That is too simple. Droughts happen in many places without violence. What climate stress does is expose weak institutions. If there is a fair way to settle a dispute between a farmer and a herder, a bad year is a bad year. If there is no such way, or if the judge belongs to one side, a bad year becomes a feud, and a feud becomes recruitment for an armed group.

            **So the problem is governance, not rainfall?**

            It is both, and that is the difficulty. Drought does not start wars, but it chooses where they go. Our maps showed violence clustering where grazing corridors had been blocked by new farms and where local courts had stopped working. Rainfall decided the timing; governance decided the place.

            **What did the armed groups do with that?**

            They offered what the state did not: a judgment, protection, sometimes a loan. In some villages the insurgents taxed fishing and then settled disputes over fishing grounds. People did not love them. They used them.

            **Climate finance is supposed to help. Does it?**

            Very little reaches the places I am talking about. Donors prefer projects they can measure, like solar panels in a town, and avoid districts with armed groups because they cannot audit the spending. So money goes where risk is lowest, which is not where need is highest. A [study by the Sahel Resilience Observatory](https://sahel-resilience.example/2026/finance-gaps) found that conflict-affected districts received a small fraction of the adaptation finance per person that peaceful ones did.

            **What would you change?**

            Three things. Fund the local bodies that mark grazing routes and settle claims as part of climate adaptation, not as a separate peace programme. Accept more risk, including the risk that some money will be lost. And let the UN and the AU write climate assessments into mission mandates, so that peacekeepers know where the next pressure will come from.

            **Is anyone listening?**

            More people than five years ago. The Security Council now debates climate security; that was once controversial. But debate is cheap. I will believe it when a mission budget contains a line for grazing corridors.
            """
        ),
        DemoArticle(
            slug: "sudan-aid-corridor-talks-resume-geneva",
            title: "Sudan's warring sides return to Geneva to talk about trucks, not peace",
            dek: "Negotiators want a narrow deal on aid corridors before anyone attempts a wider ceasefire. Aid agencies say the rains leave little time.",
            format: .reporting,
            section: "africa",
            topics: ["ceasefires", "human-rights", "united-nations"],
            series: nil,
            authors: ["grace-mwangi", "idris-okafor"],
            daysAgo: 47,
            image: DemoImage(
                motif: .columns,
                caption: "Two empty negotiating rooms on either side of a corridor in the Palais des Nations, as drawn for this article.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            GENEVA — Delegations representing Sudan's army and the paramilitary Rapid Support Forces arrived in Geneva this week for a new round of what diplomats insist on calling "technical consultations". The distinction matters. Nobody expects a ceasefire. The aim, as one mediator put it, is to get lorries moving before the rainy season turns the roads to mud.

            The talks, convened by the UN's humanitarian office with support from several African and Gulf governments, are held in proximity format: the delegations sit in separate rooms and mediators walk between them. The agenda is narrow by design:

            - opening two cross-line corridors into Darfur and Kordofan for UN convoys;
            - a notification system under which aid agencies give 72 hours' notice of convoy routes, and both sides undertake not to attack notified convoys;
            - safe passage for civilians leaving besieged towns, with independent monitoring.

            > "We are not asking them to trust each other. We are asking them to let food pass through a checkpoint," said Clémence Aubry, a senior UN humanitarian official involved in the talks.

            ## Lessons from failed rounds

            Earlier agreements on humanitarian access collapsed within weeks, largely because there was no way to verify violations or to penalise them. This time mediators have proposed a small monitoring cell with representatives of both sides, based in a neighbouring country, that would review incident reports within 48 hours. Whether either delegation can bind its commanders in the field is another matter: the [*Horn Review*](https://horn-review.example/2026/geneva-delegations-mandate) reported that the paramilitary delegation includes no officers from its Darfur command.

            ## Conditions on the ground

            Meanwhile the humanitarian picture darkens. Aid agencies briefed diplomats this week on famine conditions in parts of North Darfur, cholera in displacement camps, and fuel shortages that have shut down water pumps. Human-rights investigators have documented killings targeted along ethnic lines and widespread sexual violence, and warn that an access deal must not become a substitute for accountability.

            Refugees keep crossing into Chad, South Sudan and Egypt. UN refugee officials say funding for the regional response covers less than a third of needs, and that reception sites in eastern Chad are already beyond capacity.

            Diplomats will judge this round by a simple test: whether a convoy reaches a besieged Darfur town within a month of the talks ending. Previous rounds produced communiqués. This one is meant to produce logistics.
            """
        ),
        DemoArticle(
            slug: "africa-gas-boom-needs-honest-contracts",
            title: "Opinion: Africa's gas boom needs honesty from both sides",
            dek: "European buyers want African gas now and decarbonisation later. African producers deserve contracts that account for both.",
            format: .opinion,
            section: "africa",
            topics: ["energy", "climate-security"],
            series: nil,
            authors: ["ana-beatriz-costa"],
            daysAgo: 63,
            image: DemoImage(
                motif: .coastline,
                caption: "A floating gas platform off the East African coast at dusk, as drawn for this article.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            There is a familiar hypocrisy in the way Europe talks about African gas. For years European development banks declined to finance new gas fields on the continent, citing climate commitments. Then Europe's own supply crisis arrived, and the same governments sent ministers to Dakar, Maputo and Abuja to ask how quickly new liquefied-natural-gas terminals could be built.

            African governments noticed. Their irritation is justified, and it should shape the next round of deals. It should not, however, lead them into contracts that will hurt them later.

            ## The case for gas

            The argument for developing African gas is not frivolous. Hundreds of millions of Africans still lack electricity. Gas-fired power can back up solar and wind where grids are weak. Export revenues can fund budgets squeezed by debt service. And Africa's share of historic emissions is small enough that a handful of new fields barely moves global totals.

            ## The case for caution

            But the risks fall mostly on the producers. Long-term LNG contracts signed today assume European demand that Europe's own climate plans say will fall steeply in the 2030s. If it does, producers will be left with stranded terminals and the debt that paid for them. Security is the second risk: gas projects in fragile regions have become targets, and the foreign troops sent to protect them have become political liabilities.

            > "Buyers want a fifteen-year supply and a ten-year memory," as a Mozambican energy negotiator, Armando Cossa, put it at a [conference in Lisbon](https://lusophone-energy-forum.example/2026/lng-contracts-panel) last year.

            ## What an honest deal looks like

            An honest bargain would contain three things.

            1. **Demand terms that match climate plans.** If Europe expects to cut its gas use, it should share the risk, through take-or-pay clauses or compensation for early closure.
            2. **Revenue for the transition at home.** A fixed share of export income should go into domestic grids and renewables, with published accounts.
            3. **Security built on local consent.** Projects should not proceed where communities displaced by them have not been compensated, a lesson northern Mozambique learned at terrible cost.

            Europe cannot lecture Africa about fossil fuels while buying them. Africa cannot build its future on contracts written for someone else's transition. The honest position lies between the two, and it belongs in the fine print, where the real commitments are made.
            """
        ),
        DemoArticle(
            slug: "eu-support-for-libyan-coast-guard-audited",
            title: "EU money for Libya's coast guard faces an audit",
            dek: "European auditors are examining how boats and equipment given to Libyan maritime forces have been used. Rights groups say the answer is already plain.",
            format: .reporting,
            section: "africa",
            topics: ["migration", "human-rights", "shipping"],
            series: nil,
            authors: ["grace-mwangi"],
            daysAgo: 89,
            image: DemoImage(
                motif: .coastline,
                caption: "A patrol boat off the western Libyan coast, as drawn for this article.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            GENEVA — The European Court of Auditors has opened a review of how funds and equipment supplied to Libyan maritime authorities have been used, according to officials familiar with the decision. It will cover patrol boats, communications gear and training delivered under EU programmes meant to curb migrant departures across the central Mediterranean.

            The review follows a report by a UN-mandated panel that documented interceptions at sea followed by detention in facilities where migrants described beatings, forced labour and extortion. The panel, which published its findings in Geneva last month, said at least two vessels donated by European governments had been used in interceptions in which people were injured.

            > "Equipment does not come with a conscience. It comes with conditions, and the conditions are not being enforced," said Sofia Lindahl, a lawyer at the Mediterranean Rights Project, which gave evidence to the panel.

            ## The European argument

            European officials defend the programmes as life-saving. Before Libyan forces were trained and equipped, they argue, boats left with no one watching and sank with no one responding. Interceptions, in this view, are rescues. The Commission says it writes human-rights safeguards into every project and suspends support where abuses are proven.

            The numbers are contested. Interceptions have risen as a share of attempted crossings, while recorded deaths on the central route have fallen in some years and risen in others. Researchers at the [Migration Data Collective](https://migration-data-collective.example/2026/central-med-trends) warn that both figures undercount incidents far from shore.

            ## What the audit can and cannot do

            The auditors will examine whether the money achieved its stated aims and whether monitoring was adequate. They cannot rule on legality under international law. Their findings, due next year, will still land in the middle of negotiations over the EU's next migration budget. Among the questions they are expected to ask:

            - whether EU delegations could track where donated vessels operated;
            - whether suspension clauses were ever triggered;
            - whether training covered disembarkation only at places of safety.

            Mediterranean member states, which bear the cost of arrivals, are expected to resist any cut in support. Rights groups want the programmes paused until the audit is complete. Neither side expects much transparency from the Libyan authorities, divided between rival governments in Tripoli and the east.
            """
        ),

        // MARK: Defense

        DemoArticle(
            slug: "europe-ordered-shells-factories-catching-up",
            title: "Arms & Influence: Europe ordered the shells. The factories are still catching up",
            dek: "Artillery ammunition orders have tripled. Capacity has grown too, but shortages of explosives and propellant leave deliveries lagging.",
            format: .analysis,
            section: "defense",
            topics: ["arms-trade", "nato"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 5,
            image: DemoImage(
                motif: .windows,
                caption: "The lit filling hall of a European munitions plant at night, as drawn for this column.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            WASHINGTON — Two years into Europe's scramble to rebuild its stocks of artillery ammunition, the numbers on paper look impressive. Order books at the continent's big munitions makers are at levels unseen since the cold war. Governments have signed multi-year framework contracts, and new production lines have opened in Germany, Poland, the Czech Republic and the Nordic countries.

            The numbers on the loading dock are less impressive. Deliveries trail orders by a wide margin, and the gap is closing more slowly than defence ministers promised.

            | Item | Annual capacity two years ago | Annual capacity now | Target for next year |
            |---|---|---|---|
            | 155mm shell bodies | ~600,000 | ~1.4m | 2m |
            | Filled and fused rounds | ~450,000 | ~1.0m | 1.8m |
            | Propellant charges | ~400,000 | ~800,000 | 1.6m |
            | Nitrocellulose (tonnes) | ~9,000 | ~13,000 | 20,000 |

            *Estimates compiled by The Meridian from company statements and the [Halden Institute's munitions tracker](https://halden-institute.example/2026/munitions-capacity-tracker).*

            ## Where the bottleneck sits

            Steel shell bodies are the easy part. The hard parts are the energetics, the explosives and propellants, and the supply chains behind them. Nitrocellulose, made from cotton linters or wood pulp, comes from only a handful of European plants, and permitting a new one takes years. Fuses need precision electronics, and several key components still come from a small number of suppliers.

            > "Governments count output in shells. They should count it in propellant, because that is the number that tells you what can actually be fired," said Ingrid Sævik, who ran procurement planning at a Nordic defence ministry until last year.

            ## The money question

            Manufacturers say they will invest only against long contracts; governments say they want competition and flexibility. The framework deals signed so far split the difference, typically guaranteeing a minimum volume for five to seven years. Smaller NATO members complain that the largest buyers have reserved much of the new capacity, leaving them at the back of the queue.

            Then there is price. A 155mm round that cost under €2,000 before the surge now often costs €4,000 to €8,000, depending on type and buyer. Some of that reflects real costs: energy, labour, new plants. Some reflects a seller's market. Parliamentary committees in at least two countries have begun asking whether taxpayers are paying for capacity the state will own, or simply for shareholder returns.

            The next test is whether Europe keeps ordering once the urgency fades. The industry has seen booms end before, and its executives remember.
            """
        ),
        DemoArticle(
            slug: "nuclear-modernisation-bill-comes-due",
            title: "Arms & Influence: the nuclear bill comes due",
            dek: "Replacing ageing missiles, submarines and bombers at the same time is crowding out conventional programmes in Washington, London and Paris.",
            format: .analysis,
            section: "defense",
            topics: ["nuclear", "nato"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 21,
            image: DemoImage(
                motif: .rings,
                caption: "A missile silo hatch on the northern plains under a wide sky, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            WASHINGTON — Nuclear-weapons budgets are usually discussed in the language of deterrence and arms control. In the Pentagon's budget office, and increasingly in the defence ministries of Britain and France, they are discussed as a scheduling problem. All three countries are replacing most of their nuclear delivery systems in the same decade, and the bills are arriving together.

            In the United States, a new intercontinental missile, a new class of ballistic-missile submarine and a new bomber are all in production or late development at once. The [Congressional Budget Watch](https://congressional-budget-watch.example/2026/nuclear-costs) estimates that nuclear forces will absorb close to a tenth of the defence budget at their peak, up from about 6% a decade ago.

            ## The crowding-out effect

            The nuclear programmes are politically protected. Few legislators want to be seen cutting deterrence, and the programmes support jobs in many states. When budgets tighten, the cuts fall elsewhere:

            - **Shipbuilding.** Ballistic-missile submarines compete for the same yards, welders and suppliers as attack submarines and surface ships.
            - **Readiness.** Maintenance and training accounts are easier to trim than multi-year procurement contracts.
            - **Research.** Longer-term projects, in hypersonics or space, are stretched out.

            > "The nuclear programmes are the one line nobody touches. Which means every other line gets touched twice," said Gregory Alston, a former senior budget official at the Pentagon.

            ## Europe's version

            Britain faces a sharper version of the same squeeze. Its new submarines and warhead replacement sit inside a defence budget a fraction of America's, and the nuclear share has grown year after year. France's modernisation is shielded by a multi-year military planning law, but conventional programmes have been slowed to make room.

            For NATO the consequences are subtle. Allies that press their European partners to spend more on conventional forces are themselves diverting money to nuclear ones, while Europe's non-nuclear members debate whether to host, or help pay for, parts of the deterrent. Talk in Brussels of a larger European role in nuclear planning has become more open; no government has yet offered to fund it.

            ## The arms-control vacuum

            What makes the squeeze harder is the absence of binding limits. With the major arms-control treaties expired or suspended, planners must budget for worst cases, and worst cases are expensive. A new round of talks, if it ever comes, would be as much a budget measure as a security one.
            """
        ),
        DemoArticle(
            slug: "drone-start-ups-discover-washington-lobbying",
            title: "Arms & Influence: drone start-ups discover lobbying",
            dek: "A new generation of small defence firms wants faster export approvals. Established contractors and arms-control groups are pushing back.",
            format: .reporting,
            section: "defense",
            topics: ["arms-trade"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 35,
            image: DemoImage(
                motif: .skyline,
                caption: "The Capitol dome seen across the rooftops from a lobbying firm's window, as drawn for this column.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            WASHINGTON — Three years ago most of the small American companies building military drones had nobody in Washington. Now several have hired former congressional staff, opened offices a short walk from the Capitol and formed a trade association with one main goal: make it easier to sell abroad.

            The group, the Autonomous Systems Industry Council, registered as a lobbying organisation in the spring. Its members argue that export controls were written for large, expensive systems sold to a handful of governments, not for cheap drones that allies want by the thousand.

            > "Our customers in Europe and Asia need these systems within months. The approval process takes a year or more, and by then the product has changed twice," said the council's director, Brianna Castell.

            ## What they want

            The council's proposals, circulated to congressional committees and seen by *The Meridian*, include:

            1. a fast-track approval for sales of small drones to NATO members and major non-NATO allies;
            2. higher value thresholds before Congress must be notified of a sale;
            3. treating software updates to already-exported systems as routine rather than as new exports.

            ## The pushback

            The proposals have found sympathetic ears among legislators who see drone exports as a quick way to build up allies. They have met resistance from two directions. Arms-control groups argue that cheap, numerous drones are precisely the systems most likely to end up with unintended users; the [Centre for Arms Transparency](https://arms-transparency.example/2026/drone-diversion-cases) has documented cases of drones resold through intermediaries into conflict zones.

            Less expected is the opposition from established contractors. Their own associations have lobbied for export reform for years, but they are wary of a separate fast track that favours newcomers. One executive at a large prime contractor, speaking privately, described the start-ups as "trying to skip a queue we built".

            ## Where it goes

            Committee staff expect some version of the proposals to surface as amendments to the annual defence authorisation bill. The State Department has signalled openness to faster reviews for allies but resists changes to congressional notification, which it regards as Congress's business. The real fight, one aide said, will be over software: who decides when an updated drone counts as a new weapon.
            """
        ),
        DemoArticle(
            slug: "what-defence-offsets-are-and-why-they-matter",
            title: "Arms & Influence explainer: what are defence offsets?",
            dek: "Almost every big arms deal comes with promises of local factories, technology and investment. How those promises work, and why they so often disappoint.",
            format: .explainer,
            section: "defense",
            topics: ["arms-trade"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 61,
            image: DemoImage(
                motif: .windows,
                caption: "The assembly hall of a licensed aircraft factory, as drawn for this column.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            When a government buys fighter jets, frigates or air-defence systems from a foreign supplier, the contract rarely ends with the price and the delivery date. It usually carries a second set of promises, known as offsets: commitments by the seller to put money, work or technology back into the buyer's economy.

            ## The main types

            - **Direct offsets** are tied to the product itself: local assembly of the aircraft, components made in the buyer's factories, or maintenance centres built on its soil.
            - **Indirect offsets** have nothing to do with the weapon. A seller may agree to buy the buyer's exports, invest in unrelated industries or fund research.
            - **Technology transfer** is often listed separately, because it is the most prized and most contested: the right to manufacture, modify or even re-export a system.

            Obligations are usually expressed as a percentage of the contract value, commonly between 30% and 100%, occasionally more, and tracked through credits that sellers accumulate over many years.

            ## Why buyers want them

            Offsets turn an import into a story about domestic industry. They help justify large purchases to parliaments and voters, and they can build real capabilities: several countries that began by assembling foreign designs now export their own.

            > "An offset is a way of buying a weapon and an argument for buying it at the same time," said Helena Marsh, who negotiated offset agreements for a European defence ministry for twelve years.

            ## Why they disappoint

            The record is mixed. A [review of two decades of offset programmes](https://halden-institute.example/2026/offsets-review) by the Halden Institute found that many commitments were met on paper through creative accounting: counting investments that would have happened anyway, or applying generous multipliers to technology transfers. Local production often costs more and takes longer than buying off the shelf. And offsets are a notorious channel for corruption, because they create complex money flows that are hard to audit.

            ## The rules

            International procurement rules under the World Trade Organization generally prohibit offsets, but they exempt defence purchases. The European Union has tried to limit offsets among its own members, with modest success. In practice, policy is set country by country, and sellers adapt to each.

            ## Why it matters now

            With defence budgets rising across Europe and Asia, offsets are becoming more important, not less. Buyers want industrial bases of their own; sellers want to beat rivals willing to promise more. The result is a bidding war fought partly in factories that do not yet exist.
            """
        ),
        DemoArticle(
            slug: "nato-baltic-exercise-undersea-cables",
            title: "NATO's Baltic exercise puts undersea cables at the centre of the map",
            dek: "Navies from nine allies spent two weeks rehearsing the protection of seabed cables and pipelines. The hardest problems turned out to be legal, not naval.",
            format: .reporting,
            section: "defense",
            topics: ["nato", "shipping"],
            series: nil,
            authors: ["maren-holt"],
            daysAgo: 10,
            image: DemoImage(
                motif: .coastline,
                caption: "Minehunters escorting a cable-repair ship across the central Baltic, as drawn for this article.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            KIEL — For two weeks this month the grey hulls of minehunters and frigates, and one chartered cable-repair ship, criss-crossed the central Baltic in what NATO officials describe as the largest exercise the alliance has held on undersea infrastructure. Nine allies took part, alongside coast guards and the private companies that own most of the cables and pipelines on the seabed.

            The scenario was drawn from recent experience: a merchant ship of uncertain ownership drags its anchor across several cables, followed by suspicious activity near a gas interconnector. Crews practised locating the damage, escorting repair vessels and boarding a suspect ship.

            > "We can find a damaged cable in hours now. The question is what we are allowed to do about the ship that damaged it," said Rear Admiral Jens Thorvaldsen, the exercise commander.

            ## The law of the sea

            That question ran through the whole exercise. Outside its territorial waters, a navy's powers over a foreign-flagged merchant ship are limited, and boarding in the exclusive economic zone usually requires the flag state's consent. Participants rehearsed requests to flag registries, some of which took hours to answer and one of which, in the scenario, never did.

            Legal advisers from several governments attended, and officials said the exercise produced a list of gaps:

            - no agreed standard of evidence for holding a ship suspected of deliberate damage;
            - slow information-sharing between navies and cable operators, which hold most of the repair data;
            - unclear rules on detaining crews, as opposed to vessels.

            ## Watching more water

            The alliance has stepped up Baltic patrols with ships, maritime patrol aircraft and uncrewed surface vessels, and is testing software that flags unusual behaviour by merchant ships, such as slowing down over cables or switching off transponders. According to the [*Baltic Ledger*](https://baltic-ledger.example/2026/cable-watch-software), the system produced dozens of alerts during the exercise, most of them false.

            Industry participants welcomed the attention but pointed to a simpler weakness: northern Europe has only a few cable-repair ships, and they are often busy elsewhere. Two governments are now discussing a jointly chartered repair vessel on permanent standby.

            German officials said they hoped to make the exercise annual, with a North Sea version next year.
            """
        ),
        DemoArticle(
            slug: "rising-seas-threaten-nato-coastal-bases",
            title: "Rising seas are becoming a readiness problem for NATO's coastal bases",
            dek: "Flooding, heat and erosion are damaging runways, piers and fuel depots. Few allies have budgeted for the repairs.",
            format: .reporting,
            section: "defense",
            topics: ["climate-security", "nato"],
            series: nil,
            authors: ["ana-beatriz-costa"],
            daysAgo: 49,
            image: DemoImage(
                motif: .coastline,
                caption: "Storm waves breaking over a naval pier on the Atlantic coast, as drawn for this article.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            LISBON — At a naval base on Portugal's Atlantic coast, a pier reinforced in the 1990s now floods several times each winter during storm surges. Before every storm, crews move fuel lines and electrical equipment to higher ground, then move them back. The base commander calls the routine "a small war we fight every year".

            Similar scenes recur across the alliance. A survey of allied infrastructure reported by the [*Atlantic Security Review*](https://atlantic-security-review.example/2026/bases-climate-survey) found that more than a third of coastal military facilities in European NATO countries had suffered climate-related damage in the past five years, from flooded runways to eroded embankments and heat-damaged storage sites.

            > "We plan for an adversary who will try to disable our bases. We have not planned nearly as well for the weather doing it slowly," said Commodore Teresa Magalhães, who leads climate planning on the Portuguese naval staff.

            ## What is being damaged

            - **Runways and taxiways** on low coastal ground flood more often, and heat softens asphalt at southern airfields.
            - **Ports and piers** suffer higher storm surges and faster corrosion.
            - **Fuel and ammunition depots** are exposed to both flooding and wildfire, which now threatens Mediterranean sites every summer.
            - **Training areas** close more often during heatwaves and fire seasons.

            ## Who pays

            NATO adopted a climate-security action plan several years ago, and its headquarters publishes an annual assessment. But infrastructure budgets are national, and maintenance money routinely loses out to new equipment. Defence ministries say the repairs are necessary; finance ministries ask whether they count towards the alliance's spending targets. Some do and some do not, depending on how they are booked.

            Allies with the largest coastal footprints, including Britain, France, Italy, Norway and the United States, have begun running climate stress tests on their bases. The results are not public. Officials familiar with two of them say they identify facilities that may need to be relocated within decades.

            There is an alliance-wide dimension too. NATO's reinforcement plans depend on a limited number of ports and airfields in Europe. If one of them is out of action because of a storm at the wrong moment, the timetable for moving troops to the eastern flank slips. A climate problem becomes a deterrence problem.
            """
        ),

        // MARK: Trade

        DemoArticle(
            slug: "export-credit-arms-trade-quiet-subsidy",
            title: "Arms & Influence: export credit is the arms trade's quiet subsidy",
            dek: "Governments that preach fiscal discipline at home guarantee billions in loans for foreign weapons buyers. The public deserves to see the terms.",
            format: .opinion,
            section: "trade",
            topics: ["arms-trade", "human-rights"],
            series: "arms-and-influence",
            authors: ["daniel-kessler"],
            daysAgo: 28,
            image: DemoImage(
                motif: .skyline,
                caption: "The glass towers of a financial district at dusk, as drawn for this column.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            WASHINGTON — When a country with weak public finances buys a fleet of patrol boats or a squadron of helicopters from abroad, it rarely pays cash. More often the deal is financed by a commercial bank loan, and the loan is guaranteed by the seller's government through its export-credit agency. If the buyer defaults, taxpayers in the selling country pay.

            This arrangement is common, legal and almost entirely invisible. It should not be.

            ## A subsidy by another name

            Export-credit agencies exist to help domestic firms compete abroad. For civilian goods, the terms they may offer are constrained by an arrangement among wealthy countries, negotiated at the OECD, that sets minimum interest rates and maximum repayment periods. Military equipment is excluded. Governments can therefore offer arms buyers terms more generous than any power station or railway could obtain.

            The [Centre for Arms Transparency](https://arms-transparency.example/2026/export-credit-defence) estimates that export-credit guarantees for defence deals across six European countries and the United States reached a record last year. Few of those governments publish deal-by-deal figures. Most release only aggregates, often years late.

            > "If a ministry spent this money directly, parliament would vote on it. Because it is a guarantee, nobody votes at all," said Margit Lorenzen, a former member of a Nordic parliament's finance committee.

            ## Why it matters

            The risks are not hypothetical. Buyers with heavy defence debts sometimes end up restructuring, and then the guarantees are called. Past defaults have been quietly absorbed by agency reserves or folded into official debt talks. Generous credit can also encourage purchases a country cannot afford and does not need, with consequences for its budget, its neighbours and sometimes its own citizens.

            ## What should change

            Three modest reforms would help:

            1. **Publication.** Every defence guarantee above a modest threshold should be published within a year, naming buyer, amount and term.
            2. **Parliamentary notice.** Legislatures should be told of large guarantees before they are issued, as several already are for direct arms-sale approvals.
            3. **Human-rights screening.** Agencies should apply the same criteria as export-licensing authorities, instead of assuming that an approved licence settles the matter.

            None of this would stop a single sale. It would simply let the public see what it is underwriting. In a business that runs on discretion, that would be a start.
            """
        ),
        DemoArticle(
            slug: "eu-sanctions-package-names-shadow-fleet-tankers",
            title: "The EU's new sanctions package goes after the tankers, not just the oil",
            dek: "Brussels is listing ships by name and leaning on flag registries. Enforcement will depend on insurers and port states far from Europe.",
            format: .reporting,
            section: "trade",
            topics: ["sanctions", "shipping", "energy"],
            series: nil,
            authors: ["pieter-van-dam"],
            daysAgo: 0,
            image: DemoImage(
                motif: .coastline,
                caption: "Ageing tankers riding at anchor at an offshore transfer point, as drawn for this article.",
                credit: "Illustration: Inès Carvalho / The Meridian"
            ),
            body: """
            BRUSSELS — The European Union's latest sanctions package, agreed by member-state ambassadors late on Tuesday after two weeks of haggling, does something earlier rounds only gestured at: it names ships. Forty-one tankers, most more than eighteen years old and registered with flag states that had never before appeared in an EU legal act, are now barred from European ports, anchorages and ship-to-ship transfer zones.

            The logic is simple. The price cap and import bans on Russian crude have been undercut by an ageing fleet of vessels with opaque ownership and thin insurance. Listing the hulls themselves, rather than the companies that come and go behind them, makes each ship a little harder to sell, charter or insure.

            > "We are no longer chasing letterbox companies. A ship cannot change its hull number as easily as its owner changes a brass plate," said Henrik Vastö, a senior Commission official who worked on the text.

            ## Enforcement lies elsewhere

            The limits are just as clear. Most of the listed tankers rarely call at EU ports; they load in the Baltic or the Black Sea and discharge in Asia. The package therefore leans on two other levers: a requirement that European insurers and classification societies cut ties with the listed vessels, and a diplomatic push on the small registries that let them sail.

            According to the [*Maritime Risk Bulletin*](https://maritime-risk-bulletin.example/2026/flag-registries-pressure), at least three registries have quietly struck off vessels in the past month after approaches from EU delegations. Others have not replied. Officials concede that a tanker dropped by one registry can often find another within weeks.

            Several governments also won concessions. Greece and Malta, whose shipowners still carry Russian oil legally under the cap, secured a longer wind-down for existing charters. Hungary obtained language protecting pipeline deliveries.

            ## What comes next

            Diplomats expect the next fight to be over inspections by coastal states: whether Denmark, Finland and Estonia may board uninsured tankers passing through their waters. Lawyers disagree about what the law of the sea permits, and no capital wants to go first.

            :::roundup Elsewhere in sanctions
            - [Britain aligns its tanker list with Brussels](https://thames-register.example/2026/tanker-list-aligned): Twenty-six of the forty-one ships now appear on both lists.
            - [A Dubai ship manager challenges its listing in the EU's General Court](https://gulf-commerce-daily.example/2026/listing-challenge): The firm says it sold the vessels months before the designation.
            - [Swiss regulators fine a commodity trader over price-cap paperwork](https://alpine-ledger.example/2026/price-cap-fine): The penalty is small but the first of its kind in Geneva.
            - [Washington weighs secondary sanctions on two Asian refiners](https://capitol-brief.example/2026/refiners-secondary): Treasury officials are said to favour a public warning before any designation.
            :::
            """
        ),
        DemoArticle(
            slug: "war-risk-insurance-redraws-trade-map",
            title: "War-risk insurance is still redrawing the map of trade",
            dek: "Red Sea premiums have fallen from their peak but remain far above normal. The cost is shifting from shipowners to importers in East Africa and South Asia.",
            format: .analysis,
            section: "trade",
            topics: ["shipping", "ceasefires"],
            series: nil,
            authors: ["pieter-van-dam"],
            daysAgo: 14,
            image: DemoImage(
                motif: .coastline,
                caption: "Container ships strung out along the southern approach to the Suez Canal, as drawn for this article.",
                credit: "Illustration: Tomasz Weller / The Meridian"
            ),
            body: """
            BRUSSELS — The most important price in shipping this year has been neither freight rates nor fuel. It is the war-risk premium: the extra insurance a shipowner must buy to send a vessel through waters the London market lists as high-risk. For ships passing through the southern Red Sea, that premium has fallen for several months in a row. It is still several times its pre-crisis level, and its effects are felt far from the region.

            War-risk cover is priced as a percentage of a ship's hull value, charged per voyage. The quotes below, compiled from broker figures reported by the [*Maritime Risk Bulletin*](https://maritime-risk-bulletin.example/2026/war-risk-quotes), show how much rates still vary by route and by a ship's perceived connections.

            | Route | Typical premium (% of hull value per transit) | Cost for a $100m vessel |
            |---|---|---|
            | Red Sea, before the attacks | 0.05% | $50,000 |
            | Red Sea, at the peak | 0.7–1.0% | $700,000–1m |
            | Red Sea, this month | 0.2–0.3% | $200,000–300,000 |
            | Red Sea, ships with perceived Western links | 0.5% or declined | $500,000+ |
            | Gulf of Guinea | 0.05–0.1% | $50,000–100,000 |

            ## Who pays

            The obvious alternative, sailing around the Cape of Good Hope, adds roughly ten to fourteen days to a voyage between Asia and northern Europe, plus fuel and crew costs. Large container lines absorbed that by adding ships to their rotations, and many have not yet switched back. Smaller carriers and tramp operators serving East Africa, the Arabian Peninsula and South Asia had no such option.

            The burden therefore falls unevenly. Importers using Djibouti, Port Sudan, Jeddah and Berbera face higher freight costs and fewer sailings. Egypt has lost a large share of its Suez Canal revenue, one of its main sources of foreign currency.

            > "Europe pays in time. East Africa pays in price, and sometimes in empty shelves," said Yared Tesfaye, a freight forwarder in Addis Ababa whose cargoes move through Djibouti.

            ## Why it persists

            Underwriters price what might happen, not what happened last month. Even when attacks pause, insurers remember that earlier lulls ended without warning. Only a durable political settlement, or a ceasefire with credible guarantees, is likely to bring premiums back near their old levels.

            Meanwhile the geography of trade keeps shifting. Some Asian exporters now route more cargo through Gulf ports and onward by land; some European buyers have moved orders towards Turkey and North Africa. Adjustments made in a hurry can outlast the emergency that caused them.
            """
        ),
        DemoArticle(
            slug: "europe-minerals-diplomacy-meets-african-bargaining",
            title: "Europe's minerals diplomacy meets African bargaining power",
            dek: "Brussels wants cobalt, manganese and uranium from African producers. Governments from Kinshasa to Windhoek want refineries in return.",
            format: .reporting,
            section: "trade",
            topics: ["energy", "nuclear", "sanctions"],
            series: nil,
            authors: ["pieter-van-dam", "idris-okafor"],
            daysAgo: 42,
            image: DemoImage(
                motif: .hills,
                caption: "Ore trucks climbing out of an open-pit mine on the Copperbelt, as drawn for this article.",
                credit: "Illustration: Ruth Adeyemi-Vance / The Meridian"
            ),
            body: """
            BRUSSELS AND NAIROBI — When European officials first drafted their strategic raw-material partnerships, the template was simple: Europe would help finance mines and infrastructure, and in return lock in long-term supplies of the minerals it needs for batteries, wind turbines and reactors. African governments have been rewriting the template.

            At a meeting with EU trade ministers in Brussels last week, delegations from six African producers, including the Democratic Republic of Congo, Zambia, Namibia and Gabon, presented a joint paper asking that any partnership include processing on the continent, not merely extraction. The paper, seen by *The Meridian*, proposes that a rising share of ore covered by European purchase agreements be refined locally within ten years.

            > "We have been exporting rocks for a century. We are not signing up for another century of it," said Zambia's deputy minister for mines, Chanda Mwale, after the meeting.

            ## The European calculation

            European officials are sympathetic in principle. Refining in Africa would diversify supply away from China, which dominates the processing of most battery minerals. But refineries need reliable power, water and skilled labour, and European companies doubt they can match Chinese refiners on cost. The [*Brussels Ledger*](https://brussels-ledger.example/2026/minerals-partnerships-stall) reported that two flagship projects have stalled over who bears the risk of higher costs.

            Uranium adds another layer. Several European utilities plan reactor life extensions and new builds, and want fuel that does not depend on Russia's enrichment and fabrication industry. Namibia, a large producer, has used that interest to press for a stake in downstream fuel processing, an ambitious goal given the technology and the non-proliferation safeguards involved.

            ## Competition for the same rocks

            Europe is not the only suitor. Gulf sovereign funds, Chinese companies and, increasingly, Indian and Turkish firms are bidding for stakes, and African governments have learned to play them off against each other. The joint paper sets out four demands:

            - local processing targets written into purchase agreements;
            - public registers of who ultimately owns mining licences;
            - a share of profits set aside for communities near the mines;
            - simpler sanctions-compliance checks, which producers say scare European traders away from small African suppliers.

            The last point touches a nerve. European due-diligence rules on conflict minerals and sanctioned counterparties exist to keep abusive supply chains out of Europe. Producers say they also keep out smaller, legitimate firms. A working group will look for a compromise before a summit planned for the autumn.
            """
        ),
        DemoArticle(
            slug: "carbon-border-levy-explained-for-exporters",
            title: "Explainer: what Europe's carbon border levy means for exporters",
            dek: "The EU's charge on the carbon content of imports is moving from paperwork to payment. Who is affected, what it costs, and why trading partners object.",
            format: .explainer,
            section: "trade",
            topics: ["climate-security", "energy"],
            series: nil,
            authors: ["ana-beatriz-costa", "pieter-van-dam"],
            daysAgo: 76,
            image: DemoImage(
                motif: .windows,
                caption: "The lit windows of a steel mill's furnace hall at night, as drawn for this article.",
                credit: "Illustration: Hamid Sorabi / The Meridian"
            ),
            body: """
            The European Union's carbon border adjustment mechanism, usually shortened to CBAM, is one of the few climate policies that foreign governments discuss as often as European ones. Its principle is straightforward: if European producers of steel or cement must pay for their carbon emissions, importers of the same goods should pay too, so that production does not simply move abroad.

            ## What is covered

            The levy applies to a short list of carbon-intensive goods:

            - iron and steel;
            - aluminium;
            - cement;
            - fertilisers;
            - electricity;
            - hydrogen.

            Importers must report the emissions embedded in these goods and buy certificates priced in line with the EU's own carbon market. Where a carbon price has already been paid in the country of production, it can be deducted.

            ## What it costs

            The charge depends on two numbers: the European carbon price, and how carbon-intensive the production process is. A simplified illustration:

            | Product | Typical emissions (tonnes of CO2 per tonne) | Charge at €80 per tonne of CO2 |
            |---|---|---|
            | Steel, coal-fired blast furnace | ~2.0 | ~€160 |
            | Steel, scrap-fed electric furnace | ~0.4 | ~€32 |
            | Cement clinker | ~0.85 | ~€68 |
            | Ammonia, gas-based | ~2.4 | ~€192 |

            *Rounded illustrations, not official benchmarks. The actual charge is reduced while European producers still receive free allowances, which are being phased out gradually.*

            ## Who objects, and why

            Critics, India and South Africa among the loudest, call the levy a trade barrier dressed up as climate policy. They argue that it penalises poorer countries for a problem they did little to cause, and that the reporting burden falls hardest on small firms. Some have raised it at the World Trade Organization.

            > "We are being told to decarbonise at Europe's pace and pay Europe's price," said Raghav Menon, an Indian trade negotiator, at a [Geneva trade forum](https://geneva-trade-forum.example/2026/border-carbon-panel).

            European officials reply that the levy was designed to comply with trade rules, that countries with their own carbon pricing pay less, and that revenue could support decarbonisation abroad, although how much will be recycled is still being negotiated.

            ## What to watch

            Other jurisdictions, Britain among them, are designing similar mechanisms. If border carbon levies spread, the question for exporters will no longer be whether to measure their emissions, but how quickly they can cut them.
            """
        ),
    ]
}
