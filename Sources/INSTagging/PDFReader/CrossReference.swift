/// Where an object lives according to the cross-reference data (ISO 32000-1 §7.5.4, §7.5.8).
enum CrossReferenceEntry: Equatable, Sendable {
    case free
    case uncompressed(offset: Int, generation: Int)
    case compressed(objectStream: Int, index: Int)
}

/// Object numbers beyond this are damage: ISO 32000-1 Annex C puts the practical limit at 8 388 607.
let maximumObjectNumber = 8_388_607

/// How the newest section of a file was written; an incremental update must use the same kind.
enum CrossReferenceKind: Equatable, Sendable {
    case table
    case stream
}

/// The merged view of every cross-reference section reachable from `startxref` (newest entry wins).
struct CrossReference: Sendable {
    var entries: [Int: CrossReferenceEntry] = [:]
    /// The trailer of the newest section (for an xref stream: its stream dictionary).
    var trailer = PDFDictionary()
    var newestKind = CrossReferenceKind.table
    /// The value after the last `startxref`: the `/Prev` of the section we append.
    var startxref = 0
    /// One more than the highest object number in use, at least the trailer `/Size`.
    var size = 0
    var sectionCount = 0
    /// Some trailer of the chain (not only the newest) names an `/Encrypt` dictionary.
    var isEncrypted = false
}
