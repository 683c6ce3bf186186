"""Claim checks on linked pairs: each planted divergence is found with its kind; paraphrases agree.

Every pair here is a requirement of issue 2: when one fails, the engine is wrong, not the table.
"""

from __future__ import annotations

import pytest

from parallax.core.claims import AGREE, CONFLICT_KINDS, DIVERGE, ClaimCheck, ClaimConfig, ClaimContext, compare_claims
from parallax.core.entities import find_speakers


def _kinds_and_texts(check: ClaimCheck) -> list[tuple[str, str, str]]:
    """Each conflict of ``check`` as (kind, article text, report text): what the user reads in the list."""
    return [(c.kind, c.article, c.report) for c in check.conflicts]


DIVERGENCES = [
    # "kick out" and "drive ... out" say one act: the report affirms what the article's speaker denies.
    (
        "negation",
        '"I don\'t think they [Ukraine] can totally kick out Russian forces," Lee said.',
        "Lee said he believed Ukraine could drive Russian forces out completely.",
    ),
    # "has yet to" says "has not".
    (
        "negation",
        "Lee believes the Kremlin has reluctantly accepted that there are limits to what it can achieve.",
        "Lee argues the Kremlin has yet to accept that there are limits to what it can achieve.",
    ),
    # The quote's speaker, named after it with an apposition, or credited with a view denied.
    (
        "attribution",
        '"Russia will regroup and strike back in one or two years," Lutsevych, who is from Lviv, told the radio.',
        "Analyst Rob Lee warned that Russia will regroup and strike back in one or two years.",
    ),
    (
        "attribution",
        '"I don\'t think Ukraine can push the Russians out," Lee said.',
        "Chris Alexander does not believe Ukraine can push the Russians out.",
    ),
    # A colour, a charge or a disease swapped for one the article never names.
    (
        "detail",
        "Activists poured yellow and blue paint outside the embassy.",
        "Activists poured yellow and white paint outside the embassy.",
    ),
    (
        "detail",
        "A man pleaded guilty to manslaughter over the death.",
        "A man pleaded guilty to murder over the death.",
    ),
    (
        "detail",
        "The company plans to file for approval of its RSV vaccine.",
        "The company plans to file for approval of its flu vaccine.",
    ),
    # The article names "murder" too, as the first charge; the plea is to another.
    (
        "detail",
        "He was charged with murder in 2020. On Thursday he pleaded guilty to manslaughter in the death.",
        "On Thursday he pled guilty to murder in the death.",
    ),
    (
        "detail",
        "The march took place on a rainy afternoon in Lviv.",
        "The march took place on a sunny afternoon in Lviv.",
    ),
    (
        "detail",
        "He died in a fall from a clifftop known as a meeting place.",
        "He died in a fall from a beach known as a meeting place.",
    ),
    # ... but a country that is not the city's is another place.
    (
        "place",
        "Activists in Paris poured paint in front of the Russian embassy.",
        "Activists in the U.K. poured paint in front of the Russian embassy.",
    ),
    # A nationality said as a noun ("an American who fell") is a nationality, not a person's name.
    (
        "place",
        "He was charged over the death of an American who fell from a cliff.",
        "He was charged over the death of a British man who fell from a cliff.",
    ),
    (
        "number",
        "They met on the one-year anniversary of the invasion.",
        "They met on the second anniversary of the invasion.",
    ),
    ("direction", "The founder was arrested on fraud charges.", "The founder was acquitted of fraud charges."),
    ("date", "Sales fell 30% in the fourth quarter.", "Sales fell 30% in the third quarter."),
    # A quarter written "Q2" is a date, not also an organisation's name.
    ("date", "Net income rose in Q2 of last year.", "Net income rose in Q1 of last year."),
    # A figure under one is compared by its own size: a dividend of $0.13 is not one of $0.14.
    ("number", "The quarterly dividend rises to $0.13 per share.", "The quarterly dividend rises to $0.14 per share."),
    # A dotted abbreviation is one name: "U.S.", not a "U" and an "S".
    ("place", "The protest marks Russia's invasion of Ukraine.", "The protest marks the U.S.'s invasion of Ukraine."),
    # numbers and quantities
    (
        "number",
        "Russia has massed about 2,000 troops near the border.",
        "Russia has massed between 500 and 1,000 troops near the border.",
    ),
    ("number", "Russia sent three ships to the port.", "Russia sent five ships to the port."),
    (
        "number",
        "The talks could take up to 15 years to settle the question.",
        "The talks could take up to five years to settle the question.",
    ),
    (
        "number",
        "Between 7,000 and 15,000 Russian soldiers have died in the war.",
        "As many as 25,000 Russian soldiers have died in the war.",
    ),
    # places, organisations, people
    (
        "place",
        "Russian shelling hit Mariupol overnight, destroying several apartment blocks.",
        "Russian shelling hit Mykolaiv overnight, destroying several apartment blocks.",
    ),
    (
        "organisation",
        "Aid convoys organised by the Red Cross reached the besieged city.",
        "Aid convoys organised by the UN refugee agency reached the besieged city.",
    ),
    # dates and days
    ("date", "The talks resumed on Tuesday in Istanbul.", "The talks resumed on Monday in Istanbul."),
    ("date", "Russia annexed Crimea in 2014.", "Russia annexed Crimea in 2015."),
    ("date", "The delegations met on March 29 in Istanbul.", "The delegations met on March 30 in Istanbul."),
    ("date", "The invasion began on Feb. 24.", "The invasion began on Feb. 22."),
    ("date", "The invasion began on Feb. 24.", "The invasion began on the twenty-second of February."),
    # negation
    ("negation", "They submitted their expenses on time.", "They did not submit their expenses on time."),
    # A light verb negated, with what it takes: the same thing taken is a negation ...
    ("negation", "The bill did not get enough votes.", "The bill is getting enough votes."),
    # Not having something is denied by having it ...
    ("negation", "Ukraine has air defences.", "Ukraine does not have air defences."),
    # A perfect tense is no possession: "has not shown" is denied by "you've shown".
    (
        "negation",
        "I understand you've shown interest in our products.",
        "The client has not shown interest in the products.",
    ),
    ("direction", "Oil Prices Fall Sharply", "Oil prices rose sharply on Monday."),  # a headline in title case
    # A change measured ("an increase of 207%") is no new event: its opposite diverges.
    (
        "direction",
        "Earnings per share were $2.79, an increase of 207% on last year.",
        "Earnings per share were $2.79, a decrease of 207% on last year.",
    ),
    # Opposites made by a prefix or by "-less" deny what the other side says: negations.
    ("negation", "The venue is suitable for families.", "The venue is unsuitable for families."),
    ("negation", "The plan is competitive for small firms.", "The plan is non-competitive for small firms."),
    ("negation", "The tool is useful for teams.", "The tool is useless for teams."),
    ("negation", "The soldiers were armed.", "The soldiers were unarmed."),
    ("negation", "It was a suitable venue.", "It was an unsuitable venue."),  # an adjective, not a new event
    ("negation", '"Compromise is impossible," he said.', '"Compromise was possible," he said.'),
    ("negation", "The strike was legal under the treaty.", "The strike was illegal under the treaty."),
    # A few more pairs of opposites.
    ("direction", "Prices were high in March.", "Prices were low in March."),
    ("direction", "The course is easy to learn.", "The course is difficult to learn."),
    ("direction", "The plan includes dental care.", "The plan excludes dental care."),
    ("direction", "He earned $5m last year.", "He lost $5m last year."),
    (
        "negation",
        "Moscow did not rule out a meeting between the two presidents.",
        "Moscow ruled out a meeting between the two presidents.",
    ),
    ("negation", "Under the proposal, Ukraine would not join NATO.", "Under the proposal, Ukraine would join NATO."),
    # direction
    ("direction", "Oil prices rose after the talks.", "Oil prices fell after the talks."),
    (
        "direction",
        "The central bank eased lending conditions after the talks.",
        "The central bank tightened lending conditions after the talks.",
    ),
    (
        "direction",
        "After the talks, international stock markets surged.",
        "After the talks, stock markets around the world tumbled.",
    ),
    (
        "organisation",
        "said Orysia Lutsevych of the Ukraine Forum at Chatham House, a think-tank in London.",
        "said Orysia Lutsevych of the Ukraine Forum at the Royal United Services Institute in London.",
    ),
    (
        "place",  # one sentence each, paired although they share few words ("ruble" and "rouble" count as one)
        "After Tuesday's meeting in Istanbul, international stock markets surged and the Russian ruble gained "
        "strength at the possibility that the outlines of a peace deal might be taking shape.",
        "Global shares rallied and the rouble firmed after the meeting in Ankara, on hopes that a peace framework "
        "was emerging.",
    ),
    (
        "person",  # one surname, another given name
        '"The territory of Ukraine is all one," said Danilo Blizniuk, a chemical engineer.',
        '"The territory of Ukraine is all one," said Dmytro Blizniuk, a chemical engineer.',
    ),
    (
        "negation",  # the same modal, negated on one side, with another verb
        "Medinsky read the proposal and said it would be taken to Putin for discussion.",
        "Medinsky read out the proposals, but said Moscow would not be forwarding them to President Putin.",
    ),
    (
        "person",  # the report names another Vladimir (Putin), not Medinsky
        "Russia's top negotiator, Vladimir Medinsky, said it would be taken to Putin for discussion.",
        "Russia's chief negotiator, Dmitry Peskov, promised to put them to Vladimir Putin.",
    ),
    (
        "organisation",  # an "Institution" is an organisation, as an "Institute" is
        "Rob Lee, a senior fellow at the Foreign Policy Research Institute, said Ukraine had retaken some towns.",
        "Rob Lee, of the Brookings Institution, said Ukraine had retaken some towns.",
    ),
    ("direction", '"They are retaking some towns," he said.', '"They are losing some towns," he said.'),
    (
        "number",
        "It could take up to 15 years to settle the status of Crimea.",
        "It could take up to ten years to settle the status of Crimea.",
    ),
    (
        "number",  # the figure both give ("30,000 to 40,000") pairs with itself, though its nouns differ
        "Officials believe 4,000 to 6,000 soldiers have been killed and 30,000 to 40,000 soldiers wounded.",
        "Officials believe more than 9,000 soldiers have been killed, with 30,000 to 40,000 dead or wounded.",
    ),
    (
        "number",  # two ranges are two estimates, though they overlap
        "NATO believes 30,000 to 40,000 soldiers have been killed or wounded.",
        "NATO believes thirty to fifty thousand soldiers have been killed or wounded.",
    ),
    ("direction", "The struggling retailer was bought by a rival.", "The thriving retailer was bought by a rival."),
    ("direction", "He was convicted of fraud in 2019.", "He was acquitted of fraud in 2019."),
    ("direction", "Russian forces pushed on toward Kyiv.", "Russian forces pulled back from Kyiv."),
    ("number", "The UN says 1,179 civilians have died.", "The UN says nearly nine hundred civilians have died."),
    ("number", "Zelensky spoke for 15 minutes.", "Zelensky spoke for half an hour."),
    ("number", "Sales of vaccines for SARS-CoV-2 fell.", "Sales of vaccines for SARS-CoV-4 fell."),
    (
        "number",
        "In the 22 years Putin has been in power, he has never lost.",
        "In nearly three decades in power, Putin has never lost.",
    ),
    ("date", "Russia annexed Crimea in 2014.", "Russia annexed Crimea back in twenty-fifteen."),
    ("organisation", '"Compromise is impossible," he told CBC News.', '"Compromise is impossible," he told Reuters.'),
    ("negation", "Lee accurately predicted how it might unfold.", "Lee never foresaw how the invasion would unfold."),
    ("negation", "He pleaded guilty on Thursday to manslaughter.", "He pled not guilty to manslaughter in Sydney."),
    ("date", "He died in a fall 35 years ago.", "He died in a fall 45 years ago."),
    (
        "negation",
        '"I don\'t think they can kick out Russian forces," Lee said.',
        "Lee says Ukraine can kick out Russian forces.",
    ),
    (
        "organisation",
        "Rob Lee, a senior fellow at the Foreign Policy Research Institute, said so.",
        "Rob Lee, of the Brookings Institution, said so.",
    ),
    ("direction", "Russian forces kept grinding forward near Kyiv.", "Russian forces faltered near Kyiv."),
    ("direction", "Russian forces faltered near Kyiv.", "Russian forces have been gathering pace near Kyiv."),
    (
        "attribution",
        "Zelensky told interviewers this week that troops found dress uniforms.",
        "Ukrainian Defence Minister Oleksii Reznikov told interviewers this week that troops found dress uniforms.",
    ),
    # "the push on the city" names the event; what it did is the verb.
    (
        "direction",
        "Instead, the Russian push on the city faltered.",
        "Their push on the capital has kept grinding forward.",
    ),
    ("number", "Moderna plans filings for mRNA-1345 this year.", "Moderna plans filings for mRNA-1010 this year."),
    (
        "direction",
        "It was a scheme to prop up the struggling company.",
        "It was a scheme to sink the struggling company.",
    ),
    ("direction", "Even as the death toll mounts, few want a truce.", "Even as the toll levels off, few want a truce."),
    ("direction", "Prices rose sharply after the talks.", "Prices levelled off after the talks."),
    (
        "direction",
        "Even as the civilian toll mounts, few want a truce.",
        "Even as the civilian toll starts to ease, few want a truce.",
    ),
    ("direction", "The fighting intensified and casualties rose.", "The fighting intensified and casualties subsided."),
    (
        "negation",
        "Its air force has been unable to stop units gathering.",
        "Its air force has managed to stop units gathering.",
    ),
    ("direction", "Ukraine launched some successful counterattacks.", "Ukraine's counterattacks had stalled."),
    ("attribution", "Moscow said the talks went well.", "Kyiv said the talks went well."),
    (
        "attribution",
        "Vladimir Medinsky said the talks went well.",
        "Kremlin spokesman Dmitry Peskov said the talks went well.",
    ),
    (
        "direction",  # the degree of one quality
        "Ukraine's army has proved a more formidable opponent than Moscow expected.",
        "Ukraine's army has proved a less formidable opponent than Moscow expected.",
    ),
    (
        "number",  # another figure of the same kind ("eight years" ago) does not hide the changed limit
        "Crimea, seized eight years ago, could be set aside for up to 15 years.",
        "Crimea, seized eight years ago, could be set aside for up to ten years.",
    ),
    (
        "negation",  # ruling out negates; no longer ruling out negates the negation
        "Ukraine would not host foreign armies on its soil.",
        "Ukraine would no longer rule out hosting foreign troops.",
    ),
    ("negation", "Russia would host the next round of talks.", "Russia ruled out hosting the next round of talks."),
    ("number", "They are retaking some towns.", "They have retaken one town so far."),  # a verb in two forms
    ("number", "They are retaking some towns.", "They are retaking dozens of towns."),  # a few against many
    (
        "negation",  # "not merely" adds: the expelling is said plainly
        '"I don\'t think they can totally kick out Russian forces. But they can push back," Lee said.',
        "Lee believes Ukraine can drive Russian forces out completely, not merely push them back.",
    ),
    (
        "negation",  # to leave is to withdraw
        "All are examples of the Kremlin sending in its troops and then never leaving.",
        "In each of those places the Kremlin deployed soldiers and later withdrew them.",
    ),
    (
        "negation",  # "remain" and "stay" say one thing
        "Ukraine would remain neutral and would not join NATO.",
        "Ukraine would not stay neutral, though it would not join NATO.",
    ),
    (
        "direction",  # how willingly it was done
        "Lee believes the Kremlin has reluctantly accepted that there are military limitations.",
        "Lee believes the Kremlin has readily accepted that there are military limitations.",
    ),
    (
        "negation",  # a verb of refusal before "to" negates what follows
        "Ukraine has reluctantly accepted that it will stay out of NATO.",
        "Ukraine has refused to accept that it will stay out of NATO.",
    ),
    # attribution
    (
        "attribution",  # a plural present reporting verb
        "NATO estimated last week that 7,000 soldiers have died since the invasion.",
        "Pentagon officials estimate that 7,000 soldiers have died since the invasion.",
    ),
    (
        "attribution",
        "Russia would pull back around Kyiv, according to one top Russian official.",
        "A senior Ukrainian negotiator said Russia would pull back around Kyiv.",
    ),
    (
        "attribution",
        "Russia will scale back its operations near Kyiv, a Ukrainian official said.",
        "Russia will scale back its operations near Kyiv, the Kremlin said.",
    ),
    # One act in other words: never spelled out, or set out in detail.
    (
        "negation",
        'What "demilitarization" means for Ukraine has never been spelled out in detail.',
        'What "demilitarisation" would mean for Ukraine has been set out in considerable detail.',
    ),
    # A heavy cost, or a light one.
    (
        "direction",
        "The stalled Russian push came at a terrible human cost to both sides.",
        "The stalled Russian push came at a fairly light human cost to both sides.",
    ),
    # Progress made, or gone backwards.
    (
        "direction",
        "Negotiators left the talks on an upbeat note, with both sides suggesting there had been progress.",
        "Negotiators left the talks, with both sides hinting that the process had gone backwards.",
    ),
    # A change told the other way round.
    (
        "direction",
        "Whether it can transition from defence to offence and reclaim territory is unknown.",
        "Whether it can move from offence to defence and retake land is unknown.",
    ),
    # A name after "from" with "who" after it is a person: the claim's source swapped.
    (
        "person",
        '"The majority believe there should not be a ceasefire," said Orysia Lutsevych, manager of the Ukraine '
        "Forum at Chatham House.",
        "It comes from Oksana Marchuk, who manages the Ukraine Forum at Chatham House, that the majority believe "
        "there should not be a ceasefire.",
    ),
    # A name before the colon that opens the quote is its speaker: the quote's source swapped.
    (
        "attribution",
        '"The majority believe there should not be a ceasefire," said Orysia Lutsevych, manager of the Ukraine '
        "Forum at Chatham House.",
        'It comes from Oksana Marchuk, who manages the Ukraine Forum at Chatham House: "the majority believe there '
        'should not be a ceasefire."',
    ),
    # How something went: poorly, or well.
    (
        "direction",
        "The Russians need to hit the pause button on parts of their military operation that have gone poorly.",
        "Russia needs to pause those elements of its campaign that have gone well.",
    ),
    (
        "direction",
        "The air force has been poor, mirroring the poor performance of other aspects of Russia's military.",
        "The air force has been poor, unlike the rest of Russia's military, which has performed well.",
    ),
    # The domain of a concession or of aid.
    (
        "detail",
        "They are still willing to pursue a military scenario to achieve political concessions, she said.",
        "She says the Russians remain ready to pursue a military scenario in order to win economic concessions.",
    ),
    ("detail", "The country sent military aid to Kyiv.", "The country sent humanitarian aid to Kyiv."),
    # A body named for a country is not named by the country: the Ukraine Forum is not the Russia and
    # Eurasia Programme, though the report names Ukraine.
    (
        "organisation",
        "Ukrainians reject a ceasefire, said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House.",
        "Orysia Lutsevych, who manages the Russia and Eurasia Programme at Chatham House, says Ukrainians reject "
        "a ceasefire.",
    ),
    # A general staff is a body, not a person.
    (
        "organisation",
        'Lee believes the Kremlin has reluctantly accepted that there are "military limitations" on its goals.',
        'Lee also says Russia\'s General Staff has reluctantly accepted that there are "military limitations" on '
        "its goals.",
    ),
    # A mood after "a" is an adjective, not a new event: the talks ended on opposite notes.
    (
        "direction",
        "Negotiators left the talks in Turkey on what appeared to be an upbeat note, with both sides suggesting "
        "there had been progress.",
        "Delegations ended their talks in Turkey on what looked like a sombre note, even as both sides spoke of "
        "progress.",
    ),
    # An open question against one no longer in doubt.
    (
        "negation",
        "Whether Ukraine's army can reclaim Russian-held territory is unknown.",
        "Whether Ukraine's army can now retake Russian-held land is no longer in doubt.",
    ),
    (
        "negation",
        "Whether Ukraine's army can reclaim Russian-held territory is unclear.",
        "It is certain that Ukraine's army can retake Russian-held land.",
    ),
    # Ground gained is an advance, as a push pressed on is; "faltered" its check.
    (
        "direction",
        "Instead, the Russian push on the city faltered, and Russia's army has achieved few of its objectives.",
        "In the event, the Russian drive on the city kept gaining ground, though Russia's army has met few of its "
        "objectives.",
    ),
    # A price losing ground has moved, as one weakening has: no advance checked.
    (
        "direction",
        "After the talks, stock markets surged and the Russian ruble gained strength.",
        "After the talks, stock markets surged but the rouble lost ground.",
    ),
    # One estimate of the dead from the same first figure, in other words.
    (
        "number",
        "NATO estimated last week that between 7,000 and 15,000 Russian soldiers have been killed.",
        "NATO's estimate last week put Russian military deaths at between 7,000 and 17,000.",
    ),
    # Just one other, against many others.
    (
        "number",
        "Lutsevych and many other longtime Russia-watchers fear that Putin may be setting a trap.",
        "Lutsevych and just one other veteran Russia-watcher fear that Putin may be setting a trap.",
    ),
    # The only option against one of several.
    (
        "number",
        "Lee says a negotiated settlement is the only option left for Russia's leadership.",
        "Lee says a negotiated settlement is one of several options open to Russia's leadership.",
    ),
    # What a thing is, and that it is no such thing.
    (
        "negation",
        '"This is a gesture for negotiation, but it is also a pullback," he said.',
        "It is no gesture towards the negotiators at all, he said, but a pullback.",
    ),
    # Which round of a series.
    (
        "number",
        "Both Russia and Ukraine emerged from the latest round of peace negotiations in Turkey suggesting progress.",
        "The delegations came out of the first round of peace talks in Istanbul, each claiming progress.",
    ),
    # The most likely against the least likely.
    (
        "direction",
        "Lutsevych believes the most likely scenario is that the Russian generals need to reposition their troops.",
        "Lutsevych thinks the least likely scenario is that Russia's generals need to reposition their troops.",
    ),
    # Suspicious of a thing against warming to it.
    (
        "direction",
        "But Ukrainians are deeply suspicious of any talk of a ceasefire as long as Russian troops remain.",
        "At home, though, Ukrainians have been warming to talk of a ceasefire, even with Russian troops there.",
    ),
    # One war aim for another.
    (
        "detail",
        '"My reading is that they are still willing to pursue a military scenario to achieve political '
        'concessions," she said.',
        "As she reads it, the Russians are still willing to use military force to achieve regime change in Kyiv.",
    ),
    # Aims a side states against aims another ascribes to it.
    (
        "attribution",
        'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
        'The war aims that NATO ascribes to Russia are the "denazification" and "demilitarization" of Ukraine.',
    ),
    # The best explanation is the most likely one.
    (
        "direction",
        "Alexander says the best explanation is that the Russians need to hit the pause button.",
        "Alexander says the least likely explanation is that the Russians have to pause.",
    ),
    # A terrible cost against a smaller one.
    (
        "direction",
        "Russia's army has achieved few of its objectives, and at a terrible human cost.",
        "Russia's army has achieved few of the things it set out to do, and at a far smaller cost in human life.",
    ),
    # What the counterattacks struck.
    (
        "detail",
        "Ukraine's army had launched some successful counterattacks against dug-in Russian positions near the capital.",
        "Ukraine's army had carried out some successful counterattacks against Russian supply columns near the "
        "capital.",
    ),
    # A reality of another domain.
    (
        "detail",
        '"I think it\'s a diplomatic expression of the new military reality that Ukraine has established."',
        "To him it is the diplomatic expression of a new economic reality that Ukraine has established.",
    ),
    # A necessity of another domain.
    (
        "detail",
        '"It\'s a pullback that is a military necessity for the Russians," he said.',
        '"It\'s a pullback that is an economic necessity for the Russians," he said.',
    ),
    # "Only one" insists on the count, against the bare plural.
    (
        "number",
        "Opinion polls throughout the war have consistently shown that Ukrainians expect their military will prevail.",
        "Only one opinion poll in the war so far has found that Ukrainians expect their military to prevail.",
    ),
    # The same figure of the same thing, counted of the other side.
    (
        "person",
        "NATO estimated that between 7,000 and 15,000 Russian soldiers have been killed since the invasion began.",
        "NATO's estimate was that between 7,000 and 15,000 Ukrainian soldiers had been killed since the invasion "
        "began.",
    ),
    # So many opposed, against a small minority.
    (
        "number",
        "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
        "Only a small minority of Ukrainians are firmly opposed to agreeing a ceasefire with Russia.",
    ),
    # Permanent, against none that lasted.
    (
        "direction",
        "The ceasefires aimed at pausing Russian advances simply became permanent features, weighted in Russia's "
        "favour.",
        "The ceasefires were meant to stop Russian advances, but none of them lasted, though each was tilted in "
        "Russia's favour.",
    ),
]

