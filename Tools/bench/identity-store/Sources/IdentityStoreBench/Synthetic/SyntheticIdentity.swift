import Foundation
import INS

/// One generated CSV line and what the generator meant by it.
struct SyntheticIdentity: Sendable {
    enum Kind: Sendable, Equatable {
        case original
        /// A near-duplicate of identity `of` (an earlier index): a typo, swapped names, a near date, or the same
        /// matricule under another spelling.
        case nearDuplicate(of: Int)
        /// A line the importer must refuse (digit in a name, impossible date, wrong matricule key).
        case bad
    }

    var nom: String
    var prenoms: String
    var sexe: String
    var naissance: String
    var lieu: String
    var matricule: String
    var oid: String
    var nomUtilise: String
    let kind: Kind

    static let header = "nom,prenoms,sexe,naissance,lieu,matricule,oid,nom_utilise,prenom_utilise"

    /// No generated value contains a comma, a quote or a line break, so no field needs quoting.
    var csvLine: String {
        [nom, prenoms, sexe, naissance, lieu, matricule, oid, nomUtilise, ""].joined(separator: ",")
    }
}

/// Deterministic synthetic identities: identity `i` depends only on the seed and `i`, so the import, the
/// baselines and the query sampler all see the same data without keeping a million rows in memory.
struct SyntheticIdentities: Sendable {
    let seed: UInt64
    /// Percent of lines that are near-duplicates of an earlier line.
    var nearDuplicatePercent = 4.0
    /// Percent of lines the importer must refuse.
    var badPercent = 0.05
    /// Percent of original identities that carry a matricule INS.
    var matriculePercent = 70.0

    func random(_ index: Int) -> SeededRandom {
        SeededRandom(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    }

    func identity(_ index: Int) -> SyntheticIdentity {
        var random = random(index)
        if index > 10, random.chance(badPercent) { return bad(index, &random) }
        if index > 10, random.chance(nearDuplicatePercent) {
            let original = random.below(index)
            return nearDuplicate(of: original, &random)
        }
        return original(index)
    }

    /// The original identity of index `i`, whatever line `i` turned out to be.
    func original(_ index: Int) -> SyntheticIdentity {
        var random = random(index)
        _ = random.next()
        _ = random.next()
        let feminine = random.chance(51)
        var nom = random.pick(FrenchNames.surnames)
        if random.chance(6) { nom += "-" + random.pick(FrenchNames.surnames).split(separator: " ").joined() }
        let pool = feminine ? FrenchNames.feminine : FrenchNames.masculine
        var prenoms = [random.pick(pool)]
        for _ in 0..<random.below(3) { prenoms.append(random.pick(pool)) }
        let year = 1920 + random.below(106)
        let month = 1 + random.below(12)
        let day = 1 + random.below(BirthDate.daysIn(month: month, year: year))
        let lieu = random.pick(FrenchNames.birthPlaces)
        var matricule = ""
        var oid = ""
        if random.chance(matriculePercent) {
            matricule = Self.matricule(feminine: feminine, year: year, month: month, unique: index)
            oid = INSOID.nir.rawValue
        }
        let nomUtilise = feminine && random.chance(20) ? random.pick(FrenchNames.surnames) : ""
        return SyntheticIdentity(
            nom: nom, prenoms: prenoms.joined(separator: " "), sexe: feminine ? "F" : "M",
            naissance: Self.iso(year, month, day), lieu: lieu, matricule: matricule, oid: oid,
            nomUtilise: nomUtilise, kind: .original)
    }

    /// A valid NIR-shaped matricule, unique per index: sex, year, month, then the index spread over
    /// department, commune and order number, then the computed key.
    static func matricule(feminine: Bool, year: Int, month: Int, unique: Int) -> String {
        let department = 1 + (unique / 1_000_000) % 95
        let body =
            (feminine ? "2" : "1") + pad(year % 100, 2) + pad(month, 2) + pad(department, 2)
            + pad((unique / 1000) % 1000, 3) + pad(unique % 1000, 3)
        return body + pad(MatriculeKey.compute(body: body), 2)
    }

    private func nearDuplicate(of index: Int, _ random: inout SeededRandom) -> SyntheticIdentity {
        let base = original(index)
        var copy = SyntheticIdentity(
            nom: base.nom, prenoms: base.prenoms, sexe: base.sexe, naissance: base.naissance, lieu: base.lieu,
            matricule: "", oid: "", nomUtilise: base.nomUtilise, kind: .nearDuplicate(of: index))
        switch random.below(6) {
        case 0: copy.nom = Self.typo(copy.nom, &random)
        case 1: copy.prenoms = Self.typo(copy.prenoms, &random)
        case 2:
            // Separators and accents typed differently: same name keys.
            copy.nom = copy.nom.uppercased().replacingOccurrences(of: "-", with: " ")
            copy.prenoms = copy.prenoms.folding(options: .diacriticInsensitive, locale: nil)
        case 3:
            let first = copy.prenoms.split(separator: " ").first.map(String.init) ?? copy.prenoms
            (copy.nom, copy.prenoms) = (first, copy.nom)
        case 4: copy.naissance = Self.nearDate(copy.naissance, &random)
        default:
            copy.matricule = base.matricule
            copy.oid = base.oid
            copy.prenoms = Self.typo(copy.prenoms, &random)
        }
        return copy
    }

    private func bad(_ index: Int, _ random: inout SeededRandom) -> SyntheticIdentity {
        var line = original(index)
        line = SyntheticIdentity(
            nom: line.nom, prenoms: line.prenoms, sexe: line.sexe, naissance: line.naissance, lieu: line.lieu,
            matricule: line.matricule, oid: line.oid, nomUtilise: line.nomUtilise, kind: .bad)
        switch random.below(4) {
        case 0: line.nom += "2"
        case 1: line.naissance = String(line.naissance.prefix(5)) + "02-30"
        case 2:
            let body = Self.matricule(feminine: line.sexe == "F", year: 1970, month: 1, unique: index).prefix(13)
            let key = MatriculeKey.compute(body: String(body))
            line.matricule = body + Self.pad(key == 97 ? 1 : key + 1, 2)
            line.oid = INSOID.nir.rawValue
        default: line.sexe = "X"
        }
        return line
    }

    /// Replaces one ASCII letter by a neighbouring one, or swaps two adjacent letters.
    static func typo(_ text: String, _ random: inout SeededRandom) -> String {
        var characters = Array(text)
        let letters = characters.indices.filter { characters[$0].isASCII && characters[$0].isLetter }
        guard letters.count > 2 else { return text }
        let at = letters[random.below(letters.count - 1)]
        if random.chance(50), letters.contains(at + 1) {
            characters.swapAt(at, at + 1)
        } else {
            let scalar = characters[at].unicodeScalars.first?.value ?? 97
            let base: UInt32 = characters[at].isUppercase ? 65 : 97
            let replaced = base + (scalar - base + 1 + UInt32(random.below(24))) % 26
            characters[at] = Character(Unicode.Scalar(replaced) ?? "e")
        }
        return String(characters)
    }

    /// Day and month swapped when both are ≤ 12, otherwise the year one off.
    static func nearDate(_ text: String, _ random: inout SeededRandom) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        if parts[2] <= 12, parts[1] != parts[2] { return iso(parts[0], parts[2], parts[1]) }
        let year = parts[0] + (random.chance(50) ? 1 : -1)
        let day = min(parts[2], BirthDate.daysIn(month: parts[1], year: year))
        return iso(year, parts[1], day)
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
