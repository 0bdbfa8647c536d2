"""Seeded generator of news text, shared by every mirrored wire.

A mirror must serve thousands of distinct, plausible stories without storing them, and
serve them byte-identically on every run. So a story is reduced to one integer seed:
:func:`write` turns ``(seed, section, language)`` into the same headline, paragraphs and
keywords every time, fast enough to be called on each page request.

The text is built from sentence templates filled with entities chosen once per story
(a country, a company, an official...), so a story stays on topic, while numbers are
drawn per sentence so that two stories never share a paragraph. Wire modules add the
wire-specific dressing (markers, datelines, boilerplate) themselves.

>>> story = write(seed_for(1, "menafn", 7), "business", "en")
>>> story.title == write(seed_for(1, "menafn", 7), "business", "en").title
True
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUARTERS = ["first quarter", "second quarter", "third quarter", "fourth quarter"]


def seed_for(*parts: object) -> int:
    """A stable 64-bit seed from any labels (``seed_for(1, "menafn", 42)``).

    ``hash()`` is salted per process, so it cannot be used for reproducible output.
    """
    digest = hashlib.blake2b(":".join(map(str, parts)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slugify(title: str) -> str:
    """The MENAFN-style slug: every word capitalised, apostrophes dropped, other
    punctuation deleted so that neighbours fuse, numbers kept.

    ``"Pakistan's PM offers 20/11 talks"`` -> ``"Pakistans-PM-Offers-2011-Talks"``;
    a non-breaking space fuses words after capitalising them
    (``"Viettel\u00a0experts"`` -> ``"ViettelExperts"``).
    Arabic titles keep their letters (``"ارتفاع أسعار النفط"`` -> ``"ارتفاع-أسعار-النفط"``).
    """
    text = re.sub(r"['’‘`]", "", title.replace("&", " "))
    words = []
    for word in re.split(r"[ \t\r\n-]+", text):
        word = "".join(piece[:1].upper() + piece[1:] for piece in word.split("\u00a0"))
        word = re.sub(r"[^\w]|_", "", word)
        if word:
            words.append(word[:1].upper() + word[1:])
    return "-".join(words)


def title_case(text: str) -> str:
    """Capitalise the first letter of every word, leaving the rest (``"ECO"``, ``"iPhone"``) alone."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    demonym: str
    capital: str
    index: str
    currency: str


COUNTRIES = [
    Country("Azerbaijan", "Azerbaijani", "Baku", "Baku Stock Exchange index", "manat"),
    Country("Egypt", "Egyptian", "Cairo", "EGX30 index", "Egyptian pound"),
    Country("Jordan", "Jordanian", "Amman", "Amman Stock Exchange general index", "Jordanian dinar"),
    Country("Saudi Arabia", "Saudi", "Riyadh", "Tadawul All Share Index", "riyal"),
    Country("the United Arab Emirates", "Emirati", "Abu Dhabi", "ADX general index", "dirham"),
    Country("Qatar", "Qatari", "Doha", "QE index", "Qatari riyal"),
    Country("Kuwait", "Kuwaiti", "Kuwait City", "Boursa Kuwait premier index", "Kuwaiti dinar"),
    Country("Oman", "Omani", "Muscat", "MSX30 index", "Omani rial"),
    Country("Bahrain", "Bahraini", "Manama", "Bahrain All Share Index", "Bahraini dinar"),
    Country("Pakistan", "Pakistani", "Islamabad", "KSE-100 index", "rupee"),
    Country("India", "Indian", "New Delhi", "Nifty 50", "rupee"),
    Country("Kazakhstan", "Kazakh", "Astana", "KASE index", "tenge"),
    Country("Uzbekistan", "Uzbek", "Tashkent", "UCI index", "sum"),
    Country("Vietnam", "Vietnamese", "Hanoi", "VN-Index", "dong"),
    Country("Morocco", "Moroccan", "Rabat", "MASI index", "dirham"),
    Country("Iraq", "Iraqi", "Baghdad", "ISX60 index", "Iraqi dinar"),
    Country("Georgia", "Georgian", "Tbilisi", "GSX index", "lari"),
    Country("Indonesia", "Indonesian", "Jakarta", "Jakarta Composite Index", "rupiah"),
    Country("Nigeria", "Nigerian", "Abuja", "NGX All-Share Index", "naira"),
    Country("Kenya", "Kenyan", "Nairobi", "NSE 20 index", "shilling"),
    Country("the Philippines", "Philippine", "Manila", "PSEi", "peso"),
    Country("Turkiye", "Turkish", "Ankara", "BIST 100", "lira"),
]

_COMPANY_STEMS = ["Al Noor", "Gulfstar", "Najd", "Sahara", "Crescent", "Zenith", "Meridian", "Orion", "Falcon",
                  "Atlas", "Vertex", "Nile Delta", "Cedar", "Oasis", "Pinnacle", "Silk Road", "Horizon", "Lumen",
                  "Kestrel", "Caspian", "Levant", "Emerald", "Sapphire", "Granite", "Blue Harbor", "Northwind",
                  "Tidewater", "Helix", "Anvil", "Marwa", "Qamar", "Dunes", "Corniche", "Sidra", "Tamarind"]
_COMPANY_KINDS = {
    "business": ["Holdings", "Group", "Energy", "Logistics", "Bank", "Capital", "Properties", "Insurance",
                 "Airlines", "Foods", "Cement", "Shipping", "Petrochemicals", "Retail"],
    "technology": ["Technologies", "Telecom", "Semiconductors", "Robotics", "Analytics", "Networks", "Cloud",
                   "Digital", "AI Labs", "Systems", "Software", "Data Centers"],
}
_FIRST = ["Ahmed", "Layla", "Omar", "Sara", "Rashid", "Nadia", "Karim", "Huda", "Farid", "Mariam", "Tariq", "Aisha",
          "Daniel", "Elena", "Viktor", "Priya", "Arjun", "Mehmet", "Zeynep", "Nguyen", "Ilham", "Samir", "Rania",
          "James", "Claire", "Kofi", "Amina", "Ruslan", "Aliya", "Jamal", "Fatima", "Hassan", "Dilnoza", "Rustam"]
_LAST = ["Al Mansouri", "Haddad", "Khalil", "Nasser", "Rahman", "Mammadov", "Aliyev", "Karimov", "Sharma", "Patel",
         "Demir", "Yilmaz", "Tran", "Santos", "Okafor", "Mwangi", "Brennan", "Novak", "Rossi", "Al Thani",
         "Saleh", "Farouk", "Abdullah", "Qureshi", "Hussain", "Ibrahim", "Kovacs", "Fischer", "Tanaka", "Bakr"]
