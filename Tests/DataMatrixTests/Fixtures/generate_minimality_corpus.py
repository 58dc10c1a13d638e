"""Regenerate minimality_corpus.txt (committed): 1,000 INS payloads and 1,000 mixed strings, one per line as
`<kind> <hex bytes>`. Deterministic: the seed is fixed, so the file only changes when this script does."""

import random

rng = random.Random(20261123)

NAMES = ["JEAN", "MARIE", "CLAIRE", "ANNE", "LOUIS", "ZOE", "D'ARTAGNAN", "JEAN-PIERRE", "EVE", "NOEL", "AGATHE",
         "O'NEIL", "LEA", "BERNADETTE", "MAXIMILIEN", "HUGO", "INES", "YVES", "ELISABETH", "JOSEPH"]
SURNAMES = ["DUPONT", "MARTIN", "DE LA FONTAINE", "LE GALL", "N'DIAYE", "DUPONT-TESTEUR", "O'CONNOR", "VAN DER BERG",
            "BERNARD", "PETIT", "ROUX", "DE SAINT-EXUPERY", "NGUYEN", "LEFEVRE-DUMONT", "ABADIE"]
OIDS = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10"]
GS = "\x1d"


def name_list(pool, maximum, separator):
    words = []
    target = rng.choice([1, 1, 2, 3, 5, 40])
    while len(words) < target:
        word = rng.choice(pool)
        if len(separator.join(words + [word])) > maximum:
            break
        words.append(word)
    return separator.join(words or [pool[0]])


def matricule():
    body = str(rng.choice([1, 2])) + "".join(rng.choice("0123456789") for _ in range(12))
    return body + "%02d" % (97 - int(body) % 97)


def ins_payload():
    fields = [("S1", matricule(), False, 15), ("S2", rng.choice(OIDS), True, 20),
              ("S3", name_list(NAMES, 100, " "), True, 100), ("S4", name_list(SURNAMES, 100, "-"), True, 100),
              ("S5", rng.choice("MF"), False, 1),
              ("S6", "%02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1900, 2025)), False, 10)]
    if rng.random() < 0.85:
        fields.append(("S7", rng.choice(["75056", "13055", "2A004", "99352", "69123", "97411"]), False, 5))
    text = "IS010000000000000000000000"
    for index, (tag, value, variable, maximum) in enumerate(fields):
        text += tag + value
        if variable and len(value) < maximum and index != len(fields) - 1:
            text += GS
    return text.encode("ascii")


ALPHABETS = [
    b"0123456789",
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ",
    b"abcdefghijklmnopqrstuvwxyz0123456789 ",
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 *>\r",
    bytes(range(32, 95)),
    bytes(range(0, 128)),
    bytes(range(128, 256)),
    b".-/:,;'!?\"()",
    b"\x1d\x1e\x04",
]


def mixed():
    out = bytearray()
    target = rng.choice([rng.randint(1, 20), rng.randint(1, 80), rng.randint(20, 400)])
    while len(out) < target:
        alphabet = rng.choice(ALPHABETS)
        out += bytes(rng.choice(alphabet) for _ in range(rng.choice([1, 2, 3, 4, 6, 9, 15, 30])))
    return bytes(out[:target])


with open("minimality_corpus.txt", "w") as corpus:
    for _ in range(1000):
        corpus.write("ins " + ins_payload().hex() + "\n")
    for _ in range(1000):
        corpus.write("mixed " + mixed().hex() + "\n")
