import Hummingbird

/// Resolves `Authorization: Bearer` into the request's `AccessGrant`, refusing tokens whose session has ended
/// or is locked, and a browser `Origin` the token's app did not register. Routes then require scopes with
/// `RequireScope`, so every route states what it needs (the REST API mounts under the same pair).
public struct BearerAuthenticator: RouterMiddleware {
    public typealias Context = BrokerRequestContext
    let provider: OpenIDProvider

    public init(provider: OpenIDProvider) {
        self.provider = provider
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.grant = try provider.authenticate(request, crossOrigin: context.crossOrigin)
        return try await next(request, context)
    }
}

/// Refuses the request unless the bearer grant holds `scope`.
public struct RequireScope: RouterMiddleware {
    public typealias Context = BrokerRequestContext
    let scope: String

    public init(_ scope: String) {
        self.scope = scope
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let grant = context.grant else { throw BrokerError.unauthorized("no bearer token") }
        guard grant.scopes.contains(scope) else { throw BrokerError.insufficientScope(scope) }
        return try await next(request, context)
    }
}