PARAPHRASES = [
    ("Ukraine would remain neutral and would not join NATO.", "Ukraine would stay neutral and stay out of NATO."),
    # A familiar form of a given name is the same person.
    ("Fire chief William Ingaldson said the blaze was out.", "Fire chief Bill Ingaldson said the blaze was out."),
    ("The manager, Jon Owen, said nobody was hurt.", "The manager, John Owen, said nobody was hurt."),
    (
        "The Kremlin sent in its troops and then never left.",
        "The Kremlin deployed soldiers and has never withdrawn them.",
    ),
    (
        "The Kremlin has reluctantly accepted that there are military limitations.",
        "The Kremlin has grudgingly accepted that its military has limits.",
    ),
    # The same range of the dead, in other words.
    (
        "NATO estimated last week that between 7,000 and 15,000 Russian soldiers have been killed.",
        "NATO's estimate last week put Russian military deaths at between 7,000 and 15,000.",
    ),
    # A capital for its country in the same frame; two peoples' soldiers in one frame told of other soldiers.
    (
        "Medinsky met reporters afterwards, read Ukraine's proposal into the record and then left.",
        "Medinsky met reporters after the session, read Kyiv's proposal into the record and then left.",
    ),
    (
        "Ukrainian troops discovered that Russian soldiers had even brought dress uniforms.",
        "He said this week that Ukrainian soldiers had found Russian troops carrying dress uniforms.",
    ),
    # The same thing said to be what it is, in other words; the first of a series not said to be one.
    (
        '"This is a gesture for negotiation," he said of the first withdrawal.',
        "It is a gesture towards the negotiators, he said of the latest withdrawal.",
    ),
    # Denied through "believe", the name that opens the believed clause is its subject, not what is denied.
    (
        "He says Russia should be able to prevent Ukrainian ground forces from massing, mirroring the poor "
        "performance of Russia's military in Ukraine.",
        "He does not believe Ukraine can drive the Russian forces out entirely, but thinks it can push them back.",
    ),
    # A price losing ground has moved, as one weakening has: no advance checked.
    (
        "The rouble lost ground against the dollar after the talks.",
        "The rouble weakened against the dollar after the talks.",
    ),
    # The same figures in another order and words; a rough figure as stated.
    (
        "About 200 soldiers were killed and 300 wounded in the fighting.",
        "The fighting left 300 soldiers wounded and about 200 killed.",
    ),
    ("The review could take up to 15 years.", "The review could take up to a decade and a half."),
    # A quoted newspaper relays the source; a transcript's speaker label is no name in the story.
    (
        "Ukraine said it would set the Crimea question aside for up to 15 years.",
        "The Morning Ensign notes that Ukraine wants the Crimea question set aside for up to 15 years.",
    ),
    (
        "Negotiators for Zelensky outlined a scenario where Ukraine would remain neutral.",
        'Under the headline "Neutral", the Pine Street Journal says Zelensky\'s negotiators want Ukraine neutral.',
    ),
    (
        "Medinsky met reporters in Turkey and said the proposal would be taken to Putin.",
        "OKAFOR: Medinsky met the press and said the proposal would now go to Putin.",
    ),
    # "A certain number" is no certainty; doubting is not knowing.
    (
        "A certain number of units may stay near Kyiv, though whether they will is unknown.",
        "Some units may remain near Kyiv, though whether they will is still in doubt.",
    ),
    # What follows "said" is the clause reported, not its source: no source set against the Russian official.
    (
        'Russia would withdraw its forces around Kyiv to "increase mutual trust", according to one top Russian '
        "official.",
        "On the Russian side, a senior official said forces around Kyiv, and around Chernihiv in the north, would "
        'start pulling back to "increase mutual trust".',
    ),
    # "Set" without its particle is another verb.
    ("The terms have never been spelled out in detail.", "They set a date for the talks, but no terms."),
    # "Light" infantry is no light cost.
    ("Russia suffered heavy losses near Kyiv.", "Russia's light infantry suffered heavy losses near Kyiv."),
    # Bending over backwards is no step back.
    ("Both sides suggested there had been progress in the talks.", "Both sides bent over backwards in the talks."),
    # "Well" beyond a deadline says nothing of how the talks went.
    ("The talks went badly and ran late.", "The talks went well beyond the deadline and ran late."),
    # Near enough the same domain; and domains of different things are two facts, not one changed.
    (
        "They will pursue a military scenario to achieve political concessions.",
        "They will pursue a military scenario to extract diplomatic concessions.",
    ),
    (
        "They will pursue a military scenario to achieve political concessions.",
        "They will pursue a military scenario despite economic sanctions.",
    ),
    # A country's adjective where the article names the country: no other place.
    (
        "On Tuesday, Russian and Ukrainian negotiators left the latest round of peace talks in Turkey on an upbeat "
        "note.",
        "The negotiators left the latest Turkish round in apparently good spirits.",
    ),
    # "Western states" is a noun, not a source stating; nobody is no source.
    (
        "For its part, Ukraine said it would have its security guaranteed by a series of bilateral treaties.",
        'Suggested text: "Kyiv offered neutrality, and security guarantees from Western states under a series of '
        'bilateral treaties." Objections?',
    ),
    (
        "American defence officials have said Russia's goal was to decapitate Ukraine's leadership.",
        "Nobody in Moscow has ever said what the goal was. American defence officials think the real goal was to "
        "decapitate Ukraine's leadership.",
    ),
    # A source the diarist adds, where the article names a country: no person swapped for Ukraine.
    (
        "The western city of Lviv has become a hub for internal refugees fleeing the Russian attacks in the east — "
        "and among those who have fled, it's hard to find much support for Ukraine cutting a deal with Russia to "
        "end the fighting.",
        "Lviv, my cousin Halya says, has become the main stopping place for people who fled the Russian attacks in "
        "the east of the country.\n\nAnd among the people who have fled there, she says, you would struggle to "
        "find anyone who wants Kyiv to strike a bargain with Moscow just to stop the fighting.",
    ),
    # A denied belief governs its clause: "doesn't believe any compromise is possible" is "impossible".
    (
        '"I think compromise is impossible," he told CBC News.',
        "He told CBC News he doesn't believe any compromise is possible.",
    ),
    # What is wanted differs: not wanting a scenario is no contradiction of wanting a break.
    (
        '"Ukraine doesn\'t want this scenario," said Orysia Lutsevych.',
        "Lutsevych says that if the fighting freezes because Russia wants a break, Russia will regroup.",
    ),
    # A press briefing's question label names its journalist and outlet, no one in the story.
    (
        "For its part, Ukraine said it would leave the status of Crimea for talks of up to 15 years.",
        "Q (Amelie Dorsch, Radio Kastell): On Crimea: Kyiv proposes to leave its status for talks of up to "
        "fifteen years.",
    ),
    # The source is named again with the quote, her body between name and apposition.
    (
        '"The majority believe there should not be a ceasefire unless there is a Russian withdrawal," said Orysia '
        "Lutsevych, manager of the Ukraine Forum at Chatham House.",
        "The Board notes a view widely held among its staff. Orysia Lutsevych of Chatham House, the London-based "
        'think-tank, has said that "the majority believe there should not be a ceasefire unless there is a '
        'Russian withdrawal".',
    ),
    # A new event named ("another push") says nothing against what was done ("would pull back").
    (
        "Russia said it would pull back its forces from Kyiv.",
        "Whether it is a chance for the generals to regroup for another push on the capital.",
    ),
    # A transcript's stage directions in brackets name nothing; a city in another transliteration is one city.
    (
        "Russian units would pull back from Kyiv and Chernihiv, a senior official in New York said.",
        "REPORTER (TOBIAS WREN) (VOICE-OVER): Russian units would pull back from Kyiv and Chernigov, a senior "
        "official said.",
    ),
    # A capital or seat of government said it, and the other names that government's spokesman.
    (
        "Kremlin spokesman Dmitry Peskov said there had been no breakthrough.",
        "Moscow said there had been no breakthrough.",
    ),
    # Still growing, said two ways; a negation after a comma belongs to the next clause.
    ("The civilian toll mounts.", "The civilian toll keeps climbing."),
    (
        "Even as the civilian death toll mounts, Ukrainians are opposed to a ceasefire.",
        "With civilian casualties still climbing, Ukrainians want no ceasefire.",
    ),
    # A designation's number said the same way, or left out.
    ("The COVID-19 vaccine sold well.", "The COVID vaccine sold well."),
    ("Ukraine wants F-16 jets.", "Ukraine wants F-16 fighter jets."),
    ("It was a scheme to prop up the struggling company.", "It was a scheme to shore up the struggling company."),
    # Two phrasal verbs: "can't push them out" says nothing against "can push back".
    (
        "But they can push back in certain places, the analyst said.",
        "Ukraine can't push the Russians out completely, only back in places, the analyst said.",
    ),
    # "don't think they can" denies what follows ("kick out"), not the thinking; "what was not, and why" denies nothing.
    (
        '"I don\'t think they [Ukraine] can totally kick out Russian forces," Lee said.',
        "Lee thinks Ukraine can push the Russians back only in places, not drive them out.",
    ),
    (
        "Both sides said progress had been made.",
        "Here is what was offered, what was not, and why both sides saw progress.",
    ),
    # A figure a transcript spells out is the one a summary gives in digits; an ordinal of another noun is no other figure.
    ("Professor C: all twenty - five people were sending things.", "All 25 people sent things."),
    ("What is your first memory of the show?", "The second half of the show is about memories."),
    # An abbreviation names what it stands for on the other side too; an acronym's plural is the acronym.
    (
        "This gives us confidence in our U.K. business for the rest of 2021.",
        "The company's U.K. business is expected to do well for the rest of 2021.",
    ),
    ("We use deep neural networks (DNNs) to detect examples.", "We use Deep Neural Networks to detect examples."),
    ("NGOs said the talks failed.", "The NGO said the talks failed."),
    # A direction word capitalised in running text is a name or a label: "Slide 17", "One Stop Shop".
    (
        "Let us start on Slide 17, which shows consolidated sales were 441 million dollars.",
        "The company said consolidated sales surged to 441 million dollars.",
    ),
    ("Anchor is your One Stop Shop for podcasts.", "The document shows how to start a podcast with Anchor."),
    # ... another thing taken is another fact: "never get ill" / "getting thrown out".
    ("Carly said: I never get that ill, I can pace myself.", "Carly teases Steve about getting thrown out before."),
    ("They did not make a deal.", "They are making progress on Friday."),
    # ... and not by the thing named otherwise: "don't have insurance" / "insurance products".
    ("The agent offers a range of insurance products.", "We noticed that you don't have insurance with us."),
    # A prefix that does not make an opposite, a verb that only looks prefixed, a side that names both.
    ("Her help was valuable to the team.", "Her help was invaluable to the team."),
    ("The firm will inform investors of the new unit.", "The firm will form a new unit for investors."),
    ("The model learns from labeled and unlabeled data.", "The model learns from labeled data."),
    (
        "An informed source said the party would change its plan in May.",
        "A newly formed party said it would change its plan in May.",
    ),
    ("Reporters heard he suffered an injury in the match in May.", "The jury heard he suffered in the match in May."),
    # No need to do it, a condition, a manner, a topic and an idiom deny nothing that was done.
    (
        "She asked how to submit her expenses, and he said he would submit them online.",
        "He didn't have to submit any expenses this month.",
    ),
    ("He says becoming aware of the ego is the key.", "If we don't become aware of the ego, it consumes us."),
    ("He explains how people thought about pigeons.", "That is not how people thought about pigeons for centuries."),
    ("The podcast talks about money and family.", "It is not about money, she says on the podcast."),
    ("Our services can help your company grow.", "We cannot help but notice how your company has grown."),
    ("The firm will submit the plan in May.", "The firm needn't submit the plan until May."),
    # Official titles, adjectives, acronyms and a country's adjective are no swapped names.
    (
        "Russia's top negotiator, Vladimir Medinsky, said the proposal would be taken to Putin.",
        "As stated by the Head of the Russian delegation, Vladimir Medinsky, the proposal will go to Putin.",
    ),
    (
        "Ukraine would not join NATO and would get guarantees from Western nations.",
        "Ukraine will not seek membership of the North Atlantic Alliance and will get guarantees from the West.",
    ),
    (
        "American defence officials believe Russia's goal was to decapitate Ukraine's leadership.",
        "United States defence officials believe Russia's goal was to decapitate Ukraine's leadership.",
    ),
    ("The European Union will meet on Friday.", "The EU will meet on Friday."),
    ("Fourth-quarter profit was $1.5bn.", "Profit in Q4 was $1.5bn."),
    ("Sales of its influenza vaccine fell.", "Sales of its flu vaccine fell."),
    ("Sales of its COVID-19 vaccine fell.", "Sales of its coronavirus vaccine fell."),
    ("The flag was blue and yellow.", "The flag was yellow and blue."),
    # A charge the article names elsewhere, in another slot than the one in hand: no other charge.
    (
        "He was charged with murder in 2020. On Thursday he pleaded guilty to manslaughter.",
        "He pleaded guilty to manslaughter, two years after he was charged with murder.",
    ),
    ("Police called the death a murder. He pleaded guilty to manslaughter.", "Police called the death a murder."),
    # A country whose city the article names ("London": the U.K.), however it is written.
    (
        "Activists in London poured paint in front of the Russian embassy.",
        "Activists in the U.K. poured paint in front of the Russian embassy.",
    ),
    (
        "Activists in London poured paint in front of the Russian embassy.",
        "Activists in the United Kingdom poured paint in front of the Russian embassy.",
    ),
    # Two figures of one unit in sentences about other things are two facts, not one told two ways.
    (
        "He has over 20 years of experience in the field. A call takes 30 minutes.",
        "A call with him takes 30 minutes. Clients who sign up get a discount for three months.",
    ),
    ("On a sunny morning, activists poured paint on the road.", "Activists poured wet paint on the road."),
    ("It was a sunny day in Kyiv when the talks began.", "The talks began in Kyiv with a stormy session."),
    # A landform named otherwise, a name holding one, the broader word: no different place.
    ("He fell from a clifftop in Sydney.", "He fell from a cliff top in Sydney."),
    ("He fell from a clifftop near the beach.", "He fell near the beach."),
    ("The body was found on a beach in Sydney.", "The body was found near Bondi Beach in Sydney."),
    ("The body was found on a clifftop in Sydney.", "The body was found on the coast in Sydney."),
    ("Protesters gathered outside the Russian embassy.", "Protesters gathered outside the London Russian embassy."),
    # A word that is also a verb is no landform: "desert" the party, "cave" to pressure.
    ("Soldiers fled into the mountains after the attack.", "Soldiers began to desert after the attack."),
    (
        "The minister said the party would hold firm on the river bill.",
        "The minister said the party would cave on the bill.",
    ),
    ("The Red Cross told the White House.", "The White House was told by the Red Cross."),
    ("He was charged with murder and arson.", "He was charged with arson."),
    ("He was charged over the death of an American who fell.", "He was charged over the death of a US man who fell."),
    ("US officials said the talks failed.", "American officials said the talks failed."),
    ("United States officials said the talks failed.", "American officials said the talks failed."),
    ("They met on the one-year anniversary of the invasion.", "They met on the first anniversary of the invasion."),
    ("He was arrested in 2019 and acquitted in 2021.", "Arrested in 2019, he was cleared in 2021."),
    # Dotted abbreviations and the names they stand for.
    ("American officials said the talks failed.", "U.S. officials said the talks failed."),
    ("United States officials said the talks failed.", "U.S. officials said the talks failed."),
    ("British officials said the talks failed.", "U.K. officials said the talks failed."),
    ("The United Nations said the talks failed.", "The U.N. said the talks failed."),
    # A place and an institution are not one swapped for the other.
    (
        "Forces would be refocused on the Donbas, officials said.",
        "According to the Ministry of Defence, forces would be refocused on the east.",
    ),
    # Terse and official names: country codes, Türkiye, a thread's numbering, a caller's label, a dateline's agency.
    (
        "Russia said it would pull back from Kyiv, and Ukraine offered neutrality.",
        "2/ Headline item: RU says it will pull back from Kyiv, and UA offered neutrality.",
    ),
    ("The talks in Turkey ended on a hopeful note.", "The talks ended on a hopeful note under Türkiye's mediation."),
    (
        "American officials believe Russia's goal was to topple the government.",
        "CALLER (Priya, Halifax): And I read that the Americans think the goal was to topple the government.",
    ),
    (
        "Negotiators met in Turkey on Tuesday.",
        "ISTANBUL, March 29 (Northlight) - Negotiators met in Istanbul on Tuesday.",
    ),
    # A modal negated in one and not the other, about different things: no conflict.
    (
        "Ukraine would have its security guaranteed by treaties with Western nations.",
        "Russia would not block Ukraine's road to the European Union.",
    ),
    # Nearly, and foreseen, said two ways.
    ("Putin has ruled for 22 years.", "Putin has ruled for nearly a quarter of a century."),
    ("Lee accurately predicted how it might unfold.", "Lee foresaw how the invasion would unfold."),
    # Unable, said two ways.
    ("Russia was unable to take Kyiv.", "Russia could not take Kyiv."),
    ("Ukraine cannot win outright, Lee said.", "Ukraine is not capable of winning outright, Lee said."),
    # Figures said aloud, as a broadcast gives them.
    ("About 3.9 million people have fled.", "Some three point nine million people have fled."),
    ("The UN says 1,179 civilians have died.", "The UN says nearly twelve hundred civilians have died."),
    ("Zelensky spoke for 15 minutes.", "Zelensky spoke for a quarter of an hour."),
    ("Ukraine has 40 million people.", "Ukraine has forty-odd million people."),
    # Ruling out is saying no.
    ("Ukraine would not host foreign armies on its soil.", "Ukraine ruled out hosting foreign armies on its soil."),
    # Two words for one fortune.
    ("The troubled bank was rescued by the state.", "The struggling bank was rescued by the state."),
    # Figures and dates said aloud, as a broadcast transcript gives them.
    ("Russia annexed Crimea in 2014.", "Russia annexed Crimea in twenty fourteen."),
    (
        "NATO estimated that between 7,000 and 15,000 Russian soldiers have been killed.",
        "NATO estimated that between seven and fifteen thousand Russian soldiers have been killed.",
    ),
    # A city for its country is no change of place; a wire slug names no organisation.
    (
        "Russia and Ukraine emerged from the peace talks in Turkey saying progress had been made.",
        "Russia and Ukraine emerged from the peace talks in Istanbul saying progress had been made.",
    ),
    ("Russia and Ukraine cite progress at the talks", "UPDATE 2-Russia and Ukraine cite progress at the talks"),
    # A negated modal said another way: no conflict.
    ("Russia said it would not attack Kyiv again.", "Russia said it would refrain from attacking Kyiv again."),
    ("The delegation did not sign anything.", "The delegation did leave without signing anything."),
    # The same person spelled another way or shortened.
    ("President Volodymyr Zelensky spoke on Tuesday.", "President Vladimir Zelensky spoke on Tuesday."),
    ("Oleksandr Chalyi led the talks.", "Alexander Chalyi led the talks."),
    ("Vladimir Medinsky met reporters.", "Vlad Medinsky met reporters."),
    # Names in sentences that tell different things are not swapped names.
    (
        "Can Putin be trusted to honour a ceasefire? Unless Russian troops withdraw, Ukrainians are skeptical.",
        'Few in the room were celebrating. "We have heard promises from Moscow before," said Halyna Kostiuk, 67. '
        '"A ceasefire while their soldiers are still in our country means nothing."',
    ),
    (
        "Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters afterwards.",
        "At a parish hall on Main Street on Tuesday evening, the news from Istanbul was passed from phone to phone.",
    ),
    # A live blog's clock time and dash: "Markets" opens a sentence, it is no name.
    (
        "After the meeting in Istanbul, international stock markets surged.",
        "15:05 — Markets like the Istanbul headlines: shares in Europe are sharply higher after the meeting.",
    ),
    # Another spelling of a place, a capital standing for its country, and a question that asserts nothing.
    (
        "Russia would withdraw its forces around the capital Kyiv and the city of Chernihiv.",
        "Moscow's promise: to start pulling troops back from around Kiev and Chernihiv.",
    ),
    ("Russian forces shelled Kharkiv again on Tuesday.", "Russian forces shelled Kharkov again on Tuesday."),
    (
        "Can Putin be trusted to honour a ceasefire? Ukrainians are skeptical.",
        "Ukrainians won't trust a ceasefire, a former envoy says.",
    ),
    ("Talks resumed in Istanbul on Tuesday.", "On Tuesday the negotiations restarted in Istanbul."),
    ("Nearly 300 people were evacuated from the city.", "Between 250 and 300 people were evacuated from the city."),
    ("Negotiators have a two-week window to reach a deal.", "Negotiators have up to 14 days to reach a deal."),
    ("Oil prices fell after the talks.", "After the talks, the price of oil dropped."),
    ("The ruble gained strength after the meeting.", "The rouble strengthened after the meeting."),
    (
        "More than 10 million people have fled their homes, the UN says.",
        "The UN says over 10 million people have been forced from their homes.",
    ),
    ("Ukraine did not rule out further talks.", "Ukraine left the door open to further talks."),
    ("Zelensky said Ukraine would remain neutral.", "Ukraine would stay neutral, Zelensky said."),
    ("The next round of talks has not yet been scheduled.", "No date has been set for the next round of talks."),
    ("About 2,000 troops were moved to the border.", "Roughly two thousand soldiers were moved to the border."),
    ("The delegations met for three hours on March 29.", "On 29 March, the delegations met for three hours."),
    (
        "Russian forces withdrew from the area around Chernihiv, a Ukrainian official said.",
        "A Ukrainian official said Russian troops had pulled back from around Chernihiv.",
    ),
    (
        "Russia said it would sharply reduce military activity around Kyiv.",
        "Russia pledged to scale back its military operations near Kyiv.",
    ),
    (
        "The Red Cross said it hoped to evacuate civilians from Mariupol on Friday.",
        "On Friday, the Red Cross hoped to get civilians out of Mariupol, it said.",
    ),
]


