import Foundation

/// The subset of the OpenID Provider metadata the client relies on. Unknown fields are ignored.
public struct ProviderMetadata: Sendable, Codable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var userinfoEndpoint: String?
    public var jwksURI: String
    public var endSessionEndpoint: String?
    public var introspectionEndpoint: String?
    public var backchannelAuthenticationEndpoint: String?
    public var codeChallengeMethodsSupported: [String]?
    public var authorizationResponseIssParameterSupported: Bool?
    public var mtlsEndpointAliases: [String: String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case userinfoEndpoint = "userinfo_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
        case introspectionEndpoint = "introspection_endpoint"
        case backchannelAuthenticationEndpoint = "backchannel_authentication_endpoint"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case authorizationResponseIssParameterSupported = "authorization_response_iss_parameter_supported"
        case mtlsEndpointAliases = "mtls_endpoint_aliases"
    }

    /// RFC 8705 §5: with mTLS client authentication, use the aliases when advertised.
    func endpoint(_ name: String, default value: String?, mutualTLS: Bool) -> String? {
        if mutualTLS, let alias = mtlsEndpointAliases?[name] { return alias }
        return value
    }
}