_MINISTRIES = ["Minister of Economy", "Minister of Finance", "Foreign Minister", "Minister of Energy",
               "Minister of Trade and Industry", "Minister of Digital Development", "Central Bank Governor",
               "Minister of Investment", "Minister of Transport", "Prime Minister"]
_EXEC_ROLES = ["chief executive", "chief financial officer", "chairman", "managing director", "chief economist",
               "head of strategy", "chief technology officer"]
_SECTORS = {
    "business": ["renewable energy", "tourism", "real estate", "banking", "logistics", "manufacturing",
                 "agriculture", "mining", "petrochemicals", "retail", "aviation", "food security"],
    "technology": ["artificial intelligence", "cybersecurity", "cloud computing", "fintech", "5G networks",
                   "semiconductors", "e-commerce", "data centres", "satellite communications", "digital payments",
                   "electric vehicles", "smart cities"],
    "politics": ["energy security", "regional stability", "trade", "migration", "water security", "transport links",
                 "climate policy", "humanitarian aid", "border security", "education reform"],
}
_PRODUCTS = ["cloud platform", "payments app", "data centre", "AI assistant", "chip packaging plant",
             "fibre network", "cybersecurity suite", "satellite service", "smart grid system", "logistics platform"]
_ORGS = ["the IMF", "the World Bank", "OPEC+", "the Gulf Cooperation Council", "the European Union",
         "the Asian Development Bank", "the Arab League", "the Organization of Turkic States", "the African Union",
         "the United Nations"]
_COMMODITIES = [("Brent crude", "a barrel"), ("West Texas Intermediate", "a barrel"), ("gold", "an ounce"),
                ("wheat", "a tonne"), ("copper", "a tonne"), ("aluminium", "a tonne")]
_WIN_VERBS = ["signs", "secures", "announces", "launches", "wins", "unveils", "completes", "finalises"]
_DEALS = ["agreement", "partnership", "contract", "joint venture", "memorandum of understanding", "expansion plan"]

# (headline, lead sentence) pairs: the lead restates the headline, as a wire story opens.
_HEADLINES = {
    "business": [
        ("{company} {win_verb} {amount} {deal} in {country_short}",
         "{company} has {win_verb_past} a {deal} worth {amount} in {country}, the company said on {weekday}."),
        ("{demonym} economy grows {pct}% in {quarter}",
         "{demonym} gross domestic product grew {pct}% year on year in the {quarter}, official data showed on {weekday}."),
        ("{country_short}'s central bank holds key rate at {pct}%",
         "The central bank of {country} kept its key interest rate unchanged at {pct}% on {weekday}, citing easing price pressures."),
        ("{commodity} prices {moves} as {org_short} weighs output plan",
         "{commodity} prices were {moves_past} {pct2}% on {weekday} as traders waited for a decision by {org} on output."),
        ("{company} posts {pct}% rise in {quarter} net profit",
         "{company} reported a {pct}% rise in net profit for the {quarter}, helped by higher volumes and lower financing costs."),
        ("{demonym} exports to {country2_short} climb {pct}% in {month}",
         "Exports from {country} to {country2} rose {pct}% in {month} from a year earlier, according to customs figures."),
        ("{index} {moves_s} {pct}% on {weekday}",
         "The {index} ended {weekday}’s session {moves_past} {pct}%, with {sector} shares among the most active."),
        ("{country_short} targets {amount} in {sector} investment by {next_year}",
         "{country} aims to attract {amount} of investment in {sector} by {next_year}, officials said at a forum in {capital}."),
        ("{company} to list shares on {capital} bourse",
         "{company} plans to list its shares on the stock exchange in {capital}, in what could be one of the country’s largest offerings this year."),
        ("{demonym} inflation eases to {pct}% in {month}",
         "Annual inflation in {country} slowed to {pct}% in {month}, the statistics office said on {weekday}."),
        ("{country_short}, {country2_short} sign {amount} {sector} deal",
         "{country} and {country2} have signed agreements worth {amount} covering {sector}, officials said."),
        ("{company} appoints new {exec_role}",
         "{company} has named {exec} as its new {exec_role}, effective from {day} {month}."),
    ],
    "technology": [
        ("{company} {win_verb} {amount} {sector} {deal}",
         "{company} has {win_verb_past} a {sector} {deal} worth {amount}, the company announced on {weekday}."),
        ("{company} opens {product} in {capital}",
         "{company} has opened a new {product} in {capital}, its first in {country}."),
        ("{country_short} launches national {sector} strategy",
         "{country} has launched a national strategy for {sector}, setting targets for investment, skills and regulation."),
        ("{demonym} {sector} market to reach {amount} by {next_year}",
         "The {sector} market in {country} is expected to reach {amount} by {next_year}, according to a new industry report."),
        ("{company} unveils {product} for {demonym} businesses",
         "{company} on {weekday} unveiled a {product} aimed at small and medium-sized businesses in {country}."),
        ("{country_short} and {country2_short} agree to cooperate on {sector}",
         "{country} and {country2} have agreed to step up cooperation in {sector}, under a memorandum signed in {capital}."),
        ("{company} raises {amount} to expand {product}",
         "{company} has raised {amount} in a new funding round to expand its {product} across the region."),
        ("{demonym} regulator approves {company} {sector} licence",
         "Regulators in {country} have granted {company} a licence to offer {sector} services, the company said."),
        ("Cyberattacks on {demonym} firms up {pct}% in {quarter}, report says",
         "Cyberattacks on companies in {country} rose {pct}% in the {quarter}, according to a report by the national cybersecurity agency."),
        ("{company} and {company2} form {sector} {deal}",
         "{company} and {company2} have formed a {deal} to develop {sector} services for customers in {country}."),
    ],
    "politics": [
        ("{person_title} {person} holds talks with {country2_short} counterpart",
         "{demonym} {person_title} {person} held talks with {country2_the} officials in {capital} on {weekday}, focusing on {sector}."),
        ("{country_short}, {country2_short} discuss {sector} cooperation",
         "Officials from {country} and {country2} met on {weekday} to discuss closer cooperation on {sector}."),
        ("{capital} to host regional summit on {sector}",
         "{capital} will host a regional summit on {sector} in {month}, the {demonym} foreign ministry announced."),
        ("{person_title} {person} calls for dialogue on {sector}",
         "{demonym} {person_title} {person} has called for regional dialogue on {sector}, warning against unilateral steps."),
        ("{country_short} parliament approves {next_year} budget",
         "The parliament of {country} has approved the state budget for {next_year}, with {count_small} lawmakers voting in favour."),
        ("{country_short} and {org_short} discuss {sector} support",
         "Officials from {country} and {org} discussed support for {sector} at a meeting in {capital} on {weekday}."),
        ("{demonym} president receives credentials of new {country2_the} ambassador",
         "The president of {country} received the credentials of the new ambassador of {country2} at a ceremony in {capital} on {weekday}."),
        ("{country_short} says talks with {country2_short} on {sector} are making progress",
         "Negotiations between {country} and {country2} on {sector} are making progress, a government spokesperson said on {weekday}."),
        ("{person_title} {person} visits {capital2} to boost ties",
         "{demonym} {person_title} {person} arrived in {capital2} on {weekday} for a visit aimed at strengthening ties with {country2}."),
        ("{country_short} announces new measures on {sector}",
         "The government of {country} has announced a package of new measures on {sector}, to take effect next month."),
    ],
}