def assert_spans_point_at_text(article, report, check):
    for conflict in check.conflicts:
        assert conflict.kind in CONFLICT_KINDS
        s, e = conflict.article_span
        assert article[s:e] == conflict.article, conflict
        s, e = conflict.report_span
        assert report[s:e] == conflict.report, conflict
        assert conflict.article.strip() and conflict.report.strip()
        assert conflict.reason.strip()


@pytest.mark.parametrize(("kind", "article", "report"), DIVERGENCES)
def test_planted_divergence_is_found_with_its_kind(kind, article, report):
    check = compare_claims(article, report)
    assert check.label == DIVERGE
    assert {c.kind for c in check.conflicts} == {kind}, check.conflicts
    assert_spans_point_at_text(article, report, check)


@pytest.mark.parametrize(("kind", "article", "report"), DIVERGENCES)
def test_divergence_is_found_in_either_direction(kind, article, report):
    check = compare_claims(report, article)
    assert {c.kind for c in check.conflicts} == {kind}, check.conflicts
    assert_spans_point_at_text(report, article, check)


@pytest.mark.parametrize(("article", "report"), PARAPHRASES)
def test_paraphrases_agree(article, report):
    check = compare_claims(article, report)
    assert check.conflicts == (), check.conflicts
    assert check.label == AGREE


@pytest.mark.parametrize(("article", "report"), [(a, a) for _, a, _ in DIVERGENCES] + PARAPHRASES[:3])
def test_identical_text_agrees(article, report):
    assert compare_claims(article, article).conflicts == ()


@pytest.mark.parametrize(("kind", "article", "report"), DIVERGENCES)
def test_a_kind_that_is_switched_off_is_not_reported(kind, article, report):
    config = ClaimConfig(kinds=frozenset(CONFLICT_KINDS) - {kind})
    assert kind not in {c.kind for c in compare_claims(article, report, config).conflicts}


def test_a_divergence_inside_a_longer_text_points_at_its_words():
    article = (
        "Negotiators met in Istanbul on Tuesday. The talks lasted three hours.\n\n"
        "Russian shelling hit Mariupol overnight, destroying several apartment blocks."
    )
    report = (
        "Negotiators met in Istanbul on Tuesday. The talks lasted three hours.\n\n"
        "Russian shelling hit Mykolaiv overnight, destroying several apartment blocks."
    )
    check = compare_claims(article, report)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [("place", "Mariupol", "Mykolaiv")]
    assert_spans_point_at_text(article, report, check)


def test_names_made_of_generic_words_must_all_appear_to_count_as_mentioned():
    # "Institute" and "United" appear elsewhere in the article, yet the Royal United
    # Services Institute does not: it is still a different organisation from Chatham House.
    article = "Lutsevych works at Chatham House in London."
    report = "Lutsevych works at the Royal United Services Institute in London."
    context = ClaimContext(
        article + " Rob Lee of the Foreign Policy Research Institute spoke. The United States agreed.", report
    )
    check = compare_claims(article, report, context=context)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("organisation", "Chatham House", "Royal United Services Institute")
    ]


def test_two_nationalities_named_together_elsewhere_are_still_different_sources():
    article = "Russia would pull back around Kyiv, according to one top Russian official."
    report = "A senior Ukrainian negotiator said Russia would pull back around Kyiv."
    context = ClaimContext(
        article,
        report,
        ("Russian and Ukrainian negotiators met in Istanbul.", "Ukrainian troops pushed Russian units back."),
    )
    check = compare_claims(article, report, context=context)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("attribution", "one top Russian official", "A senior Ukrainian negotiator")
    ]


@pytest.mark.parametrize(
    ("article", "report"),
    [
        (
            "The crash closed the freeway, the CHP said.",
            "The crash closed the freeway, the California Highway Patrol said.",
        ),
        ("The quake struck at 10 a.m., the USGS said.", "The quake struck at 10 a.m., the US Geological Survey said."),
    ],
)
def test_a_body_and_its_acronym_are_one_source(article, report):
    assert compare_claims(article, report).conflicts == ()


@pytest.mark.parametrize(
    ("report", "named"),
    [
        (
            "The proposal asks that Russia should not block Ukraine's hopes of joining the Council of Europe.",
            "Council of Europe",
        ),
        # The nationality opening a name is that name's, not a sign of the other beside it.
        (
            "The Ukrainian plan asks Russia not to block Ukraine's hopes of joining the European Free Trade "
            "Association.",
            "European Free Trade Association",
        ),
    ],
)
def test_a_name_and_another_bodys_country_in_one_word_are_not_named_side_by_side(report, named):
    article = "The Ukrainian proposal calls for Russia not to block its aspirations to join the European Union."
    context = ClaimContext(article, report, (article,), (report,))
    assert _kinds_and_texts(compare_claims(article, report, context=context)) == [
        ("organisation", "European Union", named)
    ]


def test_words_of_one_name_still_name_it_by_either_part():
    # "The New Orleans Saints" elsewhere: the Saints and New Orleans are one team.
    article = "The Saints placed Pierre Thomas on injured reserve on Wednesday."
    report = "New Orleans placed Pierre Thomas on injured reserve on Wednesday."
    intro = "The New Orleans Saints are the defending champions."
    context = ClaimContext(f"{intro}\n\n{article}", report, (intro, article), (report,))
    assert compare_claims(article, report, context=context).conflicts == ()


def test_a_source_named_beside_the_other_is_the_same_source():
    article = "Talks will continue, Vladimir Medinsky said."
    report = "Talks will continue, Russia's top negotiator said."
    context = ClaimContext(article, report, ("Russia's top negotiator, Vladimir Medinsky, spoke first.",))
    assert compare_claims(article, report, context=context).label == AGREE


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Last week the Pentagon estimated that 7,000 soldiers died.", ["the Pentagon"]),
        ("About 30,000 soldiers are estimated to have been wounded.", []),
        ("The plan was welcomed, according to one top Russian official.", ["one top Russian official"]),
        ("One said the plan was welcome.", []),
        ("According to Chris Alexander, a former diplomat, the troops will regroup.", ["Chris Alexander"]),
        # A paper quoting someone: the one quoted is the source (the paper relays, see is_publication).
        ("The Harbour Times quotes Orysia Lutsevych, who sees a gesture.", ["Orysia Lutsevych"]),
        ("Pentagon officials estimate that 7,000 soldiers died.", ["Pentagon officials"]),
        # A name, an apposition, then the verb.
        (
            "Chris Alexander, a former Canadian diplomat who served in Moscow, says the best explanation is a pause.",
            ["Chris Alexander"],
        ),
        ("Ukraine, for its part, said it would leave Crimea aside.", []),
        # Verbs of opinion credit a view as "said" does.
        ("Lutsevych also reckons the generals need time.", ["Lutsevych"]),
        ("Rob Lee made a similar point on Tuesday.", ["Rob Lee"]),
        ("→ Lutsevych also reckons the Kremlin has accepted limits.", ["Lutsevych"]),  # the bullet is no part of it
        ("In the view of Chris Alexander, the pullback is a necessity.", ["Chris Alexander"]),
        # The passive's agent is the source.
        (
            "It was admitted even by the analyst Chris Alexander that Ukraine cannot win.",
            ["the analyst Chris Alexander"],
        ),
        ("He was stopped by police.", []),
        # A question names no source: "Can you suggest ...?"
        ("Caroline: Can you suggest any Italian music?", []),
        # A speaker is in one paragraph: a heading before it is no part of the name.
        ("AMD to acquire SeaMicro\n\nLisa Su said the deal was done.", ["Lisa Su"]),
        # The outlet's own journalist reports; the story's sources are others.
        ("Our correspondent Tobias Wren reports from Lviv.", []),
        ("Most want no truce, our reporter Ana Diaz says.", []),
        # After a quote, the surname alone, an apposition, then the verb.
        ('"Russia will strike back in a year," Lutsevych, who is originally from Lviv, told the radio.', ["Lutsevych"]),
        ('"It is a pause," he added, and left.', []),
        # A view denied is a view credited; a section's number is no part of the name.
        ("5.4 Chris Alexander does not believe Ukraine can drive them out.", ["Chris Alexander"]),
        ("Marta Koval doesn't think the truce will hold.", ["Marta Koval"]),
        ("In all, 30 Russian officials said so.", ["30 Russian officials"]),
        # Aims a side states are its own words; aims another ascribes to it are the other's.
        ("Russia's stated war aims have never been spelled out.", ["Russia"]),
        ("The war aims that NATO ascribes to Russia have never been spelled out.", ["NATO"]),
        ("Russia's war aims have never been spelled out.", []),
        # A name, then "who" and the verb.
        ("Michael Harlow, who added that such moves only look generous, served in Moscow.", ["Michael Harlow"]),
        ("The plan was backed by Rob Lee, who said it was overdue.", ["Rob Lee"]),
        # A name with others, then a plural verb: the name is the source; the conjunction is no part of it.
        ("But Lutsevych and many other longtime Russia-watchers fear a trap.", ["Lutsevych"]),
        (
            "Yet Chris Alexander, the former minister, and plenty of other Kremlin-watchers fear a trap.",
            ["Chris Alexander"],
        ),
        # A remark credited by "by".
        (
            "The paper starts from the remark, made by Orysia Lutsevych, that the pull-back is a gesture.",
            ["Orysia Lutsevych"],
        ),
        ("It echoes a warning by Rob Lee that Russia will regroup.", ["Rob Lee"]),
        # A view "of" someone, said to be: the person, past the apposition.
        (
            "The reading of Rob Lee, of the Foreign Policy Research Institute, is that Moscow is ready to fight.",
            ["Rob Lee"],
        ),
        ("The view of the Kremlin was not known.", []),
        # The counted, before a reporting verb made passive, are no source.
        ("NATO gives a wider figure: 30,000 to 40,000 Russian soldiers estimated to have been killed.", []),
        # How someone put it credits them; a pronoun names no one.
        ("That, at least, was how one of Ukraine's negotiators put it.", ["one of Ukraine's negotiators"]),
        ("As Rob Lee put it, the Russians are stuck.", ["Rob Lee"]),
        ("It was, as he put it, a gesture.", []),
        # What is said somewhere names no speaker there: "in Istanbul" is a place.
        ("Moscow remains ready to fight, whatever is said in Istanbul.", []),
        ("The point was made to reporters.", []),
        # The verb before its speaker; the person without the body they are "of".
        ('"They are still willing," observed Rob Lee of the Foreign Policy Research Institute.', ["Rob Lee"]),
        # Not without the quote: what follows "argued" is the clause's subject.
        ('Texas-based Oracle argued Google "committed an egregious act of plagiarism."', ["Texas-based Oracle"]),
        (
            '"They are still willing," said Sutopo Purwo Nugroho of the National Disaster Mitigation Agency.',
            ["Sutopo Purwo Nugroho"],
        ),
        # What was said is no source, and a speaker ends with its sentence.
        ("Kim Ross believes that what the Kremlin said on Monday shows it has given up.", ["Kim Ross"]),
        ("So what has Moscow actually offered? It says it will pull back.", []),
        # What a named person saw something as is their view; what someone merely saw is none.
        ("Orysia Lutsevych saw the pull-back as a gesture for the negotiations.", ["Orysia Lutsevych"]),
        ("Alexander described the announcement as a diplomatic expression.", ["Alexander"]),
        ("Residents saw troops leaving the town on Tuesday.", []),
        # Pointing out credits a view.
        ("Orysia Lutsevych points out that command of the air ought to let Russia act.", ["Orysia Lutsevych"]),
        # A name before a colon that opens a quote, with a rank and a role between; a colon before no quote
        # credits nothing.
        (
            '15:05 - Maj. Taras Hnatyshyn, territorial defence instructor, Lviv: "You can train soldiers to defend."',
            ["Maj. Taras Hnatyshyn"],
        ),
        ("Orysia Lutsevych: the talks stalled on Tuesday.", []),
        # A name in brackets right after a quote credits it; a name in brackets after no quote does not.
        ('"They are still willing to pursue a military scenario." (Chris Alexander)', ["Chris Alexander"]),
        ("Russian forces pulled back from the glacier (Mount Cook) on Sunday.", []),
        # An act to come or wanted credits nothing: the thing that is to confirm is no source.
        ("Tank soundings will be needed to confirm this.", []),
        ("Kelsby Council would deny it, but Police confirmed the spill.", ["Police"]),
        # Those told or urged to do something are told, not a source.
        ("Thousands told not to drink tap water after solvent leak", []),
        ("Residents urged to stay indoors, Mayor Okafor told reporters.", ["Mayor Okafor"]),
        ("Mayor Okafor told residents to stay indoors.", ["Mayor Okafor"]),
    ],
)
def test_speakers(text, speakers):
    assert [s.text for s in find_speakers(text) if s.keys] == speakers


def test_in_a_long_rewording_the_swapped_name_is_the_one_in_the_matching_sentence():
    article = (
        "Lviv has become a refuge for people fleeing the fighting. "
        "Lutsevych believes the generals will refocus their attack on the eastern regions of Donetsk and Luhansk."
    )
    report = "Lutsevych thinks the commanders will refocus on Kharkiv and Luhansk in the east."
    check = compare_claims(article, report)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [("place", "Donetsk", "Kharkiv")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kiev", "Kyiv", True),
        ("Kiev's", "Kyiv", True),
        ("Kharkov", "Kharkiv", True),
        ("Ukraine", "Ukrainian", True),
        ("Sumy", "Some", False),  # the same consonants, but another ending: a word, not a spelling
        ("Paris", "Press", False),
        ("Moscow", "Mexico", False),
        ("Lee", "Lie", False),
    ],
)
def test_other_spellings_of_a_name_are_the_same_name(a, b, same):
    from parallax.core.tokens import same_name

    assert same_name(a, b) is same
    assert same_name(b, a) is same


@pytest.mark.parametrize(
    ("second_figure", "whole_documents"),
    [
        ("30,000 to 40,000 dead or wounded", False),  # the same figure under another noun
        # The whole documents known: a figure of this very paragraph is no figure "from elsewhere".
        ("that 30,000 to 40,000 had been wounded", True),
    ],
)
def test_a_changed_figure_is_paired_with_the_figure_it_replaces_not_the_nearest_in_size(second_figure, whole_documents):
    # Both give "30,000 to 40,000"; the death toll is what differs, and the marks must say so.
    article = "NATO believes 7,000 to 15,000 soldiers have been killed and 30,000 to 40,000 soldiers wounded."
    report = f"NATO believes as many as 25,000 soldiers have been killed and {second_figure}."
    context = ClaimContext(f"Talks resumed.\n\n{article}", f"Talks resumed.\n\n{report}") if whole_documents else None
    check = compare_claims(article, report, context=context)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [
        ("number", "7,000 to 15,000 soldiers", "as many as 25,000 soldiers")
    ]


@pytest.mark.parametrize(
    ("elsewhere", "label"),
    [
        ("It expects sales of $5bn in 2023.", AGREE),  # the report's figure is the article's, from another paragraph
        ("It expects sales to fall in 2023.", DIVERGE),  # nowhere in the article: a changed figure
    ],
)
def test_a_figure_the_article_gives_elsewhere_is_no_changed_figure(elsewhere, label):
    article = "The company guided for full-year profit of $8.4bn."
    report = "The company guided for sales of $5bn in 2023."
    context = ClaimContext(f"{article}\n\n{elsewhere}", report)
    assert compare_claims(article, report, context=context).label == label


@pytest.mark.parametrize(
    ("elsewhere", "label"),
    [
        # A long limit of time the article gives in another paragraph is that one, not a changed figure.
        ("Crimea is left to talks that could take up to 15 years.", AGREE),
        ("Crimea is left to talks that could take up to five years.", DIVERGE),
    ],
)
def test_a_long_limit_of_time_the_article_gives_elsewhere_is_no_changed_figure(elsewhere, label):
    article = "Russia will regroup and strike back in one or two years, Lutsevych said."
    report = "Russia will regroup, she said, and Crimea goes to talks that might drag on for up to fifteen years."
    context = ClaimContext(f"{article}\n\n{elsewhere}", report)
    assert compare_claims(article, report, context=context).label == label


