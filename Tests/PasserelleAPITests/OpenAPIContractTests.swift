import Broker
import Foundation
import Hummingbird
import INS
import IdentityStore
import PasserelleAPI
import Testing

/// The OpenAPI document is the contract: every route the API mounts is in it with the same method, and every
/// operation in it is mounted. Also checks the document's own shape (3.1, problem responses, security).
@Suite struct OpenAPIContractTests {
    static func document() throws -> [String: Any] {
        let data = try #require(OpenAPIDocument.data, "openapi.json is not in the bundle")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The (method, path) pairs the API registers on a real router (a temporary store, no INSi).
    static func mountedRoutes() async throws -> Set<String> {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-api-contract-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await IdentityDatabase.open(.sqlite(path: directory + "-identities.sqlite"))
        defer { try? FileManager.default.removeItem(atPath: directory + "-identities.sqlite") }
        let provider = try OpenIDProvider(settings: BrokerSettings(dataDirectory: directory))
        let router = Router(context: BrokerRequestContext.self)
        router.get("/healthz") { _, _ in "" }
        router.get("/metrics") { _, _ in "" }
        PasserelleAPI.mount(
            on: router, provider: provider,
            services: APIServices(
                store: store, insi: nil, ledger: INSiLedger(traceFile: nil), catalogue: .rnivDefault))
        await store.close()
        await provider.shutdown()
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
    }

    @Test func everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() async throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let mounted = try await Self.mountedRoutes()
        #expect(
            mounted.subtracting(documented).isEmpty, "mounted but not documented: \(mounted.subtracting(documented))")
        #expect(
            documented.subtracting(mounted).isEmpty, "documented but not mounted: \(documented.subtracting(mounted))")
        #expect(mounted.count >= 27)
    }

    @Test func documentIsOpenAPI31WithProblemDocumentsAndBearerSecurity() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for (path, operations) in paths where path.hasPrefix("/api/v1/") && path != "/api/v1/openapi.json" {
            for (method, operation) in operations {
                let responses = try #require(operation["responses"] as? [String: Any], "\(method) \(path)")
                let clientErrors = try #require(responses["4XX"] as? [String: Any], "\(method) \(path) lacks 4XX")
                let content = try #require(clientErrors["content"] as? [String: Any])
                #expect(content["application/problem+json"] != nil, "\(method) \(path)")
                let security = try #require(operation["security"] as? [[String: [String]]], "\(method) \(path)")
                let scopes = security.first?["bearer"] ?? []
                #expect(scopes.count == 1, "\(method) \(path) must name exactly one scope")
                if let scope = scopes.first {
                    #expect(PasserelleAPI.scopes.contains(scope) || scope == "openid", "\(method) \(path): \(scope)")
                }
                #expect(operation["operationId"] is String, "\(method) \(path)")
            }
        }
    }
}