_SENTENCES = {
    "business": [
        "{company} said on {weekday} that it had {win_verb_past} a {deal} worth {amount} to expand its operations in {country}.",
        "The deal is expected to create about {count} jobs over the next three years, the company said in a statement.",
        "“This {deal} reflects our long-term confidence in the {demonym} market,” said {exec}, the company’s {exec_role}.",
        "Net profit for the {quarter} rose {pct}% from a year earlier, while revenue climbed to {amount}.",
        "Analysts had expected a smaller increase, citing weaker demand in the {sector} sector.",
        "The {index} closed {moves_past} {pct}% on {weekday}, led by gains in banking and {sector} stocks.",
        "Trading volumes reached {count} million shares, above the {month} average.",
        "{commodity} futures {moves_past} {pct}% to {price} {unit} in early trade.",
        "Traders said markets were watching the next meeting of {org}, due later this month.",
        "According to official data, {demonym} exports to {country2} reached {amount} in the first {months_n} months of the year.",
        "The central bank said inflation slowed to {pct}% in {month}, the lowest reading since {last_year}.",
        "Policymakers kept the benchmark rate unchanged at {pct2}%, in line with most forecasts.",
        "The {currency} was little changed against the US dollar after the announcement.",
        "{person_title} {person} said the government would keep supporting {sector} through tax incentives and faster licensing.",
        "The country aims to raise the share of {sector} in its economy to {pct2}% by {next_year}.",
        "Foreign direct investment in the sector rose {pct}% last year, with most projects concentrated around {capital}.",
        "{company} plans to spend {amount} on new facilities and to hire about {count} engineers.",
        "The company’s shares rose {pct}% after the results, valuing it at roughly {amount2}.",
        "{exec} told reporters that the company would pay a dividend of {small} {currency_unit} per share.",
        "The {deal} still requires approval from regulators in {country} and {country2}.",
        "Under the plan, the first phase of the project is scheduled for completion in {month} {next_year}.",
        "Credit rating agencies have affirmed the country’s outlook as stable, citing strong reserves.",
        "Bankers said lending to small and medium-sized firms grew {pct}% year on year.",
        "The report by {org} projected growth of {pct2}% for {country} next year, up from an earlier estimate.",
        "Higher freight costs and a stronger dollar weighed on margins during the period, the company said.",
        "Real estate transactions in {capital} totalled {amount} in the {quarter}, according to the land department.",
        "Hotel occupancy in {capital} averaged {pct2}% during the period, supported by a busy events calendar.",
        "The bank’s capital adequacy ratio stood at {pct2}% at the end of {month}.",
        "Officials said the new free zone had already attracted {count} registered companies.",
        "Economists warned that slower global demand could weigh on the outlook in the coming months.",
    ],
    "technology": [
        "{company} said the {product} would serve customers across {country} and neighbouring markets.",
        "The investment, worth {amount}, is part of the company’s plan to expand its {sector} business in the region.",
        "“Demand for {sector} in {country} has grown faster than we expected,” said {exec}, {company}’s {exec_role}.",
        "The facility will have a capacity of {mw} megawatts when fully operational, the company said.",
        "The {demonym} government has set a target of training {count} specialists in {sector} by {next_year}.",
        "According to a recent study, spending on {sector} in the country rose {pct}% last year.",
        "The new service will be available to businesses from {month}, with consumer plans to follow.",
        "{company} said it had signed agreements with {small_n} local banks and {small_n2} telecom operators.",
        "The national strategy sets out rules for data protection and the responsible use of {sector}.",
        "Regulators said the licence allows the company to operate for an initial period of {small_n} years.",
        "Reported cyber incidents affecting {demonym} companies rose {pct}% in the {quarter}, the agency said.",
        "Most of the attacks targeted the financial and energy sectors, according to the report.",
        "The funding round was led by a sovereign wealth fund, with participation from {company2}.",
        "The company plans to use the proceeds to hire engineers and to open offices in {capital2}.",
        "{person_title} {person} said digital services now account for {pct2}% of government transactions.",
        "Mobile internet penetration in the country reached {pct2}% at the end of {month}.",
        "{company} and {company2} will jointly develop {sector} solutions for public sector clients.",
        "Industry analysts expect the {sector} market in {country} to grow by about {pct}% a year until {next_year}.",
        "The project includes a research centre that will work with universities in {capital}.",
        "Prices for the new service start at {small} {currency_unit} a month, the company said.",
        "The company said its platform already processes more than {count} transactions a day.",
        "Officials said the programme would help start-ups reach investors in {country2} and beyond.",
        "The rollout will begin in {capital} before reaching other cities later in {next_year}.",
        "{exec} said the company was in talks with several partners but gave no further details.",
    ],
    "politics": [
        "{person_title} {person} met a visiting {country2_the} delegation in {capital} on {weekday} to discuss bilateral relations.",
        "The two sides discussed cooperation in {sector}, trade and investment, according to an official statement.",
        "“Our countries share a common interest in stability and development,” {person} said after the talks.",
        "The talks came ahead of a regional summit that {capital2} is due to host in {month}.",
        "Officials said the two countries aim to raise bilateral trade to {amount} within {small_n} years.",
        "Parliament approved the budget with {count_small} votes in favour, according to the speaker’s office.",
        "The budget foresees spending of {amount}, with a deficit of {pct2}% of gross domestic product.",
        "The opposition criticised the plan, saying it did not do enough to address unemployment.",
        "{org_cap} welcomed the agreement and called on all parties to implement it in full.",
        "The ministry said more than {count} people had benefited from the programme since it began.",
        "The visit is the first by a {demonym} head of government to {country2} in {small_n} years.",
        "Both sides signed memorandums of understanding on {sector} and education.",
        "{person} also briefed the delegation on the situation in the region, the statement said.",
        "Observers said the meeting signalled a warming of ties after a period of tension.",
        "Diplomats said further rounds of talks were expected before the end of the year.",
        "The new measures will take effect on {day} {month}, according to the official gazette.",
        "Human rights groups urged the authorities to ensure the reforms are carried out transparently.",
        "The government said it would hold consultations with civil society groups in the coming weeks.",
        "Security along the border has been stepped up, officials said, without giving details.",
        "The statement added that working groups would meet in {capital2} next month.",
        "Lawmakers are expected to debate the proposal during the next parliamentary session.",
        "Regional analysts said the agreement could pave the way for new transport and energy links.",
        "{person} stressed the importance of dialogue and respect for international law.",
        "The two leaders also agreed to set up a joint commission on {sector}.",
    ],
}

