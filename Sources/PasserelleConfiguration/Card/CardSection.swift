import Configuration

/// The `card:` section: where the CPS is read. `pcsc` (the default) goes through pcscd; `in-process` plays the
/// virtual CPS3 inside each process (tests, and the demo when no pcscd runs). Plain values: this module does not
/// depend on the card modules, `passerelle` maps the section onto them.
public struct CardSection: Sendable, Hashable {
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        case pcsc
        case inProcess = "in-process"
    }

    public var transport: Transport
    /// Reader to use; nil = the first reader holding a card.
    public var reader: String?
    /// Roots (and intermediates) the card certificate must chain to (PEM bundle).
    public var trustRoots: String?
    /// Folder with the virtual cards' `cards.json` (test PKI): in-process transport and the demo's virtual-cps.
    public var virtualCards: String?
    /// Which virtual card the in-process transport plays.
    public var virtualCard: String?
    /// The control socket of the demo's `virtual-cps` (`virtual-cps ctl --control … insert|remove`).
    public var virtualControl: String?

    public init(
        transport: Transport, reader: String? = nil, trustRoots: String? = nil, virtualCards: String? = nil,
        virtualCard: String? = nil, virtualControl: String? = nil
    ) {
        self.transport = transport
        self.reader = reader
        self.trustRoots = trustRoots
        self.virtualCards = virtualCards
        self.virtualCard = virtualCard
        self.virtualControl = virtualControl
    }

    static func read(_ reader: ConfigReader, baseDirectory base: String) throws(ConfigurationError) -> CardSection? {
        let transportText = reader.string(forKey: "transport")
        let readerName = reader.string(forKey: "reader")
        let cards = reader.string(forKey: "virtualCards")
        guard transportText != nil || readerName != nil || cards != nil else { return nil }
        let transport: Transport
        if let transportText {
            guard let parsed = Transport(rawValue: transportText) else {
                throw ConfigurationError(
                    .invalidValue, "card.transport", "expected pcsc or in-process, got \(transportText)")
            }
            transport = parsed
        } else {
            transport = .pcsc
        }
        func path(_ key: ConfigKey) -> String? {
            reader.string(forKey: key).map { PasserelleConfiguration.resolve($0, base: base) }
        }
        let section = CardSection(
            transport: transport, reader: readerName, trustRoots: path("trustRoots"),
            virtualCards: path("virtualCards"),
            virtualCard: reader.string(forKey: "virtualCard"), virtualControl: path("virtualControl"))
        if transport == .inProcess, section.virtualCards == nil {
            throw ConfigurationError(.missingKey, "card.virtualCards")
        }
        return section
    }
}
