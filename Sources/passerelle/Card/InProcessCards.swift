import Foundation
import VirtualCPSCard

/// The virtual CPS3 inside this process (`--in-process`): no pcscd needed. With a data directory, the card's try
/// counter is saved there between runs, as a real card keeps it in EEPROM, so a wrong PIN costs a try here too.
enum InProcessCards {
    static let reader = "Passerelle virtual reader (in-process)"
    static let stateFileName = "virtual-cards-state.json"

    static func open(_ settings: CardSettings) throws(AnyPasserelleError) -> OpenedCard {
        let file = settings.virtualCardsFile
        let catalog: CardCatalog
        do {
            catalog = try CardCatalog.load(from: file)
        } catch {
            throw AnyPasserelleError(
                CardCommandError.virtualCardsUnreadable(path: file.path, detail: "\(error)"))
        }
        let content: VirtualCardContent
        if let wanted = settings.virtualCard {
            guard let found = catalog.cards.first(where: { $0.id == wanted }) else {
                throw AnyPasserelleError(CardCommandError.unknownVirtualCard(wanted))
            }
            content = found
        } else if let first = catalog.cards.first {
            content = first
        } else {
            throw AnyPasserelleError(CardCommandError.virtualCardsUnreadable(path: file.path, detail: "no cards"))
        }
        var engine: CardEngine
        do {
            engine = try CardEngine(content: content)
        } catch {
            throw AnyPasserelleError(
                CardCommandError.virtualCardsUnreadable(path: file.path, detail: "\(error)"))
        }
        let stateFile = settings.dataDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent(stateFileName) }
        if let stateFile, let tries = loadTries(stateFile)[content.id] {
            engine.restore(pinTriesLeft: tries)
        }
        let channel = InProcessCardChannel(engine: engine)
        let id = content.id
        return OpenedCard(reader: reader, transport: "in-process", channel: channel) {
            guard let stateFile, let tries = channel.engine?.pinTriesLeft else {
                return
            }
            var all = loadTries(stateFile)
            all[id] = tries
            saveTries(all, to: stateFile)
        }
    }

    private static func loadTries(_ file: URL) -> [String: Int] {
        guard let data = try? Data(contentsOf: file),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int]
        else {
            return [:]
        }
        return object
    }

    private static func saveTries(_ tries: [String: Int], to file: URL) {
        guard let data = try? JSONSerialization.data(withJSONObject: tries, options: [.sortedKeys]) else {
            return
        }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}