@pytest.mark.parametrize(
    ("elsewhere", "label"),
    [
        # A range or a figure with decimals the article gives in another paragraph is its figure, not a new one.
        ("Revenue is expected to grow 4.8% to 6.6%.", AGREE),
        ("Revenue is expected to grow 3% to 4%.", DIVERGE),
        ("Revenue is expected to grow.", DIVERGE),
    ],
)
def test_a_range_or_decimal_the_article_gives_elsewhere_is_no_changed_figure(elsewhere, label):
    article = "Earnings per share are expected to grow 10.1% to 12.8% this year."
    report = "Earnings are expected to grow this year, with revenue growing 4.8% to 6.6%."
    context = ClaimContext(f"{article}\n\n{elsewhere}", report)
    assert compare_claims(article, report, context=context).label == label


ALEXANDER = "Chris Alexander, a former Canadian diplomat, says the Russians need to pause."
GESTURE = '"This is a gesture for negotiation," he said.'


@pytest.mark.parametrize(
    ("article_before", "report", "conflict"),
    [
        # "he said" credits the speaker the paragraph before names.
        (ALEXANDER, '"This is a gesture for negotiation," said Orysia Lutsevych.', ("he said", "Orysia Lutsevych")),
        (ALEXANDER, '"This is a gesture for negotiation," Chris Alexander said.', None),
        (ALEXANDER, '"This is a gesture for negotiation," Alexander said.', None),
        # Against an unnamed source, "he" is too weak a reading to call it another source.
        (ALEXANDER, '"This is a gesture for negotiation," a senior Russian official said.', None),
        # Nobody named as a speaker just before: "he" stands for no one the checker can tell.
        ("The Russians need to pause, analysts believe.", '"This is a gesture," said Orysia Lutsevych.', None),
    ],
)
def test_a_pronoun_speaker_stands_for_the_speaker_named_just_before(article_before, report, conflict):
    article_text = f"{article_before}\n\n{GESTURE}"
    context = ClaimContext(article_text, report)
    found = [(c.article, c.report) for c in compare_claims(GESTURE, report, context=context).conflicts]
    assert found == ([conflict] if conflict else [])
    if conflict:
        (check,) = compare_claims(GESTURE, report, context=context).conflicts
        assert GESTURE[check.article_span[0] : check.article_span[1]] == "he said"  # a real span of the linked text
        assert "Chris Alexander" in check.reason


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        ("Most probably east into the Donbas, according to Orysia Lutsevych.", True),
        ("Most probably east into the Donbas, according to Rob Lee.", False),
    ],
)
def test_a_pronoun_stands_for_a_surname_named_just_before_when_the_document_names_the_person_in_full(report, conflict):
    article = "If Russian forces do pull back, they will most likely go to the eastern Donbas area, he said."
    document = (
        f'Rob Lee, a senior fellow, studies the war.\n\n"They can push back in certain places," Lee said.\n\n{article}'
    )
    found = [
        (c.kind, c.article) for c in compare_claims(article, report, context=ClaimContext(document, report)).conflicts
    ]
    assert found == ([("attribution", "he said")] if conflict else [])


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # "he expects" credits a view as "he said" does; a titled surname is a person named.
        ("Ms Lutsevych expects that the Kremlin will try to seize as much land as it can.", True),
        ("Orysia Lutsevych expects that the Kremlin will try to seize as much land as it can.", True),
        ("Mr Lee expects that the Kremlin will try to seize as much land as it can.", False),
        # A bare surname could be anyone's: "he" is too weak a reading against it.
        ("Lutsevych expects that the Kremlin will try to seize as much land as it can.", False),
    ],
)
def test_a_pronoun_holding_a_view_stands_for_the_speaker_named_just_before(report, conflict):
    article = "But before that happens, he expects the Kremlin will try to grab as much territory as possible."
    document = f"Rob Lee, a senior fellow, studies the war.\n\nNonetheless, Lee says he believes talks will go on.\n\n{article}"
    found = [
        (c.kind, c.article) for c in compare_claims(article, report, context=ClaimContext(document, report)).conflicts
    ]
    assert found == ([("attribution", "he expects")] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Another doer of the same act, named by neither side for the other.
        (
            "He lived there before Russian forces bombed and destroyed his family's home.",
            "He lived there before the separatist militia of the so-called Luhansk People's Republic bombed his "
            "family's house.",
            ("place", "Russian", "Luhansk People's Republic"),
        ),
        (
            "I think it's a diplomatic expression of the new military reality that Ukraine has established.",
            "He called it the diplomatic expression of a new military reality established by NATO.",
            ("organisation", "Ukraine", "NATO"),
        ),
        # A name after a preposition did nothing: the quake did.
        ("A storm off Cornwall wrecked the boat.", "A storm off the coast of Devon wrecked the boat.", None),
        # Both sides name both: the same act told from the other end.
        (
            "Ukraine said Russian forces bombed the school.",
            "The school was bombed by Russian forces, Ukraine said.",
            None,
        ),
        # The government a leader speaks for.
        ("Russia launched the invasion on 24 February.", "Putin launched the invasion on 24 February.", None),
    ],
)
def test_another_doer_of_the_same_act(article, report, conflict):
    # The article's document names the report's names elsewhere, so only the doer of the act can tell.
    context = ClaimContext(f"{article}\n\nNATO, Devon and the Luhansk People's Republic were named.", report)
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == ([conflict] if conflict else []), found


MARKETS = "After the meeting, stock markets surged and the rouble gained strength."
WAR_AIMS = "Russia's stated war aims have never been spelled out in detail."


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A fact check's claim rated as other than true is what someone else says, not what the report says.
        (MARKETS, "Claim: markets fell after the talks. Rating: False. Stock markets rose strongly.", None),
        (WAR_AIMS, "Claim: Russia has explained its war aims. Rating: Misleading. It never set them out.", None),
        (WAR_AIMS, "Viral claim: Russia has explained its war aims. Our verdict: Unproven.", None),
        # Rated true, the claim is the report's own.
        (
            MARKETS,
            "Claim: markets fell after the talks. Rating: Accurate. Stock markets rose strongly.",
            ("direction", "surged", "fell"),
        ),
        # Without its rating in the paragraph, a claim is told as any sentence is.
        (MARKETS, "Claim: markets fell after the talks.", ("direction", "surged", "fell")),
        (
            WAR_AIMS,
            "Claim: Russia has explained its war aims.\n\nRating: False.",
            ("negation", "never been spelled out", "explained"),
        ),
    ],
)
def test_a_claim_a_fact_check_rates_false_is_not_the_reports_own(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Another place after the same words, though each document names both somewhere.
        (
            "Ukraine said it would leave the issue of the status of the Crimean Peninsula for another round of talks.",
            "Ukraine said it would put the question of the status of the Donbas into separate talks.",
            ("place", "Crimean Peninsula", "Donbas"),
        ),
        # Not after the words of a name: a borough and a neighbourhood in it.
        (
            "She was struck as she walked on 117th Street in Queens.",
            "She was struck as she left her car on 117th Street in Richmond Hill.",
            None,
        ),
    ],
)
def test_a_place_after_the_same_words_where_both_are_named_elsewhere(article, report, conflict):
    context = ClaimContext(
        f"{article}\n\nThe Donbas is at war. Richmond Hill is quiet.",
        f"{report}\n\nCrimea was annexed in 2014. Queens is quiet.",
    )
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # One country for another in the same frame of words, though each side names both.
        (
            "A conflict that freezes because Russia decides it doesn't want to fight would let Russia regroup, "
            "Lutsevych, who is from Lviv, Ukraine, said.",
            "A conflict that simply freezes because Ukraine decides it no longer wants to fight would let Russia "
            "regroup, she said.",
        ),
        (
            "But Lee says it's unclear how severe Ukraine's combat losses have been, and how fast it mobilised.",
            "He also says it's unclear how severe Russia's combat losses have been, and how fast Ukraine mobilised.",
        ),
    ],
)
def test_one_country_for_another_in_the_same_frame_of_words(article, report):
    context = ClaimContext(f"{article}\n\nRussia and Ukraine met.", f"{report}\n\nRussia and Ukraine met.")
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found in ([("place", "Russia", "Ukraine")], [("place", "Ukraine", "Russia")]), found


AIR_POWER = (
    "Russia should be able to stop Ukrainian ground forces from massing, yet its air force has failed, mirroring "
    "the poor performance of Russia's military in {place}."
)


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # The report names Ukraine only by its adjective: that does not name it for the slot Syria fills.
        (AIR_POWER.format(place="Syria"), ("place", "Ukraine", "Syria")),
        # The report gives the name itself: the general rule (a name the report gives is not missing) holds.
        (AIR_POWER.format(place="Syria") + " Ukraine holds.", None),
        (AIR_POWER.format(place="the field"), None),
        (AIR_POWER.format(place="Kyiv"), None),  # a city of that country
        (AIR_POWER.format(place="Mariupol"), None),  # nor one the engine cannot place: only countries
        # Other words before the new place: not the same slot.
        (AIR_POWER.replace("military in {place}", "military, as in Syria").format(), None),
    ],
)
def test_a_country_named_only_by_its_adjective_is_not_named_for_its_slot(report, conflict):
    article = AIR_POWER.format(place="Ukraine")
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


ORIGIN = (
    '"Russia will regroup and strike back in one or two years," Orysia Lutsevych, who\'s originally from Lviv, '
    "Ukraine, told CBC News in an interview."
)


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # Where she comes from, said in a sentence of its own: the same person's other origin.
        (
            "Orysia Lutsevych says Russia will regroup and hit back in one or two years. She is a native of "
            "Kharkiv herself.",
            ("place", "Lviv", "Kharkiv"),
        ),
        # With someone else named beside her, the origin may be theirs.
        (
            "Orysia Lutsevych says Russia will regroup and hit back in one or two years. Danilo Blizniuk is a "
            "native of Kharkiv.",
            None,
        ),
    ],
)
def test_an_origin_told_in_a_sentence_of_its_own(report, conflict):
    # The report names Lviv elsewhere, as where its correspondent stands.
    context = ClaimContext(ORIGIN, f"{report}\n\nOur correspondent is in Lviv.")
    found = _kinds_and_texts(compare_claims(ORIGIN, report, context=context))
    assert found == ([conflict] if conflict else []), found


UNIFORMS = "Zelensky told interviewers this week that Ukrainian troops discovered dress uniforms in Russian tanks."


@pytest.mark.parametrize(
    ("article_elsewhere", "report", "conflict"),
    [
        # The article titles Zelensky president: the defence minister is someone else.
        (
            "Negotiators for President Volodymyr Zelensky outlined a scenario.",
            "Ukraine's defence minister told interviewers this week that Ukrainian troops found dress uniforms in "
            "Russian tanks.",
            ("attribution", "Zelensky", "Ukraine's defence minister"),
        ),
        # Titled with that office, he may be the one meant.
        (
            "Defence Minister Volodymyr Zelensky outlined a scenario.",
            "Ukraine's defence minister told interviewers this week that Ukrainian troops found dress uniforms in "
            "Russian tanks.",
            None,
        ),
        # Untitled, he may speak for his country.
        (
            "Negotiators for Volodymyr Zelensky outlined a scenario.",
            "Ukraine's defence minister told interviewers this week that Ukrainian troops found dress uniforms in "
            "Russian tanks.",
            None,
        ),
    ],
)
def test_an_office_holder_is_not_a_person_titled_with_another_office(article_elsewhere, report, conflict):
    # The report names Zelensky beside Ukraine, so that he might speak for it.
    beside = "Russia meant to capture Ukraine's leadership, Zelensky among them."
    context = ClaimContext(
        f"{article_elsewhere}\n\n{UNIFORMS}", f"{report}\n\n{beside}", (article_elsewhere, UNIFORMS), (report, beside)
    )
    found = _kinds_and_texts(compare_claims(UNIFORMS, report, context=context))
    assert found == ([conflict] if conflict else []), found


THINK_TANK = (
    '"There should not be a ceasefire," said Orysia Lutsevych of Chatham House, a British think-tank in London.'
)


@pytest.mark.parametrize(
    ("report", "elsewhere", "conflict"),
    [
        # A name the narrator acts with is a person, who stands for no country: here or elsewhere in the report.
        (
            "A woman from Chatham House was quoted in the CBC piece Gareth sent me, the London think-tank: Orysia "
            "Lutsevych. She said there must be no ceasefire.",
            "The washing-up waited.",
            None,
        ),
        (
            "A woman from Chatham House was quoted in the CBC piece Gareth cut out, the London think-tank: Orysia "
            "Lutsevych. She said there must be no ceasefire.",
            "Gareth and I argued over the washing-up.",
            None,
        ),
        # Without such a sign, a name of no known kind may be the place put in the country's stead.
        (
            "A woman from Chatham House was quoted in the CBC piece Gareth cut out, the London think-tank: Orysia "
            "Lutsevych. She said there must be no ceasefire.",
            "The washing-up waited.",
            ("place", "British", "Gareth"),
        ),
    ],
)
def test_a_name_that_acts_with_the_narrator_is_a_person(report, elsewhere, conflict):
    context = ClaimContext(THINK_TANK, f"{report}\n\n{elsewhere}")
    found = _kinds_and_texts(compare_claims(THINK_TANK, report, context=context))
    assert found == ([conflict] if conflict else []), found


LEE_BEFORE = "Ukraine's army had launched some counterattacks, which bodes well, says Rob Lee, a senior fellow."
SUCCESS = '"They are having some success. They are retaking some towns."'
ALEXANDER_BEFORE = (
    "Chris Alexander, a former Canadian diplomat, says the Russians need to pause.\n\n"
    '"This is a gesture for negotiation," he said.'
)
REALITY = '"I think it\'s a diplomatic expression of the new military reality that Ukraine has established."'


@pytest.mark.parametrize(
    ("before", "quote", "report", "conflict"),
    [
        # A bare quotation goes on from the speaker of the paragraph before.
        (
            LEE_BEFORE,
            SUCCESS,
            'The paper cites Chris Alexander\'s remark that Ukraine is "having some success" and "retaking towns".',
            True,
        ),
        (LEE_BEFORE, SUCCESS, 'The paper cites Rob Lee\'s remark that Ukraine is "having some success".', False),
        # ... or from the person that paragraph's "he said" stands for.
        (
            ALEXANDER_BEFORE,
            REALITY,
            "That it is the diplomatic expression of a new military reality Ukraine established is a remark by Rob Lee.",
            True,
        ),
        # A source whose sentence tells little of the quotation credits another claim.
        (ALEXANDER_BEFORE, REALITY, "That bodes well for Ukraine, in the view of Rob Lee.", False),
    ],
)
def test_a_bare_quotation_goes_on_from_the_speaker_before(before, quote, report, conflict):
    context = ClaimContext(f"{before}\n\n{quote}", report)
    kinds = [c.kind for c in compare_claims(quote, report, context=context).conflicts]
    assert ("attribution" in kinds) == conflict, kinds


def test_a_pronoun_after_a_person_named_in_the_same_paragraph_is_not_resolved_further_back():
    text = 'Putin met Erdogan on Tuesday. "We made progress," he said.'
    context = ClaimContext(f"{ALEXANDER}\n\n{text}", "")
    report = '"We made progress," said Orysia Lutsevych.'
    assert compare_claims(text, report, context=context).conflicts == ()


@pytest.mark.parametrize(
    ("article_elsewhere", "article", "report", "conflict"),
    [
        # A region the article names in another paragraph stands in for this one, which the report never names.
        (
            "The fighting is fiercest in Donetsk.",
            "Blizniuk lived in a Ukrainian-controlled region of Luhansk.",
            "Blizniuk fled a government-held corner of the Donetsk region.",
            ("Luhansk", "Donetsk"),
        ),
        # Capitals named from elsewhere stand for governments, not for the place of the talks.
        (
            "Moscow and Kyiv both claimed progress.",
            "Negotiators left the talks in Turkey saying progress had been made.",
            "Negotiators from Moscow and Kyiv left the talks in Istanbul saying progress had been made.",
            None,
        ),
    ],
)
def test_a_place_the_article_names_elsewhere(article_elsewhere, article, report, conflict):
    context = ClaimContext(f"{article_elsewhere}\n\n{article}", report)
    found = [(c.article, c.report) for c in compare_claims(article, report, context=context).conflicts]
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "year", "conflict"),
    [
        # 28 March 2022 was a Monday, not the Tuesday of the talks.
        ("The talks ended on Tuesday.", "The talks ended on 28 March.", 2022, ("Tuesday", "28 March")),
        ("The talks ended on Tuesday.", "The talks ended on 29 March.", 2022, None),
        ("The talks ended on 28 March.", "The talks ended on Tuesday.", 2022, ("28 March", "Tuesday")),
        # Without the year, a weekday says nothing about a date.
        ("The talks ended on Tuesday.", "The talks ended on 28 March.", None, None),
        # The weekend is Saturday or Sunday: not Tuesday, and 26 March 2022 was a Saturday.
        ("The Kremlin spoke on Tuesday.", "The Kremlin spoke at the weekend.", None, ("Tuesday", "at the weekend")),
        ("The Kremlin spoke on Saturday.", "The Kremlin spoke at the weekend.", None, None),
        ("The Kremlin spoke on 26 March.", "The Kremlin spoke over the weekend.", 2022, None),
        ("The Kremlin spoke on Saturday.", "The Kremlin spoke on Sunday.", None, ("Saturday", "Sunday")),
        # A post's time stamp says when someone wrote, not when the talks ended.
        (
            "The talks ended on Tuesday.",
            "The talks ended this week. — Kettlewell (talk) 10:02, 31 March 2022 (UTC)",
            2022,
            None,
        ),
        ("The talks ended on Tuesday.", "Posted 31 March 2022, 10:02 GMT. The talks ended this week.", 2022, None),
        # The report gives the weekday too: another day beside it is when something else happened.
        (
            "The talks ended on Tuesday.",
            "A note published on 30 March 2022 says the talks ended on Tuesday 29 March 2022.",
            2022,
            None,
        ),
        (
            "The talks ended on Tuesday.",
            "A note published on 30 March 2022 says the talks ended on Wednesday.",
            2022,
            ("Tuesday", "Wednesday"),
        ),
        # "Seven years ago", written in 2022, is 2015.
        (
            "Crimea was seized by Russia in 2014.",
            "Moscow took Crimea seven years ago.",
            2022,
            ("2014", "seven years ago"),
        ),
        ("Crimea was seized by Russia in 2014.", "Moscow took Crimea eight years ago.", 2022, None),
        ("Crimea was seized by Russia in 2014.", "Moscow took Crimea seven years ago.", None, None),
        # A story named by the day it came out dates no event.
        (
            "About 18,400 households were told on Wednesday not to drink their tap water.",
            "We rely on the Eastmarch Wire report of 6 March: about 18,400 households were told not to drink it.",
            2025,
            None,
        ),
        (
            "About 18,400 households were told on Wednesday not to drink their tap water.",
            "On 6 March about 18,400 households were told not to drink their tap water.",
            2025,
            ("Wednesday", "6 March"),
        ),
        # A weekday cut short is the weekday: "Wed" is the Wednesday, no place or person.
        (
            "About 18,400 households were told on Wednesday not to drink their tap water.",
            "Area: approx. 18,400 households. Water co. instructed on Wed 05 Mar: no drinking.",
            2025,
            None,
        ),
        (
            "Eleven of the town's 14 schools stayed closed on Thursday, and the hospital was relying on a tanker.",
            "Services: 11 of 14 town schools closed Thu. Sallowmere General running on a tanker.",
            2025,
            None,
        ),
        (
            "Eleven of the town's 14 schools stayed closed on Thursday.",
            "Services: 11 of 14 town schools closed Fri.",
            2025,
            ("Thursday", "Fri"),
        ),
    ],
)
def test_a_weekday_against_a_date_that_falls_on_another(article, report, year, conflict):
    context = ClaimContext(article, report, year=year)
    found = [(c.article, c.report) for c in compare_claims(article, report, context=context).conflicts]
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A month the other side lacks, after the same words, though both give another month alike.
        (
            "It failed an inspection in March but was cleared to sail again after repairs in April.",
            "It failed an inspection in March and was cleared to sail again after repairs in September.",
            ("in April", "in September"),
        ),
        (
            "It failed an inspection in March but was cleared to sail again after repairs in April.",
            "It failed an inspection in March and sailed again in September, after repairs in April.",
            None,
        ),
        # Alone of its kind in two sentences that tell much the same, a year the other side lacks is another.
        (
            "The Dunhollow plant, opened in 1987, employs about 240 people. In 2021 Kestrane was fined £85,000.",
            "The Dunhollow plant has been in operation since 1978. In 2021 Kestrane was fined 85,000 pounds.",
            ("1987", "1978"),
        ),
        # Not where a sentence holds two: which goes with which is not known ("opened" is no "sold").
        (
            "The Dunhollow plant opened in 1987 and was fined in 2021; it employs about 240 people.",
            "The Dunhollow plant, fined in 2021, was sold in 2023; it employs about 240 people.",
            None,
        ),
        # A wire story's dateline is the day it was filed: no event's date.
        (
            "KELSBY, Oct. 14 (Coastline Wire) — A ferry ran aground on Saturday night.",
            "We were instructed on the morning of Sunday 13 October. The ferry grounded late on Saturday.",
            None,
        ),
        (
            "A ferry ran aground on Oct. 14 outside the harbour.",
            "A ferry ran aground on 13 October outside the harbour.",
            ("Oct. 14", "13 October"),
        ),
    ],
)
def test_dates_after_the_same_words_and_datelines(article, report, conflict):
    found = [(c.article, c.report) for c in compare_claims(article, report).conflicts if c.kind == "date"]
    assert found == ([conflict] if conflict else []), found


