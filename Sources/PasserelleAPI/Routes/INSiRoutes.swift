import Broker
import Foundation
import Hummingbird
import INS
import INSi
import IdentityStore

extension APIHandlers {
    func register(insi routes: APIRoutes) {
        routes.add(.post, "/api/v1/insi/search", scope: "api:insi") { request, context in
            try await mapped {
                let body = try await JSONBody.decode(TraitsBody.self, from: request)
                let traits = try body.traits()
                let client = try insiClient()
                let operatorID = context.grant?.subject
                let stored = try await services.ledger.run { () async throws(INSiError) in
                    try await client.search(traits, operatorID: operatorID)
                }
                return Replies.json(INSiJSON.search(stored))
            }
        }
        routes.add(.post, "/api/v1/identities/{id}/insi", scope: "api:insi") { request, context in
            try await mapped {
                let id = try identityID(request, context)
                let body = try await JSONBody.decode(AttachINSiBody.self, from: request)
                guard let searchID = UUID(uuidString: body.searchId), let search = services.ledger.search(searchID)
                else { throw APIError.unknownSearch(body.searchId) }
                let result = try INSiResultBuilder.result(search, confirmed: body.confirmTraits)
                let record = try await services.store.attachINSiResult(id, result, actor: actor(context))
                return Replies.json(APIJSON.identity(record))
            }
        }
        routes.add(.post, "/api/v1/identities/{id}/verification", scope: "api:insi") { request, context in
            try await mapped {
                let record = try await identity(request, context)
                guard let ins = record.ins else { throw APIError.noINS(status: record.state.status.rawValue) }
                let client = try insiClient()
                let operatorID = context.grant?.subject
                var verification: INSiVerification?
                let stored = try await services.ledger.run { () async throws(INSiError) in
                    let result = try await client.verify(ins, traits: record.traits, operatorID: operatorID)
                    verification = result
                    return result.search
                }
                guard let verification, let trace = stored.traces.last else {
                    throw APIError.unknownSearch(stored.id.uuidString.lowercased())
                }
                let updated = try await services.store.recordVerification(
                    record.id, succeeded: verification.isOK, call: INSiResultBuilder.callTrace(trace),
                    actor: actor(context))
                return Replies.json([
                    "ok": verification.isOK, "identity": APIJSON.identity(updated),
                    "differences": verification.differences.map {
                        ["field": $0.field.rawValue, "expected": $0.expected, "returned": $0.returned]
                    },
                ])
            }
        }
    }

    func insiClient() throws(APIError) -> INSiClient {
        guard let client = services.insi else { throw .insiNotConfigured }
        return client
    }
}
