import INS
import INSi
import IdentityStore

/// What the REST API works with, built by the executable from the configuration.
public struct APIServices: Sendable {
    public let store: IdentityDatabase
    /// Nil when the configuration has no `insi` section: INSi routes answer 503 `api.insi-not-configured`.
    public let insi: INSiClient?
    /// The trace sink the INSi client was built with.
    public let ledger: INSiLedger
    public let catalogue: EvidenceCatalogue

    public init(store: IdentityDatabase, insi: INSiClient?, ledger: INSiLedger, catalogue: EvidenceCatalogue) {
        self.store = store
        self.insi = insi
        self.ledger = ledger
        self.catalogue = catalogue
    }
}
