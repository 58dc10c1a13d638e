"""Deterministic synthetic identities for the API bench: a CSV for `passerelle identities import` and the query
lists the bench sends (name prefixes, matricules of stored identities).

Every line is valid: names from common French family names and prénoms (some with accents, hyphens and
apostrophes, which the importer normalises), a real calendar date, a COG code (metropolitan commune or a country
code for births abroad) and, for most identities, a matricule INS built from those traits (sex, year, month,
place, order number) with its key 97 − (body mod 97), unique in the file. Same seed, same file.

Usage: identities.py COUNT SEED OUT_DIR
Writes OUT_DIR/identities.csv and the request paths wrk cycles through: OUT_DIR/search-name.paths
(`/api/v1/identities?q=…`) and OUT_DIR/search-matricule.paths (`/api/v1/identities?matricule=…`).
"""

import datetime
import random
import sys
import urllib.parse

FAMILY = """MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT SIMON MICHEL LEFEBVRE LEROY ROUX
DAVID BERTRAND MOREL FOURNIER GIRARD BONNET DUPONT LAMBERT FONTAINE ROUSSEAU VINCENT MULLER LEFÈVRE FAURE ANDRÉ
MERCIER BLANC GUÉRIN BOYER GARNIER CHEVALIER FRANÇOIS LEGRAND GAUTHIER GARCIA PERRIN ROBIN CLÉMENT MORIN NICOLAS
HENRY ROUSSEL MATHIEU GAUTIER MASSON MARCHAND DUVAL DENIS DUMONT MARIE LEMAIRE NOËL MEYER DUFOUR MEUNIER BRUN
BLANCHARD GIRAUD JOLY RIVIÈRE LUCAS BRUNET GAILLARD BARBIER ARNAUD MARTINEZ GÉRARD ROCHE RENARD SCHMITT ROY
LEROUX COLIN VIDAL CARON PICARD ROGER FABRE AUBERT LEMOINE RENAUD DUMAS LACROIX OLIVIER PHILIPPE BOURGEOIS PIERRE
BENOÎT REY LECLERC PAYET ROLLAND LECLERCQ GUILLAUME LECOMTE LOPEZ JEAN DUPUY GUILLOT HUBERT BERGER CARPENTIER
SANCHEZ DUPUIS MOULIN LOUIS DESCHAMPS HUET VASSEUR PEREZ BOUCHER FLEURY ROYER KLEIN JACQUET ADAM PARIS POIRIER
MARTY AUBRY GUYOT CARRÉ CHARLES RENAULT CHARPENTIER MÉNARD MAILLARD BARON BERTIN BAILLY HERVÉ SCHNEIDER
FERNANDEZ LE-GALL COLLET LÉGER BOUVIER JULIEN PRÉVOST MILLET PERROT DANIEL LE-ROUX COUSIN GERMAIN BRETON BESSON
LANGLOIS RÉMY LE-GOFF PELLETIER LÉVÊQUE PERRIER LEBLANC BARRÉ LEBRUN MARCHAL WEBER MALLET HAMON BOULANGER JACOB
MONNIER MICHAUD RODRIGUEZ GUICHARD GILLET ÉTIENNE GRONDIN POULAIN TESSIER CHEVALLIER COLLIN CHAUVIN DA-SILVA
BOUCHET GAY LEMAÎTRE BENARD MARÉCHAL HUMBERT REYNAUD ANTOINE HOARAU PERRET BARTHÉLEMY CORDIER PICHON LEJEUNE
GILBERT LAMY DELAUNAY PASQUIER CARLIER LAPORTE D'ALMEIDA N'DIAYE DE-LA-FONTAINE SAINT-MARTIN""".split()

FEMALE = """MARIE NATHALIE ISABELLE SYLVIE CATHERINE FRANÇOISE MARTINE CHRISTINE MONIQUE VALÉRIE SANDRINE STÉPHANIE
SOPHIE NICOLE CÉLINE VÉRONIQUE CHANTAL PATRICIA ANNE NADINE JULIE AURÉLIE CAROLINE LAURENCE EMMANUELLE CAMILLE
LÉA MANON CHLOÉ EMMA INÈS JADE LOUISE ALICE LINA ROSE ANNA MILA AMBRE JULIA ZOÉ HÉLÈNE ÉLODIE AGNÈS JEANNE
MARIE-CLAIRE ANNE-SOPHIE MARIE-PIERRE LOU-ANN""".split()