def test_a_weekday_conflict_names_the_year_once():
    context = ClaimContext("", "", year=2022)
    (conflict,) = compare_claims(
        "The talks ended on Tuesday.", "The talks ended on 31 March 2022.", context=context
    ).conflicts
    assert conflict.reason.endswith("31 March 2022 was a Thursday"), conflict.reason


def test_two_people_named_as_a_correction_are_two_sources():
    # "Rob Lee, not Chris Alexander" names both side by side, as two people, not one by two names.
    article = '"This is a gesture," he said.'
    report = "Rob Lee made a similar point: that it is a gesture."
    context = ClaimContext(
        f"Chris Alexander, a former diplomat, says the Russians need a pause.\n\n{article}",
        f"That was Rob Lee, at the institute, not Chris Alexander.\n\n{report}",
        ("Chris Alexander, a former diplomat, says the Russians need a pause.", article),
        ("That was Rob Lee, at the institute, not Chris Alexander.", report),
    )
    (conflict,) = compare_claims(article, report, context=context).conflicts
    assert (conflict.kind, conflict.article, conflict.report) == ("attribution", "he said", "Rob Lee")


@pytest.mark.parametrize(
    ("article", "report", "named"),
    [
        (
            "The protest marks Russia's invasion of Ukraine.",
            "The protest marks the U.S.'s invasion of Ukraine.",
            "U.S.'s",
        ),
        ("Sanctions were imposed by Russia on Friday.", "Sanctions were imposed by the U.K. on Friday.", "U.K."),
    ],
)
def test_a_dotted_abbreviation_is_highlighted_whole(article, report, named):
    (conflict,) = compare_claims(article, report).conflicts
    assert conflict.report == named  # not "U", its first letter


@pytest.mark.parametrize(
    ("article", "report", "swapped"),
    [
        # The report names the article's country elsewhere ("Russia's"), so only the shared word after both
        # names ("embassy", "invasion") says that one was put in the other's place.
        (
            "Paint was poured in front of the Russian embassy to mark Russia's invasion of Ukraine.",
            "To mark Russia's invasion of Ukraine, paint was poured in front of the Mexican embassy.",
            ("Russian", "Mexican"),
        ),
        (
            "The protest marks Russia's invasion of Ukraine, outside the Russian embassy.",
            "Outside the Russian embassy, the protest marks the U.S.'s invasion of Ukraine.",
            ("Russia's", "U.S.'s"),
        ),
        # A city's name before a nationality is two names: "the London Mexican embassy" is not one called so.
        (
            "To mark Russia's invasion of Ukraine, paint was poured outside the Russian embassy.",
            "To mark Russia's invasion of Ukraine, paint was poured outside the London Mexican embassy.",
            ("Russian", "Mexican"),
        ),
    ],
)
def test_a_place_put_in_another_places_slot_diverges(article, report, swapped):
    check = compare_claims(article, report)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [("place", *swapped)]
    assert_spans_point_at_text(article, report, check)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        (
            "Protesters gathered outside the American embassy in Moscow.",
            "Protesters gathered outside the U.S. embassy in Moscow.",
        ),
        (
            "Protesters gathered outside the Russian embassy in London.",
            "In London, protesters gathered outside Moscow's embassy.",
        ),
        (
            "Troops left Kyiv's suburbs, Ukraine's army said.",
            "Ukrainian troops left the suburbs of Kyiv, the army said.",
        ),
    ],
)
def test_the_same_place_in_other_words_before_the_same_word_agrees(article, report):
    assert compare_claims(article, report).conflicts == ()


@pytest.mark.parametrize(
    ("article", "report", "swapped"),
    [
        # The report moves the source's clause to the front, so the word diff pairs each name with other
        # words; the words before both ("senior fellow at the") say they fill one slot.
        (
            "Moscow said it would scale back. Prior to Russia's announcement that it would pull back its forces"
            " from Kyiv, Ukraine's army had launched some successful counterattacks against dug-in Russian"
            " positions near the capital, which bodes well, says Rob Lee, a senior fellow at the Foreign Policy"
            " Research Institute in New York.",
            "Who is tracking the battlefield? Rob Lee, a senior fellow at the Brookings Institution, says"
            " Ukraine's army had already mounted some successful counterattacks on entrenched Russian positions"
            " near Kyiv before Moscow announced its pullback — an encouraging sign.",
            ("organisation", "Foreign Policy Research Institute", "Brookings Institution"),
        ),
    ],
)
def test_a_name_put_in_another_names_slot_diverges_when_the_clause_moves(article, report, swapped):
    check = compare_claims(article, report)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [swapped]
    assert_spans_point_at_text(article, report, check)


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # Other words before the two names: nothing says one stands where the other stood.
        (
            "Talks were held in Istanbul, said Rob Lee of the Foreign Policy Research Institute in New York.",
            "A fellow at the Brookings Institution agreed. Talks were held in Istanbul, Rob Lee said.",
        ),
        # Pausing an advance is halting it: no opposite direction.
        (
            "The ceasefires aimed at pausing Russian military advances simply became permanent features,"
            " heavily weighted in Russia's favour.",
            "In each case the truce that was supposed to halt Moscow's advance turned into a lasting arrangement"
            " that favoured Russia.",
        ),
    ],
    ids=["other-slot", "pausing-is-halting"],
)
def test_no_conflict_without_a_shared_slot_or_with_a_stop_verb_on_each_side(article, report):
    assert compare_claims(article, report).conflicts == ()


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # The report gives the article's limit twice, once changed: the changed one conflicts.
        (
            "Kyiv suggested the status of Crimea be settled in talks lasting up to five years.\n\n"
            "- Crimea to be discussed separately over a period of up to 15 years.",
            ("up to 15 years", "up to five years"),
        ),
        # Given twice unchanged: nothing differs.
        (
            "Kyiv suggested the status of Crimea be settled in talks lasting up to 15 years.\n\n"
            "- Crimea to be discussed separately over a period of up to 15 years.",
            None,
        ),
        # Another figure of the unit, not a limit: a new fact, not the article's limit changed.
        (
            "Kyiv suggested the status of Crimea be settled in talks lasting up to 15 years.\n\n"
            "- Crimea was annexed eight years ago, and its status was discussed for five years.",
            None,
        ),
    ],
    ids=["restated-once-changed", "restated-unchanged", "another-figure"],
)
def test_a_limit_the_report_gives_twice_once_changed_conflicts(report, conflict):
    article = "Ukraine said the status of Crimea would go to discussions that could take up to 15 years."
    found = [(c.article, c.report) for c in compare_claims(article, report).conflicts if c.kind == "number"]
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Some day, or by a deadline.
        (
            "Polls have shown that Ukrainians expect their military will eventually prevail over Russia.",
            "Polls have found that Ukrainians expect their military to beat Russia before the summer is out.",
            ("eventually", "before the summer is out"),
        ),
        (
            "Ukrainians expect their military to win within weeks.",
            "Ukrainians expect their military to win in the end.",
            ("within weeks", "in the end"),
        ),
        # Two things timed: one some day, another by a deadline.
        (
            "AMD says the company will eventually drop Intel's chips.",
            "AMD says an Opteron-based server should arrive by the end of the year.",
            None,
        ),
        # Both sides set no time.
        (
            "Ukrainians expect their military will eventually prevail.",
            "Ukrainians expect their military to prevail sooner or later.",
            None,
        ),
    ],
)
def test_a_deadline_against_eventually_is_a_date_conflict(article, report, conflict):
    found = [(c.article, c.report) for c in compare_claims(article, report).conflicts if c.kind == "date"]
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "negation"),
    [
        # A verb in a condition says nothing happened: a denial has nothing to meet.
        (
            "Unless Russian troops withdraw, Ukrainians are skeptical.",
            "Ukrainians mostly doubt it, at least while Russia's troops have not withdrawn.",
            False,
        ),
        (
            "If Ukraine joins NATO, Russia will answer.",
            "Ukraine would not join NATO.",
            False,
        ),
        ("Ukraine joins NATO, and Russia will answer.", "Ukraine would not join NATO.", True),
        # After "expect ... to", the verb after "to" is denied, past those expected to do it; one act in other
        # words.
        (
            "If Russian forces do pull back from Kyiv, they will most likely be redeployed to the Donbas.",
            "Lee does not expect Russian forces leaving the Kyiv area to be sent to the Donbas.",
            True,
        ),
        (
            "Polls show that Ukrainians expect their military will eventually prevail over Russia.",
            "Polls show that Ukrainians no longer expect their army to beat Russia.",
            True,
        ),
        (
            "Polls show that Ukrainians expect their army to be large.",
            "Polls show that Ukrainians no longer expect their army to beat Russia.",
            False,
        ),
        # Past "think", a name is who, not what is denied; "and" between names does not end the clause.
        (
            "Lee says Russia will withdraw its forces from Kyiv.",
            "Lee does not think Russia wants to withdraw its forces from Kyiv.",
            False,
        ),
        (
            "Ukrainians expect that Donbas and Crimea will be returned to them.",
            "Ukrainians do not expect Donbas and Crimea to be returned to them.",
            True,
        ),
        # A belief denied against the same belief held: the same claim follows both.
        (
            'American defence officials have said they believe Russia\'s goal was in fact to "decapitate" '
            "Ukraine's leadership by pressing hard on the Ukrainian capital.",
            'American defence officials have said they do not believe Russia ever set out to "decapitate" '
            "Ukraine's leadership by pressing hard on Kyiv.",
            True,
        ),
        (
            "I don't think they can totally kick out Russian forces, Lee said.",
            "Lee thinks they can push the Russian forces back in places.",
            False,
        ),
        # To give up doing something is not to do it.
        (
            "Ukraine would remain neutral and would not join the Western military alliance NATO.",
            "Ukraine would stay neutral, refuse to host foreign armies and give up joining NATO.",
            False,
        ),
        # A thing denied its name is denied; not where the other side holds it only likely.
        (
            '"They are having some success. They are retaking some towns."',
            "He would not call it success, though here and there they are taking towns back.",
            True,
        ),
        (
            "Arson is likely, given that the building had no electrical or gas connections.",
            '"You can\'t call it arson yet," the director said, but the building had no gas connections.',
            False,
        ),
        (
            "Dispatchers got a call shortly after 3:30 a.m. that the building was on fire.",
            '"You can\'t call it arson yet," the director said of the fire at the building.',
            False,
        ),
        # To doubt that something can happen is not to think it can; not to doubt it is to think it can.
        (
            '"I don\'t think they can totally kick out Russian forces," Lee said.',
            "He doubts Ukraine can totally kick out Russian forces.",
            False,
        ),
        (
            '"I don\'t think they can totally kick out Russian forces," Lee said.',
            "He doesn't doubt Ukraine can totally kick out Russian forces.",
            True,
        ),
        # A think-tank holds no belief.
        (
            "\"I don't think they [Ukraine] can totally kick out Russian forces. But they can push back in certain "
            'places," Lee said.',
            "Rob Lee, a senior fellow at a New York think-tank, does not believe Ukraine can force Russian troops "
            "out altogether.",
            False,
        ),
        # A verb left unsaid after "to" is not the word after the comma.
        (
            "Its air force has been unable to do so, mirroring the poor performance of the rest.",
            "Its air force has failed to, mirroring the poor performance of the rest of its military.",
            False,
        ),
        (
            "Its air force has been mirroring the poor performance of the rest.",
            "Its air force has failed to mirror the poor performance of the rest of its military.",
            True,
        ),
        # A denied opposite says the same: not well is poorly.
        (
            "The Russians need to pause the parts of their operation that have gone poorly.",
            "The Russians have to pause the parts of their campaign that haven't gone well.",
            False,
        ),
        (
            "The talks have gone badly for the Russian side.",
            "The talks have not gone well for the Russian side.",
            False,
        ),
        # The same quality denied is still a negation.
        (
            "The parts of their operation that have gone poorly.",
            "The parts of their campaign that haven't gone poorly.",
            True,
        ),
        (
            "The talks have gone well for the Russian side.",
            "The talks have not gone well for the Russian side.",
            True,
        ),
        # Held on a condition, or whatever happens.
        (
            "But Ukrainians are deeply suspicious of any talk of a ceasefire as long as Russian troops remain on "
            "their soil.",
            "Ukrainians deeply distrust any talk of a ceasefire, and would stay suspicious even if every Russian "
            "soldier left their soil.",
            True,
        ),
        (
            "Ukrainians would stay suspicious even after the Russian troops withdraw.",
            "Ukrainians are suspicious unless the Russian troops withdraw.",
            True,
        ),
        # "Even if" of something else waives no condition.
        (
            "But Ukrainians are deeply suspicious of any talk of a ceasefire as long as Russian troops remain on "
            "their soil.",
            "Ukrainians distrust any talk of a ceasefire as long as the troops remain, even if the talks go well.",
            False,
        ),
        # A denial by a prefix is a denial: "unable" on one side, "not been able" on the other.
        (
            "Russia should be able to stop them massing, and yet its air force has been unable to do so.",
            "Russia ought to be able to stop them massing, yet its air force has not been able to.",
            False,
        ),
        (
            "Russia should be able to stop them massing, and its air force has done so.",
            "Russia ought to be able to stop them massing, yet its air force has not been able to.",
            True,
        ),
        # A denial bounded in time is the bound said the other way: "not before Sunday" is "Sunday at the earliest".
        (
            "It expects to lift the notice on Sunday at the earliest, once it has flushed the mains.",
            "The company does not expect to lift the notice before Sunday, and only once the mains are flushed.",
            False,
        ),
        (
            "It expects to lift the notice on Sunday, once it has flushed the mains.",
            "The company does not expect to lift the notice before Sunday, and only once the mains are flushed.",
            True,
        ),
        (
            "It expects to lift the notice on Sunday at the earliest, once it has flushed the mains.",
            "The company does not expect to lift the notice, and only once the mains are flushed.",
            True,
        ),
        (
            "The company will lift the notice on Sunday at the earliest, it said.",
            "The company will not lift the notice before Sunday, it said.",
            False,
        ),
        (
            "The company will lift the notice on Sunday, it said.",
            "The company will not lift the notice before Sunday.",
            True,
        ),
        # "in-" makes a denial only before an adjective's ending: "informs" denies no forming.
        (
            "The coalition did not form a government on Tuesday.",
            "The coalition formed a government on Tuesday, a spokesman informs us.",
            True,
        ),
    ],
)
def test_whether_a_denial_meets_the_other_side(article, report, negation):
    check = compare_claims(article, report)
    assert ("negation" in {c.kind for c in check.conflicts}) is negation, check.conflicts


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # "not A or B" denies B as it denies A.
        (
            "Ukraine would remain neutral, would not host foreign armies and would not join NATO.",
            "Ukraine would stay neutral and would not host foreign armies or join NATO.",
        ),
        # Joining one body says nothing against not joining another.
        (
            "Ukraine would not join the Western military alliance NATO.",
            "The plan asks that Russia not block Ukraine's hopes of joining the European Union.",
        ),
        # A noun after a preposition is not the verb denied.
        (
            "Details are scarce and the ministry has yet to comment.",
            "A ministry spokeswoman did not immediately return a request for comment.",
        ),
    ],
)
def test_a_negation_is_not_contradicted_by_a_verb_it_also_governs_or_one_with_another_object(article, report):
    check = compare_claims(article, report)
    assert "negation" not in {c.kind for c in check.conflicts}, check.conflicts


@pytest.mark.parametrize(
    "report",
    [
        "Ukraine would host foreign armies or join NATO.",  # "or" under no negation
        "Ukraine is now joining NATO.",  # the same object
        "Ukraine is now joining the alliance.",  # an object without a name
        "He said Ukraine would join NATO in Brussels.",  # a place after the object is no object
    ],
)
def test_a_negation_still_conflicts_with_the_plain_verb(report):
    check = compare_claims("Ukraine would not join NATO.", report)
    assert "negation" in {c.kind for c in check.conflicts}, check.conflicts


LUTSEVYCH_IN_LONDON = (
    '"Ukraine does not want this scenario, and that is why the majority believe there should not be a ceasefire," '
    "said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House, a British think-tank in London."
)
LUTSEVYCH_SAID = (
    "Ukraine does not want that outcome, said Lutsevych, manager of the Ukraine Forum at Chatham House, the London "
    "think-tank; that is why, she explained, most think there should be no ceasefire."
)


@pytest.mark.parametrize(
    ("article_text", "report_text", "article", "report"),
    [
        # A headline in title case: its capitals are no names the article lacks.
        (
            "Can Putin be trusted to honour a ceasefire? Unless Russian troops withdraw, Ukrainians are skeptical"
            "\n\nPresident Vladimir Putin met them. The talks in Istanbul ended after Ukrainian officials spoke. "
            "Most doubt a ceasefire would hold, and distrust runs deep.",
            "Briefing Note: Would a Ceasefire Hold? Ukrainian Distrust After the Istanbul Talks\n\nThis note sets "
            "out the talks.",
            "Can Putin be trusted to honour a ceasefire? Unless Russian troops withdraw, Ukrainians are skeptical",
            "Briefing Note: Would a Ceasefire Hold? Ukrainian Distrust After the Istanbul Talks",
        ),
        # A section's number opens the sentence: "Markets" is no place put for Istanbul.
        (
            "After the meeting in Istanbul, stock markets surged and the ruble gained.",
            "3.6 Markets responded quickly: equity markets surged and the ruble strengthened.",
            "After the meeting in Istanbul, stock markets surged and the ruble gained.",
            "3.6 Markets responded quickly: equity markets surged and the ruble strengthened.",
        ),
        # A label's number and bullet open the sentence: "Map" is no person put for Ukraine.
        (
            "For its part, Ukraine said it would leave the status of the Crimean Peninsula for later talks.",
            "1.2 · Map, Crimean Peninsula. Kyiv, for its part, offered to park the question of Crimea for later.",
            "For its part, Ukraine said it would leave the status of the Crimean Peninsula for later talks.",
            "1.2 · Map, Crimean Peninsula. Kyiv, for its part, offered to park the question of Crimea for later.",
        ),
        # The same for a bullet; and a label's letter ("station A") names nothing.
        (
            LUTSEVYCH_IN_LONDON,
            "• Audio station A: Orysia Lutsevych. " + LUTSEVYCH_SAID,
            LUTSEVYCH_IN_LONDON,
            "• Audio station A: Orysia Lutsevych. " + LUTSEVYCH_SAID,
        ),
        (
            LUTSEVYCH_IN_LONDON,
            "3.3 · Audio station A: Orysia Lutsevych. " + LUTSEVYCH_SAID,
            LUTSEVYCH_IN_LONDON,
            "3.3 · Audio station A: Orysia Lutsevych. " + LUTSEVYCH_SAID,
        ),
        # A subtitle cue's speaker label, after its number and timecodes, names no one in the story.
        (
            "In the 22 years that Putin has ruled Russia, he has started wars he never ended.",
            "11 00:01:03,400 --> 00:01:11,000 REPORTER: In more than two decades in power, Putin has started wars "
            "he never ended.",
            "In the 22 years that Putin has ruled Russia, he has started wars he never ended.",
            "11 00:01:03,400 --> 00:01:11,000 REPORTER: In more than two decades in power, Putin has started wars "
            "he never ended.",
        ),
    ],
)
def test_a_headline_or_a_numbered_section_names_nothing_by_its_capitals(article_text, report_text, article, report):
    check = compare_claims(article, report, context=ClaimContext(article_text, report_text))
    assert not {c.kind for c in check.conflicts} & {"place", "person", "organisation", "entity"}, check.conflicts


