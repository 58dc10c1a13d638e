import Broker
import Foundation
import Hummingbird
import INS
import IdentityStore

extension APIHandlers {
    func register(identities routes: APIRoutes) {
        routes.add(.post, "/api/v1/identities", scope: "api:identities") { request, context in
            try await mapped {
                let body = try await JSONBody.decode(CreateIdentityBody.self, from: request)
                let new = NewIdentity(
                    traits: try body.traits.traits(), nomUtilise: body.nomUtilise, prenomUtilise: body.prenomUtilise)
                let record = try await services.store.create(new, actor: actor(context))
                var headers = HTTPFields()
                headers[.location] = "/api/v1/identities/\(record.id.uuidString.lowercased())"
                return Replies.json(APIJSON.identity(record), status: .created, extraHeaders: headers)
            }
        }
        routes.add(.get, "/api/v1/identities", scope: "api:identities") { request, _ in
            try await mapped {
                let query = try IdentityQuery(request.uri.queryParameters)
                let records = try await services.store.search(query.search, limit: query.limit)
                return Replies.json(["identities": records.map(APIJSON.identity), "count": records.count])
            }
        }
        routes.add(.get, "/api/v1/identities/{id}", scope: "api:identities") { request, context in
            try await mapped { Replies.json(APIJSON.identity(try await identity(request, context))) }
        }
        routes.add(.put, "/api/v1/identities/{id}/traits", scope: "api:identities") { request, context in
            try await mapped {
                let id = try identityID(request, context)
                let body = try await JSONBody.decode(UpdateTraitsBody.self, from: request)
                let edit = TraitsEdit(
                    traits: try body.traits.traits(), nomUtilise: body.nomUtilise, prenomUtilise: body.prenomUtilise,
                    againstDocument: body.againstDocument ?? false, reason: body.reason)
                let record = try await services.store.updateTraits(id, with: edit, actor: actor(context))
                return Replies.json(APIJSON.identity(record))
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/duplicates", scope: "api:identities") { request, context in
            try await mapped {
                let candidates = try await services.store.probableDuplicates(of: identityID(request, context))
                return Replies.json([
                    "candidates": candidates.map { candidate in
                        [
                            "identity": APIJSON.identity(candidate.identity),
                            "reasons": candidate.reasons.map(\.rawValue),
                            "labels": candidate.reasons.map(\.label),
                        ] as [String: Any]
                    }
                ])
            }
        }
        for method in [HTTPRequest.Method.put, .delete] {
            routes.add(method, "/api/v1/identities/{id}/attributes/{attribute}", scope: "api:identities") {
                request, context in
                try await mapped {
                    let id = try identityID(request, context)
                    let attribute = try Self.attribute(request, context)
                    if method == .put {
                        _ = try await services.store.setAttribute(id, attribute, actor: actor(context))
                    } else {
                        _ = try await services.store.clearAttribute(id, attribute, actor: actor(context))
                    }
                    return Replies.json(APIJSON.identity(try await services.store.identity(id)))
                }
            }
        }
        routes.add(.post, "/api/v1/identities/{id}/evidence", scope: "api:identities") { request, context in
            try await mapped {
                let id = try identityID(request, context)
                let body = try await JSONBody.decode(EvidenceBody.self, from: request)
                let record = try await services.store.addEvidence(
                    id, NewEvidence(kindID: body.kind, documentReference: body.documentReference, note: body.note),
                    actor: actor(context))
                return Replies.json(APIJSON.identity(record))
            }
        }
        routes.add(.get, "/api/v1/identities/{id}/history", scope: "api:identities") { request, context in
            try await mapped {
                Replies.json(HistoryJSON.history(try await services.store.history(identityID(request, context))))
            }
        }
        routes.add(.get, "/api/v1/evidence-kinds", scope: "api:identities") { _, _ in
            Replies.json([
                "kinds": services.catalogue.kinds.map { kind in
                    [
                        "id": kind.id, "label": kind.label, "highTrust": kind.isHighTrust,
                        "validationMode": APIJSON.optional(kind.validationModeCode),
                    ] as [String: Any]
                }
            ])
        }
        routes.add(.get, "/api/v1/work-list", scope: "api:identities") { _, _ in
            try await mapped {
                let items = try await services.store.workList(openOnly: true)
                return Replies.json(["items": items.map(HistoryJSON.workItem)])
            }
        }
        routes.add(.get, "/api/v1/audit/verification", scope: "api:audit") { _, _ in
            try await mapped { Replies.json(HistoryJSON.audit(try await services.store.verifyAudit())) }
        }
    }

    static func attribute(_ request: Request, _ context: BrokerRequestContext) throws(APIError) -> IdentityAttribute {
        let text = try request.parameter("attribute", context: context)
        guard let attribute = IdentityAttribute(rawValue: text) else {
            throw .invalidParameter(name: "attribute", reason: "douteuse, fictive ou homonyme attendu")
        }
        return attribute
    }
}
