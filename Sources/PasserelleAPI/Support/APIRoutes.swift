import Broker
import Hummingbird

/// Registers API routes with their scope and keeps the list, so that the OpenAPI document and the router can be
/// compared (the drift test) and the admission middleware learns which routes take a document body.
struct APIRoutes {
    typealias Handler = @Sendable (Request, BrokerRequestContext) async throws -> Response

    let router: Router<BrokerRequestContext>
    let provider: OpenIDProvider

    /// `path` in OpenAPI form (`/api/v1/identities/{id}`); nil scope = no bearer token (the contract itself).
    func add(_ method: HTTPRequest.Method, _ path: String, scope: String?, _ handler: @escaping Handler) {
        let route = RouterPath(path)
        if let scope {
            router.group()
                .add(middleware: BearerAuthenticator(provider: provider))
                .add(middleware: RequireScope(scope))
                .on(route, method: method, use: handler)
        } else {
            router.on(route, method: method, use: handler)
        }
    }
}

extension Request {
    /// A path parameter that must be present (the router matched it).
    func parameter(_ name: String, context: BrokerRequestContext) throws(APIError) -> String {
        guard let value = context.parameters.get(name) else {
            throw .invalidParameter(name: name, reason: "absent")
        }
        return value
    }
}
