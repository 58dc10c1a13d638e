import Broker
import Foundation
import Hummingbird
import INS
import IdentityStore

/// The state every route handler needs.
struct APIHandlers: Sendable {
    let services: APIServices
    let provider: OpenIDProvider

    /// Who acts, for the audit log: the professional (SubjectNameID) through the app.
    func actor(_ context: BrokerRequestContext) -> String {
        guard let grant = context.grant else { return "api" }
        return "\(grant.subject) via \(grant.clientID)"
    }

    func identityID(_ request: Request, _ context: BrokerRequestContext) throws(APIError) -> UUID {
        let text = try request.parameter("id", context: context)
        guard let id = UUID(uuidString: text) else {
            throw .invalidParameter(name: "id", reason: "UUID attendu")
        }
        return id
    }

    func identity(_ request: Request, _ context: BrokerRequestContext) async throws -> IdentityRecord {
        try await services.store.identity(identityID(request, context))
    }
}
