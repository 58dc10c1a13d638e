import Foundation
import INS

/// Writes the input of every other phase into the work directory:
/// - `identities.csv`: the file the store imports (what a site would hand us);
/// - `rows.csv`: the same identities as finished `identities` rows (normalised names, keys, ids), for the raw
///   baselines, which must insert exactly what the store inserts minus the store's own work;
/// - `queries.txt`: matricules to search, and matricules whose identity the duplicate search starts from
///   (half of them known to have a near-duplicate).
enum GeneratePhase {
    static func run(rows: Int, seed: UInt64, work: String, queries: Int) throws {
        let generator = SyntheticIdentities(seed: seed)
        let input = try LineWriter(path: work + "/identities.csv")
        let raw = try LineWriter(path: work + "/rows.csv")
        input.write(SyntheticIdentity.header)
        var sampler = SeededRandom(seed: seed ^ 0x5EED)
        var matricules: [String] = []
        var duplicated: [String] = []
        var good = 0
        var bad = 0
        var nearDuplicates = 0
        let watch = Stopwatch()
        for index in 0..<rows {
            let line = generator.identity(index)
            input.write(line.csvLine)
            switch line.kind {
            case .bad:
                bad += 1
                continue
            case .nearDuplicate(let original):
                nearDuplicates += 1
                let base = generator.original(original)
                if !base.matricule.isEmpty { reservoir(&duplicated, base.matricule, seen: nearDuplicates, queries) }
            case .original:
                if !line.matricule.isEmpty { reservoir(&matricules, line.matricule, seen: index + 1, queries) }
            }
            guard let row = try? rawRow(line, index: index) else {
                bad += 1
                continue
            }
            good += 1
            raw.write(row)
        }
        try input.close()
        try raw.close()
        var text = matricules.map { "matricule \($0)" }
        let forDuplicates = Array(duplicated.prefix(queries / 2)) + Array(matricules.shuffled(using: &sampler))
        text += forDuplicates.prefix(queries).map { "duplicates \($0)" }
        try (text.joined(separator: "\n") + "\n").write(
            toFile: work + "/queries.txt", atomically: true, encoding: .utf8)
        var result = PhaseResult()
        result["lines"] = Double(rows)
        result["good"] = Double(good)
        result["bad"] = Double(bad)
        result["near_duplicates"] = Double(nearDuplicates)
        result["seconds"] = watch.seconds
        result.emit()
    }

    /// Keeps a uniform sample of `capacity` items (deterministic: the sampler is seeded by position).
    private static func reservoir(_ sample: inout [String], _ item: String, seen: Int, _ capacity: Int) {
        if sample.count < capacity {
            sample.append(item)
        } else {
            var random = SeededRandom(seed: UInt64(seen))
            let slot = random.below(seen)
            if slot < capacity { sample[slot] = item }
        }
    }

    /// An id shaped and ordered like the store's imported ids (UUID v7: a millisecond, then random bits): the
    /// millisecond advances every 2,000 lines, the rest is random, so the raw baselines append to the primary
    /// key index exactly as the store does (random v4 ids would write all over it and flatter the store).
    static func timeOrderedID(index: Int) -> String {
        var random = SeededRandom(seed: UInt64(index) &* 0x9E37_79B9)
        let milliseconds = UInt64(1_764_000_000_000 + index / 2_000)
        let tail = random.next()
        let middle = random.next()
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return hex(milliseconds >> 16, 8) + "-" + hex(milliseconds & 0xFFFF, 4) + "-7" + hex(middle & 0xFFF, 3) + "-"
            + hex(0x8000 | ((middle >> 12) & 0x3FFF), 4) + "-" + hex(tail & 0xFFFF_FFFF_FFFF, 12)
    }

    /// The `identities` row the store would write for this line (PROV, version 1), as CSV for `COPY`:
    /// unquoted empty = NULL, `""` = empty text.
    static func rawRow(_ line: SyntheticIdentity, index: Int) throws -> String {
        let traits = try Traits(
            nomNaissance: line.nom, prenoms: line.prenoms, sexe: line.sexe, naissance: line.naissance,
            lieuNaissance: line.lieu)
        let normalized = try traits.normalized()
        func key(_ text: String) -> String {
            String(text.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "'" })
        }
        let now = "1764000000000"
        let fields: [String] = [
            timeOrderedID(index: index), traits.nomNaissance, traits.prenoms, traits.sexe.rawValue,
            traits.naissance.iso, traits.naissance.isIncomplete ? "1" : "0", traits.lieuNaissance?.cog ?? "",
            normalized.nomNaissance, normalized.prenoms, key(normalized.nomNaissance), key(normalized.premierPrenom),
            line.nomUtilise, "", IdentityStatus.provisoire.rawValue, "\"\"", line.matricule, line.oid, "", "", "1",
            now, now,
        ]
        return fields.joined(separator: ",")
    }
}

/// Buffered line output to a file.
final class LineWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BenchError("cannot write \(path)") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
