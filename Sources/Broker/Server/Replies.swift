import Foundation
import Hummingbird
import INS

/// Response builders: JSON, RFC 9457 problem documents, OAuth errors, HTML, redirects. Every answer that can
/// carry a token or a personal datum is `no-store`. `json` and `raw` are public for the REST API module.
public enum Replies {
    static let problemBase = "https://passerelle.local/problems/"

    public static func json(_ object: Any, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:])
        -> Response
    {
        raw(JSONText.data(object), contentType: "application/json", status: status, extraHeaders: extraHeaders)
    }

    public static func raw(
        _ data: Data, contentType: String, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]
    ) -> Response {
        var headers = extraHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// RFC 9457: stable `type`, French `title` and `detail`, English `technicalDetail`.
    static func problem(_ error: any PasserelleError, status: Int, extraHeaders: HTTPFields = [:]) -> Response {
        let body: [String: Any] = [
            "type": problemBase + error.code, "title": error.userMessage, "status": status,
            "detail": error.userMessage, "code": error.code, "technicalDetail": error.technicalDetail,
        ]
        return raw(
            JSONText.data(body), contentType: "application/problem+json", status: .init(code: status),
            extraHeaders: extraHeaders)
    }

    static func problem(_ error: BrokerError) -> Response {
        var headers = HTTPFields()
        if case .rateLimited(let seconds) = error { headers[.retryAfter] = "\(seconds)" }
        if case .unauthorized = error { headers[.wwwAuthenticate] = "Bearer realm=\"passerelle\"" }
        if case .insufficientScope(let scope) = error {
            headers[.wwwAuthenticate] = "Bearer error=\"insufficient_scope\", scope=\"\(scope)\""
        }
        return problem(error, status: error.status, extraHeaders: headers)
    }

    /// RFC 6749 §5.2 body (what RP libraries read) with the RFC 9457 members beside it.
    static func oauth(_ error: OAuthError) -> Response {
        var headers = HTTPFields()
        if error.status == 401 {
            headers[.wwwAuthenticate] =
                error.error == "invalid_token"
                ? "Bearer error=\"invalid_token\"" : "Basic realm=\"passerelle\""
        }
        return json(
            [
                "error": error.error, "error_description": error.description,
                "type": problemBase + "oauth." + error.error, "title": error.frenchTitle, "status": error.status,
            ], status: .init(code: error.status), extraHeaders: headers)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]) -> Response {
        raw(Data(text.utf8), contentType: "text/html; charset=utf-8", status: status, extraHeaders: extraHeaders)
    }

    static func redirect(_ location: String, extraHeaders: HTTPFields = [:]) -> Response {
        var headers = extraHeaders
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .found, headers: headers)
    }
}
