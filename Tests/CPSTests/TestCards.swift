import Foundation
import SmartCard
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
