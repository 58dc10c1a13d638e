/// A route suffix and the one non-JSON media type it accepts (see `AdmissionPolicy.uploads`).
public struct UploadRoute: Sendable, Equatable {
    public let pathSuffix: String
    public let mediaType: String

    public init(pathSuffix: String, mediaType: String) {
        self.pathSuffix = pathSuffix
        self.mediaType = mediaType
    }
}
