import Broker
import Foundation
import Hummingbird

/// The REST API `/api/v1` (issue 9): mounted on the broker's router behind its admission middleware, each route
/// with the bearer authenticator and one scope. The contract is `OpenAPI/openapi.json`, served as is.
public enum PasserelleAPI {
    /// Scopes an app may be given for the API.
    public static let scopes = ["api:card", "api:insi", "api:identities", "api:datamatrix", "api:audit"]

    /// Routes taking a PDF body (the broker's admission lets `application/pdf` through on these only).
    public static let uploads = [UploadRoute(pathSuffix: "/tagged-document", mediaType: "application/pdf")]

    public static func mount(
        on router: Router<BrokerRequestContext>, provider: OpenIDProvider, services: APIServices
    ) {
        let routes = APIRoutes(router: router, provider: provider)
        let handlers = APIHandlers(services: services, provider: provider)
        routes.add(.get, "/api/v1/openapi.json", scope: nil) { _, _ in
            guard let document = OpenAPIDocument.data else {
                throw ProblemError(APIError.invalidParameter(name: "openapi", reason: "absent"), status: 500)
            }
            return Replies.raw(document, contentType: "application/json")
        }
        handlers.register(sessionAndCard: routes)
        handlers.register(insi: routes)
        handlers.register(identities: routes)
        handlers.register(documents: routes)
    }
}

/// The committed OpenAPI 3.1 document (a bundle resource).
public enum OpenAPIDocument {
    public static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap {
        try? Data(contentsOf: $0)
    }
}
