import Broker
import Foundation
import SmartCard
import VirtualCPSCard

/// The in-process virtual CPS3 as a broker card source: tests insert and pull cards without pcscd.
final class VirtualCardSource: CardSource, @unchecked Sendable {
    private let stream: AsyncStream<CardSourceEvent>
    private let continuation: AsyncStream<CardSourceEvent>.Continuation
    static let reader = "Virtual PCD 00 00"

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: CardSourceEvent.self)
    }

    func events() -> AsyncStream<CardSourceEvent> { stream }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func content(_ key: String) throws -> VirtualCardContent {
        let catalog = try CardCatalog.load(from: repository.appendingPathComponent("Certs/cards/cards.json"))
        guard let card = catalog.cards.first(where: { $0.id == key }) else {
            throw HarnessError("no virtual card \(key)")
        }
        return card
    }

    /// Inserts a fresh card (`medecin-1` = 899700000013, single situation; `medecin-2` = several).
    @discardableResult
    func insert(_ key: String = "medecin-1", triesLeft: Int? = nil) throws -> InProcessCardChannel {
        let channel = try InProcessCardChannel(content: try Self.content(key))
        if let triesLeft {
            var engine = try CardEngine(content: try Self.content(key))
            engine.restore(pinTriesLeft: triesLeft)
            channel.insert(engine)
        }
        continuation.yield(.inserted(reader: Self.reader, channel: channel))
        return channel
    }

    func remove() {
        continuation.yield(.removed(reader: Self.reader))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
