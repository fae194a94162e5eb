"""Team-written vocabularies for benchmark articles: people, organisations, places, roles, agencies.

Every person here is invented (any likeness to a real name is chance); places are real cities with
their country, as a place name is a fact. Organisations mix real international bodies, named the
way wire stories name them, with invented companies. Lists are kept as plain text blocks so they
stay easy to read and extend; they are parsed once at import.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    last: str      # how later mentions refer to the person
    pronoun: str   # he | she
    region: str


@dataclass(frozen=True)
class Organisation:
    name: str      # first mention, with "the" where English needs it
    short: str     # later mentions ("the IMF", "NATO"); same as name when there is no short form
    beats: frozenset[str]


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    region: str


# name | m/f ; one block per region. Includes transliteration variants (Sergey/Sergei, Yuriy/Yuri,
# Aleksandr/Alexander, Olga/Olha, Mohammed/Muhammad) and surnames with particles (de, van der, al-, bin).
_PEOPLE = {
    "ru": """
Sergey Malinov m|Sergei Malinov m|Yuriy Vetrov m|Yuri Vetrov m|Aleksandr Zhuravin m|Alexander Zhuravin m
Dmitry Orlovsky m|Dmitri Orlovsky m|Andrey Kolesnikin m|Andrei Kolesnikin m|Mikhail Gorbanev m|Nikolai Pankratyev m
Elena Markovtseva f|Yelena Markovtseva f|Olga Sidorenkova f|Irina Beloglazova f|Tatyana Kuprina f|Tatiana Kuprina f
Pavel Orlyakov m|Viktor Semyagin m|Konstantin Lobanin m|Maria Zakharenko f|Anastasia Volynets f|Ivan Sokolovsky m
Grigory Tarasevich m|Natalya Rudneva f|Vadim Krestov m|Oleg Shuvarin m|Svetlana Ignatova f|Roman Davletov m
Ekaterina Polyanova f|Arkady Melekhin m|Boris Yantsevich m|Lyudmila Karaseva f
""",
    "east": """
Olha Kravchenko-Lis f|Bohdan Sydorchuk m|Taras Hnatyshyn m|Aliaksandr Maskevich m|Giorgi Beridzeshvili m
Armen Hovakimyan m|Elnur Guliyev m|Arman Seitkaliyev m|Aigerim Nurpeisova f|Rustam Yuldashov m|Farrukh Ismatov m
Dariga Abenova f|Nurlan Zhakupbekov m|Tomasz Wieczorkiewicz m|Katarzyna Zielinska-Bor f|Lukas Dvoracek m
Andrei Munteanu m|Mihaela Stoicescu f|Dragan Petrusevic m|Jelena Markotic f
""",
    "eu": """
Pieter van der Linde m|Hendrik van der Meulen m|Maarten van den Broek m|Annelies de Wit f|Claire Fontanel f
Jean-Baptiste Marchetti m|Isabelle Dufresnoy f|Luc de Villepreux m|Klaus von Albrecht m|Sabine Kellermayr f
Matthias Oberholzer m|Friederike Lohmann f|Giulia Santangeli f|Marco Dellafiore m|Alessandro di Bernardo m
Carmen Ortiz de Zarate f|Javier de la Fuente Roldan m|Lucia Benavides Moral f|Joao Pedro Albuquerque m
Ines dos Santos Melo f|Nikos Papadrakis m|Eleni Vasilakou f|Sofia Lindqvist f|Henrik Aaltonen m|Ingrid Haugland f
Mads Kjaergaard m|Siobhan Callaghan f|Eamon Gallagher m|Fiona MacAllister f|Oliver Pemberton m
Harriet Ashworth f|Thomas Whitcombe m|Nadia Kowalczuk f
""",
    "us": """
Laura Whitfield f|Daniel Okafor-Hayes m|Rebecca Lindqvist-Moore f|Marcus Delgado m|Gregory Tillman m
Jennifer Castellano f|Naomi Brookfield f|Tyrone Whitaker m|Emily Hargreaves f|Robert McAlister m
Sandra Kowalski f|Christopher Ainsworth m|Michelle Duvall f|Kevin Brannigan m|Hannah Rosenthal f
Justin Leclerc m|Angela Moreau-Finch f|Patrick O'Donnell m|Diane Vasquez-Reyes f
""",
    "me": """
Mohammed al-Rashidi m|Muhammad al-Rashidi m|Omar bin Saleh m|Khalid al-Marzouqi m|Fatima al-Zahrani f
Youssef Haddadin m|Rania Khoury f|Ahmed Abdelmoneim m|Layla Mansouri f|Hassan Tavakoli m|Mehdi Rostamzadeh m
Zeynep Karaoglan f|Emre Yildirimlar m|Tariq Nasrallah m|Samir Boudjemaa m|Dalia Hamdan f|Avi Rosenfeld m
""",
    "asia": """
