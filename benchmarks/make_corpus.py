"""Make a deterministic corpus of N statements from the seed files, the way real corpora look.

Usage: python benchmarks/make_corpus.py --n 10000 --out /tmp/corpus_10k [--seed 2026]

Three kinds of file, mixed in fixed shares:

* **versions of one statement** (~20%): a statement with site chrome added ("Scroll to
  Top", "Share", a source line), typography changed (curly quotes, NBSP double spaces,
  markdown escapes), truncated, or re-paragraphed -- the same figures, other bytes;
* **statements of one series** (~30%): a seed with its figures perturbed (same template
  and boilerplate, different numbers and date), often with versions of its own (and
  two versions of each seed itself);
* **seizure releases** (~50%): short CBP-style texts ("CBP officers at the Port of
  Nogales seized 1,250 pounds of methamphetamine ...") over varied ports, drugs, units
  (pounds, lbs, kilograms, ounces), values and dates, sharing the agency boilerplate;
  about a third of them also circulate as a reposted copy (chrome, typography).

A fixed seed makes the output byte-identical on every run; file names are an ordinal
plus a content hash, like the seeds. The seeds folder is only read, never written.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "sources"

CHROME_TOP = [["Home", "Menu", "Search"], ["Skip to main content"], ["Share this page", "Print"],
              ["HomeNewsPress Releases Statement..."]]
CHROME_BOTTOM = [["Scroll to Top"], ["Share", "Tweet", "Email"], ["Stay Connected", "Sign Up"],
                 ["Related Articles", "Most Popular"], ["Back to Top"]]
SITES = ["www.whitehouse.gov", "www.state.gov", "www.cbp.gov", "mx.usembassy.gov", "www.dhs.gov"]

PORTS = ["Nogales", "San Ysidro", "Otay Mesa", "Calexico", "Laredo", "Pharr", "El Paso", "Hidalgo",
         "Brownsville", "Douglas", "San Luis", "Lukeville", "Tecate", "Eagle Pass", "Del Rio", "Santa Teresa",
         "Presidio", "Roma", "Rio Grande City", "Progreso", "Andrade", "Columbus", "Ysleta", "Naco"]
DRUGS = ["methamphetamine", "fentanyl", "fentanyl pills", "cocaine", "heroin", "marijuana", "fentanyl powder",
         "crystal methamphetamine", "liquid methamphetamine", "precursor chemicals"]
UNITS = [("pounds", 0.45), ("lbs", 0.15), ("kilograms", 0.25), ("ounces", 0.15)]
VEHICLES = ["a tractor-trailer", "a passenger vehicle", "a commercial bus", "a pickup truck", "an SUV",
            "a shipment of produce", "a load of auto parts", "the gas tank of a sedan", "a box truck"]
OFFICERS = ["CBP officers", "U.S. Customs and Border Protection officers", "CBP Office of Field Operations officers",
            "Border Patrol agents"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BOILERPLATE = [
    "U.S. Customs and Border Protection is the unified border agency within the Department of Homeland Security "
    "charged with the comprehensive management, control, and protection of our nation's borders at and between "
    "official ports of entry.",
    "CBP's Office of Field Operations is the primary organization within Homeland Security tasked with an "
    "anti-terrorism mission at our nation's ports. CBP officers screen international travelers and cargo and "
    "search for illicit narcotics, unreported currency, weapons, counterfeit goods and other contraband.",
    "The driver, a citizen of the United States, was arrested and turned over to Homeland Security Investigations "
    "for further investigation. The vehicle and narcotics were seized.",
    "Criminal charges are merely allegations, and all defendants are presumed innocent until and unless proven "
    "guilty beyond a reasonable doubt in a court of law.",
    "Learn more about what CBP accomplishes on a typical day, and follow the agency on social media for the "
    "latest news from the border.",
]

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")


# --- edits that make versions --------------------------------------------------------

def add_chrome(rng: random.Random, text: str) -> str:
    top = rng.choice(CHROME_TOP)
    bottom = rng.choice(CHROME_BOTTOM)
    source = f"Official news published at {rng.choice(SITES)}/news/{rng.randint(1000, 99999)}"
    return "\n".join(top) + "\n\n" + text.strip() + "\n\n" + "\n".join(bottom) + "\n" + source + "\n"


def typography(rng: random.Random, text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    quotes = iter(["\u201c", "\u201d"] * (text.count('"') + 1))
    text = re.sub(r'"', lambda m: next(quotes), text)
    if rng.random() < 0.6:
        text = text.replace(". ", ".\u00a0 ")
    if rng.random() < 0.4:
        text = text.replace("$", "\\$")
    return text


def truncate(rng: random.Random, text: str) -> str:
    cut = int(len(text) * rng.uniform(0.55, 0.9))
    end = text.rfind("\n", 0, cut)
    return text[: end if end > len(text) // 3 else cut].rstrip() + "\n"


def reparagraph(rng: random.Random, text: str) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    out: list[str] = []
    for p in paragraphs:
        if out and rng.random() < 0.35 and len(out[-1]) < 1500:
            out[-1] = out[-1].rstrip() + " " + p.strip()
        else:
            out.append(p.strip())
    return "\n\n".join(out) + "\n"


EDITS = [add_chrome, typography, truncate, reparagraph]


def version_of(rng: random.Random, text: str) -> str:
    edits = rng.sample(EDITS, rng.randint(1, 3))
    for edit in sorted(edits, key=EDITS.index):  # truncate before chrome would cut the chrome instead
        if edit is not add_chrome:
            text = edit(rng, text)
    return add_chrome(rng, text) if add_chrome in edits else text


# --- a series: same template, other figures ------------------------------------------

def perturb_numbers(rng: random.Random, text: str) -> str:
    def swap(m: re.Match) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        value = int(whole.replace(",", ""))
        if "," not in whole and 1900 <= value <= 2100 and not frac:
            return m.group(0)  # a year stays a year
        if value < 10 and not frac:
            return m.group(0)  # list ordinals, small counts
        new = max(10, int(value * rng.uniform(0.5, 1.35)))  # the seeds' 7,288 tons stays under 10,000
        digits = f"{new:,}" if "," in whole else str(new)
        if frac:
            digits += "." + "".join(rng.choice("0123456789") for _ in frac[1:])
        return digits
    text = _NUMBER.sub(swap, text)
    return re.sub(rf"\b({'|'.join(MONTHS)}) \d{{1,2}}\b",
                  lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", text)


# --- seizure releases ----------------------------------------------------------------

def seizure_release(rng: random.Random) -> str:
    port, drug, vehicle = rng.choice(PORTS), rng.choice(DRUGS), rng.choice(VEHICLES)
    unit = rng.choices([u for u, _ in UNITS], weights=[w for _, w in UNITS])[0]
    value = rng.choice([rng.randint(12, 999), rng.randint(1_000, 9_999), round(rng.uniform(12, 400), 1)])
    amount = f"{value:,}" if isinstance(value, int) else f"{value}"
    month, day, year = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2019, 2025)
    street = rng.randint(20, 9_000) * 1_000
    lines = [
        f"CBP Officers Seize {amount} {unit.capitalize()} of {drug.title()} at {port} Port of Entry",
        f"Release Date: {month} {day}, {year}",
        f"{port.upper()}, {rng.choice(['Ariz.', 'Calif.', 'Texas', 'N.M.'])} -- {rng.choice(OFFICERS)} at the Port of "
        f"{port} seized {amount} {unit} of {drug} concealed in {vehicle} on {month} {day}.",
        f"The narcotics have an estimated street value of ${street:,}.",
    ]
    if rng.random() < 0.4:
        second = rng.choice([d for d in DRUGS if d != drug])
        lines.append(f"Officers also found {rng.randint(11, 300)} {rng.choice(['pounds', 'kilograms'])} of {second} "
                     f"and {rng.randint(11, 90)} rounds of ammunition during a secondary inspection.")
    if rng.random() < 0.3:
        lines.append(f"\"Our officers continue to stop dangerous drugs at {port},\" said Port Director "
                     f"{rng.choice(['Michael', 'Ana', 'Roberto', 'Jennifer', 'David', 'Laura'])} "
                     f"{rng.choice(['Humphries', 'Garcia', 'Martinez', 'Baker', 'Nguyen', 'Lopez'])}.")
    lines += rng.sample(BOILERPLATE, rng.randint(2, 4))
    return "\n\n".join(lines) + "\n"


# --- the corpus ----------------------------------------------------------------------

def documents(n: int, seed: int = 2026) -> list[str]:
    """N texts: a few versions of each seed, then families of series members and seizure releases.

    A real corpus has many statements with a handful of versions each, not thousands of
    copies of five: versions are made of the generated statements, two of each seed.
    """
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out: list[str] = [version_of(rng, s) for s in seeds for _ in range(2)][: n // 10]
    while len(out) < n:
        if rng.random() < 0.40:
            member = perturb_numbers(rng, rng.choice(seeds))
            out.append(member)
            out += [version_of(rng, member) for _ in range(rng.choice([0, 0, 1, 1, 2]))]
        else:
            release = seizure_release(rng)
            out.append(release)
            if rng.random() < 0.35:
                out.append(version_of(rng, release))
    out = out[:n]
    rng.shuffle(out)
    return out


def file_name(i: int, text: str) -> str:
    return f"{i:05d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"


def write_corpus(n: int, out: Path, seed: int = 2026) -> list[Path]:
    out = Path(out).resolve()
    if out == SEEDS.resolve() or SEEDS.resolve() in out.parents:
        raise SystemExit(f"refusing to write into the seeds folder {SEEDS}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    paths = []
    for i, text in enumerate(documents(n, seed)):
        path = out / file_name(i, text)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of documents (e.g. 1000 or 10000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (its *.txt are replaced)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    paths = write_corpus(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents ({size / 1e6:.1f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
