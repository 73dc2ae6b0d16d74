"""Small made-up corpora for the ``generate --auto`` tests and benchmark.

Each topic has its own vocabulary (bodies with acronyms, places, things,
figures) and each document is prose built from it: sentences that state a
fact with a year or a figure, definitions and causes, so the question
generator has what real documents give it. ``document(topic, n, seed)`` is
deterministic; documents of one topic share their vocabulary, documents of
different topics share only everyday words.
"""

from __future__ import annotations

import random

TOPICS: dict[str, dict[str, list[str]]] = {
    "bees": {
        "title": ["Keeping honey bees in upland valleys"],
        "body": ["Valley Beekeepers Association (VBA)", "National Apiary Service (NAS)"],
        "place": ["the Orne valley", "the Lys uplands", "Brack county", "the Tarn hills"],
        "thing": ["honey bee colonies", "wooden hives", "varroa mites", "queen cells", "wax combs", "brood frames"],
        "act": ["inspected", "registered", "treated", "moved"],
        "quality": ["strong", "healthy", "crowded", "weak"],
        "cause": ["wet springs", "pesticide drift", "mite infestations", "long winters"],
    },
    "tax": {
        "title": ["Reform of the municipal property tax"],
        "body": ["Municipal Revenue Office (MRO)", "Tax Appeals Tribunal (TAT)"],
        "place": ["the city of Varn", "the northern districts", "Elm borough", "the harbour ward"],
        "thing": ["property valuations", "tax assessments", "rebate claims", "payment arrears", "land registers",
                  "rate notices"],
        "act": ["audited", "reassessed", "collected", "appealed"],
        "quality": ["overdue", "disputed", "revised", "exempt"],
        "cause": ["outdated valuations", "rising land prices", "clerical errors", "late notices"],
    },
    "stars": {
        "title": ["Observing variable stars from small observatories"],
        "body": ["Amateur Astronomy League (AAL)", "Southern Sky Observatory (SSO)"],
        "place": ["the Karoo plateau", "Mount Pelion", "the coastal desert", "the Andean foothills"],
        "thing": ["variable stars", "light curves", "telescope mirrors", "photometry readings", "star charts",
              "eclipsing binaries"],
        "act": ["measured", "catalogued", "calibrated", "photographed"],
        "quality": ["faint", "pulsating", "distant", "bright"],
        "cause": ["cloud cover", "light pollution", "mirror dew", "atmospheric haze"],
    },
    "bread": {
        "title": ["Sourdough baking in village bakeries"],
        "body": ["Guild of Village Bakers (GVB)", "Grain Quality Board (GQB)"],
        "place": ["the market town of Ossel", "the river villages", "Dunmore parish", "the wheat plains"],
        "thing": ["sourdough starters", "rye loaves", "stone ovens", "flour sacks", "proving baskets",
                  "bread crusts"],
        "act": ["baked", "milled", "proved", "delivered"],
        "quality": ["wholemeal", "sour", "dense", "crusty"],
        "cause": ["damp flour", "cold kitchens", "weak starters", "uneven ovens"],
    },
    "trains": {
        "title": ["Maintenance of narrow-gauge railways"],
        "body": ["Heritage Railway Trust (HRT)", "Rail Safety Inspectorate (RSI)"],
        "place": ["the Glen line", "Corran junction", "the slate quarries", "the valley viaduct"],
        "thing": ["steam locomotives", "sleepers", "signal boxes", "boiler tubes", "rail joints", "brake vans"],
        "act": ["overhauled", "relaid", "repainted", "tested"],
        "quality": ["worn", "restored", "rusted", "narrow"],
        "cause": ["frost heave", "coal shortages", "boiler scale", "track subsidence"],
    },
    "wetlands": {
        "title": ["Restoring coastal salt marshes"],
        "body": ["Coastal Wetlands Agency (CWA)", "Estuary Birds Survey (EBS)"],
        "place": ["the Medway estuary", "Saltfleet bay", "the delta flats", "Greyness point"],
        "thing": ["salt marshes", "tidal creeks", "wading birds", "reed beds", "sea walls", "mud flats"],
        "act": ["surveyed", "flooded", "replanted", "breached"],
        "quality": ["brackish", "eroding", "restored", "tidal"],
        "cause": ["sea level rise", "drainage ditches", "storm surges", "grazing pressure"],
    },
    "chess": {
        "title": ["Teaching chess in primary schools"],
        "body": ["School Chess Federation (SCF)", "Junior Rating Panel (JRP)"],
        "place": ["the Holm school district", "Riverside primary", "the county league", "Ashby academy"],
        "thing": ["chess clubs", "opening lessons", "endgame puzzles", "tournament ratings", "chess clocks",
                  "score sheets"],
        "act": ["taught", "rated", "organised", "coached"],
        "quality": ["junior", "rated", "rapid", "beginner"],
        "cause": ["short lessons", "missing boards", "few coaches", "exam pressure"],
    },
    "textiles": {
        "title": ["Natural dyes in handloom weaving"],
        "body": ["Handloom Weavers Cooperative (HWC)", "Dye Plant Research Unit (DPRU)"],
        "place": ["the Kantha villages", "the indigo belt", "Mirpur district", "the hill weaving towns"],
        "thing": ["indigo vats", "madder roots", "cotton yarns", "handlooms", "dye baths", "silk scarves"],
        "act": ["dyed", "woven", "spun", "fixed"],
        "quality": ["colourfast", "handwoven", "faded", "natural"],
        "cause": ["hard water", "synthetic competition", "poor mordants", "monsoon humidity"],
    },
    "glaciers": {
        "title": ["Measuring the retreat of alpine glaciers"],
        "body": ["Alpine Glacier Monitoring Network (AGMN)", "Snow and Ice Institute (SII)"],
        "place": ["the Rhone glacier", "the Ortler massif", "the upper Aare basin", "the Silvretta range"],
        "thing": ["glacier tongues", "ablation stakes", "meltwater streams", "firn layers", "moraines",
                  "ice cores"],
        "act": ["drilled", "mapped", "monitored", "sampled"],
        "quality": ["retreating", "thinning", "debris-covered", "hanging"],
        "cause": ["warm summers", "thin snowfall", "dust deposits", "rain on snow"],
    },
    "clinics": {
        "title": ["Running rural dental clinics"],
        "body": ["Rural Dental Service (RDS)", "Oral Health Council (OHC)"],
        "place": ["the Fenwick islands", "the mountain clinics", "Barrow district", "the fishing villages"],
        "thing": ["dental check-ups", "fluoride varnish", "tooth extractions", "mobile surgeries",
                  "patient records", "dental nurses"],
        "act": ["examined", "treated", "referred", "vaccinated"],
        "quality": ["preventive", "urgent", "routine", "mobile"],
        "cause": ["sugary diets", "long travel times", "staff shortages", "missed appointments"],
    },
}

