"""Hand-written wire stories for the near-duplicate test set, in the raw layouts users deliver.

Invented people and events (any likeness to a real name is chance). Most come in groups about one
event, written as different agencies would file them: the same people, places, date and figures,
different sentences; the Geneva pair even carries the same quote, as two agencies at one news
conference do. They are distinct stories and must never merge. Each is also an original that
`near_dup` makes edited copies of.
"""

from __future__ import annotations

from benchmarks.corpus.near_dup import RawStory

# (name, event or None, raw text)
_STORIES: tuple[tuple[str, str | None, str], ...] = (
    ("hand_geneva_tass", "geneva_exchange", """All news

Varnavin, Brenner agree on lists for prisoner exchange - ministry

The exchange could take place before the end of the month, the Russian foreign minister said
Oleg Varnavin and Lukas Brenner   Pavel Dorin/TASS
Oleg Varnavin and Lukas Brenner
© Pavel Dorin/TASS

GENEVA, November 14. /TASS/. Russian Foreign Minister Oleg Varnavin and UN Special Envoy Lukas Brenner have agreed on the lists of detainees to be exchanged between the warring sides, the Russian Foreign Ministry said on Thursday after a meeting at the Palais des Nations.

"We have agreed on the lists, and the exchange can take place before the end of the month," Varnavin told reporters after the talks, which lasted more than four hours.

According to the ministry, the lists include 112 names on each side. The International Committee of the Red Cross will be asked to verify the identities of the detainees and to escort them to the crossing point.

Varnavin said Moscow was ready to act as a guarantor of the exchange, but stressed that the sides themselves bore responsibility for observing the terms. He added that the next meeting with the envoy would be devoted to humanitarian access to the besieged districts.

Brenner arrived in Geneva on Wednesday from Ankara, where he held consultations with Turkish officials. It was his third meeting with the Russian minister this year.
"""),
    ("hand_geneva_reuters", "geneva_exchange", """date 2019-11-14 GENEVA (Reuters) - A United Nations envoy said on Thursday that a long-delayed swap of detainees could go ahead within weeks, after Russia's foreign minister signalled that Moscow would press its allies to release prisoners held for more than two years.

Lukas Brenner, the U.N. special envoy, told a news conference that both sides had handed over names, but he cautioned that previous deals had collapsed at the last minute.

"We have agreed on the lists, and the exchange can take place before the end of the month," Russian Foreign Minister Oleg Varnavin said at the same briefing.

Diplomats familiar with the talks said the numbers had been the main sticking point, with one side demanding the release of several senior commanders. The envoy declined to say whether any commanders were on the final list.

Human rights groups have accused both sides of holding civilians, including teenagers, without charge. Amnesty International said in a statement that any swap must include people detained for their political views.

The two men did not take questions on a separate proposal for a ceasefire in the north, which Western governments have urged Moscow to support.

Reporting by Clara Weiss; Editing by Tom Hadley
"""),
    ("hand_quake_ap", "van_quake", """Quake kills 9 in eastern Turkey, rescuers search rubble

VAN, March 2 (AP) — A magnitude 5.8 earthquake struck eastern Turkey early Tuesday, killing at least nine people and injuring more than 70 as houses collapsed in villages near the city of Van, officials said.

The quake hit at 4:17 a.m. local time at a depth of about 10 kilometers, the country's disaster agency said. It was felt across the region and in neighboring Iran.

Rescuers used bulldozers and bare hands to search for survivors in the village of Ercek, where a mosque and several mud-brick homes were reduced to rubble. Television footage showed residents wrapped in blankets standing in the snow.

"My mother was still inside when the roof came down," said Hasan Yilmaz, 43, who pulled his mother out alive after an hour of digging.

Interior Minister Selim Arslan said tents, heaters and food had been sent to the area and that schools in the province would stay closed for the rest of the week.

Turkey sits on major fault lines and is prone to earthquakes. A magnitude 7.1 quake in the same province in 2011 killed more than 600 people.
"""),
    ("hand_quake_afp", "van_quake", """date 2021-03-02 VAN, Mar 2 (AFP) - At least nine people died when a 5.8-magnitude earthquake shook Turkey's eastern province of Van before dawn on Tuesday, the interior minister said, as emergency teams worked through freezing temperatures.

Selim Arslan told journalists in Van that 73 people had been taken to hospital, four of them in a serious condition, and that the toll could rise.

Most of the victims lived in villages east of the city, where traditional houses built of mud brick offer little protection against tremors, according to local officials.

"We heard a roar and then everything was shaking. We ran out into the street barefoot," a woman in Ercek told AFP, declining to give her name.

The disaster agency AFAD said more than 40 aftershocks had been recorded by mid-morning, the strongest measuring 4.6. Authorities urged residents not to return to damaged buildings.

President Kemal Ozdemir sent his condolences to the families of the victims and said the state would rebuild every destroyed home within a year.
"""),
    ("hand_quake_followup", "van_quake", """date 2021-03-03 VAN, Mar 3 (AFP) - Turkish rescue teams ended their search for survivors in the eastern province of Van on Wednesday, a day after an earthquake that killed nine people, and turned to sheltering hundreds of families who lost their homes.

The disaster agency AFAD said 1,200 tents had been put up in the worst-hit villages and that mobile kitchens were serving hot meals three times a day.

Engineers inspected more than 2,000 buildings and declared 340 of them unsafe, the governor's office said. Families were told they would receive rent support until new homes are built.

Aftershocks continued overnight, keeping many residents outside in temperatures that fell to minus 12 degrees Celsius.

Opposition lawmakers called for an inquiry into why newer buildings had also been damaged, saying construction rules were not being enforced in the province.
"""),
    ("hand_rate_interfax", "key_rate", """date 2022-07-22 MOSCOW. Jul 22 (Interfax) - The Bank of Russia cut its key rate by 150 basis points to 8% per annum on Friday, a bigger step than most analysts had expected, citing slowing inflation and weak consumer demand.

The regulator said in a statement that annual inflation had fallen to 15.9% in June and was slowing faster than forecast. It kept open the possibility of further cuts in the second half of the year.

Twelve of the 20 analysts polled by Interfax had expected a cut to 8.5%. The ruble weakened slightly against the dollar after the announcement.

The board will next consider the rate on September 16.
"""),
    ("hand_rate_tass", "key_rate", """date 2022-07-22 MOSCOW, July 22. /TASS/. The Central Bank sees room for further easing of monetary policy if prices keep slowing, Governor Irina Volkova told a news conference on Friday after the board's decision on the key rate.

"We will assess the need for a further reduction of the key rate at the next meetings, taking into account how inflation and the economy actually behave," Volkova said.

According to the governor, businesses are increasingly reporting a recovery in supply chains, while households remain cautious and are saving more than a year ago.

Volkova said the bank expected annual inflation to slow to between 12% and 15% by the end of the year and to return to its 4% target in 2024.

She also said the regulator had no plans to restore limits on foreign currency withdrawals that were lifted in the spring.
"""),
    ("hand_match_ap", "derby", """date 2023-10-08
MADRID, Oct. 8 (AP) — Ruben Salgado scored twice in the second half as Atletico Sur came from behind to beat Deportivo Norte 3-1 on Sunday and move to the top of the league.

Deportivo took the lead in the 21st minute when Marco Ibanez headed in a corner, and the visitors held on until the break despite long spells of pressure.

Salgado equalized four minutes after halftime with a low shot from the edge of the box and put Atletico ahead with a penalty in the 67th after a foul on Luis Otero. Substitute Javier Cano sealed the win in stoppage time.

Atletico has 22 points from nine games, one more than Real Este, which drew 0-0 at home on Saturday.
"""),
    ("hand_match_reuters", "derby", """image Atletico Sur coach Daniel Fuentes gestures during the match against Deportivo Norte in Madrid, Spain, October 8, 2023. REUTERS/Marta Gil - RTX7Q2KD

Fuentes praises patience as Atletico go top

 

Atletico Sur coach Daniel Fuentes said his players had shown maturity by not panicking after falling behind against Deportivo Norte, a result that took his side to the top of the standings.

"At halftime I told them to keep the ball and wait, the spaces would come, and they did," Fuentes told a news conference. "This group has learned to suffer."

The coach singled out Ruben Salgado, who has now scored seven goals this season, but said the striker still needed to improve his work without the ball.

Deportivo coach Andres Molina complained about the penalty decision, saying his defender had played the ball first. "I have seen the replay and it is not a penalty," he said.

Fuentes confirmed that goalkeeper Pablo Rey would miss the midweek cup match with a thigh strain.
"""),
    ("hand_kremlin_call", None, """date 2020-02-11 Source: President of Russia – The Kremlin – English

The President of Russia had a telephone conversation with Prime Minister of Finland Aino Lehtinen.

The parties discussed preparations for the joint commission on cross-border cooperation, which is due to meet in Petrozavodsk in April, and the resumption of passenger rail services between St Petersburg and Helsinki.

Considerable attention was paid to environmental issues in the Gulf of Finland, including the monitoring of water quality and the protection of the Saimaa seal population.

The leaders also exchanged views on the situation in the Baltic region and agreed to instruct their foreign ministries to continue consultations.

It was agreed to continue contacts at various levels.
"""),
    ("hand_brief", None, """date 2024-01-09 LONDON (Reuters) - British retail sales fell 0.8% in December from November, the Office for National Statistics said on Tuesday, a bigger drop than economists had forecast.
"""),
    ("hand_science_afp", None, """date 2022-05-17 PARIS, May 17 (AFP) - A team of French and Swiss astronomers said on Tuesday they had detected water vapour in the atmosphere of a planet orbiting a small red star about 110 light years from Earth, a finding that could help the search for habitable worlds.

The planet, known as LHS 9012 b, is about twice the size of Earth and completes an orbit every 33 days, placing it in the zone where temperatures could allow liquid water on its surface.

"It is too early to say whether this planet is habitable, but it is the best candidate we have found so far around a star of this type," said Claire Moreau of the Paris Observatory, who led the study.

The observations were made with the Hubble Space Telescope over eight transits, when the planet passed in front of its star and starlight filtered through its atmosphere.

The researchers said the James Webb Space Telescope would be able to measure the planet's atmosphere in much greater detail and look for other molecules such as methane and carbon dioxide.

The results were published in the journal Nature Astronomy.
"""),
)


def handwritten_stories() -> list[RawStory]:
    return [RawStory(name, text, name, "original", "handwritten", event) for name, event, text in _STORIES]
