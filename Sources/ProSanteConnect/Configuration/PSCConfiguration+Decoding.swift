import Foundation

extension PSCConfiguration {
    /// Only issuer, client id and client authentication are required; everything else has the defaults of `init`,
    /// so a configuration file states what differs from PSC's documented behaviour and nothing more.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PSCConfiguration(
            issuer: try container.decode(String.self, forKey: .issuer),
            clientID: try container.decode(String.self, forKey: .clientID),
            clientAuthentication: try container.decode(ClientAuthentication.self, forKey: .clientAuthentication))
        self = defaults
        discoveryURL = try container.decodeIfPresent(String.self, forKey: .discoveryURL)
        scopes = try container.decodeIfPresent([String].self, forKey: .scopes) ?? defaults.scopes
        acrValues = try container.decodeIfPresent([String].self, forKey: .acrValues) ?? defaults.acrValues
        acceptedACR = try container.decodeIfPresent([String].self, forKey: .acceptedACR) ?? defaults.acceptedACR
        enforceACR = try container.decodeIfPresent(Bool.self, forKey: .enforceACR) ?? defaults.enforceACR
        redirectURI = try container.decodeIfPresent(String.self, forKey: .redirectURI) ?? defaults.redirectURI
        postLogoutRedirectURI = try container.decodeIfPresent(String.self, forKey: .postLogoutRedirectURI)
        trustRootsPEM = try container.decodeIfPresent(String.self, forKey: .trustRootsPEM)
        clockSkew = try container.decodeIfPresent(Double.self, forKey: .clockSkew) ?? defaults.clockSkew
        requestTimeout = try container.decodeIfPresent(Double.self, forKey: .requestTimeout) ?? defaults.requestTimeout
        cacheLifetime = try container.decodeIfPresent(Double.self, forKey: .cacheLifetime) ?? defaults.cacheLifetime
        staleLimit = try container.decodeIfPresent(Double.self, forKey: .staleLimit) ?? defaults.staleLimit
        jwksRefetchInterval =
            try container.decodeIfPresent(Double.self, forKey: .jwksRefetchInterval) ?? defaults.jwksRefetchInterval
        allowedAlgorithms =
            try container.decodeIfPresent([String].self, forKey: .allowedAlgorithms) ?? defaults.allowedAlgorithms
        prompt = try container.decodeIfPresent(String.self, forKey: .prompt)
    }
}