_TEMPLATES = (
    "In {year} the {body} reported that {n} {thing} had been {act} in {place}.",
    "According to the {body}, about {pct} per cent of the {thing} in {place} were {quality} by {year}.",
    "{Thing} are {quality} where {cause} persist, and the {body} advises that they be {act} every season.",
    "The {body} was founded in {year} to look after the {thing} of {place}.",
    "{Cause} are the main reason why {thing} in {place} become {quality}, the {body} found in {year}.",
    "Between {year} and {year2} the number of {thing} {act} in {place} rose from {n} to {n2}.",
    "Each year the {body} trains {n} volunteers who keep records of {thing} and {thing2}.",
    "{Thing2} depend on {thing}, so a fall in one is soon followed by a fall in the other in {place}.",
    "A survey of {place} in {year} counted {n} {thing} and {n2} {thing2}, most of them {quality}.",
    "The {body} recommends that {thing2} be {act} before the {quality} season, to limit the harm from {cause}.",
)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence(topic: str, rng: random.Random) -> str:
    v = TOPICS[topic]
    thing, thing2 = rng.sample(v["thing"], 2)
    body = rng.choice(v["body"])
    year = rng.randrange(1950, 2020)
    fields = {
        "body": body, "place": rng.choice(v["place"]), "thing": thing, "thing2": thing2,
        "Thing": _cap(thing), "Thing2": _cap(thing2), "act": rng.choice(v["act"]),
        "quality": rng.choice(v["quality"]), "cause": rng.choice(v["cause"]), "Cause": _cap(rng.choice(v["cause"])),
        "year": year, "year2": year + rng.randrange(2, 15), "n": rng.randrange(12, 900),
        "n2": rng.randrange(900, 5000), "pct": rng.randrange(5, 95),
    }
    return rng.choice(_TEMPLATES).format(**fields)


def document(topic: str, paragraphs: int = 6, seed: int = 0, sentences: int = 4) -> str:
    """A plain-text document: a title line, then ``paragraphs`` paragraphs of prose."""
    rng = random.Random(f"{topic}-{seed}")
    out = [TOPICS[topic]["title"][0] + (f", part {seed + 1}" if seed else ""), ""]
    for _ in range(paragraphs):
        out.append(" ".join(sentence(topic, rng) for _ in range(sentences)))
        out.append("")
    return "\n".join(out)


def write_course(root, docs: list[tuple[str, int]], paragraphs: int = 6, course_yml: str | None = None):
    """A course folder at ``root`` whose seeds are documents of the given (topic, seed) pairs."""
    import shutil
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    root = Path(root)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copytree(repo / "schema", root / "schema", dirs_exist_ok=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    (root / "course.yml").write_text(course_yml or "# A test course\nid: test-course\ntitle: Test course\n"
                                     "description: Made-up documents.\nlanguage: en\n", encoding="utf-8")
    entries = []
    for topic, seed in docs:
        doc_id = f"{topic}-{seed}"
        (root / "seeds" / f"{doc_id}.txt").write_text(document(topic, paragraphs, seed), encoding="utf-8")
        entries.append(f"- id: {doc_id}\n  file: {doc_id}.txt\n  title: {TOPICS[topic]['title'][0]}\n"
                       f"  issuer: Test issuer\n  date: '2021'\n  kind: report\n")
    (root / "seeds" / "sources.yml").write_text("\n".join(entries), encoding="utf-8")
    return root