_KEYWORD_EXTRAS = {
    "business": ["Economy", "Markets", "Investment", "Stocks", "Trade"],
    "technology": ["Technology", "Innovation", "Telecom", "Startups", "Digital economy"],
    "politics": ["Politics", "Diplomacy", "Government", "Foreign policy", "Regional"],
}


@dataclass(frozen=True, slots=True)
class Draft:
    """One generated story: clean text, before any wire dresses it."""

    title: str
    paragraphs: list[str]
    keywords: list[str]
    people: list[str]
    """Names the text mentions, for wires that want a plausible byline."""
    company: str | None = None
    """The company the story is about, if any (listings link its profile page)."""


_A_BEFORE_VOWEL = re.compile(r"\ba (?=[aeioAEIO])")


def _short(country: str) -> str:
    return country[4:] if country.startswith("the ") else country


def _money(rng: random.Random, low: float, high: float) -> str:
    value = rng.uniform(low, high)
    if value >= 1000:
        return f"${value / 1000:.1f} billion"
    return f"${value:.0f} million"


class _English:
    """English story writer (sections business, technology, politics)."""

    def entities(self, rng: random.Random, section: str) -> dict[str, str]:
        country, country2 = rng.sample(COUNTRIES, 2)
        kind = _COMPANY_KINDS.get(section) or _COMPANY_KINDS["business"]
        stem, stem2 = rng.sample(_COMPANY_STEMS, 2)
        commodity, unit = rng.choice(_COMMODITIES)
        org = rng.choice(_ORGS)
        ministry = rng.choice(_MINISTRIES)
        return {
            "country": country.name, "country_short": _short(country.name), "demonym": country.demonym,
            "capital": country.capital, "index": country.index, "currency": country.currency,
            "currency_unit": country.currency + "s" if not country.currency.endswith("s") else country.currency,
            "country2": country2.name, "country2_short": _short(country2.name), "capital2": country2.capital,
            "country2_the": country2.demonym,
            "company": f"{stem} {rng.choice(kind)}", "company2": f"{stem2} {rng.choice(kind)}",
            "person": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "exec": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            "person_title": ministry, "exec_role": rng.choice(_EXEC_ROLES),
            "sector": rng.choice(_SECTORS.get(section, _SECTORS["business"])), "product": rng.choice(_PRODUCTS),
            "org": org, "org_short": org[4:] if org.startswith("the ") else org,
            "org_cap": org[:1].upper() + org[1:], "commodity": commodity, "unit": unit,
            "win_verb": rng.choice(_WIN_VERBS), "win_verb_past": rng.choice(["signed", "secured", "won", "finalised"]),
            "deal": rng.choice(_DEALS),
        }

    def numbers(self, rng: random.Random, ent: dict[str, str], year: int) -> dict[str, str]:
        """The entities plus freshly drawn figures, so that no two stories share a sentence."""
        up = rng.random() < 0.6
        values = dict(ent)
        values.update(
            pct=f"{rng.uniform(0.3, 19.9):.1f}", pct2=f"{rng.uniform(1.5, 64.0):.1f}",
            amount=_money(rng, 12, 9800), amount2=_money(rng, 300, 45000),
            count=f"{rng.randrange(120, 98000):,}", count_small=str(rng.randrange(61, 190)),
            small=f"{rng.uniform(0.05, 4.5):.2f}", small_n=str(rng.randrange(2, 9)), small_n2=str(rng.randrange(2, 6)),
            mw=str(rng.randrange(5, 300)), price=f"${rng.uniform(55, 2600):,.2f}",
            months_n=rng.choice(["six", "seven", "eight", "nine", "ten"]),
            moves="rise" if up else "fall", moves_s="rises" if up else "falls", moves_past="up" if up else "down",
            month=rng.choice(MONTHS), weekday=rng.choice(WEEKDAYS[:5]), quarter=rng.choice(QUARTERS),
            day=str(rng.randrange(1, 29)), last_year=str(year - rng.randrange(2, 5)),
            next_year=str(year + rng.randrange(1, 6)),
        )
        return values

    @staticmethod
    def fill(template: str, values: dict[str, str]) -> str:
        text = _A_BEFORE_VOWEL.sub("an ", template.format(**values))  # "a agreement" -> "an agreement"
        return text[:1].upper() + text[1:]

    def headline(self, rng: random.Random, section: str, year: int) -> tuple[str, str, dict[str, str]]:
        """The title, its lead sentence and the values both use (the start of :meth:`write`)."""
        ent = self.entities(rng, section)
        headline, lead = rng.choice(_HEADLINES[section])
        values = self.numbers(rng, ent, year)  # the headline and its lead tell the same figures
        title = self.fill(headline, values)
        if rng.random() < 0.5:
            title = title.replace("'", "’")
        return title, self.fill(lead, values), values

    def write(self, rng: random.Random, section: str, year: int) -> Draft:
        title, lead, ent = self.headline(rng, section, year)
        pool = rng.sample(_SENTENCES[section], k=rng.randrange(8, 18))
        sentences = [lead] + [self.fill(t, self.numbers(rng, ent, year)) for t in pool]
        paragraphs, i = [], 0
        while i < len(sentences):
            size = rng.choice([1, 2, 2, 3])
            paragraphs.append(" ".join(sentences[i:i + size]))
            i += size
        keywords = [ent["country_short"], ent["sector"], rng.choice(_KEYWORD_EXTRAS[section])]
        if section != "politics":
            keywords.insert(0, ent["company"])
        company = ent["company"] if section != "politics" else None
        return Draft(title, paragraphs, keywords, [ent["person"], ent["exec"]], company)


_AR_COUNTRIES = [("الأردن", "عمان"), ("مصر", "القاهرة"), ("السعودية", "الرياض"), ("الإمارات", "أبوظبي"),
                 ("قطر", "الدوحة"), ("الكويت", "مدينة الكويت"), ("سلطنة عمان", "مسقط"), ("البحرين", "المنامة"),
                 ("المغرب", "الرباط"), ("العراق", "بغداد"), ("لبنان", "بيروت"), ("تونس", "تونس العاصمة")]
