import Foundation
import INS
import IdentityStore

// Test helper: writes identities and status changes in a loop and prints each acknowledged id on stdout,
// flushed, only after the store returned. The crash test kills it with SIGKILL and checks every printed id
// is present after reopening. Usage: store-crash-writer (--sqlite PATH | --postgres URL) [--count N]
// With `--import FILE [--batch N]` it runs the CSV import instead and prints `imported <n> through-line <line>`
// after each committed batch (the import's acknowledgement).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let location: StoreLocation
if let path = option("--sqlite") {
    location = .sqlite(path: path)
} else if let url = option("--postgres") {
    location = .postgres(url: url)
} else {
    FileHandle.standardError.write(
        Data("usage: store-crash-writer (--sqlite PATH | --postgres URL) [--count N]\n".utf8))
    exit(2)
}
let count = option("--count").flatMap(Int.init) ?? Int.max
let tag = option("--tag") ?? "W"

func acknowledge(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    let store = try await IdentityDatabase.open(location)
    if let file = option("--import") {
        let batch = option("--batch").flatMap(Int.init) ?? 2_000
        _ = try await CSVImporter.run(path: file, into: store, actor: "crash-import", batchSize: batch) { progress in
            acknowledge("imported \(progress.imported) through-line \(progress.settledThroughLine)")
        }
        await store.close()
        exit(0)
    }
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var index = 0
    while index < count {
        let nom = "CRASH" + String((0..<6).map { position in letters[(index / Int(pow(26.0, Double(position)))) % 26] })
        let traits = Traits(
            nomNaissance: nom, prenoms: "\(tag)ECRIVAIN", sexe: index % 2 == 0 ? .feminin : .masculin,
            naissance: try BirthDate(year: 1950 + index % 50, month: 1 + index % 12, day: 1 + index % 28),
            lieuNaissance: nil)
        let record = try await store.create(NewIdentity(traits: traits), actor: "crash-writer")
        acknowledge("created \(record.id.uuidString.lowercased())")
        let changed = try await store.addEvidence(record.id, NewEvidence(kindID: "cni"), actor: "crash-writer")
        acknowledge("status \(changed.id.uuidString.lowercased()) \(changed.state.status.rawValue)")
        index += 1
    }
    await store.close()
} catch let error as StoreError {
    FileHandle.standardError.write(Data("store-crash-writer: \(error.technicalDetail)\n".utf8))
    exit(3)
}
