import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line-oriented control socket (Unix domain, mode 0600): one command per connection, one JSON line back.
///
/// Commands: `status`, `insert [card] [--reader N]`, `remove [--reader N]`, `select <card> [--reader N]`,
/// `fault garble|remove-mid-transaction [n]|slow <ms>|clear [--reader N]`.
final class ControlServer: Sendable {
    let path: String
    let rack: CardRack

    init(path: String, rack: CardRack) {
        self.path = path
        self.rack = rack
    }

    func start() throws {
        let listener = try Socket.listenUnix(path: path)
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else {
                    continue
                }
                if let line = Socket.readLine(client) {
                    _ = Socket.writeAll(client, Array((self.execute(line) + "\n").utf8))
                }
                close(client)
            }
        }
        thread.name = "control"
        thread.start()
    }

    func execute(_ line: String) -> String {
        var words = line.split(separator: " ").map(String.init)
        var reader = 0
        if let flag = words.firstIndex(of: "--reader"), flag + 1 < words.count, let value = Int(words[flag + 1]) {
            reader = value
            words.removeSubrange(flag...flag + 1)
        }
        guard let verb = words.first else {
            return Self.failure("empty command")
        }
        let arguments = Array(words.dropFirst())
        do {
            switch verb {
            case "status":
                return rack.statusJSON()
            case "insert":
                try rack.insert(reader: reader, cardID: arguments.first)
            case "remove":
                try rack.remove(reader: reader)
            case "select":
                guard let card = arguments.first else {
                    return Self.failure("select needs a card id")
                }
                try rack.select(reader: reader, cardID: card)
            case "fault":
                return try fault(arguments, reader: reader)
            default:
                return Self.failure("unknown command \(verb)")
            }
        } catch {
            return Self.failure("\(error)")
        }
        return rack.statusJSON()
    }

    private func fault(_ arguments: [String], reader: Int) throws -> String {
        switch arguments.first {
        case "garble":
            try rack.updateFaults(reader: reader) { $0.garbleNextReply = true }
        case "remove-mid-transaction":
            let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 2
            try rack.updateFaults(reader: reader) { $0.removeAfterCommands = max(1, count) }
        case "slow":
            guard let milliseconds = arguments.dropFirst().first.flatMap({ Int($0) }), milliseconds >= 0 else {
                return Self.failure("fault slow needs milliseconds")
            }
            try rack.updateFaults(reader: reader) { $0.replyDelayMilliseconds = milliseconds }
        case "clear":
            try rack.updateFaults(reader: reader) { $0 = .init() }
        default:
            return Self.failure("unknown fault (garble, remove-mid-transaction [n], slow <ms>, clear)")
        }
        return rack.statusJSON()
    }

    static func failure(_ message: String) -> String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "{\"ok\":false,\"error\":\"\(escaped)\"}"
    }
}
