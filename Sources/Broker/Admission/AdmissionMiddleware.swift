import Foundation
import Hummingbird
import Logging
import Metrics
import Observability

/// The single gate before routing (design.md §5): `Host` allow-list, `Origin` of a registered app or the broker
/// itself, exact CORS (never `*`), JSON-only state changes (forms only on the OAuth and page routes), security
/// headers on every answer, and problem documents instead of framework errors.
struct AdmissionMiddleware: RouterMiddleware {
    typealias Context = BrokerRequestContext

    /// Read per request: the allow-list depends on the port, known once the listener is bound.
    let policyProvider: @Sendable () -> AdmissionPolicy
    let registry: AppRegistry
    let logger = Logger(label: "passerelle.broker.admission")

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var response: Response
        let started = DispatchTime.now()
        do throws(BrokerError) {
            try admit(request, context: &context)
            if request.method == .options {
                response = Response(status: .noContent)
            } else {
                response = await Self.guarded(request, context: context, next: next)
            }
        } catch {
            logger.info(
                "request refused",
                metadata: ["code": "\(error.code)", "path": "\(request.uri.path)", "requestId": "\(context.id)"])
            response = Replies.problem(error)
        }
        SecurityHeaders.apply(to: &response.headers)
        if let name = Self.requestIDField { response.headers[name] = context.id }
        Self.observe(request, context: context, status: response.status.code, since: started)
        if let origin = context.crossOrigin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.vary] = "Origin"
            if request.method == .options {
                response.headers[.accessControlAllowMethods] = "GET, POST, DELETE"
                response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
                response.headers[.accessControlMaxAge] = "600"
            }
        }
        return response
    }

    private func admit(_ request: Request, context: inout Context) throws(BrokerError) {
        let policy = policyProvider()
        let host = (request.head.authority ?? "").lowercased()
        guard policy.allowedHosts.contains(host) else { throw .hostNotAllowed(host.isEmpty ? "<none>" : host) }
        if let origin = request.headers[.origin] {
            if policy.ownOrigins.contains(origin) {
                context.crossOrigin = nil
            } else if registry.isKnownOrigin(origin) {
                context.crossOrigin = origin
            } else {
                throw .originNotAllowed(origin)
            }
        } else if request.method == .options {
            throw .notFound(request.uri.path)
        }
        switch request.method {
        case .post, .put, .patch, .delete:
            let type = request.headers[.contentType].map(Self.mediaType) ?? ""
            let hasBody =
                request.headers[.contentLength].map { $0 != "0" } ?? (request.headers[.transferEncoding] != nil)
            if type == "application/json" { return }
            if policy.uploads.contains(where: { $0.mediaType == type && request.uri.path.hasSuffix($0.pathSuffix) }) {
                return
            }
            if type == "application/x-www-form-urlencoded" && policy.formPaths.contains(request.uri.path) { return }
            if type.isEmpty && !hasBody { return }
            throw .unsupportedMediaType(type.isEmpty ? "<none>" : type)
        default:
            return
        }
    }

    static let requestIDField = HTTPFields.Element.Name("X-Request-Id")

    /// One log line per API call (path without its query: searches carry traits) and the latency metrics.
    /// Only `/api/v1` and `/oidc` are timed: pages and SSE streams would only add noise.
    static func observe(_ request: Request, context: Context, status: Int, since started: DispatchTime) {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path.hasPrefix("/oidc/") else { return }
        let route = context.endpointPath ?? "unmatched"
        let dimensions = [("route", route), ("method", request.method.rawValue), ("status", "\(status)")]
        Timer(label: MetricName.apiLatency, dimensions: dimensions).recordInterval(since: started)
        Counter(label: MetricName.apiRequests, dimensions: dimensions).increment()
        let level: Logger.Level = status >= 500 ? .error : .info
        Logger(label: "passerelle.broker.http").log(
            level: level, "request",
            metadata: [
                "requestId": "\(context.id)", "method": "\(request.method.rawValue)", "route": "\(route)",
                "path": "\(path)", "status": "\(status)", "client": "\(context.grant?.clientID ?? "-")",
            ])
    }

    static func mediaType(_ header: String) -> String {
        header.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// Runs the route; framework and unexpected errors become problem documents (never a bare 500 for input).
    static func guarded(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async -> Response {
        do {
            return try await next(request, context)
        } catch let error as BrokerError {
            return Replies.problem(error)
        } catch let problem as ProblemError {
            return Replies.problem(problem.error, status: problem.status)
        } catch let error as OAuthError {
            return Replies.oauth(error)
        } catch let error as HTTPError {
            if error.status == .notFound { return Replies.problem(.notFound(request.uri.path)) }
            if error.status == .contentTooLarge { return Replies.problem(.badRequest("body too large")) }
            return Replies.problem(.badRequest("\(error.status.code)"))
        } catch {
            return Replies.problem(.badRequest("\(type(of: error))"))
        }
    }
}