MALE = """JEAN PHILIPPE MICHEL ALAIN PATRICK NICOLAS CHRISTOPHE PIERRE CHRISTIAN ÉRIC FRÉDÉRIC LAURENT STÉPHANE DAVID
PASCAL DANIEL SÉBASTIEN JULIEN THIERRY OLIVIER BERNARD THOMAS ALEXANDRE GÉRARD DIDIER DOMINIQUE VINCENT FRANÇOIS
BRUNO GUILLAUME JÉRÔME LOUIS GABRIEL LÉO RAPHAËL ARTHUR HUGO JULES MAËL LUCAS NOAH ADAM PAUL THÉO ANTOINE
JEAN-PIERRE JEAN-LUC JEAN-FRANÇOIS PAUL-HENRI""".split()

# INSEE country codes of births abroad (99 + code): Spain, Portugal, Italy, Germany, Belgium, Algeria, Morocco,
# Tunisia, Senegal, United Kingdom.
ABROAD = ["99134", "99139", "99127", "99109", "99131", "99352", "99350", "99351", "99341", "99132"]
OID_NIR = "1.2.250.1.213.1.4.8"


def matricule_key(body):
    return 97 - int(body) % 97


def main():
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    used = set()
    matricules = []
    start = datetime.date(1925, 1, 1).toordinal()
    end = datetime.date(2025, 12, 31).toordinal()
    with open(f"{out}/identities.csv", "w", encoding="utf-8") as csv:
        csv.write("nom,prenoms,sexe,naissance,lieu,matricule,oid,nom_utilise,prenom_utilise\n")
        for _ in range(count):
            sexe = rng.choice("FM")
            names = FEMALE if sexe == "F" else MALE
            prenoms = " ".join(rng.sample(names, rng.choice([1, 1, 2, 2, 3])))
            nom = rng.choice(FAMILY)
            born = datetime.date.fromordinal(rng.randint(start, end))
            if rng.random() < 0.08:
                lieu = rng.choice(ABROAD)
            else:
                department = rng.choice([d for d in range(1, 96) if d != 20])
                lieu = f"{department:02d}{rng.randint(1, 600):03d}"
            nom_utilise = rng.choice(FAMILY) if sexe == "F" and rng.random() < 0.3 else ""
            matricule, oid = "", ""
            if rng.random() < 0.7:
                order = rng.randint(1, 999)
                while True:
                    body = f"{1 if sexe == 'M' else 2}{born.year % 100:02d}{born.month:02d}{lieu}{order:03d}"
                    if body not in used:
                        break
                    order = order % 999 + 1
                used.add(body)
                matricule, oid = f"{body}{matricule_key(body):02d}", OID_NIR
                matricules.append(matricule)
            csv.write(f"{nom},{prenoms},{sexe},{born.isoformat()},{lieu},{matricule},{oid},{nom_utilise},\n")
    # Queries: the first three letters of family names (ASCII ones, as typed at a front desk), then the whole
    # name with the beginning of a prénom; matricules sampled from the stored identities.
    plain = sorted({n for n in FAMILY if n.isascii() and n.isalpha()})
    prefixes = [n[:3] for n in plain] + [f"{n} {rng.choice(FEMALE + MALE)[:2]}" for n in plain]
    rng.shuffle(prefixes)
    sampled = rng.sample(matricules, min(1000, len(matricules)))
    for name, key, values in (("search-name", "q", prefixes), ("search-matricule", "matricule", sampled)):
        with open(f"{out}/{name}.paths", "w", encoding="utf-8") as paths:
            paths.writelines(f"/api/v1/identities?{urllib.parse.urlencode({key: value})}\n" for value in values)


if __name__ == "__main__":
    main()