_AR_COMPANIES = ["مجموعة النور القابضة", "شركة الأفق للاستثمار", "بنك الخليج التجاري", "شركة الواحة للطاقة",
                 "مجموعة الهلال للاتصالات", "شركة السدرة العقارية", "شركة النخيل للخدمات اللوجستية",
                 "مصرف المستقبل الإسلامي", "شركة الريادة للتقنية", "مجموعة الصحراء للصناعات"]
_AR_PEOPLE = ["محمد العلي", "أحمد الخطيب", "سارة المنصوري", "خالد الحسن", "ليلى العبدالله", "عمر الزعبي",
              "نور الهدى سالم", "يوسف القاسم", "رنا حداد", "فيصل الشمري"]
_AR_ROLES = ["وزير الاقتصاد", "محافظ البنك المركزي", "وزير الخارجية", "وزير الطاقة", "وزير الاستثمار",
             "وزير الاتصالات وتكنولوجيا المعلومات", "وزيرة السياحة"]
_AR_SECTORS = ["قطاع الطاقة المتجددة", "قطاع السياحة", "قطاع العقارات", "القطاع المصرفي", "قطاع التكنولوجيا",
               "قطاع النقل", "قطاع الصناعة", "قطاع الزراعة"]
_AR_QUARTERS = ["الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع"]
_AR_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول"]
_AR_WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]
_AR_HEADLINES = [
    ("{company} تحقق أرباحا صافية بقيمة {amount} مليون دولار في {quarter}",
     "أعلنت {company} يوم {weekday} أنها حققت أرباحا صافية بقيمة {amount} مليون دولار خلال {quarter} من العام الجاري."),
    ("البنك المركزي في {country} يثبت أسعار الفائدة عند {pct}%",
     "قرر البنك المركزي في {country} يوم {weekday} الإبقاء على أسعار الفائدة الرئيسية دون تغيير عند مستوى {pct}%."),
    ("{capital} تستضيف منتدى إقليميا حول {sector}",
     "تستضيف {capital} في شهر {month} المقبل منتدى إقليميا يناقش فرص الاستثمار في {sector} بمشاركة {count} خبير."),
    ("نمو {sector} في {country} بنسبة {pct}% خلال العام الجاري",
     "سجل {sector} في {country} نموا بنسبة {pct}% منذ بداية العام الجاري، بحسب بيانات رسمية صدرت يوم {weekday}."),
    ("{role} في {country}: نعمل على جذب استثمارات جديدة في {sector}",
     "أكد {role} في {country} {person} أن الحكومة تعمل على جذب استثمارات جديدة في {sector} بقيمة {amount} مليون دولار."),
    ("ارتفاع مؤشر البورصة في {country} بنسبة {pct}% في ختام تعاملات {weekday}",
     "ارتفع المؤشر العام للبورصة في {country} بنسبة {pct}% في ختام تعاملات يوم {weekday} ليغلق عند {points} نقطة."),
    ("توقيع اتفاقية تعاون بين {country} و{country2} في {sector}",
     "وقعت {country} و{country2} يوم {weekday} في {capital} اتفاقية للتعاون في {sector} بقيمة {amount} مليون دولار."),
    ("{company} تعلن عن خطة توسع في {country2} بقيمة {amount} مليون دولار",
     "أعلنت {company} عن خطة للتوسع في {country2} باستثمارات تبلغ {amount} مليون دولار على مدى {years} سنوات."),
]
_AR_SENTENCES = [
    "قال {role} {person} إن {country} تواصل تنفيذ خطتها الرامية إلى تنويع مصادر الدخل وتعزيز دور القطاع الخاص.",
    "وأضاف أن حجم الاستثمارات في {sector} بلغ نحو {amount} مليون دولار خلال {quarter} من العام الجاري.",
    "وأشار إلى أن الحكومة تعمل على تطوير البنية التحتية وتحسين بيئة الأعمال لجذب المستثمرين.",
    "وبحسب بيانات رسمية، ارتفعت الصادرات بنسبة {pct}% مقارنة بالفترة نفسها من العام الماضي.",
    "من جهته، أكد {person2} أهمية التعاون الإقليمي في مواجهة التحديات الاقتصادية الراهنة.",
    "وتوقع خبراء أن يواصل {sector} نموه خلال الأشهر المقبلة مدعوما بزيادة الطلب المحلي.",
    "يذكر أن {company} تأسست عام {founded} وتعمل في عدد من الأسواق الإقليمية.",
    "وشهدت {capital} خلال الأسبوع الماضي سلسلة من الاجتماعات بين مسؤولين حكوميين وممثلين عن القطاع الخاص.",
    "وأوضح التقرير أن معدل التضخم تراجع إلى {pct}% في شهر {month}، وهو أدنى مستوى له منذ عامين.",
    "ودعا المشاركون إلى تعزيز الشراكة بين القطاعين العام والخاص وتسريع التحول الرقمي.",
    "وأكدت {company} في بيان أنها ستواصل توسيع أعمالها في {country2} خلال العام المقبل.",
    "وتأتي هذه الخطوة في إطار رؤية {country} الاقتصادية التي تهدف إلى رفع مساهمة القطاعات غير النفطية في الناتج المحلي الإجمالي.",
    "وبلغ عدد المشاريع المنفذة {count} مشروعا في مختلف المحافظات حتى نهاية شهر {month}.",
    "وأشار {person} إلى أن الحكومة خصصت {amount} مليون دولار لدعم المشاريع الصغيرة والمتوسطة.",
    "وقالت مصادر مطلعة إن المفاوضات بين الجانبين ستستأنف الشهر المقبل في {capital2}.",
    "كما ناقش الجانبان سبل تعزيز التبادل التجاري الذي بلغ {amount} مليون دولار العام الماضي.",
    "ويأتي ذلك وسط تقلبات في الأسواق العالمية وارتفاع أسعار الطاقة والشحن.",
    "وأظهرت نتائج مسح حديث أن {pct}% من الشركات تخطط لزيادة عدد موظفيها خلال العام المقبل.",
    "وأغلق المؤشر العام للبورصة يوم {weekday} عند مستوى {points} نقطة، بتداولات بلغت {count} ألف سهم.",
    "وأعلنت الوزارة أنها ستطلق الأسبوع المقبل منصة إلكترونية جديدة لتسهيل إجراءات تسجيل الشركات.",
]