Wang Jianhong m|Li Xiaomei f|Zhang Wenhao m|Chen Yufei f|Liu Guoqiang m|Hiroshi Tanabe m|Yuki Morimoto f
Kenji Hayashida m|Park Ji-hoon m|Kim Soo-yeon f|Lee Dong-wook m|Nguyen Van Thanh m|Tran Thi Mai f
Somchai Rattanakul m|Siti Rahmawati f|Budi Hartanto m|Maria Santos-Dizon f|Rajesh Venkataraman m
Priya Raghunathan f|Arjun Mehrotra m|Sunita Deshpande f|Imran Qureshi m|Ayesha Siddiqa Malik f
Tenzin Wangmo f|Liam Fitzgerald-Ho m
""",
    "af": """
Chukwuemeka Obiora m|Ngozi Adebayo-Eze f|Kwame Asante-Boateng m|Amina Diallo f|Moussa Traoreh m
Thandiwe Mokoena f|Sipho Dlamini-Khoza m|Wanjiru Kamau f|Tesfaye Gebremedhin m|Fatou Ndiaye Sow f
Abdoulaye Kone m|Grace Achieng Otieno f
""",
    "latam": """
Carlos Eduardo Pereira m|Mariana Alves da Costa f|Luis Fernando Cardenas m|Valentina Restrepo f
Diego Alarcon Soto m|Camila Fuenzalida f|Ricardo Montalvo m|Gabriela Ibarguen f|Andres Villalobos m
Paula Echeverria f
""",
    "oc": """
