import Crypto
import Foundation
import Synchronization

/// Security events of the broker (logins, logouts, refresh reuse, code replay, app changes) in
/// `<data dir>/broker-audit.jsonl`, each line carrying the SHA-256 of the previous one so that a removed or edited
/// line breaks the chain. Never a token, secret or PIN: callers pass identifiers only.
final class AuditTrail: Sendable {
    private struct State {
        var handle: FileHandle?
        var previous: String
        var sequence: Int
    }

    private let state: Mutex<State>
    private let clock: BrokerClock

    init(dataDirectory: String?, clock: BrokerClock) {
        self.clock = clock
        guard let dataDirectory else {
            state = Mutex(State(handle: nil, previous: "", sequence: 0))
            return
        }
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("broker-audit.jsonl").path
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var previous = String(repeating: "0", count: 64)
        var sequence = 0
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let lines = text.split(separator: "\n")
            sequence = lines.count
            if let last = lines.last { previous = Self.hex(SHA256.hash(data: Data(last.utf8))) }
        }
        let handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        state = Mutex(State(handle: handle, previous: previous, sequence: sequence))
    }

    func record(_ event: String, _ fields: [String: String] = [:]) {
        let now = ISO8601DateFormatter().string(from: clock.now())
        state.withLock { state in
            guard let handle = state.handle else { return }
            state.sequence += 1
            let entry: [String: Any] = [
                "seq": state.sequence, "at": now, "event": event, "fields": fields, "prev": state.previous,
            ]
            guard
                let data = try? JSONSerialization.data(
                    withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
            else { return }
            state.previous = Self.hex(SHA256.hash(data: data))
            try? handle.write(contentsOf: data + Data("\n".utf8))
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
