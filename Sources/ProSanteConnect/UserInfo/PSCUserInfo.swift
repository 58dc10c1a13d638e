import Foundation

/// PSC userinfo (psc.md §5). `subjectNameID` is the user key; `sub` is a Keycloak federated id, kept only to
/// check that userinfo and ID token describe the same person.
public struct PSCUserInfo: Sendable, Codable, Equatable {
    public var sub: String?
    public var subjectNameID: String?
    public var preferredUsername: String?
    public var givenName: String?
    public var familyName: String?
    public var subjectOrganization: String?
    public var subjectOrganizationID: String?
    public var subjectRoles: [String]
    public var secteurActivite: String?
    public var palierAuthentification: String?
    public var otherIDs: [String]
    public var subjectRefPro: SubjectRefPro?

    enum CodingKeys: String, CodingKey {
        case sub
        case subjectNameID = "SubjectNameID"
        case preferredUsername = "preferred_username"
        case givenName = "given_name"
        case familyName = "family_name"
        case subjectOrganization = "SubjectOrganization"
        case subjectOrganizationID = "SubjectOrganizationID"
        case subjectRoles = "SubjectRole"
        case secteurActivite = "Secteur_Activite"
        case palierAuthentification = "Palier_Authentification"
        case otherIDs = "otherIds"
        case subjectRefPro = "SubjectRefPro"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sub = container.lenientString(.sub)
        subjectNameID = container.lenientString(.subjectNameID)
        preferredUsername = container.lenientString(.preferredUsername)
        givenName = container.lenientString(.givenName)
        familyName = container.lenientString(.familyName)
        subjectOrganization = container.lenientString(.subjectOrganization)
        subjectOrganizationID = container.lenientString(.subjectOrganizationID)
        subjectRoles = container.lenientStrings(.subjectRoles)
        secteurActivite = container.lenientString(.secteurActivite)
        palierAuthentification = container.lenientString(.palierAuthentification)
        otherIDs = Self.decodeOtherIDs(container)
        subjectRefPro = Self.decodeRefPro(container)
    }

    /// `otherIds` entries are objects in some PSC versions and strings in others: keep a string per entry.
    private static func decodeOtherIDs(_ container: KeyedDecodingContainer<CodingKeys>) -> [String] {
        if let strings = try? container.decodeIfPresent([String].self, forKey: .otherIDs) { return strings }
        guard let objects = try? container.decodeIfPresent([[String: Lenient<String>]].self, forKey: .otherIDs)
        else { return [] }
        return objects.compactMap { object in
            object["identifiant"]?.value ?? object["id"]?.value
        }
    }

    /// SubjectRefPro as an object, as a JSON string holding an object, empty or absent.
    private static func decodeRefPro(_ container: KeyedDecodingContainer<CodingKeys>) -> SubjectRefPro? {
        if let object = try? container.decodeIfPresent(SubjectRefPro.self, forKey: .subjectRefPro) {
            return object.isEmpty ? nil : object
        }
        if let text = try? container.decodeIfPresent(String.self, forKey: .subjectRefPro), !text.isEmpty,
            let object = try? JSONDecoder().decode(SubjectRefPro.self, from: Data(text.utf8))
        {
            return object.isEmpty ? nil : object
        }
        return nil
    }
}
