import Foundation
import SmartCard
import Synchronization
import VirtualCPSCard

/// The virtual cards of the test PKI (`Certs/cards/cards.json`), plugged in-process.
enum TestCards {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func catalog() throws -> CardCatalog {
        try CardCatalog.load(from: repository.appendingPathComponent("Certs/cards/cards.json"))
    }

    static func content(_ id: String = "medecin-1") throws -> VirtualCardContent {
        guard let card = try catalog().cards.first(where: { $0.id == id }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return card
    }

    static func channel(_ id: String = "medecin-1") throws -> InProcessCardChannel {
        try InProcessCardChannel(content: content(id))
    }

    static func personnesChain() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("Certs/ca/chain-personnes.pem"), encoding: .utf8)
    }
}

/// Counts the APDUs that reach the card.
final class CountingChannel: CardChannel {
    let base: any CardChannel
    private let counter = Mutex(0)

    init(_ base: any CardChannel) {
        self.base = base
    }

    var count: Int { counter.withLock { $0 } }
    var atr: [UInt8] { base.atr }
    var transmissionProtocol: CardProtocol { base.transmissionProtocol }

    func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        counter.withLock { $0 += 1 }
        return try await base.transmit(apdu)
    }

    func beginTransaction() async throws(SmartCardError) { try await base.beginTransaction() }
    func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {
        try await base.endTransaction(disposition)
    }
}