@pytest.mark.parametrize(
    ("article", "report"),
    [
        # "in Russia's favour" is to whose advantage, not an approval to set against a refusal.
        (
            "The ceasefires became permanent features, heavily weighted in Russia's favour, so Ukrainians are "
            "opposed to a truce.",
            "The truces became permanent fixtures, tilted towards Russia, so Ukrainians refuse to accept a truce.",
        ),
        # Terms that favoured Moscow were to its advantage; no approval set against those opposed to a truce.
        (
            "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
            "Ceasefires locked in Russian gains on terms that favoured Moscow, and Ukrainians want no ceasefire.",
        ),
        (
            "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
            "Ceasefires were settled in favour of Moscow, and Ukrainians want no ceasefire.",
        ),
        # Opposed to agreeing is refusing.
        (
            "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
            "So many Ukrainians resolutely refuse a ceasefire while Russian troops occupy the country.",
        ),
        # "not before" says when, not whether.
        (
            "Moscow will accept a negotiated settlement, but before that it will try to grab as much territory "
            "as possible.",
            "Moscow will accept a settlement, though not before it tries to seize as much territory as it can.",
        ),
        # Wary, suspicious or opposed: one mistrust in other words.
        (
            "But Ukrainians are deeply suspicious of any talk of a ceasefire.",
            "But Ukrainians remain wary of any talk of a ceasefire.",
        ),
        (
            "But Ukrainians are deeply sceptical about a ceasefire.",
            "But Ukrainians are opposed to a ceasefire.",
        ),
        # Some of one thing, dozens of another; some of a thing, a few of it.
        ("They are retaking some towns.", "They are retaking dozens of villages."),
        ("They are retaking some towns.", "They are retaking a few towns."),
        # Answers offered are none given.
        (
            "Which is why so many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia so long "
            "as its troops continue to occupy Ukrainian territory.",
            "READ OUT: So many Ukrainians firmly oppose a ceasefire with Russia for as long as its troops occupy "
            "Ukrainian territory. ASK: Do you agree that there should be no ceasefire? Agree strongly / agree / "
            "disagree / disagree strongly / don't know.",
        ),
        # "The best" of anything but an explanation is no likelihood.
        (
            "The talks offer the best hope of a pause in the fighting.",
            "The talks offer the least likely route to a pause in the fighting, he said.",
        ),
        # "Declined to comment" is a refusal: nothing fell.
        (
            "Carrow Street said it had strengthened its checks. Pelham Trade Finance declined to comment.",
            "Carrow Street said it had strengthened its checks; Pelham Trade Finance would not comment.",
        ),
        # A weekday "on a Tuesday" is a habit, no day of the event.
        (
            "The founder was jailed for eight years on Friday.",
            "So many of the families who come on a Tuesday worked for him; the founder was jailed for eight years.",
        ),
        # An entry's heading in a log or a comment thread: who wrote it, or what it is about, names no one in it.
        (
            "The judge also disqualified Ashcroft-Mensah from acting as a company director for 12 years.",
            "12:50 OTHER ORDERS: director ban 12 yrs for him.",
        ),
        (
            "Velmora Foods went into administration in February 2023, three weeks after auditors from the firm "
            "Linden Marsh found that about a third of the receivables could not be matched.",
            "Marta Quispe-Holloway (Collections) · 2024-11-08 16:02: administration February 2023, three weeks "
            "after Linden Marsh auditors found about a third of reported receivables could not be matched.",
        ),
    ],
)
def test_an_idiom_that_looks_like_a_direction_or_a_negation_is_neither(article, report):
    assert compare_claims(article, report).conflicts == ()


@pytest.mark.parametrize(
    "article",
    [
        "Most Ukrainians are in favour of a truce.",
        "Most Ukrainians favour a truce.",
        "Most Ukrainians favoured Kyiv's truce.",
    ],
)
def test_in_favour_of_something_is_still_approval(article):
    check = compare_claims(article, "Most Ukrainians refuse a truce.")
    assert {c.kind for c in check.conflicts} == {"direction"}


def test_a_denied_direction_is_shown_with_its_negation():
    article = "Whether Ukraine can retake its land is unknown."
    report = "Whether Ukraine can retake its land is no longer in doubt."
    (conflict,) = compare_claims(article, report).conflicts
    assert (conflict.article, conflict.report) == ("unknown", "no longer in doubt")
    assert "“unknown” vs “no longer in doubt”" in conflict.reason


QUOTE = (
    '"The majority believe there should not be a ceasefire unless there is a Russian withdrawal," '
    "said Orysia Lutsevych."
)
OBSERVED = "The Ministry observes that Ukrainians believe there should not be a ceasefire unless Russia withdraws."


@pytest.mark.parametrize(
    ("first_line", "attributed"),
    [
        # A ministry's release calls itself "the Ministry": its own voice, no source set against Lutsevych.
        ("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF ESTMARK", False),
        # A news report whose headline names a ministry: "the Ministry" is a source like any other.
        ("Ministry urges patience on truce talks", True),
    ],
)
def test_a_document_that_names_itself_by_its_kind_speaks_in_its_own_voice(first_line, attributed):
    context = ClaimContext(QUOTE, first_line + "\n\n" + OBSERVED)
    check = compare_claims(QUOTE, OBSERVED, context=context)
    assert ("attribution" in {c.kind for c in check.conflicts}) is attributed


@pytest.mark.parametrize(
    ("a", "b", "opposite"),
    [
        ("possible", "impossible", True),
        ("Illegal", "legal", True),
        ("useful", "useless", True),
        ("agree", "disagree", True),
        ("form", "inform", True),  # a prefix by its letters only: callers ask about words already opposed
        ("likely", "doubtful", False),
        ("rose", "fell", False),
    ],
)
def test_opposites_made_by_a_prefix(a, b, opposite):
    from parallax.core.lexicon import prefix_opposites

    assert prefix_opposites(a, b) is opposite


@pytest.mark.parametrize(
    "report",
    [
        "Lee doubts Ukraine can force Russian troops out completely.",  # a doubt is no affirmation
        "Nobody knows whether Ukraine can push Russian soldiers out.",
        "Lee says Ukraine can't push the Russians out completely.",  # denied on both sides
        "Lee says Ukraine can push Russian forces back in places.",  # back, not out
    ],
)
def test_an_expulsion_denied_is_contradicted_only_by_one_said_plainly(report):
    article = '"I don\'t think they [Ukraine] can totally kick out Russian forces," Lee said.'
    assert "negation" not in {c.kind for c in compare_claims(article, report).conflicts}


def test_a_negated_phrasal_verb_is_highlighted_with_its_particle_on_both_sides():
    article = '"I don\'t think they [Ukraine] can totally kick out Russian forces," Lee said.'
    report = "Lee said he believed Ukraine could drive Russian forces out completely."
    (conflict,) = compare_claims(article, report).conflicts
    assert (conflict.article, conflict.report) == (
        "don't think they [Ukraine] can totally kick out",
        "drive Russian forces out",
    )


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # One given name, another surname, for a quoted source: a different person, though "Danilo" stands
        # side by side with itself in both documents.
        (
            '"The territory of Ukraine is all one," said Danilo Blizniuk, a chemical engineer from Luhansk.',
            'Danilo Hrytsenko, a chemical engineer, lived in Luhansk. "The territory of Ukraine is all one," he said.',
            ("person", "Danilo Blizniuk", "Danilo Hrytsenko"),
        ),
        # Two title-case words with a shared first word are often no person, and no source says them.
        (
            "Russian athletes will stand on the podium at the Winter Olympics, without their anthem.",
            "Russian athletes will compete at the Winter Games, without their anthem.",
            None,
        ),
    ],
)
def test_two_people_of_one_given_name_are_two_people_when_one_is_quoted(article, report, conflict):
    context = ClaimContext(article, report, (article,), tuple(report.split('. "')))
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("report", "label"),
    [
        # The denial is told in the quote; "want Russia to leave" is another wish.
        ('Most Ukrainians want Russia to leave first. "Ukraine doesn\'t want this scenario," she said.', AGREE),
        ("Most Ukrainians want this scenario. Russia should leave first, she said.", DIVERGE),
    ],
)
def test_a_denial_the_other_side_tells_in_another_sentence_is_told(report, label):
    article = '"Ukraine doesn\'t want this scenario, and the majority want a Russian withdrawal first," said Orysia Lutsevych.'
    assert compare_claims(article, report).label == label


@pytest.mark.parametrize(
    ("article", "report", "negation"),
    [
        # "are not soldiers" says who is meant: only "are soldiers" says otherwise.
        (
            "NATO estimated that 7,000 to 15,000 Russian soldiers have been killed.",
            "In Ukraine more and more people who are not soldiers are getting hurt or killed.",
            False,
        ),
        ("Officials said the men killed were soldiers.", "Officials said the men killed were not soldiers.", True),
        # An adjective or a verb after the copula is still denied wherever the other side says it.
        (
            "The agent calls a client who shows interest in the insurance products.",
            "The agent calls a client who is not interested in the insurance products.",
            True,
        ),
    ],
)
def test_a_denied_noun_after_a_copula_is_contradicted_only_by_the_noun_after_a_copula(article, report, negation):
    found = "negation" in {c.kind for c in compare_claims(article, report).conflicts}
    assert found is negation


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        (
            "NATO believes 30,000 to 40,000 Russian soldiers have been killed or wounded.",
            "NATO believes 30,000 to 40,000 Russian soldiers have been killed or captured.",
            ("wounded", "captured"),
        ),
        (
            "He says with superiority in air power, Russia should stop Ukrainian forces from massing.",
            "Lee notes that Russia, with its superiority in artillery, ought to stop Ukrainian troops gathering.",
            ("air power", "artillery"),
        ),
        # A fate alone is too often a second fact, or the same in other words.
        ("Kimani Gray was shot and killed by police on Saturday.", "Kimani Gray was fatally wounded by police.", None),
        (
            "In 2004 a tsunami killed 170,000 people in the province.",
            "In 2004 a tsunami killed 170,000 people there; five people died and seven were injured in the quake.",
            None,
        ),
    ],
)
def test_a_fate_or_an_arm_of_the_military_for_another(article, report, conflict):
    details = [(c.article, c.report) for c in compare_claims(article, report).conflicts if c.kind == "detail"]
    assert details == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A toll that mounts against one that falls; "mounted an offensive" and "Mount Cook" say no direction.
        (
            "Even as the civilian injury and death toll mounts, Ukrainians oppose a ceasefire.",
            "Even though the number of civilians killed and injured is falling, Ukrainians oppose a ceasefire.",
            ("direction", "mounts", "falling"),
        ),
        (
            "Russia mounted an offensive on Kyiv and the toll fell.",
            "Russia launched an offensive on Kyiv and the toll fell.",
            None,
        ),
        ("The climber fell near Mount Cook.", "The climber died near Mount Cook.", None),
        # To expel is to kick out.
        (
            '"I don\'t think they [Ukraine] can totally kick out Russian forces," Lee said.',
            "Lee said he believes Ukraine is capable of expelling Russian forces entirely.",
            ("negation", "don't think they [Ukraine] can totally kick out", "expelling"),
        ),
        # "no harder" denies "harder".
        (
            '"You can train untrained soldiers to defend. It\'s harder to train them how to attack."',
            "He added that untrained soldiers can be taught to defend, and that teaching them to attack is no harder.",
            ("negation", "harder", "no harder"),
        ),
        ("No other country has offered guarantees.", "Another country has offered guarantees.", None),
        # "Europe" is no more the name of one body than "European" is.
        (
            "The Ukrainian proposal calls for Russia not to block its aspirations to join the European Union.",
            "The proposal asks that Russia should not block Ukraine's hopes of joining the Council of Europe.",
            ("organisation", "European Union", "Council of Europe"),
        ),
    ],
)
def test_a_mounting_toll_an_expulsion_a_denied_comparative_and_a_body_of_europe(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # An engineer's field, only with "engineer" after it.
        (
            "Danilo Blizniuk, a chemical engineer, lived in Luhansk.",
            "Danilo Blizniuk, a mining engineer, lived in Luhansk.",
            ("detail", "chemical engineer", "mining engineer"),
        ),
        ("The chemical plant near Luhansk was shelled.", "The mining town near Luhansk was shelled.", None),
        # To grab territory is to advance; to pull back from it, to withdraw.
        (
            "He expects the Kremlin will try to grab and hold as much Ukrainian territory as possible.",
            "He expects the Kremlin to pull back from as much Ukrainian territory as possible.",
            ("direction", "grab", "pull"),
        ),
        # To exceed is to go above; to fall short, below.
        (
            "Demand for beds has always exceeded the places on offer.",
            "Demand for beds has always fallen short of the places on offer.",
            ("direction", "exceeded", "fallen"),
        ),
    ],
)
def test_an_engineers_field_grabbing_against_pulling_back_and_exceeding_against_falling_short(
    article, report, conflict
):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # A view credited by a possessive.
        ("In Alexander's view, the likeliest scenario is a pause to regroup.", True),
        # The article's source named as a person in the report is still credited there.
        ("Moscow announced a pullback, which Orysia Lutsevych sees as a pause to regroup.", False),
    ],
)
def test_a_view_credited_by_a_possessive_and_a_source_the_other_side_names(report, conflict):
    article = "Orysia Lutsevych says she believes the most likely scenario is a pause to regroup."
    found = [c.kind for c in compare_claims(article, report).conflicts]
    assert found == (["attribution"] if conflict else [])


def test_a_speaker_the_other_side_names_as_a_person_is_no_other_source():
    article = "Ukraine's army launched successful counterattacks near the capital, which bodes well, says Rob Lee."
    report = "Before Moscow announced a pullback, Ukraine's army had retaken towns, which Rob Lee sees as a good sign."
    assert compare_claims(article, report).conflicts == ()


def test_a_quote_credited_in_brackets_to_another_person_is_another_source():
    before = "Orysia Lutsevych says she believes the Russian generals need to regroup."
    article = '"My reading is that they are still willing to pursue a military scenario," she said.'
    report = '"My reading is that they are still willing to pursue a military scenario." (Chris Alexander)'
    document = f"{before}\n\n{article}"
    context = ClaimContext(document, report, (before, article), (report,), article_prose=document)
    kinds = [c.kind for c in compare_claims(article, report, context=context).conflicts]
    assert kinds == ["attribution"]


# The article's own view, two paragraphs from where it quotes Chris Alexander.
_OWN_VIEW = "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is unknown."
_ALEXANDER = (
    "Chris Alexander, a former Canadian diplomat, says the best explanation is a pause.\n\n"
    "Opinion polls have shown that Ukrainians expect their military will prevail.\n\n"
    "Lviv has become a hub for refugees.\n\n"
)


@pytest.mark.parametrize(
    ("document", "article", "report", "attributed"),
    [
        # A view the article holds in its own voice, given to a person it quotes elsewhere, or never names.
        (
            _ALEXANDER + _OWN_VIEW,
            _OWN_VIEW,
            "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is, as "
            "Mr Alexander put it, anyone's guess.",
            True,
        ),
        (
            _ALEXANDER + _OWN_VIEW,
            _OWN_VIEW,
            "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is unknown, "
            "says Tamar Holt, who teaches history at the University of Carrow.",
            True,
        ),
        # The paragraph right after a person's quote may go on with that person's view.
        (
            _ALEXANDER.split("\n\n")[0] + "\n\n" + _OWN_VIEW,
            _OWN_VIEW,
            "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is, as "
            "Mr Alexander put it, anyone's guess.",
            False,
        ),
        # The article's paragraph credits someone itself.
        (
            _ALEXANDER + _OWN_VIEW + " Lee said.",
            _OWN_VIEW + " Lee said.",
            "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is, as "
            "Mr Alexander put it, anyone's guess.",
            False,
        ),
        # An event told on an official's word: another outlet telling it plainly differs in nothing.
        (
            _ALEXANDER + "A British man has been killed after falling 2,000ft while climbing in New Zealand.",
            "A British man has been killed after falling 2,000ft while climbing in New Zealand.",
            "Inspector Dave Gaskin said the British man was killed after falling 2,000ft while climbing in New "
            "Zealand.",
            False,
        ),
        # A body, or a person's book, is no person given the view.
        (
            _ALEXANDER + _OWN_VIEW,
            _OWN_VIEW,
            "Whether Ukraine's army can go from defence to offence and reclaim Russian-held territory is unknown, "
            "says Chatham House.",
            False,
        ),
    ],
)
def test_a_view_the_article_holds_given_to_a_person_is_a_source_added(document, article, report, attributed):
    context = ClaimContext(document, report, (), (), article_prose=document)
    conflicts = [c for c in compare_claims(article, report, context=context).conflicts if c.kind == "attribution"]
    assert bool(conflicts) == attributed, conflicts
    for c in conflicts:
        assert article[slice(*c.article_span)] == c.article and report[slice(*c.report_span)] == c.report


@pytest.mark.parametrize(
    ("report", "attributed"),
    [
        # Named beside the speaker, but the words are given to his wife.
        (
            "We meet Danilo Blizniuk, a chemical engineer. It's his wife, Larysa, who says Ukraine cannot be divided.",
            True,
        ),
        ("We meet Danilo Blizniuk. His neighbour Petro Kaminsky says Ukraine cannot be divided.", True),
        # Named beside a speaker the scan reads as another, with no kin between: still his words.
        ("We meet Danilo Blizniuk, who lives with Larysa. Larysa says Ukraine cannot be divided.", False),
    ],
)
def test_a_speaker_told_apart_as_kin_is_another_source_though_the_person_is_named(report, attributed):
    article = '"The territory of Ukraine is all one, you cannot divide it," said Danilo Blizniuk.'
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert ("attribution" in kinds) == attributed, kinds


@pytest.mark.parametrize(
    ("article", "report", "shown"),
    [
        (
            "That is why the majority believe there should not be a ceasefire unless there is a Russian withdrawal.",
            "That is why only around a third of Ukrainians think there should be no ceasefire without a Russian "
            "withdrawal.",
            ("the majority", "around a third"),
        ),
        (
            "The stalled Russian push has achieved few of its objectives five weeks into the invasion.",
            "Five weeks into the invasion, the stalled Russian push has achieved only about half of its goals.",
            ("few", "about half"),
        ),
    ],
)
def test_a_share_of_a_group_that_cannot_be_the_same_is_a_number_conflict(article, report, shown):
    check = compare_claims(article, report)
    assert [(c.kind, c.article, c.report) for c in check.conflicts] == [("number", *shown)]


@pytest.mark.parametrize(
    ("article", "report"),
    [
        ("The majority believe there should be no ceasefire.", "Most Ukrainians think there should be no ceasefire."),
        ("Most analysts expect a pause in the fighting.", "More than half of analysts expect a pause in the fighting."),
        # Shares of different things: the sentences share too little.
        ("Half of the towns were retaken.", "Most voters back the president."),
    ],
)
def test_shares_that_may_be_the_same_agree(article, report):
    assert compare_claims(article, report).conflicts == ()


@pytest.mark.parametrize(
    ("article", "report"),
    [
        (
            "For its part, Ukraine said it would leave Crimea for later talks.",
            "Russia's delegation said Crimea would be left for later talks.",
        ),
        (
            "Russia would pull back from Kyiv, according to one top Russian official.",
            "Moscow would pull back from Kyiv, according to Ukraine's chief negotiator.",
        ),
    ],
)
def test_two_governments_are_two_sources_though_the_documents_name_them_side_by_side(article, report):
    # Both documents also say "Russia's invasion of Ukraine", which names the two governments side by side.
    elsewhere = "Russia's invasion of Ukraine goes on."
    context = ClaimContext(
        f"{elsewhere}\n\n{article}", f"{elsewhere}\n\n{report}", (elsewhere, article), (elsewhere, report)
    )
    check = compare_claims(article, report, context=context)
    assert [c.kind for c in check.conflicts] == ["attribution"], check.conflicts


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        (
            "Russia's goal was to decapitate Ukraine's leadership by pressing hard on the Ukrainian capital in the "
            "early days of the invasion.",
            "The real aim was to decapitate Ukraine's leadership by driving hard on Kharkiv in the first days of the "
            "invasion.",
            ("the Ukrainian capital", "Kharkiv"),
        ),
        ("Talks were held in Russia's capital.", "Talks were held in Sochi.", ("Russia's capital", "Sochi")),
        # The same capital, named or described.
        (
            "Russia pressed hard on Kyiv in the early days.",
            "Russia pressed hard on the Ukrainian capital early on.",
            None,
        ),
        ("Russia wanted Kyiv, the Ukrainian capital.", "Russia wanted the Ukrainian capital.", None),
    ],
)
def test_a_capital_named_by_its_country_is_that_city(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([("place", *conflict)] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "attributed"),
    [
        # A state body named by its country is not the country's leader, though he speaks for the country.
        (
            "Zelensky told interviewers this week that Russian soldiers had brought dress uniforms in their tanks.",
            "Ukraine's defence ministry told reporters this week that Russian soldiers had brought dress uniforms "
            "in their tanks.",
            True,
        ),
        # The body's own spokesman is the body.
        (
            "A SAF spokesman said the camp had not been bombed.",
            "Sudan's armed forces said the camp had not been bombed.",
            False,
        ),
        # The country itself speaks for its bodies.
        (
            "Ukraine said Russian soldiers had brought dress uniforms in their tanks.",
            "Ukraine's defence ministry said Russian soldiers had brought dress uniforms in their tanks.",
            False,
        ),
    ],
)
def test_a_state_body_is_another_source_than_a_leader(article, report, attributed):
    # The documents name the leader beside his country elsewhere ("Zelensky's Ukraine"), which alone would
    # make the two one source.
    elsewhere = "Zelensky's Ukraine and Sudan's SAF are named here."
    context = ClaimContext(
        f"{elsewhere}\n\n{article}", f"{elsewhere}\n\n{report}", (elsewhere, article), (elsewhere, report)
    )
    kinds = [c.kind for c in compare_claims(article, report, context=context).conflicts]
    assert kinds == (["attribution"] if attributed else []), kinds


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A place in brackets after a person is where the person is from, not where the event was.
        (
            "Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters afterwards, read Ukraine's proposal "
            "into the record and then said it would be taken to Putin for discussion.",
            '1.5 Marta Kowalczyk (Kraków), "Read into the record". After the session Russia\'s head of delegation, '
            "Vladimir Medinsky, met journalists, read Ukraine's proposal aloud for the record and said it would be "
            "put to President Putin for discussion.",
            None,
        ),
        (
            "Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters afterwards.",
            "Russia's top negotiator in Poland, Vladimir Medinsky, met reporters afterwards.",
            ("place", "Turkey", "Poland"),
        ),
        # A country the report names by its capital is no one swapped for the person who opens the paragraph.
        (
            "For its part, Ukraine said it would leave Crimea for later talks, effectively putting it aside.",
            '1.3 Ilona Sas (Debrecen), "Parking Crimea". Kyiv proposed to leave Crimea for later talks, in effect '
            "putting it aside.",
            None,
        ),
    ],
)
def test_a_label_in_brackets_and_a_country_named_by_its_capital_swap_nothing(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else [])


