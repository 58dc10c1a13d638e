import Foundation

/// What a phase process reports to the orchestrator: one line `RESULT {json}` on standard output.
struct PhaseResult: Codable, Sendable {
    var values: [String: Double] = [:]
    var notes: [String: String] = [:]

    subscript(key: String) -> Double? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func emit() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(Data(("RESULT " + String(decoding: data, as: UTF8.self) + "\n").utf8))
    }

    static func parse(_ output: String) -> PhaseResult? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else { return nil }
        return try? JSONDecoder().decode(PhaseResult.self, from: Data(line.dropFirst(7).utf8))
    }
}