class _Arabic:
    """Arabic story writer (MENAFN's Arabic edition)."""

    def headline(self, rng: random.Random, section: str, year: int) -> tuple[str, str, dict[str, str]]:
        """The title, its lead sentence and the entities (the start of :meth:`write`)."""
        (country, capital), (country2, capital2) = rng.sample(_AR_COUNTRIES, 2)
        person, person2 = rng.sample(_AR_PEOPLE, 2)
        ent = {"country": country, "capital": capital, "country2": country2, "capital2": capital2,
               "person": person, "person2": person2, "role": rng.choice(_AR_ROLES),
               "company": rng.choice(_AR_COMPANIES), "sector": rng.choice(_AR_SECTORS)}
        values = self.numbers(rng, ent)
        headline, lead = rng.choice(_AR_HEADLINES)
        return headline.format(**values), lead.format(**values), ent

    @staticmethod
    def numbers(rng: random.Random, ent: dict[str, str]) -> dict[str, str]:
        return dict(ent, pct=f"{rng.uniform(0.4, 14.9):.1f}", amount=str(rng.randrange(12, 950)),
                    count=str(rng.randrange(40, 4800)), points=f"{rng.uniform(1800, 12500):.2f}",
                    quarter=rng.choice(_AR_QUARTERS), month=rng.choice(_AR_MONTHS),
                    weekday=rng.choice(_AR_WEEKDAYS), founded=str(rng.randrange(1965, 2015)),
                    years=str(rng.randrange(3, 9)))

    def write(self, rng: random.Random, section: str, year: int) -> Draft:
        title, lead, ent = self.headline(rng, section, year)
        pool = rng.sample(_AR_SENTENCES, k=rng.randrange(6, 12))
        sentences = [lead] + [t.format(**self.numbers(rng, ent)) for t in pool]
        paragraphs, i = [], 0
        while i < len(sentences):
            size = rng.choice([1, 2, 2])
            paragraphs.append(" ".join(sentences[i:i + size]))
            i += size
        keywords = [ent["country"], ent["sector"], ent["company"], "اقتصاد"]
        return Draft(title, paragraphs, keywords, [ent["person"]], ent["company"])


_WRITERS = {"en": _English(), "ar": _Arabic()}


def write(seed: int, section: str, language: str = "en", year: int = 2026) -> Draft:
    """Generate the story for ``seed``: same arguments, same text, every time.

    ``section`` is ``business``, ``technology`` or ``politics`` for English; Arabic
    stories ignore it. ``year`` anchors relative figures ("by 2029").
    """
    return _WRITERS[language].write(random.Random(seed), section, year)


def headline(seed: int, section: str, language: str = "en", year: int = 2026) -> str:
    """Just the title :func:`write` would give, for a fraction of the cost."""
    return _WRITERS[language].headline(random.Random(seed), section, year)[0]


def person_name(rng: random.Random) -> str:
    """A plausible byline name (``"Layla Haddad"``)."""
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def market_research_titles(rng: random.Random, count: int) -> list[str]:
    """Titles of syndicated market-research releases, the link lists wires append to stories
    (``"Oman Cold Chain Logistics Market Size To Reach USD 1.4 Billion By 2033"``)."""
    out: list[str] = []
    while len(out) < count:
        country = _short(rng.choice(COUNTRIES).name)
        thing = rng.choice(["Cold Chain Logistics", "Solar Energy", "Data Center", "Halal Food", "Electric Vehicle",
                            "Luxury Goods", "Cybersecurity", "Water Treatment", "Frozen Food", "Pet Food",
                            "Steel Pipes", "Packaged Water", "Smart Home", "Medical Devices", "Coffee"])
        title = rng.choice([
            f"{country} {thing} Market Size To Reach USD {rng.uniform(0.5, 30):.1f} Billion By 2033",
            f"{thing} Manufacturing Plant Setup Report {rng.choice([2025, 2026])}: Cost Analysis",
            f"{country} {thing} Market {rng.choice([2025, 2026])} Industry Trends, Size, Share, Growth "
            "And Outlook By 2034",
            f"{thing} Business Plan {rng.choice([2025, 2026])}: How To Attract Investors",
            f"{thing} Plant Project Report: Raw Materials, Machinery And Investment Opportunities",
        ])
        if title not in out:
            out.append(title)
    return out


def revise(seed: int, section: str, language: str = "en", year: int = 2026, edit_seed: int = 0) -> str:
    """A replacement paragraph for an updated story: fresh sentences with new figures
    about the same people, companies and places as the story ``seed`` wrote."""
    writer = _WRITERS[language]
    _, _, ent = writer.headline(random.Random(seed), section, year)
    rng = random.Random(edit_seed)
    if language == "ar":
        return " ".join(t.format(**_Arabic.numbers(rng, ent)) for t in rng.sample(_AR_SENTENCES, 2))
    return " ".join(writer.fill(t, writer.numbers(rng, ent, year)) for t in rng.sample(_SENTENCES[section], 2))


_HEADLINE_EDITS = [
    ("rise", "jump"), ("climb", "jump"), ("grows", "expands"), ("holds talks", "meets"), ("holds", "keeps"),
    ("signs", "inks"), ("launches", "rolls out"), ("unveils", "introduces"), ("opens", "inaugurates"),
    ("discuss", "explore"), ("approves", "passes"), ("calls for", "urges"), ("visits", "travels to"),
    ("targets", "aims for"), ("raises", "secures"), ("appoints", "names"), ("announces", "unveils"),
    ("to host", "set to host"), ("eases", "slows"), ("agree to cooperate", "pledge cooperation"),
    ("to list", "plans to list"), ("to reach", "set to reach"), ("wins", "clinches"), ("secures", "wins"),
]


def edit_headline(title: str) -> str:
    """The headline after an editor's rewrite: one verb swapped (``"Oman economy grows 3.1%"`` ->
    ``"Oman economy expands 3.1%"``), keeping the title's capitalisation; a changed slug follows."""
    for old, new in _HEADLINE_EDITS:
        match = re.search(rf"\b{re.escape(old)}\b", title, re.IGNORECASE)
        if match:
            found = match.group(0)
            if found[:1].isupper():
                new = title_case(new) if found == title_case(found) and " " in found else new[:1].upper() + new[1:]
            return title[:match.start()] + new + title[match.end():]
    return f"{title}, officials say" if title != title_case(title) else f"{title}, Officials Say"


# -- press releases ------------------------------------------------------------------
# Issuer-written releases for the press-release wires (PR Newswire, GlobeNewswire):
# the issuing company, its ticker, a dateline city, quotes, an "About" section and a
# media contact. Wire modules add their own dateline credit and furniture.

