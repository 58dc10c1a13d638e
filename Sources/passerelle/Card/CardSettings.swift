import Foundation
import PasserelleConfiguration

/// What the card commands use: the command line first, then the `card` section of the configuration
/// (`--config` or `PASSERELLE_CONFIG`, e.g. the demo's `D/passerelle.yaml`), then the defaults.
struct CardSettings: Sendable {
    var inProcess: Bool
    var reader: String?
    var virtualCardsFile: URL
    var virtualCard: String?
    /// Where the in-process card keeps its try counter between runs (none: every run starts with a fresh card).
    var dataDirectory: String?

    static func resolve(
        _ options: CardTransportOptions, global: GlobalOptions
    ) async throws(AnyPasserelleError) -> CardSettings {
        let environment = ProcessInfo.processInfo.environment
        var section: CardSection?
        var configurationFolder: String?
        if let path = global.config ?? environment["PASSERELLE_CONFIG"], !path.isEmpty {
            do {
                let configuration = try await PasserelleConfiguration.load(explicitPath: path)
                section = configuration.card
                configurationFolder = URL(fileURLWithPath: configuration.file).deletingLastPathComponent().path
            } catch {
                throw AnyPasserelleError(error)
            }
        }
        let directory =
            options.cardDirectory ?? section?.virtualCards ?? environment["PASSERELLE_VIRTUAL_CARDS"] ?? "Certs/cards"
        return CardSettings(
            inProcess: options.inProcess || environment["PASSERELLE_CARD_TRANSPORT"] == "in-process"
                || section?.transport == .inProcess,
            reader: options.reader ?? section?.reader,
            virtualCardsFile: URL(fileURLWithPath: directory).appendingPathComponent("cards.json"),
            virtualCard: options.card ?? section?.virtualCard,
            dataDirectory: global.dataDir ?? environment["PASSERELLE_DATA_DIR"] ?? configurationFolder)
    }
}
