import Foundation

/// Who logged in. Keyed by `subjectNameID` (idNat_PS), never by `sub`.
public struct PSCIdentity: Sendable, Codable, Equatable {
    public var subjectNameID: String
    public var givenName: String?
    public var familyName: String?
    public var acr: String?
    public var authTime: Date?
    /// Keycloak's `sub`, only for consistency checks between ID token and userinfo.
    public var federatedSubject: String
    public var userInfo: PSCUserInfo?

    public var subjectRefPro: SubjectRefPro? { userInfo?.subjectRefPro }
}
