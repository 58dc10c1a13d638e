/// Who is calling, as the ContexteLPS says it: the CNDA authorisation number (IDAM), the software's name and
/// version, and the stable identifier of this installation.
public struct LPSIdentity: Sendable, Hashable, Codable {
    public var idam: String
    public var name: String
    public var version: String
    /// Stable UUID of this installation (`InstallationID` keeps it), never regenerated per call.
    public var instance: String

    public init(idam: String, name: String, version: String, instance: String) {
        self.idam = idam
        self.name = name
        self.version = version
        self.instance = instance
    }

    /// `urn:lps:<name>:<version>`.
    public var urn: String { "urn:lps:\(name):\(version)" }
}