@pytest.mark.parametrize(
    ("article", "report", "label"),
    [
        # "so long as ... not" is the condition "unless" sets: nothing denied.
        (
            "Unless Russian troops withdraw, Ukrainians are skeptical.",
            "Ukrainians remained doubtful so long as Russian troops did not withdraw.",
            AGREE,
        ),
        (
            "Unless Russian troops withdraw, Ukrainians are skeptical.",
            "Ukrainians remained doubtful as long as Russian troops did not withdraw.",
            AGREE,
        ),
        # Said as a fact, the denial stands.
        (
            "Russian troops withdraw, and Ukrainians are still skeptical.",
            "Russian troops did not withdraw, and Ukrainians remained doubtful.",
            DIVERGE,
        ),
    ],
)
def test_so_long_as_not_is_a_condition(article, report, label):
    assert compare_claims(article, report).label == label


@pytest.mark.parametrize(
    ("report", "negation"),
    [
        # The report's title denies what its next sentence says as the article does: both are said.
        (
            '4.1 Erik Solberg, "Defence is not offence". Whether the army can go over from defence to offence is '
            "unknown.",
            False,
        ),
        # Said only denied, it conflicts; so it does where the other sentence says the word of something else.
        ('4.1 Erik Solberg, "Defence is not offence". The paper lists the conditions of past wars.', True),
        ('4.1 Erik Solberg, "Defence is not offence". Whether the army\'s offence budgets will grow is unknown.', True),
    ],
)
def test_a_denial_the_same_side_also_says_plainly_is_no_conflict(report, negation):
    article = "Whether the army can transition from defence to offence is unknown."
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert ("negation" in kinds) == negation, kinds


@pytest.mark.parametrize(
    ("article", "negation"),
    [
        # A refusal denies what follows it; the article also says it plainly, beside the same words.
        (
            "After failing to capture the capital, Russia is setting new targets. Soldiers brought dress "
            "uniforms, presumably to wear at a victory parade after they captured Kyiv.",
            False,
        ),
        # Said only denied, it conflicts.
        (
            "After failing to capture the capital, Russia is setting new targets. Soldiers brought dress "
            "uniforms, presumably to wear on parade.",
            True,
        ),
    ],
)
def test_a_refusal_the_same_side_also_says_plainly_is_no_conflict(article, negation):
    report = "Soldiers had brought dress uniforms, apparently for a victory parade in the captured capital."
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert ("negation" in kinds) == negation, kinds


@pytest.mark.parametrize(
    ("article", "report", "kinds"),
    [
        # "Stop them massing" prevents; "stop the fighting" ends.
        (
            "Ukraine's army had launched counterattacks near the capital.",
            "Russia should be able to stop Ukrainian forces massing for counterattacks near the capital.",
            [],
        ),
        ("Both sides want to start the fighting again.", "Both sides want to stop the fighting again.", ["direction"]),
        # "Failed to" denies an ability, as "unable to" does; it is no outcome against a win.
        (
            "After failing to convert on fourth down, the Chiefs gave the Colts the ball.",
            "The Colts took it back down the field for a touchdown and won the game.",
            [],
        ),
        ("Its air force has been unable to do so.", "Its air force has failed to do so.", []),
        ("Its air force has largely managed to do so.", "Its air force has failed to do so.", ["negation"]),
    ],
)
def test_stopping_to_prevent_and_failing_to_do(article, report, kinds):
    assert [c.kind for c in compare_claims(article, report).conflicts] == kinds


@pytest.mark.parametrize(
    ("report", "kinds"),
    [
        # A question asking which takes its content as given; one asking whether asserts nothing.
        ("Q3. Which alliance did they say Ukraine would remain free to join? ANSWER: NATO.", ["negation"]),
        ("Q3. For how long would Ukraine remain free to join the alliance? ANSWER: For ever.", ["negation"]),
        ("Q3. Would Ukraine remain free to join the alliance? ANSWER: No.", []),
        ("Could Ukraine join the alliance later? Nobody knows.", []),
    ],
)
def test_a_question_asking_which_takes_its_content_as_given(report, kinds):
    article = "Ukraine would remain neutral and would not join the Western military alliance NATO."
    assert [c.kind for c in compare_claims(article, report).conflicts] == kinds


@pytest.mark.parametrize(
    ("report", "label"),
    [
        # An answer's figure is about what its question asks.
        ("Q8. For how many years has Vladimir Putin been in charge of Russia? ANSWER: Twelve years.", DIVERGE),
        ("Q8. For how many years has Vladimir Putin been in charge of Russia? ANSWER: 22 years.", AGREE),
        # Without the question, a figure in a sentence about other things is another fact.
        ("Vladimir Putin has been in charge of Russia. The quiz lasted twelve years.", AGREE),
    ],
)
def test_an_answer_is_about_what_its_question_asks(report, label):
    article = "In the 22 years that Vladimir Putin has ruled Russia, he has started wars."
    assert compare_claims(article, report).label == label


CONDITION = "Ukrainians oppose a ceasefire with Russia so long as its troops continue to occupy Ukrainian territory."


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # A condition of another thing, naming someone the article does not here.
        (
            "Ukrainians oppose a ceasefire with Russia so long as Vladimir Putin remains in the Kremlin.",
            ("detail", "its troops continue to occupy Ukrainian territory", "Vladimir Putin remains in the Kremlin"),
        ),
        # The same condition in other words, or naming only what the article names.
        ("Ukrainians oppose a ceasefire with Russia as long as Russian forces remain in the country.", None),
        ("Ukrainians oppose a ceasefire with Russia unless its soldiers leave Ukrainian soil.", None),
    ],
)
def test_a_condition_of_another_thing(report, conflict):
    found = _kinds_and_texts(compare_claims(CONDITION, report))
    assert found == ([conflict] if conflict else []), found


