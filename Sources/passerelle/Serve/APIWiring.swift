import Broker
import Foundation
import INS
import INSi
import IdentityStore
import PasserelleAPI
import PasserelleConfiguration

/// Builds what the REST API needs from the configuration: the identity base (`PASSERELLE_DATABASE_URL`, else the
/// `store:` section, else SQLite in the data directory) and the INSi client tracing through the API ledger (no
/// `insi` section: INSi routes answer 503).
struct APIWiring {
    let services: APIServices
    let insiSession: INSiSession?

    /// `configuration`: the file the command loaded (nil: no INSi, SQLite in the data directory).
    static func open(configuration: PasserelleConfiguration?, dataDirectory: String) async throws(AnyPasserelleError)
        -> APIWiring
    {
        let environment = ProcessInfo.processInfo.environment
        let insiSection = configuration?.insi
        let location: StoreLocation
        if let url = environment["PASSERELLE_DATABASE_URL"], !url.isEmpty {
            location = .postgres(url: url)
        } else {
            do {
                location = try ConfiguredStoreLocation.location(configuration?.store, dataDirectory: dataDirectory)
            } catch {
                throw AnyPasserelleError(error)
            }
        }
        let ledger = INSiLedger(
            traceFile: insiSection?.traceFile
                ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("insi-traces.jsonl").path)
        var session: INSiSession?
        if let insiSection {
            session = try await INSiSession.open(insiSection) { _ in ledger }
        }
        let store: IdentityDatabase
        do {
            store = try await IdentityDatabase.open(location)
        } catch {
            await session?.close()
            throw AnyPasserelleError(error)
        }
        return APIWiring(
            services: APIServices(store: store, insi: session?.client, ledger: ledger, catalogue: .rnivDefault),
            insiSession: session)
    }

    func close() async {
        await services.store.close()
        await insiSession?.close()
    }
}