_PR_SUFFIXES = ["Inc.", "Corp.", "Ltd.", "Group", "Holdings", "Co.", "PLC", "N.V."]
_PR_EXCHANGES = ["NYSE", "NASDAQ", "NASDAQ", "NYSE American", "TSX", "TSXV", "OTCQB"]
_PR_CITIES = ["NEW YORK", "SAN FRANCISCO", "AUSTIN, Texas", "BOSTON", "CHICAGO", "PLEASANTON, Calif.",
              "TORONTO", "VANCOUVER, British Columbia", "LONDON", "MIAMI", "DENVER", "SEATTLE", "ATLANTA",
              "HOUSTON", "NASHVILLE, Tenn.", "SAN DIEGO", "CAMBRIDGE, Mass.", "DUBLIN"]
_PR_ROLES = ["Chief Executive Officer", "Chief Financial Officer", "President", "Chief Marketing Officer",
             "Chief Technology Officer", "Chief Operating Officer", "Executive Vice President"]
_PR_CONFERENCES = ["the J.P. Morgan Healthcare Conference", "the Barclays Global Technology Conference",
                   "the William Blair Growth Stock Conference", "the Jefferies Industrials Conference",
                   "the Needham Growth Conference", "the RBC Capital Markets Global Energy Conference"]
_PR_HEADLINES = [
    ("{company} Reports {quarter_cap} {year} Financial Results",
     "{company} ({exchange}: {ticker}), a leader in {sector}, today reported financial results for the {quarter} "
     "ended {month} {day}, {year}, with revenue of {amount}, up {pct}% year over year."),
    ("{company} Names {exec} {role}",
     "{company} ({exchange}: {ticker}), a provider of {sector} solutions, today announced the appointment of "
     "{exec} as {role}, effective {month} {day}."),
    ("{company} Launches {product_cap} for {sector_cap} Customers",
     "{company} ({exchange}: {ticker}) today launched a new {product} designed for customers in {sector}, "
     "available in {count_small} markets from {month}."),
    ("{company} to Present at {conference_short}",
     "{company} ({exchange}: {ticker}) today announced that its management will present at {conference} on "
     "{month} {day}, {year}."),
    ("{company} Completes Acquisition of {company2}",
     "{company} ({exchange}: {ticker}) today announced that it has completed its acquisition of {company2}, a "
     "{sector} specialist, in a transaction valued at {amount}."),
    ("{company} Declares Quarterly Dividend of ${small} Per Share",
     "The Board of Directors of {company} ({exchange}: {ticker}) today declared a quarterly cash dividend of "
     "${small} per share, payable on {month} {day}, {year}."),
    ("{company} Selected by {company2} to Modernize {sector_cap} Operations",
     "{company} ({exchange}: {ticker}) today announced that {company2} has selected its {product} to modernize "
     "its {sector} operations across {count_small} sites."),
    ("{company} Opens New {product_cap} in {city_name}",
     "{company} ({exchange}: {ticker}) today opened a new {product} in {city_name}, adding about {count} jobs "
     "over the next {small_n} years."),
]
_PR_SENTENCES = [
    "The company expects full-year revenue of between {amount} and {amount2}.",
    "Gross margin improved to {pct2}% from {pct}% a year earlier.",
    "Customers in {count_small} countries now use the {product}, according to the company.",
    "The {product} reduces operating costs by up to {pct}%, based on results from early customers.",
    "“Our customers asked for a simpler way to run {sector} at scale, and this is our answer,” said {exec}, {role} of {company}.",
    "“We are pleased with the momentum across our business and the progress of our teams,” said {person}, {role2} of {company}.",
    "{company2} said it chose the platform after a {small_n}-month evaluation of {count_small} vendors.",
    "The transaction is expected to be accretive to earnings in fiscal {next_year}.",
    "Cash and cash equivalents totalled {amount} at the end of the {quarter}.",
    "The company will host a conference call at 8:30 a.m. Eastern Time to discuss the results.",
    "A live webcast of the presentation will be available on the company’s investor relations website, and a replay will be available for 90 days.",
    "Operating income rose {pct}% to {amount}, while net income was {amount2}.",
    "{exec} brings more than {count_small} months of leadership experience in {sector} and previously held senior roles at {company2}.",
    "The new facility will serve customers across North America and Europe.",
    "The company added {count} new customers during the period, bringing the total to more than {count}.",
    "Availability is planned in the {quarter} of {next_year}, with pricing to be announced at launch.",
]
_PR_BULLETS = [
    "Revenue of {amount}, up {pct}% year over year", "Net income of {amount2}", "Operating margin of {pct2}%",
    "{count} new customers added", "Expanded into {count_small} new markets", "Cash position of {amount}",
]
_PR_FLS = ("This press release contains forward-looking statements within the meaning of the Private Securities "
           "Litigation Reform Act of 1995, including statements about {company}’s expectations, plans and "
           "future results. Actual results may differ materially from those indicated by these statements.")
_PR_FR_HEADLINES = [
    ("{company} annonce ses résultats du {quarter_fr} {year}",
     "{company} ({exchange} : {ticker}), un leader du secteur {sector_fr}, a annoncé aujourd’hui ses résultats "
     "financiers du {quarter_fr}, avec un chiffre d’affaires de {amount_fr}, en hausse de {pct_fr} %."),
    ("{company} nomme {exec} au poste de directeur général",
     "{company} ({exchange} : {ticker}) a annoncé aujourd’hui la nomination de {exec} au poste de directeur "
     "général, à compter du {day} {month_fr}."),
]
_PR_FR_SENTENCES = [
    "La société prévoit un chiffre d’affaires annuel compris entre {amount_fr} et {amount2_fr}.",
    "« Nous sommes très satisfaits de la progression de nos activités », a déclaré {exec}, président de {company}.",
    "Les clients de {count_small} pays utilisent désormais la plateforme de la société.",
    "La marge brute s’est améliorée pour atteindre {pct2_fr} %, contre {pct_fr} % un an plus tôt.",
    "La société tiendra une conférence téléphonique à 8 h 30, heure de l’Est, pour présenter ses résultats.",
    "La trésorerie s’élevait à {amount_fr} à la fin de la période.",
]
_FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
_FR_SECTORS = ["de l’énergie", "des logiciels", "de la santé", "des paiements", "de la logistique"]
_FR_QUARTERS = ["premier trimestre", "deuxième trimestre", "troisième trimestre", "quatrième trimestre"]


@dataclass(frozen=True, slots=True)
class Release:
    """One generated press release, before a wire dresses it."""

    title: str
    paragraphs: list[str]
    """The release text as issued: lead (without dateline), body, "About" heading and text,
    forward-looking statements; one string per paragraph or list item."""
    company: str
    """The issuer, as its "SOURCE" / "Source:" line names it (``"Helix Robotics Inc."``)."""
    ticker: tuple[str, str]
    """``("NASDAQ", "HLXR")``: the listing the lead paragraph cites."""
    city: str
    """The dateline place (``"AUSTIN, Texas"``)."""
    contact: list[str]
    """Media contact lines (heading, name, e-mail, phone), which wires print after the text."""
    keywords: list[str]
    language: str = "en"


