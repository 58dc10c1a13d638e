import Foundation

/// The simulator's people and registered clients, read from `Fixtures/professionals.json`.
struct Fixture: Sendable {
    struct Client: Decodable, Sendable {
        var clientID: String
        var clientSecret: String
        var tlsClientAuthSubjectCN: String?
        var redirectPaths: [String]
        var postLogoutRedirectPaths: [String]
        var ciba: Bool

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case tlsClientAuthSubjectCN = "tls_client_auth_subject_cn"
            case redirectPaths = "redirect_paths"
            case postLogoutRedirectPaths = "post_logout_redirect_paths"
            case ciba
        }

        /// RFC 8252 §7.3: loopback redirects match on scheme, loopback host and path, any port.
        func allowsRedirect(_ uri: String, paths: [String]) -> Bool {
            guard let components = URLComponents(string: uri), components.scheme == "http",
                let host = components.host, ["127.0.0.1", "localhost", "[::1]", "::1"].contains(host),
                components.fragment == nil
            else { return false }
            return paths.contains(components.path)
        }
    }

    struct Professional: Sendable {
        var nationalID: String
        var label: String
        var givenName: String
        var familyName: String
        /// The userinfo object exactly as the fixture gives it (serialised JSON).
        var userinfoJSON: Data
        var sub: String { "f:7c4ac6f2-9a52-4b0e-8f0c-5e1a3b9d2c01:\(nationalID)" }
    }

    var clients: [String: Client]
    var professionals: [Professional]

    func professional(_ nationalID: String) -> Professional? {
        professionals.first { $0.nationalID == nationalID }
    }

    static func load(_ url: URL) throws -> Fixture {
        let data = try Data(contentsOf: url)
        struct Raw: Decodable { var clients: [Client] }
        let raw = try JSONDecoder().decode(Raw.self, from: data)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let people = object["professionals"] as? [[String: Any]]
        else { throw SimulatorError("fixture has no professionals array") }
        var professionals: [Professional] = []
        for person in people {
            guard let id = person["nationalId"] as? String, let userinfo = person["userinfo"] as? [String: Any]
            else { throw SimulatorError("fixture professional without nationalId/userinfo") }
            professionals.append(
                Professional(
                    nationalID: id, label: person["label"] as? String ?? id,
                    givenName: userinfo["given_name"] as? String ?? "",
                    familyName: userinfo["family_name"] as? String ?? "",
                    userinfoJSON: try JSONSerialization.data(withJSONObject: userinfo, options: [.sortedKeys])))
        }
        return Fixture(
            clients: Dictionary(uniqueKeysWithValues: raw.clients.map { ($0.clientID, $0) }),
            professionals: professionals)
    }
}

struct SimulatorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