James Tremayne m|Olivia Carrington f|Aroha Tane f|Mitchell Haverford m
""",
}


def _people() -> dict[str, tuple[Person, ...]]:
    people = {}
    for region, block in _PEOPLE.items():
        found = []
        for entry in block.replace("\n", "|").split("|"):
            entry = entry.strip()
            if not entry:
                continue
            name, gender = entry.rsplit(" ", 1)
            words = name.split()
            # The surname starts at the first particle (van der Linde, al-Rashidi is one word) or is the last word;
            # East Asian names keep the family name first.
            particle = next((i for i, w in enumerate(words) if w in ("van", "von", "de", "di", "dos", "bin", "da")
                             and i > 0), None)
            if region == "asia" and len(words) == 2 and words[0] in _FAMILY_FIRST:
                last = words[0]
            elif particle is not None:
                last = " ".join(words[particle:])   # "van der Linde"; capitalised at a sentence start
            else:
                last = words[-1]
            found.append(Person(name, last, "she" if gender == "f" else "he", region))
        people[region] = tuple(found)
    return people


_FAMILY_FIRST = {"Wang", "Li", "Zhang", "Chen", "Liu", "Park", "Kim", "Lee"}
PEOPLE_BY_REGION = _people()
PEOPLE = tuple(p for group in PEOPLE_BY_REGION.values() for p in group)

# Journalists for Reuters trailers and photographers for credits (also invented).
JOURNALISTS = (
    "Anna Petrakova", "Mark Hollis", "Gleb Stolyarov", "Tom Balmforth-Reid", "Simon Lewisham", "Jan Harvey-Cole",
    "Ismail Shakil Rana", "Andrew Osbourne", "Raissa Kasolowska", "David Milliken-Grey", "Nick Macfie-Baird",
    "Alison Williamson", "Chizu Nomiyama-Ross", "Leslie Adlerstein", "Jonathan Oatis-Hale", "Kirsten Donovan-Ray",
    "Mike Collett-Whyte", "Lidia Kelly-Nowak", "Catherine Evanston", "Pravin Chari", "Diane Craftford", "Hugh Lawson-Tate",
)
PHOTOGRAPHERS = (
    "Sergei Karpovich", "Maxim Shemetovsky", "Anna Petrenkova", "Evgenia Novozhenko", "Yves Hermanson", "Kevin Lamarck",
    "Toby Melvin-Ashe", "Amr Abdallah Dalshi", "Thomas Peterson", "Carlos Barria-Lopez", "Ivan Sokolovsky",
    "Alexander Shcherbakov", "Mikhail Japaridzev", "Valery Sharifullov", "Sergei Bobylev-Nord", "Artyom Geodakyan",
    "Gonzalo Fuentes-Ruiz", "Aly Song Wei", "Kim Hong-ji", "Siphiwe Sibeko-Dube",
)

# name | short form | beats (comma-separated, "*" for any)
_ORGANISATIONS = """
the United Nations|the UN|*
the UN Security Council|the Security Council|diplomacy,conflict
the World Health Organization|the WHO|health
the International Monetary Fund|the IMF|economy
the World Bank|the World Bank|economy,energy,disasters
the North Atlantic Treaty Organization|NATO|diplomacy,conflict
the European Union|the EU|*
the European Commission|the Commission|economy,energy,politics,tech
the Organization of the Petroleum Exporting Countries|OPEC|energy,economy
the International Atomic Energy Agency|the IAEA|energy,diplomacy
the World Trade Organization|the WTO|economy
UNESCO|UNESCO|culture,science
UNICEF|UNICEF|health,disasters
the International Committee of the Red Cross|the ICRC|conflict,disasters
the World Food Programme|the WFP|disasters,conflict
the Food and Agriculture Organization|the FAO|economy,disasters
the Shanghai Cooperation Organisation|the SCO|diplomacy
the Organization for Security and Co-operation in Europe|the OSCE|diplomacy,conflict,politics
the African Union|the AU|diplomacy,conflict
the Association of Southeast Asian Nations|ASEAN|diplomacy,economy
the European Central Bank|the ECB|economy
the Federal Reserve|the Fed|economy
the International Olympic Committee|the IOC|sport
FIFA|FIFA|sport
UEFA|UEFA|sport
the World Anti-Doping Agency|WADA|sport
the International Energy Agency|the IEA|energy
the World Meteorological Organization|the WMO|disasters,science
the European Space Agency|ESA|science
the International Criminal Court|the ICC|conflict,politics
the Russian Foreign Ministry|the ministry|diplomacy
the Russian Emergencies Ministry|the ministry|disasters
the Ministry of Health|the ministry|health
the Ministry of Economic Development|the ministry|economy
the Central Election Commission|the commission|politics
the Defense Ministry|the ministry|conflict
the State Duma|the Duma|politics,diplomacy
the Federation Council|the Federation Council|politics
the Russian Academy of Sciences|the academy|science
the Bolshoi Theatre|the Bolshoi|culture
Nordvale Energy|Nordvale|energy,economy
Kestrel Mining Group|Kestrel|economy,energy
Veltrana Pharma|Veltrana|health,science
Halcyon Grid|Halcyon|energy,tech
Orbis Rail Holdings|Orbis|economy
Sarvent Telecom|Sarvent|tech,economy
Qorvane Semiconductors|Qorvane|tech,economy
Lumeris Biotech|Lumeris|health,science
Altamura Shipping Lines|Altamura|economy,disasters
Brightwater Capital|Brightwater|economy
Tesselate Robotics|Tesselate|tech,science
Corvina Aerospace|Corvina|science,tech
the Institute for Strategic Policy Studies|the institute|diplomacy,politics,conflict
the Centre for Climate and Energy Research|the centre|energy,disasters,science
the National Party of Renewal|the party|politics
the Civic Alliance|the alliance|politics
the Workers' Democratic Front|the front|politics
the Northern Lights Film Festival|the festival|culture
the Meridian Philharmonic Orchestra|the orchestra|culture
Dynamo Arkhangelsk|Dynamo|sport
Atletico Vereda|Vereda|sport
the Baltic Shipbuilding Union|the union|economy,politics
"""


def _organisations() -> tuple[Organisation, ...]:
    found = []
    for line in _ORGANISATIONS.strip().splitlines():
        name, short, beats = line.split("|")
        found.append(Organisation(name, short, frozenset(beats.split(","))))
    return tuple(found)


ORGANISATIONS = _organisations()

# City | country | region. Dateline places: each one geocodes with the warehouse's gazetteer.
_PLACES = """
Moscow|Russia|ru
St. Petersburg|Russia|ru
Volgograd|Russia|ru
Kazan|Russia|ru
Novosibirsk|Russia|ru
Yekaterinburg|Russia|ru
Vladivostok|Russia|ru
Sochi|Russia|ru
Kaliningrad|Russia|ru
Murmansk|Russia|ru
Rostov-on-Don|Russia|ru
Nizhny Novgorod|Russia|ru
Samara|Russia|ru
Krasnoyarsk|Russia|ru
Irkutsk|Russia|ru
Omsk|Russia|ru
Khabarovsk|Russia|ru
Tyumen|Russia|ru
Ufa|Russia|ru
Yakutsk|Russia|ru
Arkhangelsk|Russia|ru
Astrakhan|Russia|ru
Kyiv|Ukraine|east
Odesa|Ukraine|east
Minsk|Belarus|east
Tbilisi|Georgia|east
Yerevan|Armenia|east
Baku|Azerbaijan|east
Astana|Kazakhstan|east
Almaty|Kazakhstan|east
Tashkent|Uzbekistan|east
Bishkek|Kyrgyzstan|east
Dushanbe|Tajikistan|east
Ashgabat|Turkmenistan|east
Warsaw|Poland|east
Prague|Czech Republic|east
Budapest|Hungary|east
Bucharest|Romania|east
Sofia|Bulgaria|east
Belgrade|Serbia|east
Chisinau|Moldova|east
Riga|Latvia|east
Vilnius|Lithuania|east
Tallinn|Estonia|east
London|Britain|eu
Edinburgh|Britain|eu
Manchester|Britain|eu
Dublin|Ireland|eu
Paris|France|eu
Marseille|France|eu
Lyon|France|eu
Berlin|Germany|eu
Frankfurt|Germany|eu
Munich|Germany|eu
Hamburg|Germany|eu
Brussels|Belgium|eu
Amsterdam|Netherlands|eu
The Hague|Netherlands|eu
Geneva|Switzerland|eu
Zurich|Switzerland|eu
Vienna|Austria|eu
Rome|Italy|eu
Milan|Italy|eu
Naples|Italy|eu
Madrid|Spain|eu
Barcelona|Spain|eu
Lisbon|Portugal|eu
Athens|Greece|eu
Stockholm|Sweden|eu
Oslo|Norway|eu
Helsinki|Finland|eu
Copenhagen|Denmark|eu
Reykjavik|Iceland|eu
Washington|United States|us
New York|United States|us
Chicago|United States|us
Los Angeles|United States|us
San Francisco|United States|us
Houston|United States|us
Miami|United States|us
Boston|United States|us
Seattle|United States|us
Denver|United States|us
Atlanta|United States|us
Ottawa|Canada|us
Toronto|Canada|us
Montreal|Canada|us
Vancouver|Canada|us
Istanbul|Turkey|me
Ankara|Turkey|me
Tehran|Iran|me
Baghdad|Iraq|me
Damascus|Syria|me
Beirut|Lebanon|me
Amman|Jordan|me
Jerusalem|Israel|me
Cairo|Egypt|me
Riyadh|Saudi Arabia|me
Doha|Qatar|me
Dubai|United Arab Emirates|me
Abu Dhabi|United Arab Emirates|me
Muscat|Oman|me
Beijing|China|asia
Shanghai|China|asia
Guangzhou|China|asia
Hong Kong|China|asia
Tokyo|Japan|asia
Osaka|Japan|asia
Seoul|South Korea|asia
Taipei|Taiwan|asia
Hanoi|Vietnam|asia
Bangkok|Thailand|asia
Jakarta|Indonesia|asia
Manila|Philippines|asia
Kuala Lumpur|Malaysia|asia
Singapore|Singapore|asia
New Delhi|India|asia
Mumbai|India|asia
Islamabad|Pakistan|asia
Karachi|Pakistan|asia
Dhaka|Bangladesh|asia
Kathmandu|Nepal|asia
Colombo|Sri Lanka|asia
Lagos|Nigeria|af
Abuja|Nigeria|af
Nairobi|Kenya|af
Addis Ababa|Ethiopia|af
Johannesburg|South Africa|af
Cape Town|South Africa|af
Pretoria|South Africa|af
Dakar|Senegal|af
Accra|Ghana|af
Kinshasa|Democratic Republic of Congo|af
Algiers|Algeria|af
Tunis|Tunisia|af
Rabat|Morocco|af
Mexico City|Mexico|latam
Havana|Cuba|latam
Caracas|Venezuela|latam
Bogota|Colombia|latam
Lima|Peru|latam
Santiago|Chile|latam
Buenos Aires|Argentina|latam
Sao Paulo|Brazil|latam
Rio de Janeiro|Brazil|latam
Brasilia|Brazil|latam
Sydney|Australia|oc
Melbourne|Australia|oc
Canberra|Australia|oc
Wellington|New Zealand|oc
Auckland|New Zealand|oc
"""

PLACES = tuple(Place(*line.split("|")) for line in _PLACES.strip().splitlines())
PLACES_BY_REGION: dict[str, tuple[Place, ...]] = {}
for _place in PLACES:
    PLACES_BY_REGION.setdefault(_place.region, ())
    PLACES_BY_REGION[_place.region] += (_place,)

# Agencies as the body of a story names them when it quotes another outlet.
AGENCIES = ("TASS", "Reuters", "AP", "AFP", "Interfax", "Xinhua", "RIA Novosti")

# Titles a counterpart carries in a Kremlin readout ("Prime Minister of Norway ...").
HEAD_TITLES = ("President", "Prime Minister", "Chancellor", "Foreign Minister", "Vice President", "Speaker of Parliament")

NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