CHARACTER = "He said it's not unlike them to make a forced retreat look generous."


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # In someone's character, or out of it; "not unlike them" is like them.
        (
            "He said it is out of character for them to make a forced retreat look generous.",
            ("negation", "not unlike", "out of character"),
        ),
        ("He said it is uncharacteristic of them to make a forced retreat look generous.", ("negation",)),
        ("He said it is in character for them to make a forced retreat look generous.", None),
        ("He said it's just like them to make a forced retreat look generous.", None),
        # "Like" and "unlike" say it only of a person: "unlike a favour" says nothing of anyone's character.
        ("He said they made a forced retreat look generous, not unlike a favour.", None),
    ],
)
def test_in_or_out_of_character(report, conflict):
    found = compare_claims(CHARACTER, report).conflicts
    if conflict is None:
        assert not found, found
    else:
        (c,) = found
        assert (c.kind, c.article, c.report)[: len(conflict)] == conflict


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Known for sure, or an open question.
        (
            "But Lee says it's unclear how severe Ukraine's combat losses have been.",
            "Lee says it is already clear how heavy Ukraine's combat losses have been.",
            ("negation", "unclear", "clear"),
        ),
        (
            "But Lee says it's unclear how severe Ukraine's combat losses have been.",
            "Lee says it is not clear how heavy Ukraine's combat losses have been.",
            None,
        ),
        # "Clear" before no question says nothing of certainty.
        ("It was a clear sign that the talks had failed.", "It was an unclear sign that the talks had failed.", None),
        # What something bodes.
        (
            "The counterattacks near the capital bode well, says Rob Lee.",
            "The counterattacks near the capital are, Rob Lee says, a worrying sign for Ukraine.",
            ("direction", "bode well", "worrying"),
        ),
        (
            "The counterattacks near the capital bode well, says Rob Lee.",
            "The counterattacks near the capital bode ill, says Rob Lee.",
            ("direction", "bode well", "bode ill"),
        ),
        (
            "The counterattacks near the capital bode well, says Rob Lee.",
            "The counterattacks near the capital are an encouraging sign, says Rob Lee.",
            None,
        ),
        # Put off, or put first.
        (
            "Ukraine would leave Crimea for later talks, effectively sidelining the question.",
            "Kyiv would leave Crimea for later talks, effectively pushing the question to the front of the agenda.",
            ("direction", "sidelining", "front of the agenda"),
        ),
        (
            "Ukraine would leave Crimea for later talks, effectively sidelining the question.",
            "Kyiv would leave Crimea for later talks, in effect shelving the question.",
            None,
        ),
        # What carried them.
        (
            "Russian soldiers had brought dress uniforms along with them in their tanks.",
            "Russian soldiers had carried dress uniforms in their supply lorries.",
            ("detail", "tanks", "lorries"),
        ),
        # A think tank or a fuel tank is no vehicle.
        (
            "Experts at a think tank said trucks had been seen near the border.",
            "Experts at a think tank said lorries had been seen near the border.",
            None,
        ),
        (
            "The fire did not reach the fuel tanks near the houses.",
            "The fire did not reach the cars near the houses.",
            None,
        ),
        # What the uniforms were for.
        (
            "Soldiers brought dress uniforms, presumably to wear at a victory parade after they captured Kyiv.",
            "Soldiers carried dress uniforms, no doubt to be worn at a medal ceremony once Kyiv had fallen.",
            ("detail", "parade", "ceremony"),
        ),
        (
            "Soldiers brought dress uniforms, presumably to wear at a victory parade after they captured Kyiv.",
            "Soldiers carried dress uniforms, no doubt for the parades once Kyiv had fallen.",
            None,
        ),
        # How a question is to be settled; a referendum told beside the talks changes nothing.
        (
            "Ukraine would leave Crimea for another round of discussions that could take up to 15 years.",
            "Ukraine proposed that Crimea be settled by a referendum held within the next 15 years.",
            ("detail", "discussions", "referendum"),
        ),
        (
            "Ukraine would leave Crimea for another round of discussions that could take up to 15 years.",
            "Crimea, annexed after a 2014 referendum, would be left to talks lasting up to 15 years.",
            None,
        ),
        # Whom the trap is for: a group with another part.
        (
            "Putin may be laying a trap for war-weary Ukrainians and their supporters overseas.",
            "Putin may be setting a snare for tired Ukrainians and for the Turkish mediators.",
            ("person", "supporters", "mediators"),
        ),
        (
            "Putin may be laying a trap for war-weary Ukrainians and their supporters overseas.",
            "Putin may be setting a snare for tired Ukrainians and their backers abroad.",
            None,
        ),
        # Who sat at the table: another office; delegates are negotiators.
        (
            "On Tuesday, Russian and Ukrainian negotiators left the latest round of talks in Turkey.",
            "The Russian and Ukrainian foreign ministers left Tuesday's round of talks in Istanbul.",
            ("person", "negotiators", "foreign ministers"),
        ),
        (
            "On Tuesday, Russian and Ukrainian negotiators left the latest round of talks in Turkey.",
            "The Russian and Ukrainian delegates left Tuesday's round of talks in Istanbul.",
            None,
        ),
        # What the bombs destroyed; not "plants and animals" or "flat out".
        (
            "He lived there before Russian forces bombed and destroyed his family's home.",
            "He lived there until Russian forces bombed and destroyed the chemical plant where he worked.",
            ("detail", "home", "plant"),
        ),
        (
            "He lived there before Russian forces bombed and destroyed his family's home.",
            "He lived there before Russian forces bombed and destroyed his family's farm.",
            ("detail", "home", "farm"),
        ),
        # A city the article never names, where it says "the city".
        (
            "Instead, the Russian push on the city faltered, and Russia's army has achieved few of its objectives.",
            "Instead, Russia's drive on Odesa stalled, and its army has met few of its objectives.",
            ("place", "the city", "Odesa"),
        ),
        (
            "Russian ships shelled Odesa. Instead, the Russian push on the city faltered, and Russia's army has "
            "achieved few of its objectives.",
            "Instead, Russia's drive on Odesa stalled, and its army has met few of its objectives.",
            None,
        ),
        # How high someone stands: only before a word for a person in office.
        (
            "Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters afterwards.",
            "Vladimir Medinsky, a junior member of Russia's delegation in Turkey, met the press afterwards.",
            ("detail", "top", "junior"),
        ),
        (
            "The talks were at the top of the agenda in Turkey, Vladimir Medinsky said.",
            "The talks were low-level business in Turkey, Vladimir Medinsky said.",
            None,
        ),
        # One person's nationality in the same frame, though both countries are named elsewhere.
        (
            "Chris Alexander, a former Canadian diplomat who served in Moscow, spoke to Chatham House, a British "
            "think-tank.",
            "Chris Alexander, a former British diplomat who served in Moscow and later sat in Canada's cabinet, spoke.",
            ("place", "Canadian", "British"),
        ),
        # A country's adjective and its name are one place.
        (
            "Orysia Lutsevych works at Chatham House, a British foreign policy think-tank in London.",
            "Orysia Lutsevych works at Chatham House, the London think-tank that studies Britain's foreign policy.",
            None,
        ),
        # How someone spoke to an outlet; not what can be tapped, nor one way said in two words.
        (
            '"Russia will regroup," Lutsevych told CBC News in an interview.',
            "Lutsevych told CBC News in an email that Russia would regroup.",
            ("detail", "interview", "email"),
        ),
        (
            '"Russia will regroup," Lutsevych told CBC News in an interview.',
            "Lutsevych told CBC News in an email interview that Russia would regroup.",
            None,
        ),
        (
            '"Russia will regroup," Lutsevych told CBC News in an interview.',
            'Lutsevych said in a written statement to CBC News: "Russia will regroup."',
            ("detail", "interview", "written statement"),
        ),
        (
            "Snowden could tap into any American's phone or e-mail.",
            "Snowden could tap into Americans' phone calls and electronic communications.",
            None,
        ),
        # Which of a country's forces.
        (
            "Ukraine's army has proven a more formidable opponent than Russia expected.",
            "Ukraine's National Guard has proven a far more formidable opponent than Russia expected.",
            ("organisation", "army", "National Guard"),
        ),
        (
            "Ukraine's army has proven a more formidable opponent than Russia expected.",
            "Ukraine's armed forces have proven a far tougher opponent than Russia expected.",
            None,
        ),
        (
            "Ukraine's army had launched some successful counterattacks near the capital.",
            "Volunteer territorial-defence battalions had launched successful counterattacks near the capital.",
            ("organisation", "army", "territorial-defence"),
        ),
        (
            "Russia's army has achieved few of its objectives, and at a terrible human cost.",
            "Russia's Black Sea Fleet has achieved few of its objectives, at a dreadful cost in lives.",
            ("organisation", "army", "Fleet"),
        ),
        (
            "Russia's navy has achieved few of its objectives.",
            "The Russian fleet has achieved few of its objectives.",
            None,
        ),
        (
            "Ukraine's army has proven a more formidable opponent than Russia expected.",
            "Ukraine's volunteer battalions have proven a more formidable opponent than Russia expected.",
            ("organisation", "army", "volunteer battalions"),
        ),
        # How badly one thing was hit; two things hit are each told once.
        (
            "He lived there before Russian forces bombed and destroyed his family's home.",
            "He lived there until Russian forces bombed his family's home and left it badly damaged.",
            ("detail", "destroyed", "damaged"),
        ),
        (
            "The quake reduced houses to rubble, set off several landslides and badly damaged roads.",
            "It destroyed houses in the district and triggered several landslides.",
            None,
        ),
        # Settled, or still open.
        (
            "Russia's borders are cluttered by unresolved or frozen conflicts from Crimea to Georgia.",
            "Russia's borders are lined with conflicts that have since been settled for good, from Crimea to Georgia.",
            ("negation", "unresolved", "settled"),
        ),
        # Denied, or admitted: one denies what the other says.
        (
            "Tolland-Mbeki denied that maintenance had been reduced and said the valve had been inspected.",
            "Tolland-Mbeki has admitted that maintenance was scaled back, though the valve was inspected.",
            ("negation", "denied", "admitted"),
        ),
        # What kind of agreement: a truce is no peace treaty; a "peace deal" is said loosely of either.
        (
            "The ceasefires aimed at pausing Russian advances simply became permanent features.",
            "The peace treaties signed to pause Russia's advances simply became permanent fixtures.",
            ("detail", "ceasefires", "peace treaties"),
        ),
        (
            "The ceasefires aimed at pausing Russian advances simply became permanent features.",
            "The peace deals meant to pause Russia's advances simply became permanent fixtures.",
            None,
        ),
        (
            "The ceasefires aimed at pausing Russian advances simply became permanent features.",
            "The truces that paused Russia's advances simply became permanent fixtures.",
            None,
        ),
        # What the soldiers carried; a flag is flown anywhere.
        (
            "Russian soldiers had even brought dress uniforms along with them in their tanks.",
            "Russian soldiers had even brought parade banners along with them in their tanks.",
            ("detail", "uniforms", "banners"),
        ),
        (
            "Russian soldiers had even brought dress uniforms along with them in their tanks.",
            "Russian soldiers had even brought dress uniforms and flags along with them in their tanks.",
            None,
        ),
        (
            "The act protects our nation's endangered plants and animals.",
            "By flat out declaring that no harm will come to endangered species, it protects animals.",
            None,
        ),
        # An aim named as undoing something is an aim of its own.
        (
            'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
            'Russia declared its war aims to be the "de-Westernisation" and "demilitarisation" of Ukraine.',
            ("detail", "denazification", "de-Westernisation"),
        ),
        (
            'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
            'Russia declared its war aims to be the "denazification" and "demilitarisation" of Ukraine.',
            None,
        ),
        # One's part in a body.
        (
            "said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House.",
            "said Orysia Lutsevych, who founded the Ukraine Forum at Chatham House.",
            ("detail", "manager", "founded"),
        ),
        (
            "said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House.",
            "said Orysia Lutsevych, who manages the Ukraine Forum at Chatham House, founded in 1920.",
            None,
        ),
        (
            "said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House.",
            "said Orysia Lutsevych of the Ukraine Forum at Chatham House, founded in 1920.",
            None,
        ),
        # Many of a group against a handful of it; the same count in other words is none.
        (
            "But Lutsevych and many other longtime Russia-watchers fear Putin may be laying a trap.",
            "A handful of veteran Russia-watchers share Lutsevych's fear of a trap set by Putin.",
            ("number", "many other longtime Russia-watchers", "A handful of veteran Russia-watchers"),
        ),
        (
            "But Lutsevych and many other longtime Russia-watchers fear Putin may be laying a trap.",
            "Lutsevych and numerous veteran Russia-watchers fear a trap set by Putin.",
            None,
        ),
        # Ground forces are the army, not the territorial defence.
        (
            "Russia should be able to prevent Ukrainian ground forces from massing for counterattacks.",
            "Russia should be able to stop Ukraine's territorial defence brigades massing for counterattacks.",
            ("organisation", "ground forces", "territorial defence"),
        ),
        # An attack beaten back, in the passive, failed; a defender who repelled one succeeded.
        (
            "Ukraine's army had launched some successful counterattacks against Russian positions near the capital.",
            "Ukraine's army had thrown counterattacks against Russian positions near the capital, and every one "
            "of them was beaten back.",
            ("direction", "successful", "beaten back"),
        ),
        (
            "Ukraine's army had launched some successful counterattacks against Russian positions near the capital.",
            "Ukraine's army repelled the Russian attacks on its positions near the capital.",
            None,
        ),
        # Which level of government.
        (
            "Chris Alexander later became a federal Conservative cabinet minister.",
            "Chris Alexander was later a Conservative minister in Ontario's provincial government.",
            ("organisation", "federal", "provincial"),
        ),
        # Which arm of a government spoke.
        (
            "American defence officials have said they believe Russia's goal was to decapitate Ukraine's leadership.",
            "US intelligence agencies have said they believe Russia's real goal was to decapitate Ukraine's "
            "leadership.",
            ("organisation", "defence officials", "intelligence agencies"),
        ),
        (
            "American defence officials have said they believe Russia's goal was to decapitate Ukraine's leadership.",
            "American military officials have said they believe Russia's real goal was to decapitate Ukraine's "
            "leadership.",
            None,
        ),
        # A region named by its country's name, and a bearing against a region.
        (
            "Refugees in Lviv are fleeing the Russian attacks in Ukraine's east.",
            "Refugees in Lviv are escaping the Russian offensive in Ukraine's south.",
            ("place", "east", "south"),
        ),
        (
            "Russia would withdraw its forces from around Kyiv and the northern city of Chernihiv.",
            "Russia would pull its forces back from around Kyiv and from Chernihiv, a city in Ukraine's east.",
            ("place", "northern", "east"),
        ),
        # A flank of an army is no region of a country.
        (
            "The army's east flank held against the Russian push on the city.",
            "The army's north flank held against the Russian push on the city.",
            None,
        ),
        # Where in its country a named place lies; a narrower bearing is no other place.
        (
            "The western city of Lviv has become a hub for internal refugees fleeing the attacks in the east.",
            "The central Ukrainian city of Lviv is now a hub for Ukrainians displaced by the attacks in the east.",
            ("place", "western", "central"),
        ),
        (
            "A strong earthquake struck the northern Indonesian province of Aceh on Tuesday.",
            "A strong earthquake struck the northwestern Indonesian province of Aceh on Tuesday.",
            None,
        ),
        (
            "Lviv, in western Ukraine, has taken in refugees from the north.",
            "Lviv, in the west of Ukraine, has taken in refugees from the northern regions.",
            None,
        ),
        # Sure of a clause against an open question; a confident mood is no certainty.
        (
            "Lee says it is unclear whether Ukraine can mobilize new divisions quickly.",
            "Lee is confident that Ukraine can mobilize new divisions quickly.",
            ("negation", "unclear", "confident"),
        ),
        (
            "Lee says it is unclear whether Ukraine can mobilize new divisions quickly.",
            "Lee sounded confident and upbeat about Ukraine's new divisions.",
            None,
        ),
        (
            "Lee says it is unclear whether Ukraine can mobilize new divisions quickly.",
            "Lee says Ukraine's commanders will make sure the new divisions are mobilized quickly.",
            None,
        ),
    ],
)
def test_certainty_omens_priority_vehicles_occasions_and_settling(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


def test_a_place_the_report_names_only_in_a_list_may_still_be_swapped():
    # Both documents name the two regions together elsewhere; in the paired sentences one stands for the other.
    elsewhere = "Russia may refocus on the eastern regions of Donetsk and Luhansk."
    article = "Blizniuk was living in a Ukrainian-controlled region of Luhansk before his home was destroyed."
    report = "Blizniuk had lived in a Ukrainian-held part of Donetsk until his home was destroyed."
    context = ClaimContext(
        f"{elsewhere}\n\n{article}", f"{elsewhere}\n\n{report}", (elsewhere, article), (elsewhere, report)
    )
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == [("place", "Luhansk", "Donetsk")]


@pytest.mark.parametrize(
    ("prose", "source"),
    [
        # Without the caption, "He says" opening a paragraph goes on from the person the paragraph before opens
        # with, named in full elsewhere.
        (True, "Rob Lee"),
        # With it, the caption's speaker is the last named before.
        (False, "Konrad Muzyka"),
    ],
)
def test_a_pronoun_opening_a_paragraph_skips_boilerplate_and_may_take_the_subject_before(prose, source):
    paragraphs = [
        "Ukraine's army had some success, says Rob Lee, a senior fellow.",
        "Lee had been tracking Russia's troop buildup for almost a year.",
        "Russian forces have taken a severe beating, says Konrad Muzyka",  # a video's caption: boilerplate
        "He says Russia should be able to prevent Ukrainian forces from massing.",
    ]
    article = paragraphs[-1]
    report = "Chris Alexander said Russia should be able to prevent Ukrainian forces from massing."
    text = "\n\n".join(paragraphs)
    context = ClaimContext(
        text, report, tuple(paragraphs), (report,), None, "\n\n".join(paragraphs[:2] + paragraphs[3:]) if prose else ""
    )
    conflicts = compare_claims(article, report, context=context).conflicts
    assert [c.kind for c in conflicts] == ["attribution"]
    assert source in conflicts[0].reason


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # For one side, or weighted against it.
        (
            "The ceasefires simply became permanent features, heavily weighted in Russia's favour.",
            "Each ceasefire became a fixed part of the landscape, one weighted heavily against Moscow.",
            ("direction", "in Russia's favour", "weighted heavily against Moscow"),
        ),
        # Against the other side says the same.
        (
            "The ceasefires simply became permanent features, heavily weighted in Russia's favour.",
            "Each ceasefire became a fixed part of the landscape, one weighted heavily against Ukraine.",
            None,
        ),
        # For one side heavily, or only slightly; strongly is heavily.
        (
            "The ceasefires simply became permanent features, heavily weighted in Russia's favour.",
            "The ceasefires simply became permanent, though tilted only slightly in Moscow's favour.",
            ("number", "heavily", "slightly"),
        ),
        (
            "The ceasefires simply became permanent features, heavily weighted in Russia's favour.",
            "The ceasefires simply became permanent, strongly tilted in Moscow's favour.",
            None,
        ),
        # A stated aim for another.
        (
            'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
            'Russia\'s declared war aims remain the "denazification" and "federalisation" of Ukraine.',
            ("detail", "demilitarization", "federalisation"),
        ),
        (
            'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
            'Russia\'s declared war aims remain the "denazification" and "demilitarisation" of Ukraine.',
            None,
        ),
        (
            'Russia\'s stated war aims have been the "denazification" and "demilitarization" of Ukraine.',
            'Russia says it is fighting for the "denazification" and "neutralisation" of Ukraine.',
            ("detail", "demilitarization", "neutralisation"),
        ),
        (
            "They are still willing to pursue a military scenario to achieve political concessions, she said.",
            "They are still willing to use force to win concessions from Kyiv, she said.",
            None,
        ),
    ],
)
def test_an_advantage_turned_round_or_of_another_degree_and_a_stated_aim_for_another(article, report, conflict):
    # (The names themselves are weighed by the name rules, which read "Russia's" / "Ukraine" as a swap.)
    found = [
        (c.kind, c.article, c.report)
        for c in compare_claims(article, report).conflicts
        if c.kind in ("direction", "detail", "number")
    ]
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # A nationality the report leaves out stands against no city the article names elsewhere.
        (
            "Orysia Lutsevych, manager of the Ukraine Forum at Chatham House in London and originally from Lviv, says "
            "most Ukrainians want no ceasefire.",
            None,
        ),
        # It may still stand against another nationality.
        (
            "Orysia Lutsevych, manager of the Ukraine Forum at Chatham House, a Spanish think-tank in London, says "
            "most Ukrainians want no ceasefire.",
            ("place", "British", "Spanish"),
        ),
    ],
)
def test_a_nationality_stands_against_a_nationality_not_a_city(report, conflict):
    elsewhere = "Lutsevych is originally from Lviv. Spanish and German officials took part."
    article = (
        "Most Ukrainians want no ceasefire, said Orysia Lutsevych, manager of the Ukraine Forum at Chatham House, a "
        "British foreign policy think-tank in London."
    )
    context = ClaimContext(f"{elsewhere}\n\n{article}", f"Lviv.\n\n{report}", (elsewhere, article), ("Lviv.", report))
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Few said by how hard they are to find, against a half who say so.
        (
            "Among those who have fled, it's hard to find much support for Ukraine cutting a deal with Russia.",
            "Of the people who have fled, roughly half say they would support Kyiv striking a deal with Moscow.",
            ("number", "hard to find much", "roughly half"),
        ),
        (
            "Among those who have fled, it's hard to find much support for Ukraine cutting a deal with Russia.",
            "Few of the people who have fled would support Kyiv striking a deal with Moscow.",
            None,
        ),
        # A view denied: "did not see it as" says "did not think it".
        (
            '"I think it\'s a diplomatic expression of the new military reality that Ukraine has established."',
            "He did not see the announcement as a diplomatic reflection of any new military reality established by "
            "Ukraine.",
            ("negation", "think", "not see"),
        ),
        # Not seeing something is no view of it.
        (
            "Analysts think Russian troops were seen near the border.",
            "Analysts think Russian troops were seen near the border, though reporters did not see them.",
            None,
        ),
    ],
)
def test_few_said_by_how_hard_they_are_to_find_and_a_view_denied(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # Another person in the same role, wherever the word diff puts the two.
        (
            "Russia's top negotiator in Turkey, Vladimir Medinsky, met reporters afterwards and read Ukraine's "
            "proposal into the record.",
            "According to the piece, Roman Abramovich, Russia's chief negotiator in Turkey, met the press after the "
            "session and read the Ukrainian proposal into the record.",
            ("person", "Vladimir Medinsky", "Roman Abramovich"),
        ),
        # Another outlet after the same verb.
        (
            '"Russia will regroup and strike back in one or two years," Lutsevych told CBC News in an interview.',
            "Lutsevych told Deutsche Welle that Russia would regroup and strike back within one or two years.",
            ("organisation", "CBC News", "Deutsche Welle"),
        ),
        # A part of the country for another, and an occupation for another.
        (
            "Lviv has become a hub for refugees fleeing the Russian attacks in the east.",
            "Lviv has become a hub for Ukrainians escaping the Russian offensive in the south.",
            ("place", "east", "south"),
        ),
        (
            "Danilo Blizniuk, a chemical engineer, was living in Luhansk before his home was destroyed.",
            "Danilo Blizniuk, a secondary-school chemistry teacher, spent the war's first weeks in Luhansk before his "
            "home was destroyed.",
            ("detail", "chemical engineer", "teacher"),
        ),
        # A bearing from a place, or a quality of a place, is no part of the country.
        (
            "The quake struck 55 kilometres south of Bireun, the USGS said.",
            "The quake struck 34 miles west of Bireun, the USGS said.",
            None,
        ),
        # "Nobody ... has ever explained" denies what "never spelled out" denies.
        (
            "What any of that really means has never been spelled out in detail.",
            "Nobody in Moscow has ever explained in any detail what those words are meant to involve.",
            None,
        ),
    ],
)
def test_a_role_an_outlet_a_compass_point_an_occupation_and_a_negative_subject(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


def test_in_a_link_of_several_paragraphs_only_paired_sources_are_weighed():
    # Rob Lee stands beside "Ukraine" in his quote, which would make the two one source; his quote has nothing
    # to do with who announced the pull-back.
    article = (
        'Russia would begin to withdraw its forces around Kyiv to "increase mutual trust," according to one top '
        'Russian official.\n\n"Ukraine is retaking some towns," Rob Lee said.'
    )
    report = "Ukraine's chief negotiator announced that Russia would start withdrawing its forces around Kyiv."
    context = ClaimContext(article, report, tuple(article.split("\n\n")), (report,))
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == [("attribution", "one top Russian official", "Ukraine's chief negotiator")]


@pytest.mark.parametrize(
    ("report", "conflict"),
    [
        # "The capital" is the capital the article names: Kyiv, against Odesa.
        (
            "She thinks the generals need to regroup for a second go at taking Odesa.",
            ("place", "the capital", "Odesa"),
        ),
        ("She thinks the generals need to regroup for a second go at taking Kyiv.", None),
    ],
)
def test_the_capital_is_the_capital_the_document_names(report, conflict):
    elsewhere = "Russia would withdraw its forces around the capital Kyiv."
    article = "She thinks the generals need to reposition their troops to take another run at capturing the capital."
    context = ClaimContext(f"{elsewhere}\n\n{article}", f"Kyiv.\n\n{report}", (elsewhere, article), ("Kyiv.", report))
    found = _kinds_and_texts(compare_claims(article, report, context=context))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "negation"),
    [
        # A name after the cue is set aside, not denied.
        (
            "Microsoft has released a temporary patch for a flaw in Internet Explorer.",
            "It's not Patch Tuesday, but Microsoft has released a crucial update for Internet Explorer.",
            False,
        ),
        # After a verb that passes the denial on, the name opens the clause denied.
        (
            "Ukrainians expect that Donbas and Crimea will be returned to them.",
            "Ukrainians do not expect Donbas and Crimea to be returned to them.",
            True,
        ),
    ],
)
def test_a_name_after_a_negation_is_set_aside_not_denied(article, report, negation):
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert ("negation" in kinds) == negation, kinds


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A doubt put beyond question is a certainty.
        (
            "Whether the army can go over to the attack and win back occupied land is unknown.",
            "It is now beyond doubt, the columnist writes, that the army can go over to the attack and win back land.",
            ("negation", "unknown", "beyond doubt"),
        ),
        (
            "Whether the army can go over to the attack and win back occupied land is unknown.",
            "Whether the army can go over to the attack and win back occupied land is still in doubt.",
            None,
        ),
        # One of a thing against several of it.
        (
            "Its security would rest on a series of bilateral treaties with Western states.",
            "Its security would rest on one collective treaty with Western states.",
            ("number", "a series of bilateral treaties", "one collective treaty"),
        ),
        (
            "Its security would rest on a series of bilateral treaties with Western states.",
            "Its security would rest on more than one treaty with Western states.",
            None,
        ),
        # One for each of several is several.
        (
            "Its security would rest on a series of bilateral treaties with Western states.",
            "Its security would rest on one treaty with each Western country.",
            None,
        ),
        (
            "Its security would rest on a series of bilateral treaties with Western states.",
            "Its security would rest on one of several treaties with Western states.",
            None,
        ),
        # "One" against a figure is left alone: one arrest may be one of 46.
        ("Police made 46 arrests after the match.", "Police made one arrest after the match.", None),
        # "Some" counts a plural as more than one; not "some of", nor a verb between.
        (
            "Ukraine's army had launched some successful counterattacks near the capital.",
            "Ukraine had mounted one successful counterattack near Kyiv.",
            ("number", "some successful counterattacks", "one successful counterattack"),
        ),
        (
            "Ukraine's army had launched some of its counterattacks near the capital.",
            "Ukraine had mounted one successful counterattack near Kyiv.",
            None,
        ),
        ("Some news reached the town after one new road opened.", "One new road opened; news reached the town.", None),
        # Drifting apart is no progress.
        (
            "Both delegations left the talks suggesting progress had been made.",
            "Both delegations left the talks signalling that they had drifted further apart.",
            ("direction", "progress", "further apart"),
        ),
        (
            "Both delegations left the talks suggesting progress had been made.",
            "Apart from the delegations, few saw the talks as progress.",
            None,
        ),
        # A limit of another kind; what a government said is no source of the believer's claim.
        (
            'Lee believes the Kremlin has accepted that there are "military limitations" on what it can achieve.',
            "Lee believes that what the Kremlin said shows it has accepted economic limits on what it can achieve.",
            ("detail", "military limitations", "economic limits"),
        ),
        # Troops stationed are troops hosted.
        (
            "Ukraine would remain neutral and would not host foreign armies on its soil.",
            "Ukraine would stay neutral but would let allied troops be stationed on its territory.",
            ("negation", "not host", "stationed"),
        ),
        (
            "Ukraine would remain neutral and would not host foreign armies on its soil.",
            "Ukraine would stay neutral, and no foreign armies would be stationed on its territory.",
            None,
        ),
        (
            "Ukraine would remain neutral and would not host foreign armies on its soil.",
            "Ukraine would stay neutral and would permit no foreign troops to be stationed on its land.",
            None,
        ),
        # Two ways of saying where someone comes from fill one slot.
        (
            '"Russia will regroup," said Lutsevych, who is originally from Lviv, in an interview with the radio.',
            "Lutsevych, a native of Kharkiv, told the radio in an interview that Russia would regroup.",
            ("place", "Lviv", "Kharkiv"),
        ),
    ],
)
def test_certainty_one_against_several_drifting_apart_limits_hosting_and_origins(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


@pytest.mark.parametrize(
    ("article", "report", "attributed"),
    [
        # The report's source answers the paragraph before; its sentence tells nothing the article does.
        (
            "Russia would pull back its forces from around Kyiv, according to one top Russian official.",
            "That's what US defence officials have said, yes. Russia will pull its forces back from around Kyiv.",
            False,
        ),
        # A source that credits the sentence before its own still counts, where that sentence is paired.
        (
            "But Lee says it is unclear how quickly the army can train new divisions.",
            "Nobody knows how quickly the army can train new divisions. Marta Koval made that point too.",
            True,
        ),
        (
            "Russia would pull back its forces from around Kyiv, according to one top Russian official.",
            "Russia would pull its forces back from around Kyiv. That, at least, was how one of Ukraine's "
            "negotiators put it.",
            True,
        ),
    ],
)
def test_a_source_counts_only_in_a_paired_sentence_or_crediting_one(article, report, attributed):
    context = ClaimContext(article, report, (article,), tuple(report.split(". ")))
    kinds = [c.kind for c in compare_claims(article, report, context=context).conflicts]
    assert ("attribution" in kinds) == attributed, kinds


@pytest.mark.parametrize(
    ("article", "report", "conflict"),
    [
        # A chat export's time stamp and sender name nothing the report says.
        (
            "Instead, Ukraine would have its security guaranteed by a series of treaties with Western nations.",
            "[30/03/2022, 07:20] Sofiia: in exchange its security would be guaranteed by a bunch of treaties "
            "with western countries",
            None,
        ),
        # A running order's fields before the text: "Stock" opens the sentence, "(CONT)" is no body.
        (
            "After the meeting in Istanbul, stock markets surged and the Russian ruble gained strength.",
            "ITEM 6 | 0803:00 | DUR 0:15 | BUSINESS READ | Stock markets rose strongly after the talks in Istanbul, "
            "and the rouble strengthened.",
            None,
        ),
        # "Not unless" is the condition "unless" sets.
        (
            "Can Putin be trusted to honour a ceasefire? Unless Russian troops withdraw, Ukrainians are skeptical",
            "can Putin be counted on to keep a ceasefire? ukrainians don't think so, not unless the troops pull out",
            None,
        ),
        # A direction inside a condition states no fact.
        (
            "Unless Russian troops withdraw, Ukrainians are skeptical.",
            "Ukrainians doubted it for as long as Russian forces had not pulled out.",
            None,
        ),
        # A mention told alike on the other side is accounted for, whatever else that side adds.
        (
            "His ability to start wars with his neighbours has always exceeded his interest or ability in ending them.",
            "He has shown more skill at starting wars with his neighbours than interest or ability in finishing them.",
            None,
        ),
        # "Against agreeing" is "opposed to agreeing"; "open to" it is the opposite.
        (
            "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
            "So many Ukrainians stand steadfastly against agreeing a ceasefire with Russia.",
            None,
        ),
        (
            "So many Ukrainians are resolutely opposed to agreeing to a ceasefire with Russia.",
            "So many Ukrainians are increasingly open to a ceasefire with Russia.",
            ("direction", "opposed", "open"),
        ),
        # Prepared is willing.
        (
            '"My reading is that they are still willing to pursue a military scenario," she said.',
            "Her reading, she says, is that Moscow is no longer prepared to chase a military outcome.",
            ("negation", "willing", "no longer prepared"),
        ),
        # Said by both sides, or by one.
        (
            "The negotiators left the talks in Turkey on an upbeat note, with both sides suggesting there had been "
            "progress.",
            "Everybody left the talks in Turkey looking cheerful, but only the Russian side was talking about progress.",
            ("attribution", "both sides", "only the Russian side"),
        ),
        (
            "The negotiators left the talks in Turkey on an upbeat note, with both sides suggesting there had been "
            "progress.",
            "Both sides left the talks in Turkey on an upbeat note, each suggesting there had been progress.",
            None,
        ),
        (
            "Both Russia and Ukraine emerged from the talks in Turkey on Tuesday suggesting progress had been made.",
            "The talks in Turkey on Tuesday are over; only the Russian side came out claiming progress.",
            ("attribution", "Both Russia and Ukraine", "only the Russian side"),
        ),
        (
            "Both Russia and Ukraine emerged from the talks in Turkey on Tuesday suggesting progress had been made.",
            "Both Russia and Ukraine came out of the talks in Turkey on Tuesday claiming progress.",
            None,
        ),
        # A named person where the article names a group after the same word.
        (
            "Russia's top negotiator, Vladimir Medinsky, met reporters afterwards and read the proposal out.",
            "Russia's lead negotiator, Vladimir Medinsky, met Foreign Minister Anna Lindqvist after the session and "
            "read the proposal out.",
            ("person", "reporters", "Foreign Minister Anna Lindqvist"),
        ),
    ],
)
def test_furniture_conditions_sides_and_a_person_for_a_group(article, report, conflict):
    found = _kinds_and_texts(compare_claims(article, report))
    assert found == ([conflict] if conflict else []), found


def test_two_sources_each_told_without_a_source_on_the_other_side_are_no_swap():
    article = (
        "Russia's stated war aims have been the denazification and demilitarization of Ukraine. American defence "
        "officials have said they believe Russia's goal was to decapitate Ukraine's leadership."
    )
    report = (
        "Russia says it wants the denazification and demilitarization of Ukraine. American defence officials "
        "believe Russia really wanted to decapitate Ukraine's leadership."
    )
    kinds = [c.kind for c in compare_claims(article, report).conflicts]
    assert "attribution" not in kinds, kinds


def test_a_name_only_in_the_articles_boilerplate_is_new_in_a_report():
    caption = "WATCH | Foreign Minister Anna Lindqvist speaks to reporters."
    article = "Russia's top negotiator, Vladimir Medinsky, met reporters afterwards and read the proposal out."
    report = "Russia's lead negotiator, Vladimir Medinsky, met Foreign Minister Anna Lindqvist afterwards."
    context = ClaimContext(f"{article}\n\n{caption}", report, (article, caption), (report,), None, article, report)
    found = [(c.kind, c.article) for c in compare_claims(article, report, context=context).conflicts]
    assert found == [("person", "reporters")], found