def _ticker_symbol(company: str, rng: random.Random) -> str:
    letters = re.sub(r"[^A-Z]", "", company.upper())
    return (letters[:2] + "".join(rng.choice("ABCDEFGHKLMNPRSTVXZ") for _ in range(rng.randrange(1, 3))))[:4]


def press_release(seed: int, year: int = 2026, language: str = "en") -> Release:
    """Generate the press release for ``seed`` (``language`` ``en`` or ``fr``): same
    arguments, same text. The lead cites the issuer's ticker (``(NASDAQ: HLXR)``)."""
    rng = random.Random(seed)
    kind = rng.choice(_COMPANY_KINDS["technology"] + _COMPANY_KINDS["business"])
    stem, stem2 = rng.sample(_COMPANY_STEMS, 2)
    company = f"{stem} {kind} {rng.choice([s for s in _PR_SUFFIXES if s != kind])}"
    company2 = f"{stem2} {rng.choice(_COMPANY_KINDS['business'])}"
    ticker = (rng.choice(_PR_EXCHANGES), _ticker_symbol(company, rng))
    city = rng.choice(_PR_CITIES)
    sector = rng.choice(_SECTORS[rng.choice(["business", "technology"])])
    product = rng.choice(_PRODUCTS)
    conference = rng.choice(_PR_CONFERENCES)
    values = {
        "company": company, "company2": company2, "exchange": ticker[0], "ticker": ticker[1],
        "sector": sector, "sector_cap": title_case(sector), "product": product, "product_cap": title_case(product),
        "exec": person_name(rng), "person": person_name(rng), "role": rng.choice(_PR_ROLES),
        "role2": rng.choice(_PR_ROLES), "conference": conference,
        "conference_short": conference.removeprefix("the "), "city_name": title_case(city.split(",")[0].lower()),
        "year": str(year), "next_year": str(year + 1),
    }

    def fill(template: str) -> str:
        quarter = rng.randrange(4)
        figures = {
            "amount": _money(rng, 12, 9800), "amount2": _money(rng, 300, 45000), "pct": f"{rng.uniform(1, 40):.1f}",
            "pct2": f"{rng.uniform(20, 70):.1f}", "count": f"{rng.randrange(120, 98000):,}",
            "count_small": str(rng.randrange(6, 90)), "small": f"{rng.uniform(0.05, 1.5):.2f}",
            "small_n": str(rng.randrange(2, 9)), "month": rng.choice(MONTHS), "day": str(rng.randrange(1, 29)),
            "quarter": QUARTERS[quarter], "quarter_cap": title_case(QUARTERS[quarter].split()[0]),
            "quarter_fr": _FR_QUARTERS[quarter], "month_fr": rng.choice(_FR_MONTHS),
            "sector_fr": rng.choice(_FR_SECTORS),
        }
        for key in ("amount", "amount2", "pct", "pct2"):  # "$2.7 billion" -> "2,7 milliards $"
            french = figures[key].replace(".", ",").replace("$", "")
            french = french.replace(" billion", " milliards").replace(" million", " millions")
            figures[f"{key}_fr"] = french + (" $" if "$" in figures[key] else "")
        # "... of Acme Inc.." -> "... of Acme Inc."
        return re.sub(r"(?<=\.)\.(?!\.)", "", template.format(**values, **figures))

    if language == "fr":
        headline, lead = rng.choice(_PR_FR_HEADLINES)
        paragraphs = [fill(lead)] + [fill(t) for t in rng.sample(_PR_FR_SENTENCES, 4)]
        paragraphs += [f"À propos de {company}",
                       f"{company} est une entreprise spécialisée dans le secteur {rng.choice(_FR_SECTORS)}."]
        contact = ["Contact médias :", values["person"], f"presse@{_domain(company)}"]
        return Release(fill(headline), paragraphs, company, ticker, city, contact, [company], "fr")

    headline, lead = rng.choice(_PR_HEADLINES)
    title = fill(headline)
    paragraphs = [fill(lead)]
    pool = rng.sample(_PR_SENTENCES, k=rng.randrange(5, 10))
    i = 0
    while i < len(pool):
        size = rng.choice([1, 2, 2])
        paragraphs.append(" ".join(fill(t) for t in pool[i:i + size]))
        i += size
        if i == 2 and rng.random() < 0.3:  # a highlights list, one paragraph per item
            paragraphs += [fill(t) for t in rng.sample(_PR_BULLETS, 3)]
    paragraphs += [f"About {company}",
                   f"{company} provides {sector} {product}s to more than {rng.randrange(200, 9000):,} customers "
                   f"worldwide. For more information, visit www.{_domain(company)}."]
    if rng.random() < 0.4:
        paragraphs += ["Forward-Looking Statements", _PR_FLS.format(company=company)]
    contact_name = person_name(rng)
    contact = [rng.choice(["Media Contact:", "Media Contacts:", "Press Contact:", "Investor Relations Contact:"]),
               contact_name, f"{contact_name.split()[0].lower()}@{_domain(company)}",
               f"+1 {rng.randrange(201, 989)}-555-{rng.randrange(1000, 9999)}"]
    keywords = [company, title_case(sector)]
    return Release(title, paragraphs, company, ticker, city, contact, keywords)


def _domain(company: str) -> str:
    """``"Helix Robotics Inc."`` -> ``"helixrobotics.com"``."""
    words = [w for w in company.split() if w not in _PR_SUFFIXES]
    return re.sub(r"[^a-z]", "", "".join(words).lower()) + ".com"


# -- block pages -----------------------------------------------------------------------


def access_denied_page(host: str, path: str, rng: random.Random) -> str:
    """The Akamai edge's refusal, as wires behind Akamai serve it with status 403:
    "Access Denied / You don't have permission to access "http://host/path" on this
    server. / Reference #18.<hex>.<epoch>.<hex>" and a link to errors.edgesuite.net."""
    reference = f"18.{rng.getrandbits(28):x}.{rng.randrange(1_700_000_000, 1_800_000_000)}.{rng.getrandbits(28):x}"
    return ("<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n"
            f"You don't have permission to access \"http&#58;&#47;&#47;{host}{path.replace('/', '&#47;')}\" "
            f"on this server.<P>\nReference&#32;&#35;{reference}\n"
            f"<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;{reference}</P>\n</BODY>\n</HTML>\n")
