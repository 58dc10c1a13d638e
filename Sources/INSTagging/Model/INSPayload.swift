/// The only check this module can make on what it is asked to print: an INS DataMatrix payload starts with
/// the fixed header `IS01` (the `INS` module builds the rest from a QUAL identity).
enum INSPayload {
    static func check(_ payload: [UInt8]) throws(INSTaggingError) {
        guard payload.count > 26, payload.starts(with: Array("IS01".utf8)) else {
            throw .notAnINSPayload
        }
    }
}
