import Broker
import Foundation
import SmartCard
import VirtualCPSCard

/// `passerelle serve --in-process-card <key>`: the virtual CPS3 inside the broker, inserted at start (demo and
/// machines without pcscd). Never for production: its keys are the published TEST keys.
struct InProcessCardSource: CardSource {
    let channel: InProcessCardChannel

    init(cardDirectory: String, key: String) throws(AnyPasserelleError) {
        let file = URL(fileURLWithPath: cardDirectory).appendingPathComponent("cards.json")
        let catalog: CardCatalog
        do {
            catalog = try CardCatalog.load(from: file)
        } catch {
            throw AnyPasserelleError(BrokerError.configuration("virtual cards in \(cardDirectory): \(error)"))
        }
        guard let content = catalog.cards.first(where: { $0.id == key }) else {
            throw AnyPasserelleError(BrokerError.configuration("no virtual card \(key) in \(cardDirectory)"))
        }
        do {
            channel = try InProcessCardChannel(content: content)
        } catch {
            throw AnyPasserelleError(BrokerError.configuration("virtual card \(key): \(error)"))
        }
    }

    func events() -> AsyncStream<CardSourceEvent> {
        let channel = self.channel
        return AsyncStream { continuation in
            continuation.yield(.inserted(reader: "Virtual PCD 00 00", channel: channel))
        }
    }
}
